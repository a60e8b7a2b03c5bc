"""Dialogs of the Network tab: choose the people met at an event, and preview an import
(what will be added, what matches an existing contact, what cannot be read) before
anything is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.contact_matching import ImportPlan
from ...domain.network_query import ContactFilter
from ...services.network import NetworkService
from ..look import heading_font, mute
from .models import ImportPreviewTableModel, NetworkContactsTableModel, PreviewLine


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return view


class LinkPeopleDialog(QDialog):
    """Search your contacts and choose the ones you met (several with Ctrl or Shift)."""

    def __init__(self, network: NetworkService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPeopleDialog")
        self.setWindowTitle("People met at this event")
        self.model = NetworkContactsTableModel(network, today, self)
        self.search = QLineEdit()
        self.search.setObjectName("linkPeopleSearch")
        self.search.setAccessibleName("Search contacts")
        self.search.setPlaceholderText("Search names, companies, roles, tags…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(ContactFilter(text)))
        self.view = _table("linkPeopleTable")
        self.view.setAccessibleName("Contacts")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(3, self.model.columnCount()):
            self.view.hideColumn(column)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel("Select everyone you met there (Ctrl or Shift to choose several).")
        mute(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(620, 460)
        self.model.reload()
        self.search.setFocus()

    def chosen(self) -> list[str]:
        return [self.model.record(i.row()).id for i in self.view.selectionModel().selectedRows()]


class ImportPreviewDialog(QDialog):
    """What an import would do; nothing is written until Import is pressed.

    Every row or card left out and every warning (a field skipped, cut or guessed) is
    listed with its line in the
    file, below the contacts, so that a person can look each one up."""

    def __init__(self, plan: ImportPlan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(f"Import contacts from {source}")
        self.plan = plan
        heading = QLabel(f"Import contacts from {source}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setFont(heading_font(self.font(), 1.2))
        summary = QLabel(_summary(plan))
        summary.setObjectName("importSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        matched = len(plan.duplicates)
        self.merge = QRadioButton(
            "&Merge matches into the existing contacts (fill empty fields, add tags and notes)"
        )
        self.merge.setObjectName("importMerge")
        self.skip = QRadioButton("&Skip matches (leave the existing contacts as they are)")
        self.skip.setObjectName("importSkip")
        self.merge.setChecked(True)
        self.merge.setVisible(matched > 0)
        self.skip.setVisible(matched > 0)
        self.merge.toggled.connect(self._fill)

        self.model = ImportPreviewTableModel(self)
        self.view = _table("importPreviewTable")
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        # Fixed starting widths: a 60-character company must not push Details off the
        # side; what does not fit ends in "…" and is whole in the tooltip.
        for column, width in enumerate((110, 220, 200)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setSortingEnabled(False)
        self.problems_heading = QLabel("Not imported as written (each with its line in the file):")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problems.setPlainText(_problem_lines(plan))
        self.problems.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.problems_heading.setVisible(bool(plan.problems))
        self.problems.setVisible(bool(plan.problems))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setObjectName("importConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Nothing is written until you press Import; then all of it is, at once. "
            "Edit ▸ Undo takes the whole import back."
        )
        note.setWordWrap(True)
        mute(note)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.merge)
        layout.addWidget(self.skip)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems_heading)
        layout.addWidget(self.problems)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 540)
        self._fill()

    @property
    def merge_duplicates(self) -> bool:
        return self.merge.isChecked()

    def _fill(self) -> None:
        rows = [
            PreviewLine("Add", c.name, c.company, _describe(c.email, c.role))
            for c in self.plan.added
        ]
        merge = self.merge.isChecked()
        for d in self.plan.duplicates:
            detail = f"matches “{d.existing.name}”" + (
                f" at {d.existing.company}" if d.existing.company else ""
            )
            rows.append(
                PreviewLine(
                    "Merge" if merge else "Skip", d.incoming.name, d.incoming.company, detail
                )
            )
        self.model.set_rows(rows)
        self.import_button.setEnabled(
            bool(self.plan.added) or (merge and bool(self.plan.duplicates))
        )


def _problem_lines(plan: ImportPlan) -> str:
    """Rows or cards left out first, then the warnings of contacts kept, one a line."""
    left_out = [f"Left out: {p}" for p in plan.problems if not p.kept]
    warnings = [f"Warning: {p}" for p in plan.problems if p.kept]
    return "\n".join(left_out + warnings)


def _counted(count: int, word: str, words: str = "") -> str:
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def _summary(plan: ImportPlan) -> str:
    """The preview's counts as sentences: '1 new contact will be added.' …"""
    added, matched = len(plan.added), len(plan.duplicates)
    left_out = sum(1 for p in plan.problems if not p.kept)
    skipped = len(plan.problems) - left_out
    sentences = [
        f"{_counted(added, 'new contact')} will be added."
        if added
        else "No new contact will be added."
    ]
    if matched:
        sentences.append(
            f"{_counted(matched, 'contact')} {'matches' if matched == 1 else 'match'} one "
            "you already have (same e-mail, LinkedIn profile, or name and company)."
        )
    if left_out:
        sentences.append(
            f"{_counted(left_out, 'entry', 'entries')} in the file cannot be read and "
            f"{'is' if left_out == 1 else 'are'} left out."
        )
    if skipped:
        sentences.append(
            "1 warning, listed below with its line: its contact is imported, but not all "
            "as written."
            if skipped == 1
            else f"{skipped:,} warnings, listed below with their lines: their contacts are "
            "imported, but not all as written."
        )
    if not left_out and not skipped:
        sentences.append("Everything in the file could be read.")
    return " ".join(sentences)


def _describe(email: str, role: str) -> str:
    return " · ".join(p for p in (role, email) if p) or "new contact"
