"""Events (conferences, meetups): list, read, save, delete and restore one; who was met
there; and the goals an event can serve (read only)."""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import JOIN, fn

from ...domain.network import Event
from ...domain.network_summaries import EventSummary, PersonMet
from ...domain.removed import RemovedEvent
from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run, value
from ..schema import ContactRow, EventRow, GoalRow, InteractionRow
from .open_goals import CLOSED_STATUSES

_E, _I, _G = EventRow, InteractionRow, GoalRow


def _summaries(searching: bool, *slots: Any) -> Any:
    met = _I.select(fn.count(_I.contact.distinct())).where(_I.event == _E.id)
    title = fn.coalesce(_G.title, "")
    query = (
        _E.select(_E.id, _E.name, _E.date, _E.location, _E.goal, title, met)
        .join(_G, JOIN.LEFT_OUTER, on=_G.id == _E.goal)
        .order_by(_E.date.desc(), _E.seq.desc())
    )
    if searching:
        (like,) = slots
        query = query.where(_E.name**like | _E.location**like | _E.notes**like)
    return query


_SUMMARIES = Prepared(_summaries)
_NAMES = Prepared(
    lambda: _E.select(_E.id, _E.name, _E.date).order_by(_E.date.desc(), _E.seq.desc())
)
_EVENT = Prepared(
    lambda event_id: _E.select(_E.id, _E.name, _E.date, _E.location, _E.notes, _E.goal).where(
        _E.id == event_id
    )
)
_SEQ = Prepared(lambda event_id: _E.select(_E.seq).where(_E.id == event_id))
_MOVE = Prepared(lambda seq, event_id: _E.update(seq=seq).where(_E.id == event_id))
_DELETE = Prepared(lambda event_id: _E.delete().where(_E.id == event_id))
_THERE = Prepared(lambda event_id: _I.select(_I.pk).where(_I.event == event_id))
_RELINK = Prepared(lambda event_id, pks: _I.update(event=event_id).where(_I.pk.in_(each_of(pks))))
_PEOPLE_MET = Prepared(
    lambda event_id: (
        _I.select(ContactRow.id, ContactRow.name, ContactRow.company, fn.min(_I.uid))
        .join(ContactRow, on=ContactRow.id == _I.contact)
        .where(_I.event == event_id)
        .group_by(ContactRow.id)
        .order_by(ContactRow.name.collate("NOCASE"))
    )
)
_GOAL_CHOICES = Prepared(
    lambda: _G.select(_G.id, _G.title).order_by(
        _G.status.in_(CLOSED_STATUSES), _G.title.collate("NOCASE")
    )
)
_FOR_GOAL = Prepared(lambda goal_id: _E.select(fn.count()).where(_E.goal == goal_id))


def summaries(data: DataFile, text: str = "") -> list[EventSummary]:
    """Every event, newest first (a person attends tens, not thousands)."""
    searching = bool(text.strip())
    bound = _SUMMARIES(*([f"%{text.strip()}%"] if searching else []), shape=searching)
    return [
        EventSummary(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6])
        for r in run(data, bound)
    ]


def names(data: DataFile) -> list[tuple[str, str, date]]:
    """(id, name, date) of every event, newest first: cheap, for choosers."""
    return [(r[0], r[1], date.fromisoformat(r[2])) for r in run(data, _NAMES())]


def load_event(data: DataFile, event_id: str) -> Event | None:
    row = run(data, _EVENT(event_id)).fetchone()
    if row is None:
        return None
    return Event(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5])


def save_event(data: DataFile, event: Event, position: int | None = None) -> None:
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset

    with data.transaction():
        merge_dataset(data, Dataset(events=(event,)), with_profile=False)
        if position is not None:
            run(data, _MOVE(position, event.id))


def delete_event(data: DataFile, event_id: str) -> RemovedEvent | None:
    """Delete an event; interactions that happened there keep existing, unlinked."""
    with data.transaction():
        event = load_event(data, event_id)
        if event is None:
            return None
        position = value(data, _SEQ(event_id))
        pks = tuple(r[0] for r in run(data, _THERE(event_id)))
        run(data, _DELETE(event_id))
    return RemovedEvent(event, int(position), pks)


def restore_event(data: DataFile, removed: RemovedEvent) -> None:
    with data.transaction():
        save_event(data, removed.event, removed.position)
        run(data, _RELINK(removed.event.id, listed(removed.interaction_pks)))


def people_met(data: DataFile, event_id: str) -> list[PersonMet]:
    return [PersonMet(r[0], r[1], r[2], r[3]) for r in run(data, _PEOPLE_MET(event_id))]


def is_event(data: DataFile, record_id: str) -> bool:
    return value(data, _SEQ(record_id)) is not None


def goal_choices(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of the goals an event can serve, open ones first."""
    return [(r[0], r[1]) for r in run(data, _GOAL_CHOICES())]


def events_for_goal(data: DataFile, goal_id: str) -> int:
    return int(value(data, _FOR_GOAL(goal_id)))
