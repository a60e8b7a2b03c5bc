"""Editing the profile (name, current role, target role) as one undoable step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.profile import Profile
from ..services.profile import ProfileService


class EditProfileCommand(QUndoCommand):
    def __init__(self, service: ProfileService, old: Profile, new: Profile) -> None:
        super().__init__("Edit profile")
        self._service = service
        self._old = old
        self._new = new

    def redo(self) -> None:
        self._service.update(self._new)

    def undo(self) -> None:
        self._service.update(self._old)
