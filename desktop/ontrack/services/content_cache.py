"""The assessment content, kept parsed in the cache folder between runs (#19).

Parsing the content's TOML (and loading the TOML parser) took 15–20 ms of every start that
shows an assessment; the parsed documents, kept with `marshal`, load in a fraction of a
millisecond. The copy is used only while every content file has the size and time it had
when the copy was made (and the same Python reads it); otherwise, or if it cannot be read,
the files are parsed again and the copy rewritten. The content is checked against its
schema from the documents every time, cached or not, and it is OnTrack's own bundled text:
nothing of the person's is kept here.
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files.atomic import write_bytes_atomically

if TYPE_CHECKING:
    from ..domain.content import Content

CACHE_NAME = "ontrack-content.marshal"  # named in full: without app names the folder is shared
_FORMAT = 1  # raised when what is kept changes


def load_content_cached(directory: Path, cache_folder: Path | None) -> Content:
    """The content in `directory`, through its parsed copy in `cache_folder` (if any)."""
    from ..domain.content import CONTENT_FILES, content_from, read_documents

    key = _key(directory, CONTENT_FILES)
    cache = cache_folder / CACHE_NAME if cache_folder is not None and key else None
    documents = _read(cache, key) if cache is not None else None
    if documents is None:
        documents = read_documents(directory)  # ContentError names the file at fault
        if cache is not None:
            _write(cache, key, documents)
    return content_from(documents)


def _key(directory: Path, names: tuple[str, ...]) -> tuple[Any, ...] | None:
    """What the copy must have been made from: each file's size and time, and the reader."""
    try:
        stats = [(directory / name).stat() for name in names]
    except OSError:
        return None  # a file is missing: parsing says so in words
    files = tuple((name, s.st_size, s.st_mtime_ns) for name, s in zip(names, stats, strict=True))
    return (_FORMAT, tuple(sys.version_info[:2]), marshal.version, str(directory), files)


def _read(cache: Path, key: tuple[Any, ...] | None) -> dict[str, Any] | None:
    try:
        stored = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, or not one this version wrote
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return None
    documents = stored[1]
    return documents if isinstance(documents, dict) else None


def _write(cache: Path, key: tuple[Any, ...] | None, documents: dict[str, Any]) -> None:
    try:
        data = marshal.dumps((key, documents))
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(cache, data)
    except (OSError, ValueError):
        pass  # no cache folder to write, or a value marshal cannot keep: parsed next time
