"""OnTrack's own content (the eight factors, statements, guidance, goal templates), read
from the files bundled with the program: the one place that says where they are."""

from __future__ import annotations

from ..domain.content import Content, load_content
from ..files.resources import resource_path


def bundled_content() -> Content:
    """The content as shipped; `ContentError` if its files are damaged."""
    return load_content(resource_path("content"))
