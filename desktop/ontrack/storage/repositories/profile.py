"""The person's profile: one row, read with plain SQL (start-up) and written through Peewee."""

from __future__ import annotations

from ...domain.profile import Profile
from ..connection import DataFile


def get_profile(data: DataFile) -> Profile:
    row = data.execute(
        "SELECT name, current_role, target_role FROM profile WHERE id = 1"
    ).fetchone()
    return Profile(*row) if row else Profile()


def save_profile(data: DataFile, profile: Profile) -> None:
    from ..schema import ProfileRow

    data.bind_rows()
    ProfileRow.update(
        name=profile.name, current_role=profile.current_role, target_role=profile.target_role
    ).where(ProfileRow.id == 1).execute()
