"""Peewee tables (`…Row`), matching the SQL that the migrations create.

The migrations own the schema; these classes only describe it for queries, and a test checks
that both agree. Dates are ISO text (`YYYY-MM-DD`), so that they sort and compare as text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

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
    seq = IntegerField(index=True)
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
    assessment = ForeignKeyField(AssessmentRow, column_name="assessment_id", on_delete="CASCADE")
    position = IntegerField()
    name = TextField()
    relationship = TextField()

    class Meta:
        table_name = "rater"


class AnswerRow(BaseRow):
    pk = AutoField()
    assessment = ForeignKeyField(AssessmentRow, column_name="assessment_id", on_delete="CASCADE")
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
    goal = ForeignKeyField(GoalRow, column_name="goal_id", on_delete="CASCADE")
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
    goal = ForeignKeyField(GoalRow, column_name="goal_id", on_delete="CASCADE")
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

    class Meta:
        table_name = "contact"


class ContactTagRow(BaseRow):
    pk = AutoField()
    contact = ForeignKeyField(ContactRow, column_name="contact_id", on_delete="CASCADE")
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
    contact = ForeignKeyField(ContactRow, column_name="contact_id", on_delete="CASCADE")
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
    feedback = ForeignKeyField(FeedbackRow, column_name="feedback_id", on_delete="CASCADE")
    position = IntegerField()
    factor = TextField()

    class Meta:
        table_name = "feedback_factor"


class FeedbackTagRow(BaseRow):
    pk = AutoField()
    feedback = ForeignKeyField(FeedbackRow, column_name="feedback_id", on_delete="CASCADE")
    position = IntegerField()
    tag = TextField()

    class Meta:
        table_name = "feedback_tag"


ALL_ROWS: tuple[type[BaseRow], ...] = (
    ProfileRow,
    AssessmentRow,
    RaterRow,
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
)
