"""The Network part of the report: interactions over time, new contacts, events attended,
informational interviews, and who is due for a reconnect.

The interactions chart has one bar per month for up to two years, per quarter for up to
six, and per year beyond that, so that an all-time report over a decade stays a chart
one can read rather than 120 slivers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from ..domain.enums import InteractionKind
from ..domain.network import Contact, Event, Interaction
from ..domain.plain_text import without_markup
from ..domain.report_period import MONTH_NAMES, Period
from .model import Bin, ContactLine, Due, DueKind, EventLine, NetworkPart, cap_map
from .text import one_line

MAX_MONTH_BINS = 24
MAX_QUARTER_BINS = 24
CONTACT_LIMIT = 12
EVENT_LIMIT = 10
INTERVIEW_LIMIT = 10
NOTE_LIMIT = 200


Dated = tuple[Interaction, Contact]
"""An interaction with its contact (a plain tuple: there are tens of thousands)."""


def contact_detail(contact: Contact) -> str:
    return ", ".join(part for part in (contact.role.strip(), contact.company.strip()) if part)


def interactions_in(contacts: Sequence[Contact], period: Period) -> list[Dated]:
    start, end = period.start or dt.date.min, period.end
    return [(i, c) for c in contacts for i in c.interactions if start <= i.date <= end]


def first_met(contact: Contact) -> dt.date | None:
    """When the person was met: `met_on`, or else the first interaction on record."""
    if contact.met_on is not None:
        return contact.met_on
    return min((i.date for i in contact.interactions), default=None)


def _months(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def bins(dates: Sequence[dt.date], first: dt.date, last: dt.date) -> tuple[str, list[Bin]]:
    """The unit ("month", "quarter" or "year") and the count per bin from first to last."""
    months = _months(first, last)
    if months <= MAX_MONTH_BINS:
        unit, size = "month", 1
    elif (months + 2) // 3 <= MAX_QUARTER_BINS:
        unit, size = "quarter", 3
    else:
        unit, size = "year", 12

    def key(day: dt.date) -> int:
        index = day.year * 12 + day.month - 1
        return index // size

    counts = Counter(key(d) for d in dates)
    result = []
    for index in range(key(first), key(last) + 1):
        result.append(Bin(_bin_label(unit, index, size), counts.get(index, 0)))
    return unit, result


def _bin_label(unit: str, index: int, size: int) -> str:
    year, month = divmod(index * size, 12)
    if unit == "month":
        return f"{MONTH_NAMES[month]} {year % 100:02d}"
    if unit == "quarter":
        return f"Q{month // 3 + 1} {year % 100:02d}"
    return str(year)


def gather_network(
    contacts: Sequence[Contact],
    events: Sequence[Event],
    period: Period,
    today: dt.date,
    due: Due,
) -> NetworkPart:
    """`due` is the report's one due window: follow-ups and reconnects come from it."""
    dated = interactions_in(contacts, period)
    earliest = min((d[0].date for d in dated), default=None)
    # A period of up to two years is charted whole, empty months included; a longer one
    # starts at the first interaction: "from 2000" over data that begins in 2016 would
    # be sixteen empty years.
    first = period.first_day(earliest)
    if earliest is not None and earliest > first and _months(first, period.end) > MAX_MONTH_BINS:
        first = earliest
    unit, counted = bins([d[0].date for d in dated], first, period.end)
    kinds = Counter(d[0].kind for d in dated)
    by_kind = tuple(Bin(k.label, kinds[k]) for k in InteractionKind if kinds[k])

    new = [(first_met(c), c) for c in contacts]
    new_in = [(day, c) for day, c in new if period.contains(day)]
    new_in.sort(key=lambda item: (item[0] or dt.date.min, item[1].name, item[1].id), reverse=True)

    people_at: Counter[str] = Counter()
    for contact in contacts:
        for event_id in {i.event for i in contact.interactions if i.event}:
            people_at[event_id] += 1
    attended = [e for e in events if period.contains(e.date) and e.date <= today]
    attended.sort(key=lambda e: (e.date, e.name, e.id), reverse=True)

    interviews = [d for d in dated if d[0].kind is InteractionKind.INFORMATIONAL_INTERVIEW]
    interviews.sort(key=lambda d: (d[0].date, d[1].name, d[0].id), reverse=True)

    return NetworkPart(
        interactions=len(dated),
        bin_unit=unit,
        bins=tuple(counted),
        by_kind=by_kind,
        new_contacts=cap_map(
            new_in,
            CONTACT_LIMIT,
            lambda item: ContactLine(
                item[1].name, contact_detail(item[1]), item[0], one_line(item[1].how_met, 120)
            ),
        ),
        events=cap_map(
            attended,
            EVENT_LIMIT,
            lambda e: EventLine(e.date, e.name, one_line(e.location, 80), people_at[e.id]),
        ),
        interviews=cap_map(
            interviews,
            INTERVIEW_LIMIT,
            lambda d: ContactLine(
                d[1].name,
                contact_detail(d[1]),
                d[0].date,
                one_line(without_markup(d[0].notes), NOTE_LIMIT),
            ),
        ),
        follow_ups=due.of(DueKind.CONTACT_FOLLOW_UP),
        reconnect=due.of(DueKind.RECONNECT),
    )
