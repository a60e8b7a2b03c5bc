"""Uncaught errors in the window become clear messages; a failed write says what to do."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.storage.errors import DiskFullError
from ontrack.ui import errors
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


@pytest.fixture
def hook(window: MainWindow) -> Iterator[None]:
    previous = errors.install(lambda: window)
    yield
    sys.excepthook = previous


def _read(boxes: list[QMessageBox]) -> object:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        boxes.append(dialog)
        dialog.accept()

    return act


def test_a_failed_write_is_shown_in_words(
    hook: None, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    boxes: list[QMessageBox] = []
    when_modal(qtbot, _read(boxes))  # type: ignore[arg-type]
    error = DiskFullError("There is no space left for mine.sqlite. Your last change was not saved.")
    sys.excepthook(DiskFullError, error, None)
    assert boxes[0].windowTitle() == "Your change was not saved"
    assert "no space left" in boxes[0].text()
    assert boxes[0].detailedText() == ""


def test_a_bug_is_shown_with_its_details_and_the_window_goes_on(
    hook: None, window: MainWindow, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    boxes: list[QMessageBox] = []
    when_modal(qtbot, _read(boxes))  # type: ignore[arg-type]
    try:
        raise ValueError("<b>not markup</b>")
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    assert "Your data is safe" in boxes[0].text()
    assert "<b>not markup</b>" in boxes[0].detailedText()
    assert "ValueError" in capsys.readouterr().err
    assert window.isVisible()
