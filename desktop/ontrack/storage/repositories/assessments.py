"""Assessment queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import NodeList, fn

from ...domain.enums import AssessmentStatus
from ...domain.summaries import AssessmentSummary
from ..connection import DataFile
from ..orm import Prepared, value
from ..schema import AnswerRow, AssessmentRow, RaterRow
from ._paging import Page, PagedIds, RowsById, SortKey

_A = AssessmentRow
_ANSWERED = AnswerRow.select(fn.count()).where(
    AnswerRow.assessment == _A.id, AnswerRow.rater.is_null()
)
_RATERS = RaterRow.select(fn.count()).where(RaterRow.assessment == _A.id)

ORDERS = {
    "taken_on": SortKey(_A.taken_on),
    "status": SortKey(_A.status),
    "transition": SortKey(_A.target_role.collate("NOCASE")),
    "answered": SortKey(NodeList((_ANSWERED,))),
    "raters": SortKey(NodeList((_RATERS,))),
}


_COUNT = Prepared(lambda: _A.select(fn.count()))
_IDS = PagedIds(lambda _filters, _values: _A.select(_A.id), ORDERS, _A.seq)


def count(data: DataFile) -> int:
    return int(value(data, _COUNT()))


def summaries(data: DataFile, page: Page) -> list[AssessmentSummary]:
    return _SUMMARIES(data, _IDS(data, page))


def _summary(row: Sequence[Any]) -> AssessmentSummary:
    return AssessmentSummary(row[0], date.fromisoformat(row[1]), AssessmentStatus(row[2]), *row[3:])


_SUMMARIES = RowsById(
    lambda: _A.select(
        _A.id, _A.taken_on, _A.status, _A.current_role, _A.target_role, _ANSWERED, _RATERS
    ),
    _A.id,
    _summary,
)
