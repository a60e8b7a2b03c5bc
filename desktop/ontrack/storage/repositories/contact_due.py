"""Which contacts are due: to reconnect with (their cadence has run out) or for a follow-up.

The two conditions the Overview, the Network tab and the weekly review share, kept apart
from the contact records so that the Overview's first paint asks them without loading the
contact editing, searching and matching code (#19).
"""

from __future__ import annotations

from typing import Any

from peewee import SQL, fn

from ..schema import ContactRow

_C = ContactRow
# The same expression as the index contact_next_reconnect (see migrations), so that
# counting and sorting by it read the index. Its three constants are SQL literals, not bound
# parameters: with parameters SQLite no longer searches the index by date but scans all of
# it (4.6 ms instead of 0.26 ms to count the due among 5,000 contacts).
# last_interaction_on is kept by triggers.
next_reconnect_on = fn.date(
    fn.coalesce(_C.last_interaction_on, _C.met_on, SQL("'0001-01-01'")),
    SQL("'+'").concat(_C.reconnect_every_days).concat(SQL("' days'")),
)
has_cadence = _C.reconnect_every_days.is_null(False)


# A follow-up belongs to the contact's latest interaction day; logging anything later settles
# it (see domain.keep_in_touch.open_follow_up). Triggers keep that day's earliest follow-up
# date on the contact (migration 4), so "who has a follow-up due" is one index range.
def follow_up_open(day: Any) -> Any:
    """Contacts with a follow-up due by `day` (an ISO date, or a prepared query's slot)."""
    return _C.open_follow_up_on <= day
