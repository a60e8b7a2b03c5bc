"""The person's profile: one row."""

from __future__ import annotations

from ...domain.dataset import Profile
from ..schema import ProfileRow


def get_profile() -> Profile:
    row = ProfileRow.get_by_id(1)
    return Profile(row.name, row.current_role, row.target_role)


def save_profile(profile: Profile) -> None:
    ProfileRow.update(
        name=profile.name, current_role=profile.current_role, target_role=profile.target_role
    ).where(ProfileRow.id == 1).execute()
