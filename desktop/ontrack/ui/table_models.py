"""The tabs' read-only table models: which columns each list shows, and how."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ..domain.summaries import AssessmentSummary, ContactSummary, FeedbackSummary, GoalSummary
from ..services.listings import ListingService
from .paged_model import Column, PagedTableModel, format_date

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class AssessmentsTableModel(PagedTableModel):
    def __init__(self, listings: ListingService, parent: Any = None) -> None:
        def answered(a: AssessmentSummary) -> str:
            return f"{a.answered} rated"

        columns = [
            Column(
                "Taken on",
                "taken_on",
                lambda a: format_date(a.taken_on),
                lambda a: _iso(a.taken_on),
            ),
            Column("Status", "status", lambda a: a.status.label, lambda a: a.status.value),
            Column(
                "Transition", "transition", lambda a: a.transition or "—", lambda a: a.transition
            ),
            Column("Statements", "answered", answered, lambda a: a.answered, RIGHT),
            Column(
                "Others' ratings",
                "raters",
                lambda a: str(a.raters) if a.raters else "—",
                lambda a: a.raters,
                RIGHT,
            ),
        ]
        super().__init__(
            columns,
            listings.assessments,
            listings.assessment_count,
            "taken_on",
            True,
            parent=parent,
        )


class GoalsTableModel(PagedTableModel):
    PROGRESS_COLUMN = 3

    def __init__(self, listings: ListingService, today: date, parent: Any = None) -> None:
        def attention(g: GoalSummary) -> str | None:
            if g.status.is_closed:
                return None
            if g.deadline is not None and g.deadline < today:
                return "Overdue"
            return "At risk" if g.status.value == "at_risk" else None

        columns = [
            Column("Goal", "title", lambda g: g.title, lambda g: g.title.casefold()),
            Column(
                "Action steps",
                "steps",
                lambda g: g.steps_text,
                lambda g: g.steps_done / max(g.steps_total, 1),
            ),
            Column(
                "Deadline",
                "deadline",
                lambda g: format_date(g.deadline),
                lambda g: _iso(g.deadline),
            ),
            Column(
                "Progress", "progress", lambda g: f"{g.progress} %", lambda g: g.progress, RIGHT
            ),
            Column("Status", "status", lambda g: g.status.label, lambda g: g.status.value),
            Column(
                "Factor",
                "factor",
                lambda g: g.factor.label if g.factor else "—",
                lambda g: g.factor.value if g.factor else "",
            ),
        ]
        super().__init__(
            columns,
            listings.goals,
            listings.goal_count,
            "deadline",
            attention=attention,
            parent=parent,
        )


class JournalTableModel(PagedTableModel):
    def __init__(self, listings: ListingService, today: date, parent: Any = None) -> None:
        def attention(f: FeedbackSummary) -> str | None:
            return "Follow-up due" if f.follow_up_due(today) else None

        columns = [
            Column("Date", "date", lambda f: format_date(f.date), lambda f: _iso(f.date)),
            Column(
                "From", "source", lambda f: f.source_name or "—", lambda f: f.source_name.casefold()
            ),
            Column("Kind", "kind", lambda f: f.kind.label, lambda f: f.kind.value),
            Column("What was said", "date", lambda f: f.first_line, lambda f: f.first_line),
        ]
        super().__init__(
            columns, listings.feedback, listings.feedback_count, "date", True, attention, parent
        )


class ContactsTableModel(PagedTableModel):
    def __init__(self, listings: ListingService, today: date, parent: Any = None) -> None:
        def attention(c: ContactSummary) -> str | None:
            due = c.next_reconnect is not None and c.next_reconnect <= today
            return "Due to reconnect" if due else None

        columns = [
            Column("Name", "name", lambda c: c.name, lambda c: c.name.casefold()),
            Column("Company", "company", lambda c: c.company, lambda c: c.company.casefold()),
            Column("Role", "role", lambda c: c.role, lambda c: c.role.casefold()),
            Column("Tags", "tags", lambda c: ", ".join(c.tags), lambda c: ", ".join(c.tags)),
            Column(
                "Last interaction",
                "last_interaction",
                lambda c: format_date(c.last_interaction),
                lambda c: _iso(c.last_interaction),
            ),
            Column(
                "Next reconnect",
                "next_reconnect",
                lambda c: format_date(c.next_reconnect),
                lambda c: _iso(c.next_reconnect),
            ),
        ]
        super().__init__(
            columns,
            listings.contacts,
            listings.contact_count,
            "name",
            attention=attention,
            parent=parent,
        )
