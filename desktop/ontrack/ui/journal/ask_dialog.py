"""Ask for feedback: whom, about what, and when to chase the answer."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Relationship
from ..date_entry import DateEntry
from ..look import mute, warn

CHASE_AFTER = timedelta(days=14)


class AskFeedbackDialog(QDialog):
    def __init__(
        self, contacts: list[tuple[str, str]], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("askFeedbackDialog")
        self.setWindowTitle("Ask for feedback")
        self._ids: dict[str, str] = {}
        for contact_id, name in contacts:
            self._ids.setdefault(name, contact_id)
        intro = QLabel(
            "Asking is the first step of the loop. Note whom you asked and about what; "
            "the Journal reminds you to chase the answer."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        mute(intro)
        self.whom = QLineEdit()
        self.whom.setObjectName("askWhom")
        self.whom.setPlaceholderText("A name, or pick one of your contacts")
        completer = QCompleter(QStringListModel(list(self._ids), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.whom.setCompleter(completer)
        self.relationship = QComboBox()
        self.relationship.setObjectName("askRelationship")
        for relationship in Relationship:
            self.relationship.addItem(relationship.label, relationship.value)
        self.about = QLineEdit()
        self.about.setObjectName("askAbout")
        self.about.setPlaceholderText("e.g. how I ran Tuesday's retrospective")
        self.chase_on = DateEntry("Chase by", required=True, today=lambda: today)
        self.chase_on.setObjectName("askChaseOn")
        self.chase_on.set_value(today + CHASE_AFTER)
        form = QFormLayout()
        form.addRow("&Whom", self.whom)
        form.addRow("&Relationship", self.relationship)
        form.addRow("&About", self.about)
        form.addRow("&Chase by", self.chase_on)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Record request")
        ok.setEnabled(False)
        ok.setToolTip("Say whom you asked first")
        self.whom.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("askProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        warn(self.problem)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        problem = self.chase_on.problem()
        if problem is not None:  # the dialog stays open with everything typed, and says why
            self.problem.setText(f"Chase by: {problem}.")
            self.problem.show()
            self.chase_on.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def contact_id(self) -> str | None:
        return self._ids.get(self.whom.text().strip())
