"""Read-only listings and counts for the tabs: paged summaries in the order a view asks for."""

from __future__ import annotations

from ..domain.summaries import AssessmentSummary, ContactSummary
from ..storage.connection import DataFile
from ..storage.repositories import assessments, network
from ..storage.repositories._paging import Page
from .context import ServiceContext

__all__ = ["ListingService", "Page"]


class ListingService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def _data(self) -> DataFile:
        return self._context.data

    def assessments(self, page: Page) -> list[AssessmentSummary]:
        return assessments.summaries(self._data, page)

    def assessment_count(self) -> int:
        return assessments.count(self._data)

    def contacts(self, page: Page) -> list[ContactSummary]:
        return network.summaries(self._data, page)

    def contact_count(self) -> int:
        return network.count(self._data)
