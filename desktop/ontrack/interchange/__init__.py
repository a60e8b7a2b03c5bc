"""The interchange format (INTERCHANGE.md): one UTF-8 JSON document with all of a user's data.

Pure Python: no Qt, no database. Export and import, the CLI and tests all go through here.
"""

from .errors import InterchangeError
from .json_codec import dumps, loads, read_file, write_file
from .json_read import dataset_from_document
from .json_write import FORMAT_NAME, FORMAT_VERSION, dataset_to_document

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "InterchangeError",
    "dataset_from_document",
    "dataset_to_document",
    "dumps",
    "loads",
    "read_file",
    "write_file",
]
