"""The one date field: typed in words or ISO, stepped with the arrow keys, picked from a
calendar, optional or required, and a clear message for what is not a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from ontrack.ui.date_entry import DateEntry, parse_day
from tests.conftest import TODAY


def _entry(qtbot: QtBot, **options: object) -> DateEntry:
    entry = DateEntry("Deadline", today=lambda: TODAY, **options)  # type: ignore[arg-type]
    qtbot.addWidget(entry)
    with qtbot.waitExposed(entry):
        entry.show()
    entry.setFocus()
    return entry


def _type(qtbot: QtBot, entry: DateEntry, text: str) -> None:
    entry.selectAll()
    qtbot.keyClicks(entry, text)
    with qtbot.waitSignal(entry.edited):
        qtbot.keyClick(entry, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    "typed",
    ["14 Mar 2026", "14 march 2026", "14 MAR. 2026", "2026-03-14", "  14 Mar 2026 "],
)
def test_a_typed_date_is_read_and_shown_as_every_date_reads(qtbot: QtBot, typed: str) -> None:
    entry = _entry(qtbot)
    _type(qtbot, entry, typed)
    assert entry.value() == date(2026, 3, 14)
    assert entry.text() == "14 Mar 2026"
    assert entry.problem() is None


def test_what_is_not_a_date_stays_as_typed_and_says_why(qtbot: QtBot) -> None:
    entry = _entry(qtbot)
    entry.set_value(date(2026, 1, 5))
    _type(qtbot, entry, "31/12/2024")
    assert entry.text() == "31/12/2024"  # nothing typed is lost
    message = "“31/12/2024” is not a date; type it as day month year, e.g. 14 Mar 2026"
    assert entry.problem() == message
    assert entry.accessibleDescription() == message
    assert entry.toolTip() == message
    with pytest.raises(ValueError, match="is not a date"):
        entry.value()
    assert entry.value_or(date(2026, 1, 5)) == date(2026, 1, 5)
    _type(qtbot, entry, "2026-02-30")  # no such day
    assert entry.problem() == (
        "“2026-02-30” is not a date; type it as day month year, e.g. 14 Mar 2026"
    )
    _type(qtbot, entry, "1 Feb 2026")
    assert entry.problem() is None
    assert entry.accessibleDescription() == ""


def test_empty_is_none_when_optional_and_refused_when_required(qtbot: QtBot) -> None:
    optional = _entry(qtbot, none_text="No deadline")
    assert optional.placeholderText() == "No deadline"
    optional.set_value(None)
    assert optional.value() is None
    assert optional.text() == ""  # no stand-in day for "none"
    required = _entry(qtbot, required=True)
    _type(qtbot, required, "")
    assert required.problem() == ("Deadline is needed; type it as day month year, e.g. 14 Mar 2026")


def test_arrow_keys_step_a_day_and_page_keys_a_month(qtbot: QtBot) -> None:
    entry = _entry(qtbot)
    qtbot.keyClick(entry, Qt.Key.Key_Up)  # from an empty field: today, and on from there
    assert entry.value() == TODAY + timedelta(days=1)
    entry.set_value(date(2026, 1, 31))
    qtbot.keyClick(entry, Qt.Key.Key_PageUp)
    assert entry.value() == date(2026, 2, 28)
    qtbot.keyClick(entry, Qt.Key.Key_Down)
    assert entry.value() == date(2026, 2, 27)
    entry.set_value(date(9999, 12, 31))
    qtbot.keyClick(entry, Qt.Key.Key_Up)  # there is no day after: it stays
    assert entry.value() == date(9999, 12, 31)


def test_the_name_is_spoken_and_the_tip_says_how(qtbot: QtBot) -> None:
    entry = _entry(qtbot, none_text="No deadline")
    assert entry.accessibleName() == "Deadline"
    assert "F4" in entry.toolTip()
    assert "empty for no deadline" in entry.toolTip()


# The offscreen platform cannot raise a popup or grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_f4_opens_a_calendar_on_this_month_and_a_pick_settles_it(qtbot: QtBot) -> None:
    entry = _entry(qtbot, none_text="No deadline")
    qtbot.keyClick(entry, Qt.Key.Key_F4)
    calendar = entry._calendar
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert entry.value() is None  # closed without a pick: still no date
    entry.set_value(date(2027, 6, 1))
    qtbot.keyClick(entry, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2027, 6, 1)
    with qtbot.waitSignal(entry.edited):
        calendar.activated.emit(QDate(2027, 6, 30))  # what Return on a day sends
    assert not calendar.isVisible()
    assert entry.value() == date(2027, 6, 30)
    assert entry.text() == "30 Jun 2027"


def test_set_value_is_quiet(qtbot: QtBot) -> None:
    entry = _entry(qtbot)
    with qtbot.assertNotEmitted(entry.edited):
        entry.set_value(date(2026, 3, 14))
    assert entry.text() == "14 Mar 2026"


@pytest.mark.parametrize("text", ["1 Jan 0001", "31 Dec 9999", "7 Sep 26"])
def test_every_year_there_is_can_be_typed(text: str) -> None:
    assert parse_day(text) is not None
