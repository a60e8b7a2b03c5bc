"""The limits a record must keep to be stored: the same ones the interchange format checks
on import, so that nothing OnTrack writes could be refused when it is read back."""

from __future__ import annotations

from .goals import MAX_TITLE_LENGTH, Goal


class InvalidRecordError(ValueError):
    """A record breaks a limit; `str(error)` says which, in words."""


def _percent(value: int | None, what: str) -> None:
    if value is not None and not 0 <= value <= 100:
        raise InvalidRecordError(f"{what} must be between 0 and 100 %, not {value}.")


def check_goal(goal: Goal) -> None:
    if not goal.title:  # as INTERCHANGE.md: required and non-empty (the UI asks for more)
        raise InvalidRecordError("A goal needs a title.")
    if len(goal.title) > MAX_TITLE_LENGTH:
        raise InvalidRecordError(
            f"A goal's title can be at most {MAX_TITLE_LENGTH} characters "
            f"(this one has {len(goal.title):,})."
        )
    _percent(goal.progress, "Progress")
    for checkin in goal.checkins:
        _percent(checkin.progress, "A check-in's progress")
