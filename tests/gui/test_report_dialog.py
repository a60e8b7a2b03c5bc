"""File ▸ Progress report…: the dialog as a person drives it — it previews as it opens (off
the GUI thread) and again when a choice changes; save, print, open; and what they are told
when a choice or a path is wrong."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QObject, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.content import load_content
from ontrack.domain.dataset import Dataset
from ontrack.domain.profile import Profile
from ontrack.domain.report_options import ReportOptions
from ontrack.files.resources import resource_path
from ontrack.reports import Period, Preset, Section, build_report
from ontrack.ui.main_window import MainWindow
from ontrack.ui.report.dialog import ReportDialog
from ontrack.ui.report.options_form import default_file_name
from ontrack.ui.report.worker import ReportJob
from ontrack.ui.settings import Folder
from tests.conftest import TODAY
from tests.gui.conftest import when_modal


@pytest.fixture(scope="module")
def report_pdf(small_dataset: Dataset) -> bytes:
    """The small demo's report, built once for the tests that need a report, not a build."""
    return build_report(
        small_dataset, load_content(resource_path("content")), ReportOptions(), TODAY
    )


@pytest.fixture
def dialog(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, settings: QSettings
) -> Iterator[ReportDialog]:
    dialog = ReportDialog(window.services, clock, settings, window)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    _wait_for_preview(dialog, qtbot)  # made as the dialog opens
    yield dialog
    dialog.close()
    dialog.deleteLater()


def _wait_for_preview(dialog: ReportDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _read_message(texts: list[str]):  # type: ignore[no-untyped-def]
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    return act


def test_the_preview_is_made_as_the_dialog_opens(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, settings: QSettings,
    small_dataset: Dataset,
) -> None:  # fmt: skip
    dialog = ReportDialog(window.services, clock, settings, window)
    assert not dialog.save_button.isEnabled()  # nothing to save before a report exists
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.waitUntil(dialog.is_busy)  # nobody pressed anything
    assert dialog.busy_bar.isVisible()
    assert dialog.cancel_button.isVisible()
    assert not dialog.print_button.isEnabled()
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf is not None
    pages = _pages(dialog.pdf)
    assert pages > 3
    assert dialog.preview.page_count() == pages
    assert dialog.preview.pages_label.text() == f"Page 1 of {pages}"
    assert f"Made {pages} pages" in dialog.status_text()
    assert not dialog.busy_bar.isVisible()
    assert dialog.print_button.isEnabled()
    assert dialog.open_button.isEnabled()
    text = _text(dialog.pdf)
    assert small_dataset.profile.name in text
    for section in Section:
        assert section.heading in text
    dialog.close()
    dialog.deleteLater()


def test_the_cover_shows_first_and_only_the_whole_is_saved(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, settings: QSettings,
    small_dataset: Dataset,
) -> None:  # fmt: skip
    # The cover needs only the profile: a page shows while the rest is made (#19).
    dialog = ReportDialog(window.services, clock, settings, window)
    shown: list[tuple[int, str, bool]] = []  # pages, what the label says, may it be saved
    show = dialog.preview.show_pdf

    def watched(data: bytes | None, **kwargs: bool) -> int:
        count = show(data, **kwargs)
        shown.append((count, dialog.preview.pages_label.text(), dialog.save_button.isEnabled()))
        return count

    dialog.preview.show_pdf = watched  # type: ignore[method-assign]
    with qtbot.waitExposed(dialog):
        dialog.show()
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf is not None
    pages = _pages(dialog.pdf)
    assert shown == [
        (1, "Page 1; the others are being made", False),
        (pages, f"Page 1 of {pages}", False),  # Save is enabled once it is shown
    ]
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()
    _wait_for_preview(dialog, qtbot)
    assert len(shown) == 3  # an update replaces the pages shown only once it is whole
    assert small_dataset.profile.name in _text(dialog.pdf)
    dialog.close()
    dialog.deleteLater()


def test_a_choice_changed_before_the_first_report_shows_its_own_cover(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # Reads wait for the test's word, so the cover is all there is for as long as needed.
    go = threading.Event()
    service = window.services.report
    read_for_worker = service.read_for_worker

    def held(period: Period) -> Callable[[], Dataset]:
        read = read_for_worker(period)
        return lambda: (go.wait(20), read())[1]

    monkeypatch.setattr(service, "read_for_worker", held)
    dialog = ReportDialog(window.services, clock, settings, window)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=20_000)
    assert "Goals" in _first_page_shown(dialog)
    dialog.form.section_boxes[Section.GOALS].setFocus()
    qtbot.keyClick(dialog.form.section_boxes[Section.GOALS], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Goals" not in _first_page_shown(dialog), timeout=20_000)
    assert dialog.preview.page_count() == 1  # the new choices' cover
    assert not dialog.save_button.isEnabled()
    go.set()
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf is not None
    assert "Goals" not in PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text()
    dialog.close()
    dialog.deleteLater()


def _first_page_shown(dialog: ReportDialog) -> str:
    return dialog.preview.document.getAllText(0).text() if dialog.preview.page_count() else ""


def test_a_dialog_not_on_screen_makes_nothing(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, settings: QSettings
) -> None:
    dialog = ReportDialog(window.services, clock, settings, window)
    qtbot.wait(200)
    assert not dialog.is_busy()  # so deleting it never destroys a running build
    dialog.deleteLater()


def test_update_preview_by_keyboard_makes_it_again(dialog: ReportDialog, qtbot: QtBot) -> None:
    first = dialog.pdf
    assert QApplication.focusWidget() is dialog.form.period_combo
    qtbot.keyClick(dialog.form.period_combo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.is_busy)  # the shortcut arrives through the event queue
    assert not dialog.save_button.isEnabled()
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf == first  # the same choices make the same bytes


def test_the_summary_and_the_paper_are_chosen_in_the_dialog(
    dialog: ReportDialog, qtbot: QtBot, settings: QSettings
) -> None:
    form = dialog.form
    assert form.page_size().value == settings.value("reports/page_size", form.page_size().value)
    form.kind_combo.setFocus()
    qtbot.keyClick(form.kind_combo, Qt.Key.Key_Down)  # Full report → Summary (one page)
    assert form.is_summary()
    assert not form.sections_box.isEnabled()  # the summary's content is fixed
    assert form.path_edit.text().endswith(default_file_name(TODAY, summary=True))
    form.paper_combo.setCurrentIndex(form.paper_combo.findData("letter"))
    assert settings.value("reports/page_size") == "letter"
    assert not dialog.save_button.isEnabled()  # the preview no longer shows the choices
    qtbot.waitUntil(dialog.is_busy)  # the preview follows by itself
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf is not None
    reader = PdfReader(io.BytesIO(dialog.pdf))
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert "PROGRESS SUMMARY" in _text(dialog.pdf)


def test_sections_left_out_are_left_out_and_the_period_is_the_one_chosen(
    dialog: ReportDialog, qtbot: QtBot
) -> None:
    network = dialog.form.section_boxes[Section.NETWORK]
    network.setFocus()
    qtbot.keyClick(network, Qt.Key.Key_Space)
    assert not network.isChecked()
    dialog.form.period_combo.setFocus()
    qtbot.keyClick(dialog.form.period_combo, Qt.Key.Key_Up)  # Last 12 months → Last quarter
    assert dialog.form.period() == Period.preset(Preset.LAST_QUARTER, TODAY)
    assert dialog.form.from_edit.date() == QDate(2026, 8, 25)
    assert not dialog.form.from_edit.isEnabled()
    _wait_for_preview(dialog, qtbot)  # no button to press: the preview follows the choices
    text = _text(dialog.pdf or b"")
    assert "25 Aug 2026" in text
    outline = [  # top-level bookmarks: the cover and the sections (lists hold sub-entries)
        item.title
        for item in PdfReader(io.BytesIO(dialog.pdf or b"")).outline
        if not isinstance(item, list)
    ]
    assert "Network" not in outline
    assert "Next 30 days" in outline


def test_a_custom_period_that_ends_before_it_starts_is_refused(
    dialog: ReportDialog, qtbot: QtBot
) -> None:
    form = dialog.form
    form.period_combo.setFocus()
    qtbot.keyClick(form.period_combo, Qt.Key.Key_End)  # Custom dates
    assert form.from_edit.isEnabled()
    assert form.to_edit.isEnabled()
    form.from_edit.setDate(QDate(2026, 11, 1))
    form.to_edit.setDate(QDate(2026, 10, 1))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_busy()
    assert not dialog.save_button.isEnabled()  # the preview is of other choices
    assert dialog.save() is None
    assert "after it ends" in dialog.status_text() or "Wait for the preview" in dialog.status_text()
    assert dialog.status_icon.isVisible()
    form.to_edit.setDate(QDate(2026, 11, 20))
    assert form.period() == Period(TODAY.replace(day=1), TODAY.replace(day=20))


def test_a_report_needs_a_section(dialog: ReportDialog, qtbot: QtBot) -> None:
    for box in dialog.form.section_boxes.values():
        box.setChecked(False)
    assert not dialog.generate()
    assert "at least one section" in dialog.status_text()


def test_save_writes_the_previewed_pdf_and_remembers_the_folder(
    dialog: ReportDialog, qtbot: QtBot, tmp_path: Path, report_pdf: bytes, settings: QSettings
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    assert dialog.form.path_edit.text().endswith(default_file_name(TODAY))
    dialog.show_report(report_pdf)
    dialog.form.path_edit.clear()
    qtbot.keyClicks(dialog.form.path_edit, str(folder / "for my coach"))
    qtbot.keyClick(dialog.form.path_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = folder / "for my coach.pdf"
    qtbot.waitUntil(lambda: dialog.saved_path is not None)
    assert dialog.saved_path == saved
    assert saved.read_bytes() == report_pdf
    assert saved.stat().st_mode & 0o077 == 0  # private career data: owner only
    assert settings.value(Folder.REPORTS.value) == str(folder)
    assert "Saved as for my coach.pdf" in dialog.status_text()


def test_an_unwritable_path_is_explained_and_leaves_nothing(
    dialog: ReportDialog, qtbot: QtBot, tmp_path: Path, report_pdf: bytes
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    dialog.show_report(report_pdf)
    dialog.form.path_edit.setText(str(not_a_folder / "report.pdf"))
    texts: list[str] = []
    when_modal(qtbot, _read_message(texts))
    assert dialog.save() is None
    assert texts
    assert "could not write" in texts[0]
    assert dialog.saved_path is None
    assert not [p for p in tmp_path.rglob("*") if p.suffix in {".pdf", ".tmp"}]
    assert not_a_folder.read_text() == "a file, not a folder"


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_saves_and_hands_the_file_to_the_pdf_viewer(
    dialog: ReportDialog, qtbot: QtBot, tmp_path: Path, report_pdf: bytes
) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        dialog.show_report(report_pdf)
        dialog.form.path_edit.setText(str(tmp_path / "to open.pdf"))
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.urls] == [str(tmp_path / "to open.pdf")]
    assert (tmp_path / "to open.pdf").read_bytes() == report_pdf


def test_cancel_drops_the_build_and_generating_works_again(
    dialog: ReportDialog, qtbot: QtBot
) -> None:
    before = dialog.pdf
    dialog.form.section_boxes[Section.GOALS].setChecked(False)
    assert dialog.generate()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_busy()
    assert "Cancelled" in dialog.status_text()
    assert not dialog.busy_bar.isVisible()
    assert dialog.generate_button.isEnabled()
    assert not dialog.save_button.isEnabled()  # the preview is of the earlier choices
    # The abandoned build runs to its end and is let go: then its result has come and gone.
    qtbot.waitUntil(lambda: not dialog.findChildren(ReportJob), timeout=20_000)
    assert dialog.pdf == before  # its result was dropped
    assert "Cancelled" in dialog.status_text()
    assert dialog.generate()
    _wait_for_preview(dialog, qtbot)
    assert "Goals" not in [item.title for item in PdfReader(io.BytesIO(dialog.pdf or b"")).outline
                           if not isinstance(item, list)]  # fmt: skip


def test_file_menu_opens_the_report_dialog(window: MainWindow, qtbot: QtBot) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    export = texts.index("Export to &calendar…")
    assert texts[export + 1 : export + 4] == ["", "Progress &report…", "&Print report…"]
    assert window.print_report_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.report_action.shortcut() == QKeySequence("Ctrl+Shift+R")
    seen = when_modal(qtbot, lambda d: d.reject())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_R, ctrl_shift)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert isinstance(seen[0], ReportDialog)


def test_print_report_generates_then_offers_the_print_dialog(
    window: MainWindow, qtbot: QtBot
) -> None:
    offered: list[QWidget] = []

    def in_report_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)

        # The print dialog comes up by itself once the report is made; decline it.
        def decline_print_dialog() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None or modal is dialog:
                QTimer.singleShot(10, decline_print_dialog)
                return
            offered.append(modal)
            modal.reject()

        decline_print_dialog()
        qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
        assert dialog.pdf is not None
        assert "Made" in dialog.status_text()
        dialog.reject()

    seen = when_modal(qtbot, in_report_dialog)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert isinstance(offered[0], QPrintDialog)


def test_names_that_look_like_markup_or_are_in_any_script_print_as_typed(
    dialog: ReportDialog, window: MainWindow, qtbot: QtBot
) -> None:
    name = "<b>Lead & grow</b> 5 < 6 · Ayşe Çelik"
    window.services.profile.update(Profile(name, "مهندسة برمجيات", "Engineering manager"))
    assert dialog.generate()
    _wait_for_preview(dialog, qtbot)
    text = " ".join(_text(dialog.pdf or b"").split())
    assert name in text
    assert dialog.preview.page_count() == _pages(dialog.pdf or b"")


def test_changing_a_choice_updates_the_preview_by_itself(
    dialog: ReportDialog, qtbot: QtBot, report_pdf: bytes
) -> None:
    dialog.show_report(report_pdf)
    dialog.form.section_boxes[Section.GOALS].setFocus()
    qtbot.keyClick(dialog.form.section_boxes[Section.GOALS], Qt.Key.Key_Space)
    assert "updating the preview" in dialog.status_text()
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(dialog.is_busy)
    _wait_for_preview(dialog, qtbot)
    assert dialog.pdf != report_pdf


def test_the_preview_zooms_and_fits_the_width_again(
    dialog: ReportDialog, qtbot: QtBot, report_pdf: bytes
) -> None:
    preview = dialog.preview
    preview.show_pdf(None)
    assert not preview.zoom_in_button.isVisible()  # nothing to zoom
    dialog.show_report(report_pdf)
    assert preview.zoom_in_button.isVisible()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = preview.view.zoomFactor()
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomFactor() == pytest.approx(bigger / 1.25)
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_the_next_report_is_suggested_in_the_folder_last_saved_to(
    window: MainWindow, clock: FixedClock, settings: QSettings, tmp_path: Path
) -> None:
    settings.setValue(Folder.REPORTS.value, str(tmp_path))
    dialog = ReportDialog(window.services, clock, settings, window)
    assert dialog.form.path_edit.text() == str(tmp_path / default_file_name(TODAY))
    settings.setValue(Folder.REPORTS.value, str(tmp_path / "gone"))  # a folder since removed
    other = ReportDialog(window.services, clock, settings, window)
    assert Path(other.form.path_edit.text()).parent.is_dir()
    for d in (dialog, other):
        d.deleteLater()


def test_closing_while_a_report_is_being_made_is_safe(dialog: ReportDialog, qtbot: QtBot) -> None:
    before = dialog.pdf
    dialog.form.section_boxes[Section.GOALS].setChecked(False)
    assert dialog.generate()
    dialog.reject()  # waits for the build it abandons: a running QThread is never destroyed
    assert not dialog.is_busy()
    assert dialog.pdf == before


def test_starting_the_window_does_not_load_the_report_dialog() -> None:
    script = (
        "import sys, ontrack.app, ontrack.ui.main_window;"
        "late = ('ontrack.ui.report', 'PySide6.QtPdf', 'PySide6.QtPrintSupport');"
        "print(' '.join(m for m in sys.modules if m.startswith(late)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == []


def test_saving_over_an_existing_file_asks_first(
    dialog: ReportDialog, qtbot: QtBot, tmp_path: Path, report_pdf: bytes
) -> None:
    existing = tmp_path / "<b>old & 5 < 6 report.pdf"
    existing.write_bytes(b"%PDF-1.4 an older report")
    dialog.show_report(report_pdf)
    dialog.form.path_edit.setText(str(existing))
    asked: list[str] = []

    def keep(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        asked.append(box.text())
        box.reject()

    when_modal(qtbot, keep)
    assert dialog.save() is None
    assert "<b>old & 5 < 6 report.pdf already exists" in asked[0]
    assert existing.read_bytes() == b"%PDF-1.4 an older report"

    def replace(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "&Replace").click()

    when_modal(qtbot, replace)
    assert dialog.save() == existing
    assert existing.read_bytes() == report_pdf
    assert dialog.save() == existing  # saving the same report again does not ask again


def test_an_empty_data_file_makes_a_report_that_says_so(
    open_window: Callable[[Path], MainWindow],
    data_path: Path,
    qtbot: QtBot,
    clock: FixedClock,
    settings: QSettings,
) -> None:
    window = open_window(data_path)
    dialog = ReportDialog(window.services, clock, settings, window)
    dialog.show()
    _wait_for_preview(dialog, qtbot)
    text = _text(dialog.pdf or b"")
    for section in Section:
        assert section.heading in text
    assert dialog.preview.page_count() == _pages(dialog.pdf or b"")
    dialog.close()
    dialog.deleteLater()


def test_printing_from_the_dialog_prints_every_previewed_page(
    dialog: ReportDialog, tmp_path: Path, report_pdf: bytes
) -> None:
    pages = dialog.show_report(report_pdf)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    assert f"Sent {pages} pages to the printer" in dialog.status_text()
    assert dialog.isEnabled()


def test_browse_puts_the_chosen_file_in_the_path_field(
    dialog: ReportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen.pdf"

    def pick(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        file_dialog.selectFile(str(chosen))
        file_dialog.accept()

    seen = when_modal(qtbot, pick)
    qtbot.mouseClick(dialog.form.browse_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert dialog.form.path_edit.text() == str(chosen)
    assert dialog.form.save_path() == chosen
