"""Reading and changing the person's profile."""

from __future__ import annotations

from ..domain.dataset import Profile
from ..storage.repositories import profile as repository
from .change import Change, Topic
from .context import ServiceContext


class ProfileService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self) -> Profile:
        return repository.get_profile()

    def update(self, profile: Profile) -> Profile:
        """Save `profile`; returns the one it replaced (for undo)."""
        with self._context.data.db.atomic():
            old = repository.get_profile()
            repository.save_profile(profile)
        self._context.notifier.announce(Change.of(Topic.PROFILE))
        return old
