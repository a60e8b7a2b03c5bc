"""Help ▸ About: OnTrack's icon, version and the data file, reached from the menu."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack import APP_NAME, __version__
from ontrack.app import application_icon
from ontrack.ui.dialogs.about import about_box, application_pixmap
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


def test_help_about_shows_the_icon_version_and_data_file(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[tuple[str, bool, int]] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append((dialog.text(), dialog.iconPixmap().isNull(), dialog.iconPixmap().width()))
        dialog.accept()

    when_modal(qtbot, read_and_close)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.about_action.trigger()
    assert len(seen) == 1
    text, null_icon, width = seen[0]
    assert f"{APP_NAME} {__version__}" in text
    assert str(window.data_path) in text
    assert not null_icon
    assert width >= 64
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is None)


def test_a_data_path_that_looks_like_markup_is_shown_as_typed(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    box = about_box(parent, tmp_path / "<b>bold</b>" / "data.sqlite")
    assert "&lt;b&gt;bold&lt;/b&gt;" in box.text()
    assert "<b>bold</b>" not in box.text()
    box.deleteLater()


def test_the_icon_comes_in_every_size_and_sharp_for_high_dpi(qtbot: QtBot) -> None:
    icon = application_icon()
    assert not icon.isNull()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert icon.pixmap(size, size).width() == size
    sharp = application_pixmap(64, 2.0)
    assert sharp.width() == 128
    assert sharp.devicePixelRatio() == 2.0
    odd = application_pixmap(40)
    assert (odd.width(), odd.height()) == (40, 40)
    # The corners are transparent (a rounded square), the middle is not.
    image = application_pixmap(64).toImage()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(32, 32).alpha() == 255
