"""The command line's one error: a problem the person can fix, said in one line."""

from __future__ import annotations


class UserError(Exception):
    """A problem the person can fix; its text is the one line printed."""
