"""The agenda's words and order, with no data file and no Qt."""

from __future__ import annotations

from datetime import date

from ontrack.domain.agenda import (
    AttentionItem,
    AttentionKind,
    agenda_of,
    day_text,
    group,
    when_text,
)

TODAY = date(2026, 11, 24)  # a Tuesday
K = AttentionKind


def item(kind: AttentionKind, on: date | None) -> AttentionItem:
    return AttentionItem(kind, "id", "Title", on)


def test_dates_read_as_a_person_would_say_them() -> None:
    assert when_text(item(K.GOAL_OVERDUE, date(2026, 11, 3)), TODAY) == "Overdue since 3 Nov"
    assert when_text(item(K.STEP_DUE, TODAY), TODAY) == "Today"
    assert when_text(item(K.STEP_DUE, date(2026, 11, 25)), TODAY) == "Tomorrow"
    assert when_text(item(K.STEP_DUE, date(2026, 11, 27)), TODAY) == "Friday"
    assert when_text(item(K.EVENT_SOON, date(2026, 12, 6)), TODAY) == "In 12 days"
    assert when_text(item(K.REQUEST_OPEN, date(2026, 11, 3)), TODAY) == "Asked 3 Nov"
    assert when_text(item(K.FOLLOW_UP_DUE, date(2025, 2, 1)), TODAY) == "Overdue since 1 Feb 2025"
    # A contact never met nor spoken to with a cadence is due from the start.
    assert when_text(item(K.RECONNECT_DUE, date.min), TODAY) == "Due now"
    assert when_text(item(K.EVENT_SOON, None), TODAY) == ""
    assert day_text(date(1, 1, 1), TODAY) == "1 Jan 1"


def test_groups_come_in_a_fixed_order_and_empty_ones_are_left_out() -> None:
    agenda = agenda_of(
        [
            group(K.EVENT_SOON, 1, [item(K.EVENT_SOON, TODAY)]),
            group(K.GOAL_AT_RISK, 0, []),
            group(K.GOAL_OVERDUE, 2, [item(K.GOAL_OVERDUE, TODAY)] * 2),
        ]
    )
    assert [g.kind for g in agenda.groups] == [K.GOAL_OVERDUE, K.EVENT_SOON]
    assert agenda.total == 3
    assert agenda.count(K.GOAL_AT_RISK) == 0


def test_the_headline_is_plural_aware_and_leaves_out_what_is_not_due() -> None:
    agenda = agenda_of(
        [
            group(K.GOAL_OVERDUE, 1, []),
            group(K.RECONNECT_DUE, 1_204, []),
            group(K.REQUEST_OPEN, 3, []),
            group(K.EVENT_SOON, 2, []),
        ]
    )
    assert agenda.headline() == "1 goal overdue · 1,204 people to reconnect with"


def test_every_kind_leads_to_a_tab_and_has_words() -> None:
    for kind in AttentionKind:
        assert kind.tab in ("goalsTab", "journalTab", "networkTab")
        assert kind.heading
        assert kind.phrase(2).startswith("2 ")
