"""The interchange format as text and files: UTF-8 JSON in, Dataset out, and back.

Parsing problems (not UTF-8, not JSON, an unreadable file) become InterchangeError with an empty
place; everything about the content is checked by json_read, the shape written by json_write.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

from ontrack.domain.dataset import Dataset
from ontrack.files.atomic import write_bytes_atomically

from .errors import InterchangeError
from .json_fields import object_from_pairs
from .json_read import dataset_from_document
from .json_write import dataset_to_document

_BOM = "\ufeff"
# The most an import reads: six times the large demo's export (about 33 MB), and still a
# size whose parsed document fits comfortably in memory.
MAX_FILE_BYTES = 200_000_000


def dumps(dataset: Dataset, exported_at: datetime) -> str:
    """The canonical document as JSON text: indent 2, non-ASCII as is, trailing newline."""
    document = dataset_to_document(dataset, exported_at)
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def loads(data: str | bytes) -> Dataset:
    """The Dataset in a JSON document given as text or as UTF-8 bytes."""
    return dataset_from_document(_parse(data))


def read_file(path: str | os.PathLike[str]) -> Dataset:
    """The Dataset in the file at `path`; an unreadable file is an InterchangeError too.

    Messages do not repeat the path: every caller already shows which file it was.
    """
    return loads(read_limited(path))


def read_limited(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, refused in words when there are more than `limit` of them.

    A regular file is measured before it is read; anything else (a device such as
    /dev/zero, a pipe) is read only up to the limit, so it can never fill the memory.
    """
    try:
        # O_NONBLOCK: opening a pipe that nobody writes to would otherwise wait forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as stream:
            os.set_blocking(fd, True)
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise InterchangeError("", _too_large(limit, f"it has {_size(info.st_size)}"))
            data = stream.read(limit + 1)
    except OSError as error:
        raise InterchangeError("", f"the file cannot be read: {_reason(error)}") from None
    if len(data) > limit:
        raise InterchangeError("", _too_large(limit, "it goes on beyond that"))
    return data


def _too_large(limit: int, found: str) -> str:
    return f"this file is too large to import: OnTrack reads at most {_size(limit)}, and {found}"


def _size(count: int) -> str:
    return f"{count / 1_000_000:,.0f} MB" if count >= 10_000_000 else f"{count:,} bytes"


def write_file(path: str | os.PathLike[str], dataset: Dataset, exported_at: datetime) -> None:
    """Write the document atomically: the target is either the old file or the whole new one.

    OSError (no such folder, disk full) propagates as is, for the caller to word with the path.
    """
    write_bytes_atomically(path, dumps(dataset, exported_at).encode("utf-8"))


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _parse(data: str | bytes) -> object:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise InterchangeError(
                "",
                f"this is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line},"
                f" offset {error.start}, cannot be decoded)",
            ) from None
    else:
        text = data
    # Some editors on Windows start UTF-8 files with a byte order mark; it carries no data.
    text = text.removeprefix(_BOM)
    if not text.strip():
        raise InterchangeError("", "the file is empty")
    try:
        return json.loads(text, object_pairs_hook=object_from_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            # Some of json's messages end in "at" already ("Unterminated string starting at").
            "",
            f"this is not valid JSON: {error.msg.removesuffix(' at')} "
            f"at line {error.lineno}, column {error.colno}",
        ) from None
    except RecursionError:
        raise InterchangeError("", "this JSON is nested too deeply to read") from None
    except ValueError:
        # The one other way json.loads fails: Python refuses to convert integers with
        # thousands of digits (sys.get_int_max_str_digits).
        raise InterchangeError("", "this JSON has a number with too many digits") from None


def _no_constant(name: str) -> object:
    # Python's json accepts NaN and Infinity, but they are not JSON and no field takes them.
    raise InterchangeError("", f"this is not valid JSON: {name} is not allowed")
