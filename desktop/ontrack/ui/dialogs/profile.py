"""Your profile: name, current role and the role you are working towards."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ...domain.profile import Profile
from ..long_text import cap_line

MAX_LENGTH = 200


class ProfileDialog(QDialog):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your profile")
        self.name = self._field(profile.name, "e.g. Dana Reyes", "profileName")
        self.current_role = self._field(
            profile.current_role, "e.g. Senior engineer", "profileCurrentRole"
        )
        self.target_role = self._field(
            profile.target_role, "e.g. Engineering manager", "profileTargetRole"
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Current role:", self.current_role)
        form.addRow("&Target role:", self.target_role)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        self.name.setFocus()

    def _field(self, text: str, placeholder: str, name: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        cap_line(field, MAX_LENGTH, "This field")
        field.setClearButtonEnabled(True)
        return field

    def profile(self) -> Profile:
        return Profile(
            self.name.text().strip(),
            self.current_role.text().strip(),
            self.target_role.text().strip(),
        )
