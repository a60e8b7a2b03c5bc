"""The small demo: one person's realistic year ending today, written to look good on screen."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.dataset import Dataset, Profile
from ..domain.enums import FeedbackKind, GoalStatus, Relationship
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .assemble import dataset, words
from .assessments import build_assessment, drift, first_levels
from .dice import Dice
from .goals import GoalPlan, build_goal
from .journal import build_feedback
from .network import Meeting, Person, build_contact, build_event, people_named
from .vocabulary import people
from .vocabulary.constructive import CONSTRUCTIVE
from .vocabulary.goals import GOAL_TEMPLATES
from .vocabulary.network import CIRCLES, CONFERENCES, HOME_CITIES, MEETUPS
from .vocabulary.praise import PRAISE
from .vocabulary.requests import REQUESTS

ROLES = ("Senior software engineer", "Engineering manager")
ALWAYS_THERE = ("Zoë Müller", "José Álvarez", "Nguyễn Văn An", "李娜")
EXPAND_NETWORK = "Expand Network"

S = GoalStatus
# title, status, created (days ago), deadline (days after created), steps, done, check-ins
GOALS = (
    ("Ask three peers for feedback every quarter", S.DONE, 330, 180, 3, 3, 3),
    ("Send my manager a weekly update that needs no follow-up", S.DONE, 300, 90, 3, 3, 2),
    (EXPAND_NETWORK, S.IN_PROGRESS, 280, 365, 5, 1, 4),
    ("Learn the basics of product analytics", S.DROPPED, 260, 150, 4, 1, 2),
    ("Stop rewriting teammates' code after review", S.DONE, 240, 120, 0, 0, 2),
    (
        "Hold five informational interviews with engineering managers",
        S.IN_PROGRESS,
        200,
        150,
        5,
        3,
        3,
    ),
    ("Obtain a Certification", S.ON_TRACK, 150, 240, 5, 2, 3),
    (
        "Present the {project} architecture at the engineering all-hands",
        S.AT_RISK,
        120,
        110,
        5,
        1,
        2,
    ),
    ("Run weekly one-on-ones with my two mentees", S.ON_TRACK, 100, 180, 4, 2, 2),
    ("Raise my concerns in planning, then commit", S.AT_RISK, 90, 120, 0, 0, 2),
    ("Shadow the {team} team's customer calls for a month", S.NOT_STARTED, 45, 75, 0, 0, 0),
    ("Mentor a new engineer through their first 90 days", S.NOT_STARTED, 20, 120, 4, 0, 0),
)

# Events (days ago, conference or not); the conferences after "Expand Network" serve it.
EVENTS = (
    (335, True),
    (250, False),
    (205, True),
    (160, False),
    (118, False),
    (80, True),
    (40, False),
    (9, False),
)

# circle tag: (how many, met between these many days ago, chance that met_on is unknown)
CONTACTS = {
    "manager": (1, (700, 400), 0.0),
    "colleague": (12, (1500, 30), 0.1),
    "former colleague": (12, (3650, 800), 0.3),
    "mentor": (2, (500, 200), 0.0),
    "recruiter": (4, (1200, 30), 0.5),
    "client": (4, (900, 100), 0.1),
    "conference": (10, (0, 0), 0.0),
    "informational interview": (6, (200, 20), 0.0),
    "community": (9, (2000, 60), 0.5),
}
# The circles whose people give feedback (the rest comes from people not in the network).
GIVERS = ("manager", "colleague", "mentor", "client")


def _ago(dice: Dice, today: date, days: int, jitter: int = 5) -> date:
    return min(today, today - timedelta(days=days + dice.randint(-jitter, jitter)))


def _goals(dice: Dice, today: date) -> list[Goal]:
    templates = {template.title: template for template in GOAL_TEMPLATES}
    goals = []
    for title, status, ago, length, steps, done, checkins in GOALS:
        created = _ago(dice, today, ago)
        plan = GoalPlan(
            templates[title],
            status,
            created,
            created + timedelta(days=length),
            steps,
            checkins,
            done_steps=done,
            due_share=0.6,
        )
        goals.append(build_goal(dice, today, plan, words(dice)))
    return goals


def _events(dice: Dice, today: date, home: str, network_goal: Goal) -> list[Event]:
    conferences = dice.sample(CONFERENCES, 3)
    meetups = dice.sample(MEETUPS, 5)
    events = []
    for ago, is_conference in EVENTS:
        day = _ago(dice, today, ago, jitter=3)
        serves = is_conference and day >= (network_goal.created_on or today)
        series = conferences.pop() if is_conference else meetups.pop()
        goal = network_goal.id if serves else None
        events.append(
            build_event(dice, day, home, conference=is_conference, goal=goal, series=series)
        )
    return events


def _contacts(
    dice: Dice, today: date, events: list[Event], employer: tuple[str, str]
) -> list[tuple[str, Contact]]:
    count = sum(how_many for how_many, _, _ in CONTACTS.values())
    persons: list[Person] = people_named(dice, count, 6, always=ALWAYS_THERE)
    circles = {circle.tag: circle for circle in CIRCLES}
    contacts = []
    for tag, (how_many, (earliest, latest), unknown) in CONTACTS.items():
        for _ in range(how_many):
            if tag == "conference":
                event = dice.choice(events)
                meeting = Meeting(event.date, event)
            elif dice.chance(unknown):
                meeting = Meeting(None)
            else:
                meeting = Meeting(_ago(dice, today, dice.randint(latest, earliest), 0))
            contact = build_contact(
                dice,
                today,
                persons.pop(),
                circles[tag],
                meeting,
                employer=employer,
                events=events,
                interactions=dice.randint(2, 5),
                since=today - timedelta(days=365),
                how_met="My manager." if tag == "manager" else "",
            )
            contacts.append((tag, contact))
    return contacts


def _feedback(
    dice: Dice, today: date, goals: list[Goal], contacts: list[tuple[str, Contact]]
) -> list[Feedback]:
    stories = [*dice.sample(PRAISE, 16), *dice.sample(CONSTRUCTIVE, 16)]
    stories += [dice.choice(CONSTRUCTIVE), *dice.sample(REQUESTS, 7)]
    relationships = {circle.tag: circle.relationship for circle in CIRCLES}
    givers = [(relationships[tag], contact) for tag, contact in contacts if tag in GIVERS]
    strangers = people_named(dice, 10, 0)
    entries = []
    for story in stories:
        request = story.kind is FeedbackKind.REQUEST
        day = dice.day(today - timedelta(days=35 if request else 360), today)
        known = [(r, contact) for r, contact in givers if r in story.givers]
        if known and dice.chance(0.85):
            relationship, contact = dice.choice(known)
            source, contact_id = contact.name, contact.id
        else:
            source, contact_id = dice.choice(strangers).name, None
            relationship = dice.choice(story.givers)
        matching = [goal.id for goal in goals if goal.factor in story.factors]
        goal = dice.choice(matching) if matching and dice.chance(0.45) else None
        entries.append(
            build_feedback(
                dice,
                today,
                day,
                story,
                source=source,
                relationship=relationship,
                words=words(dice),
                contact=contact_id,
                goal=goal,
            )
        )
    return entries


def build(dice: Dice, today: date) -> Dataset:
    profile = Profile(dice.choice(people.PERSONAS), *ROLES)
    employer = dice.choice(people.COMPANIES)
    home = dice.choice(HOME_CITIES)
    goals = _goals(dice, today)
    network_goal = next(goal for goal in goals if goal.title == EXPAND_NETWORK)
    events = _events(dice, today, home, network_goal)
    contacts = _contacts(dice, today, events, employer)
    manager = next(contact for tag, contact in contacts if tag == "manager")
    peer = next(contact for tag, contact in contacts if tag == "colleague")
    first = _ago(dice, today, 290)
    levels = first_levels(dice)
    later = drift(dice, levels, 0.6)
    assessments = [
        build_assessment(dice, first, ROLES, levels),
        build_assessment(
            dice,
            first + timedelta(days=dice.randint(115, 130)),
            ROLES,
            later,
            raters=((manager.name, Relationship.MANAGER), (peer.name, Relationship.PEER)),
        ),
        build_assessment(dice, _ago(dice, today, 12), ROLES, drift(dice, later, 0.4), draft=True),
    ]
    feedback = _feedback(dice, today, goals, contacts)
    return dataset(
        profile, assessments, goals, feedback, [contact for _, contact in contacts], events
    )
