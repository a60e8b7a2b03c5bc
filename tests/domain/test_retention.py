"""Backup retention: 7 daily, 4 weekly, 12 monthly."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ontrack.domain.retention import backups_to_keep

START = datetime(2026, 11, 24, 18, 0)


def test_a_year_of_daily_backups_keeps_about_twenty() -> None:
    daily = [START - timedelta(days=n) for n in range(365)]
    kept = backups_to_keep(daily)
    assert all(START - timedelta(days=n) in kept for n in range(7))
    # the newest of each of 12 months (which include the newest days), 4 weeks
    assert 18 <= len(kept) <= 23
    months = {(m.year, m.month) for m in kept}
    assert len(months) == 12


def test_several_backups_a_day_keep_the_newest() -> None:
    same_day = [START.replace(hour=h) for h in (8, 12, 20)]
    assert backups_to_keep(same_day) == {START.replace(hour=20)}


def test_days_without_backups_do_not_use_up_the_week() -> None:
    sparse = [START - timedelta(days=10 * n) for n in range(20)]
    kept = backups_to_keep(sparse)
    assert {START - timedelta(days=10 * n) for n in range(7)} <= kept


@given(st.lists(st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1)), max_size=200))
def test_the_newest_is_always_kept_and_at_most_23(moments: list[datetime]) -> None:
    kept = backups_to_keep(moments)
    assert kept <= set(moments)
    assert len(kept) <= 7 + 4 + 12
    if moments:
        assert max(moments) in kept
