"""Assessment queries."""

from __future__ import annotations

from datetime import date

from peewee import SqliteDatabase

from ...domain.enums import AssessmentStatus
from ...domain.summaries import AssessmentSummary
from ._paging import Page, order_clause

ORDERS = {
    "taken_on": "a.taken_on",
    "status": "a.status",
    "transition": "a.target_role COLLATE NOCASE",
    "answered": "answered",
    "raters": "raters",
}


def count(db: SqliteDatabase) -> int:
    return int(db.execute_sql("SELECT count(*) FROM assessment").fetchone()[0])


def summaries(db: SqliteDatabase, page: Page) -> list[AssessmentSummary]:
    sql = (
        "SELECT a.id, a.taken_on, a.status, a.current_role, a.target_role, "
        "(SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.rater_pk IS NULL)"
        " AS answered, "
        "(SELECT count(*) FROM rater r WHERE r.assessment_id = a.id) AS raters "
        "FROM assessment a " + order_clause(page, ORDERS, "a.seq")
    )
    return [
        AssessmentSummary(row[0], date.fromisoformat(row[1]), AssessmentStatus(row[2]), *row[3:])
        for row in db.execute_sql(sql)
    ]
