"""Printing the report: the rendered pages go to a QPrinter (here one that writes a PDF
file, so no printer and no print dialog are needed), all of them or the range asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ontrack.domain.content import load_content
from ontrack.domain.dataset import Dataset
from ontrack.domain.report_options import ReportOptions
from ontrack.files.resources import resource_path
from ontrack.reports import build_report
from ontrack.ui.report.printing import PrintError, print_document
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def report_pdf(small_dataset: Dataset) -> bytes:
    return build_report(
        small_dataset, load_content(resource_path("content")), ReportOptions(), TODAY
    )


def _document(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return document, buffer  # the buffer must outlive the document's use


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # small images: a fast test
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_every_page_is_printed(qapp, tmp_path: Path, report_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    document, _buffer = _document(report_pdf)
    progress: list[tuple[int, int]] = []
    out = tmp_path / "printed.pdf"
    printed = print_document(document, _pdf_printer(out), lambda *p: progress.append(p))
    pages = document.pageCount()
    assert printed == pages > 3
    assert len(PdfReader(out).pages) == pages
    assert progress[-1] == (pages, pages)
    # The pages are images of the report's pages: each printed page holds one.
    first = PdfReader(out).pages[0]
    assert list(first.images)


def test_the_range_from_the_print_dialog_is_honoured(
    qapp, tmp_path: Path, report_pdf: bytes
) -> None:  # type: ignore[no-untyped-def]
    document, _buffer = _document(report_pdf)
    out = tmp_path / "two pages.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(document, printer) == 2
    assert len(PdfReader(out).pages) == 2


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt says so too; the message is ours to give
def test_a_printer_that_cannot_start_is_an_error(qapp, tmp_path: Path, report_pdf: bytes) -> None:  # type: ignore[no-untyped-def]
    document, _buffer = _document(report_pdf)
    printer = _pdf_printer(tmp_path / "missing folder" / "out.pdf")
    with pytest.raises(PrintError):
        print_document(document, printer)
