"""The left side of the report dialog: full report or one-page summary, the paper, which
period, which sections, and where to save.

`chosen()` turns what is on screen into ReportOptions, or into a sentence saying what to
fix (a custom period that ends before it starts, no section ticked, no file name).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSettings, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.report_options import PageSize, ReportOptions, Section, page_size_for_locale
from ...domain.report_period import Period, Preset, months_before
from ..settings import Folder, Settings

FULL, SUMMARY = "full", "summary"
PDF_FILTER = "PDF documents (*.pdf);;All files (*)"
CUSTOM = "custom"
DATE_FORMAT = "d MMM yyyy"

# Short explanations of what each section holds, shown as tooltips on its check box.
SECTION_TIPS = {
    Section.GLANCE: "Goals, feedback and network in numbers; top strength and opportunity",
    Section.ASSESSMENT: "Profile chart, scores and their change, strengths and opportunities",
    Section.GOALS: "Goals with their steps, deadlines and progress; check-ins",
    Section.FEEDBACK: "Feedback received by factor, action plans and follow-ups",
    Section.NETWORK: "Interactions per month, new contacts, events, who to reconnect with",
    Section.NEXT_30_DAYS: "Open steps and follow-ups due soon, as a checklist",
}


def default_file_name(today: dt.date, *, summary: bool = False) -> str:
    what = "summary" if summary else "report"
    return f"OnTrack progress {what} {today.isoformat()}.pdf"


def remembered_page_size(settings: QSettings) -> PageSize:
    """The paper chosen last time, else the one of the person's locale."""
    return Settings(settings).page_size or page_size_for_locale(QLocale.system().name())


def remembered_folder(settings: QSettings) -> Path:
    """The folder of the last report saved, else Documents, else the home folder."""
    stored = Settings(settings).folder(Folder.REPORTS)
    if stored is not None:
        return stored
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ReportOptionsForm(QWidget):
    changed = Signal()  # any choice changed (the preview no longer matches it)

    def __init__(self, settings: QSettings, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._today = today

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("reportPeriod")
        for preset in Preset:
            self.period_combo.addItem(preset.label, preset.value)
        self.period_combo.addItem("Custom dates", CUSTOM)
        self.period_combo.setCurrentIndex(self.period_combo.findData(Preset.LAST_YEAR.value))
        self.period_combo.setToolTip("The stretch of time the report looks back on")
        self.from_edit = self._date_edit("reportFrom", months_before(today, 3), "First day")
        self.to_edit = self._date_edit("reportTo", today, "Last day")
        # "All time" has no first day; the earliest date stands for it.
        self.from_edit.setSpecialValueText("The beginning")

        period_box = QGroupBox("P&eriod")
        period_form = QFormLayout(period_box)
        period_form.addRow("Covers", self.period_combo)
        period_form.addRow("&From", self.from_edit)
        period_form.addRow("&To", self.to_edit)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportKind")
        self.kind_combo.addItem("Full report", FULL)
        self.kind_combo.addItem("Summary (one page)", SUMMARY)
        self.kind_combo.setToolTip(
            "The full report with every section, or one page: profile, goals, the period "
            "in numbers and the five most pressing things due"
        )
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("reportPaper")
        for size in PageSize:
            self.paper_combo.addItem(size.label, size.value)
        self.paper_combo.setCurrentIndex(
            self.paper_combo.findData(remembered_page_size(settings).value)
        )
        self.paper_combo.setToolTip("Letter in the US and Canada, A4 elsewhere")
        kind_box = QGroupBox("Report")
        kind_form = QFormLayout(kind_box)
        kind_form.addRow("&Make", self.kind_combo)
        kind_form.addRow("Pape&r", self.paper_combo)

        self.section_boxes: dict[Section, QCheckBox] = {}
        sections_box = QGroupBox("Sect&ions")
        self.sections_box = sections_box
        sections_layout = QVBoxLayout(sections_box)
        for section in Section:
            box = QCheckBox(section.heading)
            box.setObjectName(f"reportSection_{section.value}")
            box.setChecked(True)
            box.setToolTip(SECTION_TIPS[section])
            box.toggled.connect(self.changed)
            sections_layout.addWidget(box)
            self.section_boxes[section] = box

        self.path_edit = QLineEdit(str(remembered_folder(settings) / default_file_name(today)))
        self.path_edit.setObjectName("reportPath")
        self.path_edit.setToolTip("The PDF file Save writes (and Open opens)")
        self.path_edit.setAccessibleName("Save as")
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setToolTip("Choose the folder and file name")
        self.browse_button.clicked.connect(self.browse)
        save_box = QGroupBox("Save &as")
        save_layout = QVBoxLayout(save_box)
        save_layout.addWidget(self.path_edit)
        browse_row = QHBoxLayout()
        browse_row.addStretch(1)
        browse_row.addWidget(self.browse_button)
        save_layout.addLayout(browse_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(kind_box)
        layout.addWidget(period_box)
        layout.addWidget(sections_box)
        layout.addWidget(save_box)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.paper_combo.currentIndexChanged.connect(self._paper_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.from_edit.dateChanged.connect(self.changed)
        self.to_edit.dateChanged.connect(self.changed)
        self._period_changed()

    def _date_edit(self, name: str, day: dt.date, tip: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setToolTip(f"{tip} of the custom period (included)")
        return edit

    def is_summary(self) -> bool:
        return bool(self.kind_combo.currentData() == SUMMARY)

    def page_size(self) -> PageSize:
        return PageSize(self.paper_combo.currentData())

    def _kind_changed(self) -> None:
        summary = self.is_summary()
        # The summary's content is fixed: the section choices do not apply to it.
        self.sections_box.setEnabled(not summary)
        # Suggest the matching file name, unless the person typed their own.
        path = Path(self.path_edit.text())
        names = {default_file_name(self._today, summary=s): s for s in (False, True)}
        if path.name in names and names[path.name] != summary:
            suggested = path.with_name(default_file_name(self._today, summary=summary))
            self.path_edit.setText(str(suggested))
        self.changed.emit()

    def _paper_changed(self) -> None:
        Settings(self._settings).page_size = self.page_size()
        self.changed.emit()

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            # Show the preset's real days, so the user sees what "last quarter" means.
            period = Period.preset(Preset(self.period_combo.currentData()), self._today)
            for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day) if day else edit.minimumDate())
                edit.blockSignals(False)
        self.changed.emit()

    def set_preset(self, preset: Preset | str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(str(preset)))

    def period(self) -> Period | str:
        """The chosen period, or what is wrong with it."""
        choice = self.period_combo.currentData()
        if choice != CUSTOM:
            return Period.preset(Preset(choice), self._today)
        start, end = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        if start > end:
            return (
                f"The period starts on {self.from_edit.text()}, after it ends on "
                f"{self.to_edit.text()}. Choose a first day on or before the last day."
            )
        return Period(start, end)

    def chosen(self) -> ReportOptions | str:
        """The options on screen, or a sentence saying what to fix."""
        period = self.period()
        if isinstance(period, str):
            return period
        paper = self.page_size()
        if self.is_summary():
            return ReportOptions(period=period, summary=True, page_size=paper)
        sections = frozenset(s for s, box in self.section_boxes.items() if box.isChecked())
        if not sections:
            return "Tick at least one section to include in the report."
        return ReportOptions(period=period, sections=sections, page_size=paper)

    def save_path(self) -> Path | str:
        """The file to save to (with .pdf added if it has no suffix), or what is wrong."""
        text = self.path_edit.text().strip()
        if not text:
            return "Type a file name to save the report as, or choose one with Browse…"
        path = Path(text).expanduser()
        if path.is_dir():
            path = path / default_file_name(self._today, summary=self.is_summary())
        return path if path.suffix else path.with_suffix(".pdf")

    def remember_folder(self, path: Path) -> None:
        Settings(self._settings).remember_folder(Folder.REPORTS, path)

    def browse(self) -> None:
        current = self.save_path()
        if not isinstance(current, Path):
            current = remembered_folder(self._settings)
        start = str(current)
        path, _ = QFileDialog.getSaveFileName(self, "Save the progress report", start, PDF_FILTER)
        if path:
            self.path_edit.setText(path)
