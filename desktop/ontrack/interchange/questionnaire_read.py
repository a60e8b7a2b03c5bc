"""Reading a returned questionnaire's fields with pypdf, as tolerantly as readers save them.

A check box counts as ticked when either its value (`/V`) or the appearance state of its
widget (`/AS`) says so: some readers write only one of the two. The latest revision of a
file saved by an incremental update is what pypdf reads. A PDF without the form's key is
refused: if its text still shows the key, it was printed or flattened to PDF and the
answers are no longer fields; otherwise it is not an OnTrack questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.questionnaire import (
    KEY_FIELD,
    NotAQuestionnaireError,
    is_ticked,
    parse_form_key,
)

_KEY_TEXT = "ontrack-questionnaire/"


@dataclass(frozen=True, slots=True)
class ReturnedFields:
    """The key and the raw answers of one returned form."""

    assessment_id: str
    rater_id: str
    ticked: frozenset[str]
    texts: dict[str, str]


def read_returned_form(path: Path) -> ReturnedFields:
    """The fields of a filled-in questionnaire; NotAQuestionnaireError says why not."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from .pdf_hex import install

    install()  # a megabyte comment read in 0.1 s, not 14 (see there)
    try:
        with path.open("rb") as file:
            if b"%PDF-" not in file.read(1024):
                raise NotAQuestionnaireError("it is not a PDF file")
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise NotAQuestionnaireError("it is encrypted; ask for a copy without a password")
        fields = reader.get_fields() or {}
        widgets = list(_widgets(reader))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        if isinstance(error, NotAQuestionnaireError):
            raise
        raise NotAQuestionnaireError(f"it is not a PDF that can be read ({error})") from None
    except OSError as error:
        raise NotAQuestionnaireError(f"it could not be read: {error.strerror or error}") from None
    key = fields.get(KEY_FIELD)
    value = None if key is None else key.get("/V")
    if value is None:
        raise NotAQuestionnaireError(_without_key(reader))
    assessment_id, rater_id = parse_form_key(str(value))
    ticked = {name for name, field in fields.items() if is_ticked(field.get("/V"))}
    ticked |= {name for name, state in widgets if is_ticked(state)}
    texts = {
        name: str(field.get("/V"))
        for name, field in fields.items()
        if field.get("/FT") == "/Tx" and field.get("/V") is not None and name != KEY_FIELD
    }
    return ReturnedFields(assessment_id, rater_id, frozenset(ticked), texts)


def _widgets(reader: Any) -> list[tuple[str, object]]:
    """(field name, appearance state) of every check box widget on every page."""
    found = []
    for page in reader.pages:
        for reference in page.get("/Annots") or ():
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Widget" or "/AS" not in annotation:
                continue
            name = annotation.get("/T")
            if name is None and "/Parent" in annotation:
                name = annotation["/Parent"].get_object().get("/T")
            if name is not None:
                found.append((str(name), annotation.get("/AS")))
    return found


def _without_key(reader: Any) -> str:
    try:
        first = reader.pages[0].extract_text() if reader.pages else ""
    except Exception:
        first = ""
    if _KEY_TEXT in first.replace("\n", ""):
        return (
            "its answers are no longer form fields: it was printed or flattened to PDF. "
            "Ask for the file saved with the reader's Save, or for an e-mail reply"
        )
    return "it is not an OnTrack questionnaire (it has no OnTrack form key)"
