"""Events (conferences, meetups): list, read, save, delete and restore one; who was met
there; and the goals an event can serve (read only)."""

from __future__ import annotations

from datetime import date

from peewee import JOIN, fn

from ...domain.network import Event
from ...domain.network_summaries import EventSummary, PersonMet
from ...domain.removed import RemovedEvent
from ..connection import DataFile
from ..orm import run, value
from ..schema import ContactRow, EventRow, GoalRow, InteractionRow
from .feedback_records import CLOSED_STATUSES

_E = EventRow


def summaries(data: DataFile, text: str = "") -> list[EventSummary]:
    """Every event, newest first (a person attends tens, not thousands)."""
    met = (
        InteractionRow.select(fn.count(InteractionRow.contact.distinct()))
        .where(InteractionRow.event == _E.id)
    )  # fmt: skip
    title = fn.coalesce(GoalRow.title, "")
    query = (
        _E.select(_E.id, _E.name, _E.date, _E.location, _E.goal, title, met)
        .join(GoalRow, JOIN.LEFT_OUTER, on=GoalRow.id == _E.goal)
        .order_by(_E.date.desc(), _E.seq.desc())
    )  # fmt: skip
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(_E.name**like | _E.location**like | _E.notes**like)
    return [
        EventSummary(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6])
        for r in run(data, query)
    ]


def names(data: DataFile) -> list[tuple[str, str, date]]:
    """(id, name, date) of every event, newest first: cheap, for choosers."""
    query = _E.select(_E.id, _E.name, _E.date).order_by(_E.date.desc(), _E.seq.desc())
    return [(r[0], r[1], date.fromisoformat(r[2])) for r in run(data, query)]


def load_event(data: DataFile, event_id: str) -> Event | None:
    query = _E.select(_E.id, _E.name, _E.date, _E.location, _E.notes, _E.goal)
    row = run(data, query.where(_E.id == event_id)).fetchone()
    if row is None:
        return None
    return Event(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5])


def save_event(data: DataFile, event: Event, position: int | None = None) -> None:
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset

    with data.transaction():
        merge_dataset(data, Dataset(events=(event,)), with_profile=False)
        if position is not None:
            run(data, _E.update(seq=position).where(_E.id == event.id))


def delete_event(data: DataFile, event_id: str) -> RemovedEvent | None:
    """Delete an event; interactions that happened there keep existing, unlinked."""
    with data.transaction():
        event = load_event(data, event_id)
        if event is None:
            return None
        position = value(data, _E.select(_E.seq).where(_E.id == event_id))
        there = InteractionRow.select(InteractionRow.pk).where(InteractionRow.event == event_id)
        pks = tuple(r[0] for r in run(data, there))
        run(data, _E.delete().where(_E.id == event_id))
    return RemovedEvent(event, int(position), pks)


def restore_event(data: DataFile, removed: RemovedEvent) -> None:
    with data.transaction():
        save_event(data, removed.event, removed.position)
        if removed.interaction_pks:
            relink = InteractionRow.update(event=removed.event.id)
            run(data, relink.where(InteractionRow.pk.in_(removed.interaction_pks)))


def people_met(data: DataFile, event_id: str) -> list[PersonMet]:
    c = ContactRow
    query = (
        InteractionRow.select(c.id, c.name, c.company, fn.min(InteractionRow.uid))
        .join(c, on=c.id == InteractionRow.contact)
        .where(InteractionRow.event == event_id)
        .group_by(c.id)
        .order_by(c.name.collate("NOCASE"))
    )
    return [PersonMet(r[0], r[1], r[2], r[3]) for r in run(data, query)]


def is_event(data: DataFile, record_id: str) -> bool:
    return value(data, _E.select(_E.id).where(_E.id == record_id)) is not None


def goal_choices(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of the goals an event can serve, open ones first."""
    g = GoalRow
    query = g.select(g.id, g.title).order_by(
        g.status.in_(CLOSED_STATUSES), g.title.collate("NOCASE")
    )
    return [(r[0], r[1]) for r in run(data, query)]


def events_for_goal(data: DataFile, goal_id: str) -> int:
    return int(value(data, _E.select(fn.count()).where(_E.goal == goal_id)))
