"""Events: conferences and meetups, newest first; each with its date, place, notes, the goal
it serves (and how many events serve that goal so far), and the people met there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...commands.network import (
    CreateEventCommand,
    DeleteEventCommand,
    EditEventCommand,
    LinkPeopleCommand,
)
from ...commands.undoable import push
from ...domain.network import Event
from ...domain.validation import MAX_LINE_LENGTH
from ...services.network import NetworkService, RecordNotFoundError
from ..date_entry import DateEntry, day_text
from ..elided_label import ElidedLabel
from ..long_text import cap_line
from ..look import heading_font, mute, warn
from ..panes import vertical_only
from .event_delegate import EventRowDelegate
from .fields import NotesEdit
from .models import EventsListModel, PeopleMetListModel


class EventsPane(QWidget):
    open_contact = Signal(str)

    def __init__(
        self,
        network: NetworkService,
        undo_stack: QUndoStack,
        today: Callable[[], date],
        choose_people: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._network = network
        self._undo_stack = undo_stack
        self._today = today
        self._choose_people = choose_people
        self.current_event: Event | None = None

        left = self._build_list()
        self._build_fields(today)
        self._build_people()
        self._build_layout(left)

    def _build_list(self) -> QWidget:
        self.model = EventsListModel(self)
        self.list = QListView()
        self.list.setObjectName("eventsList")
        self.list.setAccessibleName("Events")
        self.list.setModel(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)  # rows like the Journal's: one height, no gaps
        self.list.setItemDelegate(EventRowDelegate(self.list))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton("New event")
        self.new_button.setObjectName("newEvent")
        self.new_button.setToolTip("Add a conference or meetup (Ctrl+Shift+N)")
        self.new_button.clicked.connect(self.new_event)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteEvent")
        self.delete_button.setToolTip(
            "Delete this event; the interactions there stay (Ctrl+Z undoes)"
        )
        self.delete_button.clicked.connect(self.delete_event)
        self.empty = QLabel(
            "No events yet. Add the conferences and meetups you attend, "
            "and link the people you meet there."
        )
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.empty)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_layout.addLayout(row)
        return left

    def _build_fields(self, today: Callable[[], date]) -> None:
        self.title = ElidedLabel()  # a long name ends in "…", whole in its tooltip
        self.title.setObjectName("eventTitle")
        self.title.setFont(heading_font(self.font(), 1.3))
        self.name = QLineEdit()
        self.name.setObjectName("eventName")
        cap_line(self.name, MAX_LINE_LENGTH, "An event's name")
        self.name.editingFinished.connect(self._save)
        self.day = DateEntry("The day of the event", required=True, today=today)
        self.day.setObjectName("eventDate")
        self.day.edited.connect(self._save)
        self.location = QLineEdit()
        self.location.setObjectName("eventLocation")
        cap_line(self.location, MAX_LINE_LENGTH, "The place")
        self.location.setToolTip("City, venue or 'online'")
        self.location.editingFinished.connect(self._save)
        self.goal = QComboBox()
        self.goal.setObjectName("eventGoal")
        self.goal.setToolTip("The goal this event serves, e.g. “Attend 3 industry conferences”")
        self.goal.activated.connect(self._save)
        self.goal_progress = QLabel()
        self.goal_progress.setObjectName("eventGoalProgress")
        self.goal_progress.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.goal_progress)
        self.notes = NotesEdit()
        self.notes.setObjectName("eventNotes")
        self.notes.setPlaceholderText("Talks worth remembering, what to do next…")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.notes.left.connect(self._save)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        warn(self.message)
        self.message.hide()

    def _build_people(self) -> None:
        self.people = PeopleMetListModel(self)
        self.people_view = QListView()
        self.people_view.setObjectName("peopleMetList")
        self.people_view.setAccessibleName("People met here")
        self.people_view.setModel(self.people)
        self.people_view.setAlternatingRowColors(True)
        self.people_view.setToolTip("Double-click or press Enter to open the contact")
        self.people_view.activated.connect(self._open_person)
        self.link_button = QPushButton("Link &people…")
        self.link_button.setObjectName("linkPeople")
        self.link_button.setToolTip("Choose the contacts you met at this event")
        self.link_button.clicked.connect(self.link_people)

    def _build_layout(self, left: QWidget) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("Na&me", self.name)
        form.addRow("Date", self.day)
        form.addRow("Pl&ace", self.location)
        form.addRow("Serves &goal", self.goal)
        form.addRow("", self.goal_progress)
        form.addRow("Note&s", self.notes)
        people_heading = QLabel("People met here")
        people_heading.setFont(heading_font(self.font(), 1.1))
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(8, 0, 12, 0)  # clear of the scroll bar
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.message)
        detail_layout.addLayout(form)
        detail_layout.addWidget(people_heading)
        detail_layout.addWidget(self.people_view, 1)
        detail_layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignRight)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields it holds
        scroll.setWidget(self.detail)
        vertical_only(scroll)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        current = self.current_event.id if self.current_event else None
        self.model.set_rows(self._network.events())
        self.empty.setVisible(self.model.rowCount() == 0)
        choices = self._network.goal_choices()
        self.goal.clear()
        self.goal.addItem("No goal", None)
        for goal_id, title in choices:
            self.goal.addItem(title[:80], goal_id)
        if current and self.select(current):
            return
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self._show(None)

    def select(self, event_id: str) -> bool:
        row = self.model.row_of(event_id)
        if row is None:
            return False
        index = self.model.index(row)
        if self.list.currentIndex() == index:
            self._current_changed(index)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def _current_changed(self, index: QModelIndex) -> None:
        if not index.isValid():
            self._show(None)
            return
        try:
            self._show(self._network.event(self.model.record(index.row()).id))
        except RecordNotFoundError:
            self._show(None)

    def _show(self, event: Event | None) -> None:
        same = (
            event is not None
            and self.current_event is not None
            and event.id == self.current_event.id
        )
        self.current_event = event
        self.detail.setEnabled(event is not None)
        self.delete_button.setEnabled(event is not None)
        if not same:
            self.message.hide()
        if event is None:
            self.title.setText("No event chosen")
            for edit in (self.name, self.day, self.location):
                edit.clear()
            self.notes.clear()
            self.people.set_rows([])
            self.goal_progress.clear()
            return
        self.title.setText(event.name)
        for edit, value in (
            (self.name, event.name),
            (self.day, day_text(event.date)),
            (self.location, event.location),
        ):
            if edit.text() != value and (not same or not edit.hasFocus()):
                edit.setText(value)
        if self.notes.toPlainText() != event.notes and (not same or not self.notes.hasFocus()):
            self.notes.setPlainText(event.notes)
        self.goal.setCurrentIndex(max(0, self.goal.findData(event.goal)) if event.goal else 0)
        if event.goal:
            count = self._network.events_for_goal(event.goal)
            self.goal_progress.setText(
                f"{count} {'event serves' if count == 1 else 'events serve'} this goal so far"
            )
        else:
            self.goal_progress.setText("Link a goal to count the events that serve it")
        self.people.set_rows(self._network.people_met(event.id))

    def _save(self) -> None:
        event = self.current_event
        if event is None:
            return
        problems = []
        name = " ".join(self.name.text().split()) or event.name
        if not self.name.text().strip():
            problems.append("An event needs a name; the old one is kept until you type one.")
        day = self.day.value_or(event.date)
        if not self.day.text().strip():
            self.day.set_value(day)  # an event always has a day: the old one comes back
        elif (problem := self.day.problem()) is not None:
            problems.append(f"Date: {problem}.")
        new = replace(
            event,
            name=name,
            date=day,
            location=self.location.text().strip(),
            goal=self.goal.currentData(),
            notes=self.notes.toPlainText(),
        )
        self.message.setText(" ".join(problems))
        self.message.setVisible(bool(problems))
        if new != event:
            push(self._undo_stack, EditEventCommand(self._network, new))

    def new_event(self) -> None:
        command = CreateEventCommand(self._network, Event("", "New event", self._today()))
        push(self._undo_stack, command)
        self.select(command.event.id)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()

    def delete_event(self) -> None:
        if self.current_event is not None:
            push(
                self._undo_stack,
                DeleteEventCommand(self._network, self.current_event.id, self.current_event.name),
            )

    def link_people(self) -> None:
        if self.current_event is None:
            return
        chosen = self._choose_people()
        if chosen:
            push(self._undo_stack, LinkPeopleCommand(self._network, self.current_event.id, chosen))

    def _open_person(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_contact.emit(self.people.record(index.row()).contact_id)
