"""Assessment queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.enums import AssessmentStatus
from ...domain.summaries import AssessmentSummary
from ..connection import DataFile
from ._paging import Page, SortKey, page_ids, rows_in_order

_ANSWERED = "(SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.rater_pk IS NULL)"
_RATERS = "(SELECT count(*) FROM rater r WHERE r.assessment_id = a.id)"

ORDERS = {
    "taken_on": SortKey("a.taken_on"),
    "status": SortKey("a.status"),
    "transition": SortKey("a.target_role COLLATE NOCASE"),
    "answered": SortKey(_ANSWERED),
    "raters": SortKey(_RATERS),
}

_DETAILS = (
    "SELECT a.id, a.taken_on, a.status, a.current_role, a.target_role, "
    f"{_ANSWERED}, {_RATERS} FROM assessment a WHERE a.id IN"
)


def count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM assessment").fetchone()[0])


def summaries(data: DataFile, page: Page) -> list[AssessmentSummary]:
    ids = page_ids(data, "assessment a", ORDERS, "a.seq", page)
    return rows_in_order(data, _DETAILS, ids, _summary)


def _summary(row: Sequence[Any]) -> AssessmentSummary:
    return AssessmentSummary(row[0], date.fromisoformat(row[1]), AssessmentStatus(row[2]), *row[3:])
