"""Peewee tables (`…Row`), matching the SQL that the migrations create.

The migrations own the schema; these classes only describe it for queries, and a test checks
that both agree. Dates are ISO text (`YYYY-MM-DD`), so that they sort and compare as text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelIndex,
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, SearchField

database_proxy = DatabaseProxy()


class IsoDateField(TextField):
    """A date kept as `YYYY-MM-DD` text (years 0001..9999 included)."""

    def db_value(self, value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    def python_value(self, value: Any) -> Any:
        return date.fromisoformat(value) if value is not None else None


class BaseRow(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class ProfileRow(BaseRow):
    id = IntegerField(primary_key=True)
    name = TextField()
    current_role = TextField()
    target_role = TextField()

    class Meta:
        table_name = "profile"


class AssessmentRow(BaseRow):
    id = TextField(primary_key=True)
    seq = IntegerField()
    taken_on = IsoDateField()
    status = TextField()
    current_role = TextField()
    target_role = TextField()
    skills_enjoyed = TextField()
    feedback_received = TextField()
    learning_to_pursue = TextField()
    notes = TextField()

    class Meta:
        table_name = "assessment"


class RaterRow(BaseRow):
    pk = AutoField()
    assessment = ForeignKeyField(
        AssessmentRow, column_name="assessment_id", index=False, on_delete="CASCADE"
    )
    position = IntegerField()
    name = TextField()
    relationship = TextField()
    uid = TextField(default="")
    email = TextField(default="")
    asked_on = IsoDateField(null=True)
    returned_on = IsoDateField(null=True)
    consent = TextField(default="")

    class Meta:
        table_name = "rater"


class RaterCommentRow(BaseRow):
    pk = AutoField()
    rater = ForeignKeyField(RaterRow, column_name="rater_pk", index=False, on_delete="CASCADE")
    position = IntegerField()
    topic = TextField()
    text = TextField()

    class Meta:
        table_name = "rater_comment"


class AnswerRow(BaseRow):
    pk = AutoField()
    assessment = ForeignKeyField(
        AssessmentRow, column_name="assessment_id", index=False, on_delete="CASCADE"
    )
    rater = ForeignKeyField(RaterRow, column_name="rater_pk", null=True, on_delete="CASCADE")
    position = IntegerField()
    statement = TextField()
    rating = IntegerField()

    class Meta:
        table_name = "answer"


class GoalRow(BaseRow):
    id = TextField(primary_key=True)
    seq = IntegerField()
    title = TextField()
    why = TextField()
    measure = TextField()
    deadline = IsoDateField(null=True)
    status = TextField()
    progress = IntegerField()
    factor = TextField(null=True)
    created_on = IsoDateField(null=True)
    completed_on = IsoDateField(null=True)
    status_by_hand = BooleanField(default=False)
    steps_total = IntegerField(default=0)
    steps_done = IntegerField(default=0)
    checkin_count = IntegerField(default=0)

    class Meta:
        table_name = "goal"


class StepRow(BaseRow):
    pk = AutoField()
    goal = ForeignKeyField(GoalRow, column_name="goal_id", index=False, on_delete="CASCADE")
    uid = TextField()
    position = IntegerField()
    text = TextField()
    done = BooleanField()
    due = IsoDateField(null=True)
    done_on = IsoDateField(null=True)

    class Meta:
        table_name = "step"


class CheckInRow(BaseRow):
    pk = AutoField()
    goal = ForeignKeyField(GoalRow, column_name="goal_id", index=False, on_delete="CASCADE")
    uid = TextField()
    position = IntegerField()
    date = IsoDateField()
    note = TextField()
    progress = IntegerField(null=True)

    class Meta:
        table_name = "checkin"


class ContactRow(BaseRow):
    id = TextField(primary_key=True)
    seq = IntegerField()
    name = TextField()
    company = TextField()
    role = TextField()
    email = TextField()
    phone = TextField()
    linkedin_url = TextField()
    how_met = TextField()
    notes = TextField()
    met_on = IsoDateField(null=True)
    reconnect_every_days = IntegerField(null=True)
    # Kept by triggers on interaction: never written directly.
    last_interaction_on = IsoDateField(null=True)
    open_follow_up_on = IsoDateField(null=True)  # migration 4
    name_parts = TextField(null=True)  # migration 5: vCard N as a JSON list

    class Meta:
        table_name = "contact"


class ContactTagRow(BaseRow):
    pk = AutoField()
    contact = ForeignKeyField(
        ContactRow, column_name="contact_id", index=False, on_delete="CASCADE"
    )
    position = IntegerField()
    tag = TextField()

    class Meta:
        table_name = "contact_tag"


class EventRow(BaseRow):
    id = TextField(primary_key=True)
    seq = IntegerField()
    name = TextField()
    date = IsoDateField()
    location = TextField()
    notes = TextField()
    goal = ForeignKeyField(GoalRow, column_name="goal_id", null=True, on_delete="SET NULL")

    class Meta:
        table_name = "event"


class InteractionRow(BaseRow):
    pk = AutoField()
    contact = ForeignKeyField(
        ContactRow, column_name="contact_id", index=False, on_delete="CASCADE"
    )
    uid = TextField()
    position = IntegerField()
    date = IsoDateField()
    kind = TextField()
    event = ForeignKeyField(EventRow, column_name="event_id", null=True, on_delete="SET NULL")
    notes = TextField()
    follow_up_on = IsoDateField(null=True)

    class Meta:
        table_name = "interaction"


class FeedbackRow(BaseRow):
    id = TextField(primary_key=True)
    seq = IntegerField()
    date = IsoDateField()
    kind = TextField()
    source_name = TextField()
    relationship = TextField()
    contact = ForeignKeyField(ContactRow, column_name="contact_id", null=True, on_delete="SET NULL")
    situation = TextField()
    behavior = TextField()
    impact = TextField()
    text = TextField()
    reflection = TextField()
    action_plan = TextField()
    follow_up_on = IsoDateField(null=True)
    followed_up_on = IsoDateField(null=True)
    follow_up_note = TextField()
    goal = ForeignKeyField(GoalRow, column_name="goal_id", null=True, on_delete="SET NULL")

    class Meta:
        table_name = "feedback"


class FeedbackFactorRow(BaseRow):
    pk = AutoField()
    feedback = ForeignKeyField(
        FeedbackRow, column_name="feedback_id", index=False, on_delete="CASCADE"
    )
    position = IntegerField()
    factor = TextField()

    class Meta:
        table_name = "feedback_factor"


class FeedbackTagRow(BaseRow):
    pk = AutoField()
    feedback = ForeignKeyField(
        FeedbackRow, column_name="feedback_id", index=False, on_delete="CASCADE"
    )
    position = IntegerField()
    tag = TextField()

    class Meta:
        table_name = "feedback_tag"


class FeedbackSearchKeyRow(BaseRow):
    """The full-text index's rowid of each entry (migration 3): it survives VACUUM. It keeps
    the entry's date and seq, the Journal's sort key, so that a search sorts its matches
    without reading the entries (migration 9; the triggers keep them)."""

    key = IntegerField(primary_key=True)
    feedback_id = TextField(unique=True)
    date = IsoDateField()
    seq = IntegerField()

    class Meta:
        table_name = "feedback_search_key"


class FeedbackSearchRow(FTS5Model):  # type: ignore[misc]  # playhouse has no type hints
    """The journal's full-text index (FTS5, migration 3), kept by triggers: only searched.
    Its rowid is the entry's `FeedbackSearchKeyRow.key`."""

    source_name = SearchField()
    situation = SearchField()
    behavior = SearchField()
    impact = SearchField()
    text = SearchField()
    reflection = SearchField()
    action_plan = SearchField()
    follow_up_note = SearchField()
    tags = SearchField()

    class Meta:
        database = database_proxy
        table_name = "feedback_fts"
        options = {"tokenize": "unicode61 remove_diacritics 2"}


def _index(
    row: type[BaseRow], *columns: Any, unique: bool = False, where: Any = None, name: str = ""
) -> None:
    row.add_index(ModelIndex(row, columns, unique=unique, where=where, name=name or None))


# The indexes, as the migrations create them (the test of the schema compares the two).
for _row, _column in (
    (AssessmentRow, "seq"), (AssessmentRow, "taken_on"), (GoalRow, "seq"), (GoalRow, "deadline"),
    (GoalRow, "status"), (ContactRow, "seq"), (ContactRow, "name"), (ContactTagRow, "tag"),
    (EventRow, "seq"), (EventRow, "date"), (FeedbackRow, "seq"), (FeedbackRow, "date"),
    (FeedbackRow, "kind"), (FeedbackTagRow, "tag"),
):  # fmt: skip
    _index(_row, getattr(_row, _column))
_index(RaterRow, RaterRow.assessment, RaterRow.position)
_index(RaterCommentRow, RaterCommentRow.rater, RaterCommentRow.position)
_index(AnswerRow, AnswerRow.assessment, AnswerRow.rater, AnswerRow.position)
_index(StepRow, StepRow.goal, StepRow.uid, unique=True)
_index(StepRow, StepRow.goal, StepRow.position)
_index(StepRow, StepRow.goal, StepRow.done, StepRow.position)
_index(StepRow, StepRow.due, where=StepRow.done == 0)
_index(StepRow, StepRow.done_on)  # migration 8
_index(CheckInRow, CheckInRow.goal, CheckInRow.uid, unique=True)
_index(CheckInRow, CheckInRow.goal, CheckInRow.position)
_index(ContactRow, ContactRow.open_follow_up_on, where=ContactRow.open_follow_up_on.is_null(False))
_index(
    ContactRow,
    SQL(
        "date(coalesce(last_interaction_on, met_on, '0001-01-01'), "
        "'+' || reconnect_every_days || ' days')"
    ),
    where=ContactRow.reconnect_every_days.is_null(False),
    name="contact_next_reconnect",
)
# Migration 10 writes it `name COLLATE NOCASE, seq`: the list's order (the test of the
# schema compares columns, which this names).
_index(ContactRow, ContactRow.name, ContactRow.seq, name="contact_name_nocase")
_index(ContactTagRow, ContactTagRow.contact, ContactTagRow.position)
_index(InteractionRow, InteractionRow.contact, InteractionRow.uid, unique=True)
_index(InteractionRow, InteractionRow.contact, InteractionRow.position)
_index(InteractionRow, InteractionRow.contact, InteractionRow.date)
_index(InteractionRow, InteractionRow.date, InteractionRow.contact)  # migration 8
_index(FeedbackRow, FeedbackRow.follow_up_on, where=FeedbackRow.followed_up_on.is_null())
_index(FeedbackFactorRow, FeedbackFactorRow.feedback, FeedbackFactorRow.position)
_index(FeedbackTagRow, FeedbackTagRow.feedback, FeedbackTagRow.position)


ALL_ROWS: tuple[type[BaseRow], ...] = (
    ProfileRow,
    AssessmentRow,
    RaterRow,
    RaterCommentRow,
    AnswerRow,
    GoalRow,
    StepRow,
    CheckInRow,
    ContactRow,
    ContactTagRow,
    EventRow,
    InteractionRow,
    FeedbackRow,
    FeedbackFactorRow,
    FeedbackTagRow,
    FeedbackSearchKeyRow,
)
