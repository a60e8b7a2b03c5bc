"""Which contacts are due, in SQL: a reconnect by their cadence, a follow-up still open.

The Overview's agenda, the Network tab's filters and the weekly review ask the same two
questions. The expressions live here, apart from the contact repositories, so that the
Overview's first read (at start-up) loads neither those nor the domain modules they bring
(contact matching, filters, removal records).
"""

from __future__ import annotations

# The same expression as the index contact_next_reconnect (see migrations), so that
# counting and sorting by it read the index. last_interaction_on is kept by triggers.
NEXT_RECONNECT = (
    "date(coalesce(c.last_interaction_on, c.met_on, '0001-01-01'), "
    "'+' || c.reconnect_every_days || ' days')"
)
HAS_CADENCE = "c.reconnect_every_days IS NOT NULL"

# A follow-up belongs to the contact's latest interaction day; logging anything later settles
# it (see domain.keep_in_touch.open_follow_up). Triggers keep that day's earliest follow-up
# date on the contact (migration 4), so "who has a follow-up due" is one index range.
FOLLOW_UP_OPEN = "c.open_follow_up_on <= ?"
