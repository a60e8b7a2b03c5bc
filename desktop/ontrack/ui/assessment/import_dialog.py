"""File ▸ Import ratings…: returned questionnaires (PDF forms, or an e-mail reply pasted
in) shown as OnTrack understood them, then added as one undoable step.

Nothing changes until Add ratings: each form is listed with who it is from, how many
statements it answers, its comments, whether the rater agreed to be shown by name (when
the form asked), and whether it can be added or why not. Forms come
from the file chooser, from PDFs dropped on the window, or from a reply pasted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...commands.ratings import ImportRatingsCommand
from ...commands.undoable import push
from ...services.ratings import RatingService, Returned, refuse_repeats
from ..look import mute

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("From", "Rater", "Answered", "Comments", "By name?", "Can it be added?")
_LONG = 2_000  # comments longer than this in all: say how long (a rater's may be a megabyte)


class ReturnedFormsModel(QAbstractTableModel):
    """One row per form read: who, how much, and ready or refused (with the reason)."""

    def __init__(self, total: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._total = total
        self.forms: list[Returned] = []

    def add(self, forms: Sequence[Returned]) -> None:
        """Add rows; a second form of a rater already listed is refused as a repeat."""
        if not forms:
            return
        checked = refuse_repeats([*self.forms, *forms])[len(self.forms) :]
        start = len(self.forms)
        self.beginInsertRows(QModelIndex(), start, start + len(checked) - 1)
        self.forms.extend(checked)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.forms)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        form = self.forms[index.row()]
        return self._cell(form, index.column())

    def _cell(self, form: Returned, column: int) -> str:
        answers = form.answers
        if column == 0:
            return form.source
        if column == 1:
            who = form.rater_name or "—"
            return f"{who} ({form.relationship.label.lower()})" if form.rater_name else who
        if answers is None:
            return "—" if column in (2, 3, 4) else f"No: {form.refused}"
        if column == 2:
            text = f"{len(answers.answers)} of {self._total}"
            if answers.cant_say:
                text += f", {len(answers.cant_say)} can't say"
            return text
        if column == 3:
            length = sum(len(words) for _, words in answers.comments)
            count = str(len(answers.comments))
            return f"{count} ({length:,} characters)" if length > _LONG else count
        if column == 4:
            if not form.consent_asked:
                return "—"
            return "Yes, agreed" if answers.consented else "No: stays anonymous"
        if form.refused:
            return f"No: {form.refused}"
        if answers.unreadable:
            ids = ", ".join(answers.unreadable)
            return f"Yes; several boxes ticked for {ids}: left out"
        return "Yes"


class ImportRatingsDialog(QDialog):
    def __init__(
        self,
        ratings: RatingService,
        undo_stack: QUndoStack,
        total_statements: int,
        folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importRatingsDialog")
        self.setWindowTitle("Import ratings")
        self._ratings = ratings
        self._undo_stack = undo_stack
        self._folder = folder or str(Path.home())
        self.model = ReturnedFormsModel(total_statements, self)
        intro = QLabel(
            "Add the questionnaires people sent back. Nothing changes until you choose "
            "Add ratings, and Edit ▸ Undo takes them out again."
        )
        intro.setWordWrap(True)
        mute(intro)
        self.table = QTableView(objectName="returnedForms")
        self.table.setAccessibleName("Returned questionnaires")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.files_button = QPushButton("Choose &PDF forms…", objectName="chooseForms")
        self.files_button.clicked.connect(self.choose_files)
        self.reply = QPlainTextEdit(objectName="pastedReply")
        self.reply.setAccessibleName("A rater's e-mail reply")
        self.reply.setPlaceholderText("Or paste a rater's e-mail reply here, then Read reply")
        self.reply.setTabChangesFocus(True)
        self.reply.setMaximumHeight(110)
        self.read_button = QPushButton("&Read reply", objectName="readReply")
        self.read_button.clicked.connect(self.read_reply)
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addStretch(1)
        row.addWidget(self.read_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            "&Add ratings", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setObjectName("addRatings")
        self.buttons.accepted.connect(self.add_ratings)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.reply)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(any(form.ready for form in self.model.forms))

    def add_files(self, paths: Sequence[Path]) -> None:
        self.model.add(self._ratings.read_files(paths))
        self._update()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Choose returned questionnaires", self._folder, "PDF forms (*.pdf)"
        )
        if paths:
            self._folder = str(Path(paths[0]).parent)
            self.add_files([Path(p) for p in paths])

    def read_reply(self) -> None:
        text = self.reply.toPlainText()
        if text.strip():
            self.model.add([self._ratings.read_reply(text)])
            self.reply.clear()
            self._update()

    def add_ratings(self) -> None:
        ready = [form for form in self.model.forms if form.ready]
        if not ready:
            return
        push(self._undo_stack, ImportRatingsCommand(self._ratings, ready))
        self.accept()


def open_import_ratings(
    parent: QWidget,
    ratings: RatingService,
    undo_stack: QUndoStack,
    total_statements: int,
    paths: Sequence[Path] = (),
) -> ImportRatingsDialog:
    """Open the dialog (non-blocking), with these forms already read."""
    dialog = ImportRatingsDialog(ratings, undo_stack, total_statements, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if paths:
        dialog.add_files(paths)
    dialog.open()
    return dialog
