"""The report period: rolling presets ending today, month arithmetic, labels."""

from __future__ import annotations

from datetime import date

import pytest

from ontrack.reports.period import Period, Preset, format_day, months_before

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("preset", "start"),
    [
        (Preset.LAST_MONTH, date(2026, 10, 25)),
        (Preset.LAST_QUARTER, date(2026, 8, 25)),
        (Preset.LAST_YEAR, date(2025, 11, 25)),
        (Preset.ALL_TIME, None),
    ],
)
def test_presets_are_rolling_windows_ending_today(preset: Preset, start: date | None) -> None:
    period = Period.preset(preset, TODAY)
    assert (period.start, period.end) == (start, TODAY)
    assert preset.label


def test_month_arithmetic_clips_to_the_end_of_the_month() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert Period.preset(Preset.LAST_MONTH, date(2026, 3, 31)).start == date(2026, 3, 1)
    assert Period.preset(Preset.LAST_YEAR, date(1, 6, 1)).start == date.min


def test_contains_is_inclusive_and_all_time_has_no_start() -> None:
    period = Period(date(2026, 1, 1), date(2026, 1, 31))
    assert period.contains(date(2026, 1, 1))
    assert period.contains(date(2026, 1, 31))
    assert not period.contains(date(2025, 12, 31))
    assert not period.contains(date(2026, 2, 1))
    assert not period.contains(None)
    everything = Period(None, TODAY)
    assert everything.contains(date.min)
    assert not everything.contains(date(2026, 11, 25))
    assert everything.first_day(date(2016, 5, 1)) == date(2016, 5, 1)
    assert everything.first_day(None) == TODAY
    assert period.first_day(date(2000, 1, 1)) == date(2026, 1, 1)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="after it ends"):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_labels() -> None:
    assert format_day(date(2026, 11, 4)) == "4 Nov 2026"
    assert Period(date(2025, 11, 25), TODAY).label == "25 Nov 2025 – 24 Nov 2026"
    assert Period(TODAY, TODAY).label == "24 Nov 2026"
    assert Period(None, TODAY).label == "All time, up to 24 Nov 2026"
