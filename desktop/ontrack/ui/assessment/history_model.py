"""The history of assessments: date, transition, overall score, status (drafts marked)
and how many others rated; newest first, loaded a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ...domain.enums import AssessmentStatus
from ...domain.summaries import AssessmentSummary
from ...services.assessments import AssessmentService
from ...services.listings import ListingService, Page
from ..paged_model import Column, PagedTableModel, format_date

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class HistoryEntry:
    """One row: the listing's summary and the overall score of its own answers."""

    __slots__ = ("overall", "summary")

    def __init__(self, summary: AssessmentSummary, overall: int | None) -> None:
        self.summary = summary
        self.overall = overall

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def taken_on(self) -> date:
        return self.summary.taken_on


def _is_draft(entry: HistoryEntry) -> bool:
    return entry.summary.status is AssessmentStatus.DRAFT


class AssessmentHistoryTableModel(PagedTableModel):
    def __init__(
        self, listings: ListingService, service: AssessmentService, parent: Any = None
    ) -> None:
        def fetch(page: Page) -> list[HistoryEntry]:
            summaries = listings.assessments(page)
            overall = service.overall_scores([s.id for s in summaries])
            # A draft has no overall score: the mean of half its answers would mislead.
            return [
                HistoryEntry(s, None if s.status is AssessmentStatus.DRAFT else overall.get(s.id))
                for s in summaries
            ]

        def status(entry: HistoryEntry) -> str:
            if _is_draft(entry):
                total = len(service.content.statements)
                return f"Draft: {entry.summary.answered} of {total} answered"
            return entry.summary.status.label

        columns = [
            Column(
                "Taken on",
                "taken_on",
                lambda e: format_date(e.taken_on),
                lambda e: e.taken_on.isoformat(),
            ),
            Column(
                "Transition",
                "transition",
                lambda e: e.summary.transition or "—",
                lambda e: e.summary.transition.casefold(),
            ),
            Column(
                "Overall",
                "answered",
                lambda e: "—" if e.overall is None else str(e.overall),
                lambda e: -1 if e.overall is None else e.overall,
                _RIGHT,
                tooltip=lambda e: (
                    "Not finished: no overall score yet"
                    if _is_draft(e)
                    else "The mean of the eight factor scores, 0–100"
                ),
            ),
            Column("Status", "status", status, lambda e: e.summary.status.value),
            Column(
                "Others",
                "raters",
                lambda e: str(e.summary.raters) if e.summary.raters else "—",
                lambda e: e.summary.raters,
                _RIGHT,
                tooltip=lambda e: f"{e.summary.raters} people rated you on this assessment",
            ),
        ]
        super().__init__(columns, fetch, listings.assessment_count, "taken_on", True, parent=parent)
        self._overall_column = 2

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The overall score is computed, not stored, so the query cannot order by it; the
        # list is short, so sort what is loaded (after loading the rest) in memory.
        if column != self._overall_column:
            super().sort(column, order)
            return
        while self.canFetchMore():
            self.fetchMore()
        self.beginResetModel()
        self._rows.sort(
            key=lambda e: -1 if e.overall is None else e.overall,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.endResetModel()
