"""Reading and changing the person's profile."""

from __future__ import annotations

from ..domain.profile import Profile
from ..domain.validation import check_profile
from ..storage.repositories import profile as repository
from .change import Change, Topic
from .context import ServiceContext


class ProfileService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self) -> Profile:
        return repository.get_profile(self._context.data)

    def update(self, profile: Profile) -> Profile:
        """Save `profile`; returns the one it replaced (for undo)."""
        check_profile(profile)
        data = self._context.data
        with data.transaction():
            old = repository.get_profile(data)
            repository.save_profile(data, profile)
        self._context.notifier.announce(Change.of(Topic.PROFILE))
        return old
