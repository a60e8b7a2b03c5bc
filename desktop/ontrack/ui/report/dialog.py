"""File ▸ Progress report…: the preview is built as the dialog opens, and again a moment
after any choice changes (full report or one-page summary, paper, period, sections); Save,
Print and Open work as soon as the preview of the current choices is ready.

The build runs off the GUI thread in a ReportJob; a build whose choices are no longer the
ones on screen is abandoned (it runs to its end, its result dropped). Saving writes the
previewed bytes atomically, so what is saved is what was seen, and a failed save leaves
nothing behind.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import Clock
from ...files.atomic import write_bytes_atomically
from ...services.registry import Services
from ..look import attention_icon
from .options_form import ReportOptionsForm
from .preview import ReportPreview
from .printing import PrintError, print_document
from .worker import ReportJob

UPDATE_DELAY_MS = 400


class ReportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        clock: Clock,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        print_when_ready: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle("Progress report")
        self._services = services
        self._clock = clock
        self._today = clock.today()
        self._job: ReportJob | None = None
        self._abandoned: list[ReportJob] = []  # cancelled builds still finishing
        self._started = 0.0
        # The preview no longer shows the choices on screen (an update is pending, or they
        # need fixing): Save, Print and Open wait for the next preview.
        self._stale = True
        self.pdf: bytes | None = None
        self.saved_path: Path | None = None
        self._print_when_ready = print_when_ready

        self.form = ReportOptionsForm(settings, self._today, self)
        self.form.changed.connect(self._options_changed)
        # Typing a date or ticking boxes one after another makes one build, not five.
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(UPDATE_DELAY_MS)
        self._update_timer.timeout.connect(self.generate)
        self.generate_button = QPushButton("&Update preview")
        self.generate_button.setObjectName("reportGenerate")
        self.generate_button.setToolTip("Make the preview again now (Ctrl+Return)")
        self.generate_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)

        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("reportBusy")
        self.busy_bar.setRange(0, 0)  # no steps to count: a busy indicator
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setObjectName("reportCancel")
        self.cancel_button.setToolTip("Stop making the report")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status_icon = QLabel()
        self.status_icon.setPixmap(attention_icon().pixmap(16, 16))
        self.status_icon.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("reportStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.preview = ReportPreview(self)
        self.preview.setObjectName("reportPreview")

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Save", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Save the report to the file under Save as (Ctrl+S)")
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip("Print the report's pages (Ctrl+P)")
        self.open_button = buttons.addButton("&Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setToolTip("Save the report and open it in your PDF viewer")
        close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close_button.setAutoDefault(False)
        for button in (self.save_button, self.print_button, self.open_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_report)
        self.open_button.clicked.connect(self.open_in_viewer)
        buttons.rejected.connect(self.reject)

        generate_row = QHBoxLayout()
        generate_row.addWidget(self.generate_button)
        generate_row.addWidget(self.cancel_button)
        generate_row.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_label, 1)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addLayout(generate_row)
        left.addWidget(self.busy_bar)
        left.addLayout(status_row)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(330)
        body = QHBoxLayout()
        body.addWidget(left_widget)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(1080, 720)
        self.form.period_combo.setFocus()
        self._update_buttons()
        # The preview is made as the dialog opens: no button to press first. (A timer the
        # dialog owns, started when it is first shown and stopped when it closes: a build
        # never starts for a dialog that is not on screen.)
        self._opening = QTimer(self)
        self._opening.setSingleShot(True)
        self._opening.timeout.connect(self.generate)
        self._shown_once = False

    # -- generating --------------------------------------------------------------------
    def generate(self) -> bool:
        """Start making the preview with the options on screen, dropping a build of older
        choices; False (and a message on screen) if the options need fixing."""
        self._update_timer.stop()
        options = self.form.chosen()
        if isinstance(options, str):
            self._drop_job()
            self._stale = True
            self._say(options, problem=True)
            self._print_when_ready = False
            self._update_buttons()
            return False
        self._drop_job()
        # No report made yet: the cover first (it needs only the profile), so that a page
        # shows while the rest is read and laid out (again if the choices change
        # meanwhile). A report already shown stays until the whole new one replaces it,
        # where its reader had scrolled to.
        first = not options.summary and self.pdf is None
        job = ReportJob(
            self._services.report.read_for_worker(options.period_for(self._today)),
            lambda: self._services.content,
            options,
            self._today,
            self,
            profile=self._services.profile.get() if first else None,
        )
        job.stage.connect(self._stage)
        job.cover.connect(self._cover)
        job.built.connect(self._built)
        job.failed.connect(self._failed)
        job.finished.connect(lambda: self._finished(job))
        self._job = job
        self._stale = True
        self._started = time.monotonic()
        job.start()
        self._say("Making the summary…" if options.summary else "Making the report…")
        self._update_buttons()
        return True

    def is_busy(self) -> bool:
        return self._job is not None

    def _drop_job(self) -> None:
        """Abandon the running build, if any: its result will be dropped."""
        if self._job is not None:
            self._job.abandon()
            self._abandoned.append(self._job)
            self._job = None

    def cancel(self) -> None:
        self._update_timer.stop()
        if self._job is None:
            return
        self._drop_job()
        self._print_when_ready = False
        self._say("Cancelled; nothing was made. Update preview makes it again.")
        self._update_buttons()

    def _stage(self, text: str) -> None:
        if self.sender() is self._job:
            self._say(text)

    def _cover(self, data: bytes) -> None:
        if self.sender() is self._job and self.pdf is None:
            self.preview.show_pdf(data, first_of_more=True)  # Save and Print wait for all

    def _built(self, data: bytes) -> None:
        if self.sender() is not self._job:
            return  # an abandoned build
        self.show_report(data, time.monotonic() - self._started)

    def show_report(self, data: bytes, seconds: float | None = None) -> int:
        """Preview these PDF bytes as the report Save, Print and Open act on; returns the
        number of pages."""
        self.pdf = data
        self.saved_path = None
        self._stale = False
        pages = self.preview.show_pdf(data)
        took = f" in {seconds:.1f} s" if seconds is not None else ""
        made = f"Made {pages} page{'s' if pages != 1 else ''}{took}."
        self._say(f"{made} Save it, print it or open it in your PDF viewer.")
        self._update_buttons()
        return pages

    def _failed(self, message: str) -> None:
        if self.sender() is self._job:
            if self.pdf is None:
                self.preview.show_pdf(None)  # no cover of a report that was not made
            self._print_when_ready = False
            self._say(message, problem=True)

    def _finished(self, job: ReportJob) -> None:
        if job is self._job:
            self._job = None
        elif job in self._abandoned:
            self._abandoned.remove(job)
        job.deleteLater()
        self._update_buttons()
        if self._print_when_ready and self.pdf is not None and not self._stale:
            self._print_when_ready = False
            self.print_report()

    def _options_changed(self) -> None:
        self._stale = True
        self._say("The choices changed: updating the preview…")
        self._update_timer.start()
        self._update_buttons()

    # -- saving, opening, printing -----------------------------------------------------
    def save(self) -> Path | None:
        """Write the previewed report to the chosen file; its path, or None (with a
        message) if there is no report yet or the file cannot be written."""
        if self.pdf is None or self._stale:
            self._say("Wait for the preview of these choices first.", problem=True)
            return None
        path = self.form.save_path()
        if isinstance(path, str):
            self._say(path, problem=True)
            return None
        if path.exists() and path != self.saved_path and not self._may_replace(path):
            return None
        try:
            write_bytes_atomically(path, self.pdf)
        except OSError as error:
            reason = error.strerror or str(error)
            self._warn("The report was not saved", f"OnTrack could not write {path}.", reason)
            return None
        self.form.path_edit.setText(str(path))
        self.form.remember_folder(path)
        self.saved_path = path
        self._say(f"Saved as {path.name} in {path.parent}.")
        return path

    def _may_replace(self, path: Path) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Replace the file?")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
        box.setText(f"A file named {path.name} already exists in {path.parent}.\n\nReplace it?")
        replace = box.addButton("&Replace", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        box.deleteLater()
        return box.clickedButton() is replace

    def open_in_viewer(self) -> bool:
        # Save first unless this very report is already saved where the field says.
        saved = self.saved_path is not None and self.saved_path == self.form.save_path()
        path = self.saved_path if saved else self.save()
        if path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._warn(
                "No PDF viewer", f"The report is saved as {path}.", "No PDF viewer could open it."
            )
            return False
        return True

    def print_report(self) -> bool:
        if self.pdf is None or self._stale:
            self._say("Wait for the preview of these choices first.", problem=True)
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.preview.page_count())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted and self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the previewed pages on `printer` (already set up); False with a message
        if the printer fails."""

        def progress(done: int, total: int) -> None:
            self._say(f"Printing page {done} of {total}…")
            QApplication.processEvents()  # keep painting between pages

        # The window keeps painting between pages, but nothing may replace the document
        # being printed: the dialog takes no input until the last page is out.
        self.setEnabled(False)
        try:
            count = print_document(self.preview.document, printer, progress)
        except PrintError as error:
            self._warn("Nothing was printed", str(error), printer.printerName() or "")
            return False
        finally:
            self.setEnabled(True)
        self._say(f"Sent {count} page{'s' if count != 1 else ''} to the printer.")
        return True

    # -- state and messages ------------------------------------------------------------
    def _update_buttons(self) -> None:
        busy = self._job is not None
        self.generate_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.busy_bar.setVisible(busy)
        ready = self.pdf is not None and not busy and not self._stale
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(ready)

    def _say(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_icon.setVisible(problem)

    def status_text(self) -> str:
        return self.status_label.text()

    def _warn(self, title: str, text: str, details: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons are shown as typed
        box.setText(f"{text}\n\n{details}".strip())
        box.exec()
        box.deleteLater()

    # -- closing -----------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._stop_jobs()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._opening.start(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_jobs()
        super().closeEvent(event)

    def _stop_jobs(self) -> None:
        # A QThread must not be destroyed while it runs: wait for the (abandoned) builds.
        self._opening.stop()
        self._update_timer.stop()
        if self._job is not None:
            self.cancel()
        for job in list(self._abandoned):
            job.wait()
