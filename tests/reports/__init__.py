"""Tests of the PDF progress report. Shared helpers live here: the content, and reading a
PDF's text back with pypdf."""

from __future__ import annotations

import io
import re
from functools import cache

from ontrack.domain.content import Content, load_content
from ontrack.files.resources import resource_path


@cache
def content() -> Content:
    return load_content(resource_path("content"))


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with every run of white space as one space, so that wrapped lines compare."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(pdf_pages(pdf)))
