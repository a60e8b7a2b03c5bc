"""An edit applied to a record as it is now, not as it was when the edit began.

A form or a panel shows a copy of a record; by the time the person's edit is saved, the
record may have changed (another part of the window, an import). Saving the whole copy
would put the other change back. `rebase` takes only the fields the edit changed.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

Record = TypeVar("Record", bound=Any)


def rebase(current: Record, before: Record, after: Record) -> Record:
    """`current` with the fields that `before` → `after` changed, and only those."""
    changes = {
        field.name: getattr(after, field.name)
        for field in fields(after)
        if getattr(before, field.name) != getattr(after, field.name)
    }
    return replace(current, **changes) if changes else current
