"""The report period: rolling presets ending today, month arithmetic, labels."""

from __future__ import annotations

from datetime import date

import pytest

from ontrack.domain.report_options import PageSize, page_size_for_locale, system_page_size
from ontrack.domain.report_period import Period, Preset, format_day, months_before

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


@pytest.mark.parametrize(
    ("name", "paper"),
    [("en_US.UTF-8", "letter"), ("en-US", "letter"), ("fr_CA", "letter"), ("es_MX.utf8", "letter"),
     ("en_GB.UTF-8", "a4"), ("de_DE@euro", "a4"), ("C", "a4"), ("", "a4"), (None, "a4"),
     ("en", "a4")],
)  # fmt: skip
def test_the_paper_of_a_locale(name: str | None, paper: str) -> None:
    assert page_size_for_locale(name) is PageSize(paper)


def test_the_paper_of_the_environment_follows_the_c_library_order() -> None:
    assert system_page_size({"LANG": "en_US.UTF-8"}) is PageSize.LETTER
    assert system_page_size({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) is PageSize.A4
    assert system_page_size({"LC_ALL": "en_CA.UTF-8", "LC_PAPER": "de_DE"}) is PageSize.LETTER
    assert system_page_size({}) is PageSize.A4
