"""The person's profile: one row, read and written through Peewee (imported on first use:
this module is on the start-up path)."""

from __future__ import annotations

from ...domain.profile import Profile
from ..connection import DataFile


def get_profile(data: DataFile) -> Profile:
    from ..orm import run
    from ..schema import ProfileRow

    query = ProfileRow.select(ProfileRow.name, ProfileRow.current_role, ProfileRow.target_role)
    row = run(data, query.where(ProfileRow.id == 1)).fetchone()
    return Profile(*row) if row else Profile()


def save_profile(data: DataFile, profile: Profile) -> None:
    from ..orm import run
    from ..schema import ProfileRow

    change = ProfileRow.update(
        name=profile.name, current_role=profile.current_role, target_role=profile.target_role
    )
    run(data, change.where(ProfileRow.id == 1))
