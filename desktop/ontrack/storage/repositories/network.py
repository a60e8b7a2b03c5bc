"""Contact and event queries, including who is due to reconnect."""

from __future__ import annotations

from datetime import date

from peewee import SqliteDatabase

from ...domain.cadence import next_reconnect
from ...domain.summaries import ContactSummary
from ._paging import Page, order_clause

# Last interaction per contact, computed once per query; the index on (contact_id, date)
# makes it a quick scan.
_LAST = "(SELECT max(i.date) FROM interaction i WHERE i.contact_id = c.id)"
_NEXT = (
    f"CASE WHEN c.reconnect_every_days IS NULL THEN NULL "
    f"ELSE date(coalesce({_LAST}, c.met_on, '0001-01-01'), "
    f"'+' || c.reconnect_every_days || ' days') END"
)

ORDERS = {
    "name": "c.name COLLATE NOCASE",
    "company": "c.company COLLATE NOCASE",
    "role": "c.role COLLATE NOCASE",
    "tags": "tags COLLATE NOCASE",
    "last_interaction": "last_interaction",
    "next_reconnect": "next_reconnect",
}


def count(db: SqliteDatabase) -> int:
    return int(db.execute_sql("SELECT count(*) FROM contact").fetchone()[0])


def event_count(db: SqliteDatabase) -> int:
    return int(db.execute_sql("SELECT count(*) FROM event").fetchone()[0])


def summaries(db: SqliteDatabase, page: Page) -> list[ContactSummary]:
    sql = (
        "SELECT c.id, c.name, c.company, c.role, "
        "(SELECT group_concat(t.tag, char(31)) FROM "
        " (SELECT tag FROM contact_tag WHERE contact_id = c.id ORDER BY position) t) AS tags, "
        f"{_LAST} AS last_interaction, c.met_on, c.reconnect_every_days, "
        f"{_NEXT} AS next_reconnect "
        "FROM contact c " + order_clause(page, ORDERS, "c.seq")
    )
    result = []
    for row in db.execute_sql(sql):
        last = date.fromisoformat(row[5]) if row[5] else None
        met_on = date.fromisoformat(row[6]) if row[6] else None
        result.append(
            ContactSummary(
                id=row[0],
                name=row[1],
                company=row[2],
                role=row[3],
                tags=tuple(row[4].split("\x1f")) if row[4] else (),
                last_interaction=last,
                next_reconnect=next_reconnect(last, met_on, row[7]),
            )
        )
    return result


def reconnects_due(db: SqliteDatabase, today: date) -> int:
    row = db.execute_sql(
        f"SELECT count(*) FROM contact c WHERE c.reconnect_every_days IS NOT NULL AND {_NEXT} <= ?",
        (today.isoformat(),),
    ).fetchone()
    return int(row[0])
