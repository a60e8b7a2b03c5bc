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
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.contact_matching import ImportPlan
from ...services.network import NetworkService
from ...storage.repositories.contact_records import ContactFilter
from ..look import heading_font, mute
from .models import ImportPreviewTableModel, NetworkContactsTableModel, PreviewRow


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
    """What an import would do; nothing is written until Import is pressed."""

    def __init__(self, plan: ImportPlan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(f"Import contacts from {source}")
        self.plan = plan
        heading = QLabel(f"Import contacts from {source}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setFont(heading_font(self.font(), 1.2))
        added, matched, problems = len(plan.added), len(plan.duplicates), len(plan.problems)
        summary = QLabel(
            f"{added:,} new {'contact' if added == 1 else 'contacts'} will be added. "
            + (
                f"{matched:,} {'matches' if matched == 1 else 'match'} a contact you already have "
                "(same e-mail, LinkedIn profile, or name and company). "
                if matched
                else "None matches a contact you already have. "
            )
            + (
                f"{problems:,} {'row' if problems == 1 else 'rows'} cannot be read "
                "and will be left out."
                if problems
                else "Every row could be read."
            )
        )
        summary.setObjectName("importSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.merge = QRadioButton(
            "&Merge matches into the existing contacts (fill empty fields, add tags and notes)"
        )
        self.merge.setObjectName("importMerge")
        self.skip = QRadioButton("&Skip matches (leave the existing contacts as they are)")
        self.skip.setObjectName("importSkip")
        self.merge.setChecked(True)
        self.merge.setEnabled(matched > 0)
        self.skip.setEnabled(matched > 0)
        self.merge.toggled.connect(self._fill)

        self.model = ImportPreviewTableModel(self)
        self.view = _table("importPreviewTable")
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setSortingEnabled(False)

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
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self._fill()

    @property
    def merge_duplicates(self) -> bool:
        return self.merge.isChecked()

    def _fill(self) -> None:
        rows = [
            PreviewRow("Add", c.name, c.company, _describe(c.email, c.role))
            for c in self.plan.added
        ]
        merge = self.merge.isChecked()
        for d in self.plan.duplicates:
            detail = f"matches “{d.existing.name}”" + (
                f" at {d.existing.company}" if d.existing.company else ""
            )
            rows.append(
                PreviewRow(
                    "Merge" if merge else "Skip", d.incoming.name, d.incoming.company, detail
                )
            )
        for problem in self.plan.problems:
            rows.append(PreviewRow("Cannot read", "", "", str(problem)))
        self.model.set_rows(rows)
        self.import_button.setEnabled(
            bool(self.plan.added) or (merge and bool(self.plan.duplicates))
        )


def _describe(email: str, role: str) -> str:
    return " · ".join(p for p in (role, email) if p) or "new contact"
