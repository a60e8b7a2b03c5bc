"""Hostile text typed or pasted into the profile dialog and the assessment wizard (roles on
its first page, the reflection answers): stored as the field holds it (one-line fields
trimmed), and shown back literally on the results page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot

from ontrack.domain.assessment import Reflections
from ontrack.ui.assessment.page import AssessmentPage
from ontrack.ui.assessment.wizard import REFLECTION, AssessmentWizard
from ontrack.ui.dialogs.profile import ProfileDialog
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal
from tests.gui.hostile_typing import HOSTILE, SHORT, enter, renders_markup

VALUES = {**SHORT, "longest allowed": HOSTILE["longest allowed"]}


@pytest.mark.parametrize("name", list(VALUES))
def test_the_profile_dialog_keeps_what_its_fields_hold(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = VALUES[name]
    held: list[str] = []

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, ProfileDialog)
        for field in (dialog.name, dialog.current_role, dialog.target_role):
            enter(qtbot, field, value)
            held.append(field.text())
        qtbot.keyClick(dialog.target_role, Qt.Key.Key_Return)  # OK is the default button

    when_modal(qtbot, fill_in)
    window.edit_profile()
    profile = window.services.profile.get()
    expected = held[0].strip()  # the line shows up to 200 characters, trimmed when saved
    assert (profile.name, profile.current_role, profile.target_role) == (expected,) * 3
    assert len(held[0]) == min(len(value), 200)
    for dialog in window.findChildren(QDialog):
        dialog.deleteLater()


def _wizard(window: MainWindow, qtbot: QtBot) -> AssessmentWizard:
    window.show_tab("assessmentTab")
    page = window.tab_page("assessmentTab")
    assert isinstance(page, AssessmentPage)
    page.start_new()
    wizard = page.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard


def _lines(widget: QWidget) -> list[QLabel]:
    return widget.findChildren(QLabel)


@pytest.mark.parametrize("name", list(VALUES))
def test_wizard_roles_and_reflections_keep_hostile_text(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = VALUES[name]
    wizard = _wizard(window, qtbot)
    start = wizard.start_page
    roles: list[QLineEdit] = [start.current_role, start.target_role]
    for field in roles:
        enter(qtbot, field, value)
    shown = start.current_role.text()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assessment = wizard.assessment
    assert assessment is not None
    stored = wizard.service.get(assessment.id)
    assert (stored.current_role, stored.target_role) == (shown.strip(), shown.strip())
    while wizard.currentId() != REFLECTION:
        wizard.button(QWizard.WizardButton.NextButton).click()
    editors = wizard.reflection_page.editors
    for editor in editors.values():
        enter(qtbot, editor, value)
    wizard.button(QWizard.WizardButton.NextButton).click()  # leaving the page saves
    assert wizard.service.get(assessment.id).reflections == Reflections(
        **dict.fromkeys(editors, value)
    )
    if name == "longest allowed":
        return
    results = window.tab_page("assessmentTab").results  # type: ignore[attr-defined]
    results.show_assessment(wizard.service.get(assessment.id), None)
    labels = _lines(results)
    shown_somewhere = [label for label in labels if value.strip() in label.text()]
    assert shown_somewhere or not value.strip()  # the roles and reflections are on the page
    assert not [label.text() for label in labels if renders_markup(label, value)]
    wizard.reject()
