"""OnTrack's own content (the eight factors, statements, guidance, goal templates), read
from the files bundled with the program: the one place that says where they are."""

from __future__ import annotations

from ..domain.content import Content, load_content
from ..files.resources import resource_path


def bundled_content() -> Content:
    """The content as shipped, parsed now; `ContentError` if its files are damaged. The
    command line's way: no QtCore (the cache folder is Qt's to name)."""
    return load_content(resource_path("content"))


def bundled_content_cached() -> Content:
    """The content as shipped, through its parsed copy in the cache folder (see
    `content_cache`): the window's way, where QtCore is loaded anyway."""
    from ..files.paths import cache_folder
    from .content_cache import load_content_cached

    return load_content_cached(resource_path("content"), cache_folder())
