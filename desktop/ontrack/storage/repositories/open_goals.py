"""The goal statuses that close a goal (done, dropped): what every list of open goals leaves
out. Here, not beside the records that use it, so that the Goals and Overview lists read
it without loading the journal's and network's records (#19)."""

from __future__ import annotations

from ...domain.enums import GoalStatus

CLOSED_STATUSES = tuple(status.value for status in GoalStatus if status.is_closed)
