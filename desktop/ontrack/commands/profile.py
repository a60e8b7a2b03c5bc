"""Editing the profile (name, current role, target role) as one undoable step."""

from __future__ import annotations

from ..domain.profile import Profile
from ..services.profile import ProfileService
from .undoable import UndoableCommand


class EditProfileCommand(UndoableCommand):
    def __init__(self, service: ProfileService, old: Profile, new: Profile) -> None:
        super().__init__("Edit profile")
        self._service = service
        self._old = old
        self._new = new

    def apply(self) -> None:
        self._service.update(self._new)

    def revert(self) -> None:
        self._service.update(self._old)
