"""What a rater asked through a questionnaire brings besides their ratings: the id the
form carries, an e-mail address, when they were asked and answered, their own words, and
whether they agreed to be shown by name (migration 7).

Kept beside the rater rows that `dataset_write` and the readers handle (migration 6), and
written and read here through Peewee's query builder, so that those writers need one call
each. The queries run on the caller's own connection (`_run`), not through the Row
classes' shared binding: the dataset is also read on a worker thread over a connection of
its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from ...domain.assessment import NameConsent, Rater
from ..connection import DataFile


def save_details(data: DataFile, rater_pk: int, rater: Rater) -> None:
    """Store a just-inserted rater's details (inside the caller's transaction)."""
    from ..schema import RaterCommentRow, RaterRow

    if not (rater.id or rater.email or rater.asked_on or rater.returned_on or rater.comments) and (
        rater.consent is NameConsent.NOT_ASKED
    ):
        return  # a rater typed in by hand: the columns' defaults already say so
    _run(
        data,
        RaterRow.update(
            uid=rater.id,
            email=rater.email,
            asked_on=rater.asked_on,
            returned_on=rater.returned_on,
            consent=rater.consent.value,
        ).where(RaterRow.pk == rater_pk),
    )
    if rater.comments:
        rows = [
            {"rater": rater_pk, "position": n, "topic": topic, "text": text}
            for n, (topic, text) in enumerate(rater.comments)
        ]
        _run(data, RaterCommentRow.insert_many(rows))


def with_details(data: DataFile, raters: Sequence[tuple[int, Rater]]) -> list[Rater]:
    """The raters (each with its row's pk) with their stored details filled in."""
    from ..schema import RaterCommentRow, RaterRow

    if not raters:
        return []
    pks = [pk for pk, _ in raters]
    details: dict[int, tuple[str, str, str | None, str | None, str]] = {}
    comments: dict[int, list[tuple[str, str]]] = {}
    for chunk in _chunks(pks):
        fields = (RaterRow.pk, RaterRow.uid, RaterRow.email, RaterRow.asked_on)
        more = (RaterRow.returned_on, RaterRow.consent)
        query = RaterRow.select(*fields, *more).where(RaterRow.pk.in_(chunk))
        for pk, *rest in _run(data, query):
            details[pk] = (rest[0], rest[1], rest[2], rest[3], rest[4])
        said = (
            RaterCommentRow.select(
                RaterCommentRow.rater, RaterCommentRow.topic, RaterCommentRow.text
            )
            .where(RaterCommentRow.rater.in_(chunk))
            .order_by(RaterCommentRow.rater, RaterCommentRow.position)
        )
        for rater_pk, topic, text in _run(data, said):
            comments.setdefault(rater_pk, []).append((topic, text))
    result = []
    for pk, rater in raters:
        if pk in details:
            uid, email, asked_on, returned_on, consent = details[pk]
            rater = replace(
                rater,
                id=uid,
                email=email,
                asked_on=_day(asked_on),
                returned_on=_day(returned_on),
                comments=tuple(comments.get(pk, ())),
                consent=_consent(consent),
            )
        result.append(rater)
    return result


def _consent(value: str) -> NameConsent:
    """The stored consent; an unknown value (written by hand) is read as not asked, the
    private direction."""
    try:
        return NameConsent(value)
    except ValueError:
        return NameConsent.NOT_ASKED


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@cache
def _sql_writer() -> Any:
    from peewee import SqliteDatabase

    return SqliteDatabase(None)


def _run(data: DataFile, query: Any) -> sqlite3.Cursor:
    """Run a query built with Peewee on this file's own connection."""
    sql, params = _sql_writer().get_sql_context().sql(query).query()
    return data.execute(sql, params)


def _chunks(pks: list[int], size: int = 500) -> list[list[int]]:
    return [pks[start : start + size] for start in range(0, len(pks), size)]
