"""Builds the network: people's names, contacts with their interactions, and events."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..domain.enums import InteractionKind
from ..domain.network import Contact, Event, Interaction
from .dice import Dice
from .vocabulary import fill, people
from .vocabulary import network as words_network
from .vocabulary.network import Circle

EXTRA_TAGS = ("python", "leadership", "hiring", "book club", "speaker", "alumni", "london")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    slug: str  # ASCII, for e-mail addresses and LinkedIn URLs

    @property
    def first(self) -> str:
        return self.name.split()[0]


def people_named(
    dice: Dice, count: int, international: int, *, always: Sequence[str] = ()
) -> list[Person]:
    """`count` different people, `international` of them with names beyond ASCII.

    The international names in `always` are among them.
    """
    pool = [pair for pair in people.INTERNATIONAL_NAMES if pair[0] not in always]
    chosen = [Person(n, s) for n, s in people.INTERNATIONAL_NAMES if n in always]
    extra = max(0, min(international - len(chosen), len(pool)))
    chosen += [Person(name, slug) for name, slug in dice.sample(pool, extra)]
    firsts, lasts = people.FIRST_NAMES, people.LAST_NAMES
    for index in dice.sample(range(len(firsts) * len(lasts)), count - len(chosen)):
        first, last = firsts[index // len(lasts)], lasts[index % len(lasts)]
        chosen.append(Person(f"{first} {last}", f"{first}-{last}".lower()))
    dice.shuffle(chosen)
    return chosen


def pick_circle(dice: Dice, circles: Sequence[Circle] = words_network.CIRCLES) -> Circle:
    return dice.weighted(circles, [circle.weight for circle in circles])


@dataclass(frozen=True, slots=True)
class Meeting:
    """Where a contact first came in: the day, and the event if it was at one."""

    met_on: date | None
    event: Event | None = None


def _company(dice: Dice, circle: Circle, employer: tuple[str, str], client: str) -> tuple[str, str]:
    if circle.own_company:
        return employer
    if circle.tag == "client":
        return client, client.lower().replace(" & ", "").replace(" ", "") + ".com"
    company = dice.choice(people.COMPANIES)
    return company if company != employer else people.COMPANIES[0]


def _phone(dice: Dice) -> str:
    if dice.chance(0.5):
        return f"+1 555 01{dice.randint(0, 99):02d}"
    return f"+44 20 7946 0{dice.randint(0, 999):03d}"


def _interaction(
    dice: Dice, day: date, kind: InteractionKind, event: Event | None, words: dict[str, str]
) -> Interaction:
    if kind is InteractionKind.INFORMATIONAL_INTERVIEW:
        notes = dice.choice(words_network.INFORMATIONAL_NOTES)
    else:
        at_event = {**words, "event": event.name} if event else words
        notes = fill(dice.choice(words_network.KIND_NOTES[kind]), at_event)
    follow_up = day + timedelta(days=dice.randint(7, 45)) if dice.chance(0.2) else None
    return Interaction(dice.new_id(), day, kind, event.id if event else None, notes, follow_up)


def _varied(dice: Dice, talks: list[Interaction], words: dict[str, str]) -> list[Interaction]:
    """In date order, with no note the same as the one before it."""
    talks.sort(key=lambda talk: talk.date)
    for i in range(1, len(talks)):
        talk, previous = talks[i], talks[i - 1].notes
        if talk.notes != previous or talk.event is not None:
            continue
        if talk.kind is InteractionKind.INFORMATIONAL_INTERVIEW:
            pool = list(words_network.INFORMATIONAL_NOTES)
        else:
            pool = [fill(note, words) for note in words_network.KIND_NOTES[talk.kind]]
        others = [note for note in pool if note != previous]
        talks[i] = replace(talk, notes=dice.choice(others) if others else "")
    return talks


def build_contact(
    dice: Dice,
    today: date,
    person: Person,
    circle: Circle,
    meeting: Meeting,
    *,
    employer: tuple[str, str],
    events: Sequence[Event],
    interactions: int,
    since: date,
    tags: tuple[str, ...] = (),
    how_met: str = "",
) -> Contact:
    """A contact with `interactions` interactions between `since` (or meeting them) and today.

    `events` are in date order; a few interactions happen at one of them.
    """
    client = dice.choice(people.CLIENTS)
    company, domain = _company(dice, circle, employer, client)
    met_event = meeting.event
    words = {
        "first": person.first,
        "company": company,
        "client": client,
        "event": met_event.name if met_event else dice.choice(words_network.CONFERENCES),
        "project": dice.choice(people.PROJECTS),
        "team": dice.choice(people.TEAMS),
        "topic": dice.choice(people.TOPICS),
    }
    start = max(meeting.met_on or since, since)
    talks: list[Interaction] = []
    if met_event is not None and interactions and met_event.date >= since:
        first = _interaction(dice, met_event.date, InteractionKind.CONFERENCE, met_event, words)
        note = fill(dice.choice(words_network.FIRST_MEETING_NOTES), words)
        talks.append(replace(first, notes=note))
    first_event = bisect_left(events, start, key=lambda event: event.date)
    for day in dice.days(start, today, interactions - len(talks)):
        at_event = first_event < len(events) and dice.chance(0.08)
        event = events[dice.randrange(first_event, len(events))] if at_event else None
        if event is not None and event is not met_event:
            talks.append(_interaction(dice, event.date, InteractionKind.CONFERENCE, event, words))
        else:
            talks.append(_interaction(dice, day, dice.choice(circle.kinds), None, words))
    talks = _varied(dice, talks, words)
    extra = (dice.choice(EXTRA_TAGS),) if dice.chance(0.2) else ()
    slug = person.slug
    return Contact(
        id=dice.new_id(),
        name=person.name,
        company=company,
        role=dice.choice(people.ROLES[circle.roles]),
        email=f"{slug.replace('-', '.')}@{domain}" if dice.chance(0.85) else "",
        phone=_phone(dice) if dice.chance(0.3) else "",
        linkedin_url=(
            f"https://www.linkedin.com/in/{slug}"
            + (f"-{dice.getrandbits(24):06x}" if dice.chance(0.4) else "")
            if dice.chance(0.9)
            else ""
        ),
        how_met=how_met or fill(dice.choice(circle.how_met), words),
        notes=fill(dice.choice(circle.notes), words) if dice.chance(0.6) else "",
        met_on=meeting.met_on,
        tags=tags or (circle.tag, *extra),
        reconnect_every_days=dice.choice(circle.cadences),
        interactions=tuple(talks),
    )


def build_event(
    dice: Dice,
    day: date,
    home: str,
    *,
    conference: bool,
    goal: str | None = None,
    series: str = "",
) -> Event:
    """A conference (anywhere, named with its year) or a meetup (at `home` or online).

    `series` is the conference or meetup's name (default: one from the vocabulary).
    """
    topic = dice.choice(people.TOPICS)
    words = {"topic": topic, "project": dice.choice(people.PROJECTS)}
    if conference:
        name = f"{series or dice.choice(words_network.CONFERENCES)} {day.year}"
        location = dice.choice(words_network.CONFERENCE_PLACES)
        notes = words_network.CONFERENCE_NOTES
    else:
        name = f"{series or dice.choice(words_network.MEETUPS)}: {topic}"
        location = home if dice.chance(0.7) else "Online"
        notes = words_network.MEETUP_NOTES
    return Event(dice.new_id(), name, day, location, fill(dice.choice(notes), words), goal)
