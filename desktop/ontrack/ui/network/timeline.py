"""A contact's interactions, newest first, and the quick row that logs a new one.

Logging takes a few keystrokes: Ctrl+L puts the keyboard in the kind chooser; type a
note; Ctrl+Enter logs it with today's date. An informational interview comes with
prompts for its notes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...commands.network import AddInteractionCommand, RemoveInteractionCommand
from ...commands.undoable import push
from ...domain.enums import InteractionKind
from ...domain.network import Contact, Interaction
from ...services.network import NetworkService
from ..date_entry import DateEntry
from ..look import heading_font, warn
from .fields import EventChooser, NotesEdit
from .models import InteractionsTableModel

INTERVIEW_PROMPTS = (
    "What I learned:\n\nAdvice:\n\nWho else I should talk to:\n\nThank-you sent: not yet"
)


class Timeline(QWidget):
    def __init__(
        self,
        network: NetworkService,
        undo_stack: QUndoStack,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._network = network
        self._undo_stack = undo_stack
        self._today = today
        self._contact: Contact | None = None

        entry = self._build_entry(today)
        self._build_table()
        self._build_layout(entry)
        self._selection_changed()

    def _build_entry(self, today: Callable[[], date]) -> QGridLayout:
        """The fields an interaction is logged from, and Ctrl+Enter to log it."""
        self.kind = QComboBox()
        self.kind.setObjectName("interactionKind")
        for kind in InteractionKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(InteractionKind.COFFEE.value))
        self.kind.setToolTip("What kind of contact it was (Ctrl+L)")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day = DateEntry("When it happened", none_text="Today", today=today)
        self.day.setObjectName("interactionDate")
        self.event_choice = EventChooser()
        self.event_choice.setObjectName("interactionEvent")
        self.event_choice.setToolTip("The event where it happened, if any")
        self.event_choice.setMinimumContentsLength(10)
        self.event_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.follow_up = DateEntry("When to follow up", none_text="No follow-up", today=today)
        self.follow_up.setObjectName("interactionFollowUp")
        self.notes = NotesEdit()
        self.notes.setObjectName("interactionNotes")
        self.notes.setPlaceholderText("What you talked about… (Ctrl+Enter logs it)")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.log_button = QPushButton("Log interaction")
        self.log_button.setObjectName("logInteraction")
        self.log_button.setToolTip(
            "Add it to the timeline (Ctrl+Enter); the next reconnect date moves"
        )
        self.log_button.clicked.connect(self.log)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        warn(self.message)
        self.message.hide()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setWhatsThis("Log the interaction")
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.log)

        entry = QGridLayout()
        entry.setHorizontalSpacing(8)
        entry.setVerticalSpacing(2)
        entry.addWidget(_caption("Kind", self.kind), 0, 0)
        entry.addWidget(_caption("Date", self.day), 0, 1)
        entry.addWidget(_caption("Follow up on", self.follow_up), 0, 2)
        entry.addWidget(self.kind, 1, 0)
        entry.addWidget(self.day, 1, 1)
        entry.addWidget(self.follow_up, 1, 2)
        entry.addWidget(_caption("At event", self.event_choice), 2, 0)
        entry.addWidget(self.event_choice, 3, 0, 1, 3)
        entry.addWidget(self.notes, 4, 0, 1, 3)
        entry.setColumnStretch(0, 1)
        self.notes.setAccessibleName("What you talked about")
        return entry

    def _build_table(self) -> None:
        self.model = InteractionsTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("interactionsTable")
        self.view.setAccessibleName("Interactions")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setMinimumHeight(160)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeInteraction")
        self.remove_button.setToolTip(
            "Remove the selected interaction (Delete); Ctrl+Z brings it back"
        )
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setWhatsThis("Remove the selected interaction")
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_layout(self, entry: QGridLayout) -> None:
        heading = QLabel("Interactions")
        heading.setFont(heading_font(self.font(), 1.1))
        buttons = QGridLayout()
        buttons.addWidget(self.message, 0, 0)
        buttons.addWidget(self.log_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addLayout(entry)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_contact(self, contact: Contact) -> None:
        if self._contact is None or self._contact.id != contact.id:
            self.notes.clear()
            self.follow_up.clear()
            self.message.hide()
            self.day.set_value(self._today())
        self._contact = contact
        events = self._network.event_names()
        names = {event_id: name for event_id, name, _ in events}
        self.event_choice.set_events(events)
        self.model.show(contact.interactions, names)
        self._selection_changed()

    def start_logging(self) -> None:
        self.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _kind_changed(self) -> None:
        interview = self.kind.currentData() == InteractionKind.INFORMATIONAL_INTERVIEW.value
        if interview and not self.notes.toPlainText().strip():
            self.notes.setPlainText(INTERVIEW_PROMPTS)
        elif not interview and self.notes.toPlainText() == INTERVIEW_PROMPTS:
            self.notes.clear()

    def log(self) -> None:
        if self._contact is None:
            return
        try:
            day = self.day.value() or self._today()
            follow_up = self.follow_up.value()
        except ValueError as error:
            self._say(f"{error}.")
            return
        if follow_up is not None and follow_up < day:
            self._say("The follow-up date is before the interaction; choose a later day.")
            return
        interaction = Interaction(
            "",
            day,
            InteractionKind(self.kind.currentData()),
            self.event_choice.currentData(),
            self.notes.toPlainText().strip(),
            follow_up,
        )
        push(self._undo_stack, AddInteractionCommand(self._network, self._contact.id, interaction))
        self.notes.clear()
        self.follow_up.clear()
        self.message.hide()

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if self._contact is None or not rows:
            return
        interaction = self.model.record(rows[0].row())
        push(
            self._undo_stack, RemoveInteractionCommand(self._network, self._contact.id, interaction)
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())


def _caption(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
