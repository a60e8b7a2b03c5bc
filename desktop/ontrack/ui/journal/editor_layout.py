"""The Journal editor's widgets and their layout: every field of one entry, in the order
a person goes through the loop (what was said, what I make of it, follow-up, links).
`JournalEditor` (editor.py) adds the behaviour: showing an entry and saving edits."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import FeedbackKind, Relationship
from ...domain.validation import MAX_LINE_LENGTH
from ..accessible import name_by_labels
from ..date_entry import DateEntry
from ..long_text import cap_line
from ..look import heading_font, mute
from ..panes import vertical_only
from .fields import FactorPicker, MarkdownField, TextBox


def _row(form: QFormLayout, text: str, field: object, buddy: QWidget) -> QLabel:
    """A form row whose label's mnemonic (Alt+letter) focuses `buddy`; its label."""
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("In their words") + 12)
    form.addRow(label, field)  # type: ignore[call-overload]
    return label


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setFont(heading_font(label.font(), 1.1))
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class JournalEditorLayout(QScrollArea):
    """The editor's widgets, laid out in a scroll area; no behaviour of its own."""

    record_answer_requested = Signal()
    mark_done_requested = Signal()
    plan_to_goal_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalEditor")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields it holds
        self._build(today)
        name_by_labels(self)
        vertical_only(self)

    # -- building ----------------------------------------------------------------------
    def _build(self, today: date) -> None:
        page = QWidget()
        self.setWidget(page)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 8, 16, 16)
        outer.setSpacing(8)
        # In reading order: the order the fields are placed is the order Tab visits them.
        self._build_banner(outer)
        self._build_who(outer, today)
        self._build_said(outer)
        self._build_mine(outer)
        links = self._build_links()
        outer.addWidget(_section("Follow-up"))
        self._build_follow_up(outer, today)
        outer.addWidget(_section("Links"))
        outer.addLayout(links)
        outer.addStretch(1)

    def _build_banner(self, outer: QVBoxLayout) -> None:
        self.request_banner = QFrame()
        self.request_banner.setObjectName("journalRequestBanner")
        self.request_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.request_banner)
        self.request_label = QLabel()
        self.request_label.setTextFormat(Qt.TextFormat.PlainText)
        self.request_label.setWordWrap(True)
        self.record_answer_button = QPushButton("&Record answer")
        self.record_answer_button.setObjectName("journalRecordAnswer")
        self.record_answer_button.setToolTip(
            "The answer came: turn this request into the feedback you received, here"
        )
        self.record_answer_button.clicked.connect(self.record_answer_requested)
        banner.addWidget(self.request_label, 1)
        banner.addWidget(self.record_answer_button)
        outer.addWidget(self.request_banner)

    def _build_who(self, outer: QVBoxLayout, today: date) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_edit = DateEntry("Date", required=True, today=lambda: today)
        self.date_edit.setObjectName("journalDate")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("journalKind")
        for kind in FeedbackKind:
            self.kind_combo.addItem(kind.label, kind.value)
        top = QHBoxLayout()
        top.addWidget(self.date_edit, 1)
        top.addWidget(QLabel("Kind"))
        top.addWidget(self.kind_combo, 1)
        _row(form, "&Date", top, self.date_edit)
        self.who_edit = QLineEdit()
        self.who_edit.setObjectName("journalWho")
        self.who_edit.setPlaceholderText("Who gave it — type a name, or pick a contact")
        cap_line(self.who_edit, MAX_LINE_LENGTH, "Who gave it")
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.who_edit.setCompleter(self.completer)
        self.relationship_combo = QComboBox()
        self.relationship_combo.setObjectName("journalRelationship")
        for relationship in Relationship:
            self.relationship_combo.addItem(relationship.label, relationship.value)
        who_row = QHBoxLayout()
        who_row.addWidget(self.who_edit, 2)
        who_row.addWidget(self.relationship_combo, 1)
        _row(form, "&Who", who_row, self.who_edit)
        self.contact_label = QLabel()
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.contact_label)
        self.open_contact_button = QPushButton("Open in Network")
        self.open_contact_button.setToolTip("Show this contact in the Network tab")
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_label, 1)
        contact_row.addWidget(self.open_contact_button)
        form.addRow("", contact_row)
        outer.addLayout(form)

    def _build_said(self, outer: QVBoxLayout) -> None:
        # A request is worded as one: what you asked about, and the question you asked.
        self.said_heading = _section("What was said")
        outer.addWidget(self.said_heading)
        self.situation_edit = TextBox("When and where? “In Tuesday's planning meeting…”", 2)
        self.behavior_edit = TextBox("What did I do or say, exactly?", 2)
        self.impact_edit = TextBox("What effect did it have on them or on the work?", 2)
        self.text_edit = MarkdownField(
            "Anything else, in their words (Markdown: **bold**, - lists)"
        )
        said = QFormLayout()
        said.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.said_labels: dict[str, QLabel] = {}
        for name, text, widget, field in (
            ("journalSituation", "Sit&uation", self.situation_edit, self.situation_edit),
            ("journalBehavior", "&Behaviour", self.behavior_edit, self.behavior_edit),
            ("journalImpact", "&Impact", self.impact_edit, self.impact_edit),
            ("journalText", "In their words", self.text_edit.source, self.text_edit),
        ):
            widget.setObjectName(name)
            self.said_labels[name] = _row(said, text, field, widget)
        outer.addLayout(said)

    def _build_mine(self, outer: QVBoxLayout) -> None:
        outer.addWidget(_section("What I make of it"))
        self.reflection_edit = TextBox("What is true in it? What surprised me?")
        self.reflection_edit.setObjectName("journalReflection")
        self.plan_edit = TextBox("One step per line: what will I do differently?")
        self.plan_edit.setObjectName("journalActionPlan")
        mine = QFormLayout()
        mine.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        _row(mine, "Refle&ction", self.reflection_edit, self.reflection_edit)
        _row(mine, "Action &plan", self.plan_edit, self.plan_edit)
        outer.addLayout(mine)
        plan_row = QHBoxLayout()
        self.plan_status = QLabel()
        self.plan_status.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.plan_status)
        self.plan_button = QPushButton("Add plan to goal steps")
        self.plan_button.setObjectName("journalPlanToGoal")
        self.plan_button.setToolTip(
            "Add each line of the action plan as a step of the linked goal "
            "(or of a new goal), to track it in the Goals tab"
        )
        self.plan_button.clicked.connect(self.plan_to_goal_requested)
        plan_row.addWidget(self.plan_status, 1)
        plan_row.addWidget(self.plan_button)
        outer.addLayout(plan_row)

    def _build_links(self) -> QFormLayout:
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.goal_combo = QComboBox()
        self.goal_combo.setObjectName("journalGoal")
        self.goal_combo.setToolTip("The goal this feedback feeds")
        self.open_goal_button = QPushButton("Open")
        self.open_goal_button.setToolTip("Show the linked goal in the Goals tab")
        goal_row = QHBoxLayout()
        goal_row.addWidget(self.goal_combo, 1)
        goal_row.addWidget(self.open_goal_button)
        _row(details, "Linked goa&l", goal_row, self.goal_combo)
        self.factor_picker = FactorPicker()
        details.addRow("Factors", self.factor_picker)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("journalTags")
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        _row(details, "Tag&s", self.tags_edit, self.tags_edit)
        return details

    def _build_follow_up(self, outer: QVBoxLayout, today: date) -> None:
        self.follow_up_field = DateEntry(
            "Follow up by", none_text="Not planned", today=lambda: today
        )
        self.follow_up_field.setObjectName("journalFollowUpOn")
        self.followed_up_field = DateEntry(
            "Followed up on", none_text="Not yet", today=lambda: today
        )
        self.followed_up_field.setObjectName("journalFollowedUpOn")
        self.follow_up_note_edit = TextBox("What I showed or said to close the loop", 2)
        self.follow_up_note_edit.setObjectName("journalFollowUpNote")
        self.mark_done_button = QPushButton("&Mark followed up today")
        self.mark_done_button.setObjectName("journalMarkDone")
        self.mark_done_button.setToolTip("Record that you followed up today, with the note")
        self.mark_done_button.clicked.connect(self.mark_done_requested)
        follow = QFormLayout()
        follow.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        _row(follow, "Follow up b&y", self.follow_up_field, self.follow_up_field)
        _row(follow, "Followed up on", self.followed_up_field, self.followed_up_field)
        _row(follow, "What I showed", self.follow_up_note_edit, self.follow_up_note_edit)
        mark_row = QHBoxLayout()
        mark_row.addStretch(1)
        mark_row.addWidget(self.mark_done_button)
        follow.addRow("", mark_row)
        outer.addLayout(follow)

    def _change_signals(self) -> dict[str, Any]:
        # Dates as typed, like any text: a date not settled yet is read as it stands
        # when the editor saves (and kept as stored while it is not a date).
        return {
            "date": self.date_edit.textChanged,
            "kind": self.kind_combo.currentIndexChanged,
            "source_name": self.who_edit.textChanged,
            "relationship": self.relationship_combo.currentIndexChanged,
            "situation": self.situation_edit.textChanged,
            "behavior": self.behavior_edit.textChanged,
            "impact": self.impact_edit.textChanged,
            "text": self.text_edit.source.textChanged,
            "reflection": self.reflection_edit.textChanged,
            "action_plan": self.plan_edit.textChanged,
            "follow_up_on": self.follow_up_field.textChanged,
            "followed_up_on": self.followed_up_field.textChanged,
            "follow_up_note": self.follow_up_note_edit.textChanged,
            "factors": self.factor_picker.changed,
            "goal": self.goal_combo.currentIndexChanged,
            "tags": self.tags_edit.textChanged,
        }

    def _field_widgets(self) -> list[QWidget]:
        return [
            self.date_edit, self.kind_combo, self.who_edit, self.relationship_combo,
            self.situation_edit, self.behavior_edit, self.impact_edit, self.text_edit.source,
            self.reflection_edit, self.plan_edit, self.follow_up_field,
            self.followed_up_field, self.follow_up_note_edit, self.goal_combo,
            self.tags_edit, *self.factor_picker.boxes.values(),
        ]  # fmt: skip
