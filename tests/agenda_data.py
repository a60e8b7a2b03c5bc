"""One data set with exactly one record of each kind of attention item, and near misses
that must not appear (a done goal, a step next month, a feedback already followed up …).

Shared by the agenda's service tests and the Overview's GUI tests. Today is 2026-11-24.
"""

from __future__ import annotations

from datetime import date, timedelta

from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind, GoalStatus
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.profile import Profile

TODAY = date(2026, 11, 24)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def agenda_dataset(title_prefix: str = "") -> Dataset:
    p = title_prefix
    goals = (
        Goal("g-overdue", f"{p}Overdue goal", deadline=days(-3), status=GoalStatus.IN_PROGRESS,
             created_on=days(-60)),
        Goal("g-done-late", "Done goal past its deadline", deadline=days(-30),
             status=GoalStatus.DONE, progress=100, created_on=days(-90), completed_on=days(-31)),
        Goal(
            "g-steps", f"{p}Goal with steps", deadline=days(60), status=GoalStatus.ON_TRACK,
            created_on=days(-20),
            steps=(
                Step("s-soon", f"{p}Step due Friday", due=days(3)),
                Step("s-late", "Step past due", due=days(-2)),
                Step("s-later", "Step due next month", due=days(30)),
                Step("s-done", "Step done this month", done=True, due=days(-1), done_on=days(-4)),
            ),
        ),
    )  # fmt: skip
    feedback = (
        Feedback("f-due", days(-40), FeedbackKind.CONSTRUCTIVE, f"{p}Ana Lima",
                 text="Slow down in reviews", follow_up_on=days(-1)),
        Feedback("f-done", days(-40), FeedbackKind.PRAISE, "Ben Ode", text="Great demo",
                 follow_up_on=days(-5), followed_up_on=days(-4)),
        Feedback("f-later", days(-3), FeedbackKind.PRAISE, "Cy Park", text="Clear notes",
                 follow_up_on=days(10)),
        Feedback("f-request", days(-6), FeedbackKind.REQUEST, f"{p}Dee Moss",
                 text="How did my talk land?", follow_up_on=days(-1)),
    )  # fmt: skip
    contacts = (
        Contact("c-due", f"{p}Eli Stone", company="Acme", reconnect_every_days=30,
                interactions=(Interaction("i-1", days(-45)),)),
        Contact("c-fresh", "Fay Lin", reconnect_every_days=30,
                interactions=(Interaction("i-2", days(-10)),)),
        Contact("c-follow", f"{p}Gus Hale", company="Beta",
                interactions=(Interaction("i-3", days(-20), follow_up_on=days(-2)),)),
        Contact("c-settled", "Hal Ives",
                interactions=(Interaction("i-4", days(-20), follow_up_on=days(-2)),
                              Interaction("i-5", days(-5)))),
    )  # fmt: skip
    events = (
        Event("e-soon", f"{p}Product summit", days(12), location="Lisbon"),
        Event("e-far", "Far conference", days(45)),
        Event("e-past", "Past meetup", days(-2)),
    )
    return Dataset(
        Profile("Sam Rivera", "Engineer", "Manager"), (), goals, feedback, contacts, events
    )
