"""Events (conferences, meetups): list, read, save, delete and restore one; who was met
there; and the goals an event can serve (read only)."""

from __future__ import annotations

from datetime import date

from ...domain.network import Event
from ...domain.network_summaries import EventSummary, PersonMet
from ...domain.removed import RemovedEvent
from ..connection import DataFile

_SUMMARY = (
    "SELECT e.id, e.name, e.date, e.location, e.goal_id, coalesce(g.title, ''), "
    "(SELECT count(DISTINCT i.contact_id) FROM interaction i WHERE i.event_id = e.id) "
    "FROM event e LEFT JOIN goal g ON g.id = e.goal_id"
)


def summaries(data: DataFile, text: str = "") -> list[EventSummary]:
    """Every event, newest first (a person attends tens, not thousands)."""
    where, parameters = "", []
    if text.strip():
        where = " WHERE e.name LIKE ? OR e.location LIKE ? OR e.notes LIKE ?"
        parameters = [f"%{text.strip()}%"] * 3
    rows = data.execute(f"{_SUMMARY}{where} ORDER BY e.date DESC, e.seq DESC", parameters)
    return [
        EventSummary(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6]) for r in rows
    ]


def names(data: DataFile) -> list[tuple[str, str, date]]:
    """(id, name, date) of every event, newest first: cheap, for choosers."""
    return [
        (r[0], r[1], date.fromisoformat(r[2]))
        for r in data.execute("SELECT id, name, date FROM event ORDER BY date DESC, seq DESC")
    ]


def load_event(data: DataFile, event_id: str) -> Event | None:
    row = data.execute(
        "SELECT id, name, date, location, notes, goal_id FROM event WHERE id = ?", (event_id,)
    ).fetchone()
    if row is None:
        return None
    return Event(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5])


def save_event(data: DataFile, event: Event, position: int | None = None) -> None:
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset

    with data.transaction():
        merge_dataset(data, Dataset(events=(event,)), with_profile=False)
        if position is not None:
            data.execute("UPDATE event SET seq = ? WHERE id = ?", (position, event.id))


def delete_event(data: DataFile, event_id: str) -> RemovedEvent | None:
    """Delete an event; interactions that happened there keep existing, unlinked."""
    with data.transaction():
        event = load_event(data, event_id)
        if event is None:
            return None
        position = data.execute("SELECT seq FROM event WHERE id = ?", (event_id,)).fetchone()[0]
        pks = tuple(
            r[0] for r in data.execute("SELECT pk FROM interaction WHERE event_id = ?", (event_id,))
        )
        data.execute("DELETE FROM event WHERE id = ?", (event_id,))
    return RemovedEvent(event, int(position), pks)


def restore_event(data: DataFile, removed: RemovedEvent) -> None:
    with data.transaction():
        save_event(data, removed.event, removed.position)
        data.connection.executemany(
            "UPDATE interaction SET event_id = ? WHERE pk = ?",
            [(removed.event.id, pk) for pk in removed.interaction_pks],
        )


def people_met(data: DataFile, event_id: str) -> list[PersonMet]:
    return [
        PersonMet(r[0], r[1], r[2], r[3])
        for r in data.execute(
            "SELECT c.id, c.name, c.company, min(i.uid) FROM interaction i "
            "JOIN contact c ON c.id = i.contact_id WHERE i.event_id = ? "
            "GROUP BY c.id ORDER BY c.name COLLATE NOCASE",
            (event_id,),
        )
    ]


def is_event(data: DataFile, record_id: str) -> bool:
    return data.execute("SELECT 1 FROM event WHERE id = ?", (record_id,)).fetchone() is not None


def goal_choices(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of the goals an event can serve, open ones first."""
    return [
        (r[0], r[1])
        for r in data.execute(
            "SELECT id, title FROM goal "
            "ORDER BY status IN ('done', 'dropped'), title COLLATE NOCASE"
        )
    ]


def events_for_goal(data: DataFile, goal_id: str) -> int:
    return int(
        data.execute("SELECT count(*) FROM event WHERE goal_id = ?", (goal_id,)).fetchone()[0]
    )
