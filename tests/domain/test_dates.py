"""Dates as OnTrack writes them for people, the same in every locale."""

from __future__ import annotations

import locale
from datetime import date

import pytest

from ontrack.domain.dates import MONTH_ABBREVIATIONS, written


def test_a_date_reads_day_month_year() -> None:
    assert written(date(2026, 9, 7)) == "7 Sep 2026"
    assert written(date(1, 1, 1)) == "1 Jan 0001"
    assert written(date(9999, 12, 31)) == "31 Dec 9999"


def test_the_words_do_not_follow_the_system_locale() -> None:
    before = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert written(date(2026, 10, 3)) == "3 Oct 2026"
            assert MONTH_ABBREVIATIONS[4] == "May"
        finally:
            locale.setlocale(locale.LC_TIME, before)
        return
    pytest.skip("no other locale on this machine")  # pragma: no cover
