"""The weekly review's rules and read models: which goals have gone quiet, what the review
holds (goals, follow-ups, people to reach out to), and how its counts and results read.

"Quiet" (a goal that needs a check-in) is decided here, once, by `needs_check_in`:
- only open goals (not done, not dropped);
- with a check-in: the latest one is QUIET_DAYS (7) or more days old, so a goal checked in
  at last week's review comes up again at this week's;
- without any check-in: the goal was set QUIET_DAYS or more days ago; a goal whose start
  is unknown counts as old (it has been around), one set this week is left alone.
The storage layer only fetches open goals with their latest check-in date; this rule filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .enums import GoalStatus

QUIET_DAYS = 7
# Five minutes: the review walks through at most this many of each kind, most pressing
# first; the intro says how many there are in all.
MAX_GOALS = 10
MAX_FOLLOW_UPS = 10
MAX_CONTACTS = 10  # "Suggest another" goes down this list


def needs_check_in(
    status: GoalStatus, created_on: date | None, last_check_in: date | None, today: date
) -> bool:
    """True when an open goal has had no check-in for a week (see the module docstring)."""
    if status.is_closed:
        return False
    cutoff = today - timedelta(days=QUIET_DAYS)
    if last_check_in is not None:
        return last_check_in <= cutoff
    return created_on is None or created_on <= cutoff


def quiet_since(created_on: date | None, last_check_in: date | None) -> date:
    """Since when a goal has been quiet, for ordering: the quietest goals come first."""
    return last_check_in or created_on or date.min


@dataclass(frozen=True, slots=True)
class QuietGoal:
    """An open goal with no check-in for a week, as the review shows it."""

    id: str
    title: str
    deadline: date | None
    status: GoalStatus
    progress: int
    created_on: date | None
    steps_total: int
    steps_done: int
    last_check_in: date | None
    last_note: str = ""

    @property
    def progress_by_steps(self) -> bool:
        """Progress follows the action steps; a figure typed in stays with the check-in."""
        return self.steps_total > 0


class FollowUpKind(StrEnum):
    FEEDBACK = "feedback"  # show the person who gave feedback what changed
    CONVERSATION = "conversation"  # the follow-up of an interaction with a contact

    @property
    def tab(self) -> str:
        """objectName of the tab that holds the record."""
        return "journalTab" if self is FollowUpKind.FEEDBACK else "networkTab"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up due: a feedback entry's, or a conversation's (record_id is the contact)."""

    kind: FollowUpKind
    record_id: str
    who: str
    due: date
    about: str = ""  # what was said, or the conversation's notes (first 200 characters)
    plan: str = ""  # feedback: the action plan, what to show
    company: str = ""  # conversation: the contact's company


@dataclass(frozen=True, slots=True)
class ReachOut:
    """A contact due to reconnect (their keep-in-touch date has passed)."""

    id: str
    name: str
    company: str
    role: str
    last_interaction: date | None
    next_reconnect: date  # date.min: never in touch and no meeting date


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    """What this week's review walks through; the totals count everything due."""

    today: date
    goals: tuple[QuietGoal, ...] = ()
    goals_total: int = 0
    follow_ups: tuple[FollowUp, ...] = ()
    follow_ups_total: int = 0
    contacts: tuple[ReachOut, ...] = ()
    contacts_total: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.goals or self.follow_ups or self.contacts)

    def parts(self) -> list[str]:
        """One line per kind that has anything: '3 goals without a check-in for a week',
        '2 follow-ups due', 'a contact to reach out to'."""
        parts = []
        if self.goals_total:
            parts.append(
                _count(self.goals_total, "goal", "goals") + " without a check-in for a week"
            )
        if self.follow_ups_total:
            parts.append(_count(self.follow_ups_total, "follow-up", "follow-ups") + " due")
        if self.contacts_total:
            parts.append("a contact to reach out to")
        return parts

    def headline(self) -> str:
        """The parts in one line, joined by ' · '; empty when there is nothing."""
        return " · ".join(self.parts())

    def limits_note(self) -> str:
        """What the review leaves for another week, when there is more than five minutes' worth."""
        notes = []
        if self.goals_total > len(self.goals):
            notes.append(f"the {len(self.goals)} quietest goals")
        if self.follow_ups_total > len(self.follow_ups):
            notes.append(f"the {len(self.follow_ups)} oldest follow-ups")
        if not notes:
            return ""
        return "To keep it to five minutes, this review takes " + " and ".join(notes) + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


@dataclass(frozen=True, slots=True)
class Tally:
    """What the review recorded, for its last page."""

    check_ins: int = 0
    follow_ups: int = 0
    reached_out: tuple[str, ...] = ()  # names

    def summary(self) -> str:
        """'2 check-ins saved, 1 follow-up done, reached out to Ana'."""
        parts = []
        if self.check_ins:
            parts.append(_count(self.check_ins, "check-in", "check-ins") + " saved")
        if self.follow_ups:
            parts.append(_count(self.follow_ups, "follow-up", "follow-ups") + " done")
        if self.reached_out:
            parts.append("reached out to " + _names(self.reached_out))
        if not parts:
            return "Nothing recorded this time, and that is fine: the review is here next week."
        text = ", ".join(parts)
        return text[0].upper() + text[1:] + "."


def _names(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def since_text(day: date | None, today: date) -> str:
    """How long ago, in words a person uses: 'today', '3 days ago', '5 weeks ago',
    '4 months ago', 'over 2 years ago'."""
    if day is None or day == date.min:
        return "never"
    days = (today - day).days
    if days < 0:
        return "in the future"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return "over a year ago" if years == 1 else f"over {years} years ago"
