"""Importing a big contacts file in the window: it is read in a worker thread, the window
keeps running, a "Reading …" dialog says so while it takes, and the preview follows
with the contact and its name; a refused file says why in plain text."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow
from ontrack.ui.network.dialogs import ImportPreviewDialog
from ontrack.ui.network.page import NetworkPage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "contacts"


def _page(window: MainWindow) -> NetworkPage:
    window.show_tab("networkTab")
    page = window.tab_page("networkTab")
    assert isinstance(page, NetworkPage)
    return page


def _answer_preview(qtbot: QtBot, seen: list[str]) -> list[bool]:
    """Click Import on the preview; note any other modal dialog met on the way, until the
    list returned is given an item (when the import is over)."""
    over: list[bool] = []

    def check() -> None:
        if over:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog):
            names = [dialog.model.record(r).name for r in range(dialog.model.rowCount())]
            seen.append("preview: " + ", ".join(names))
            dialog.findChild(QWidget, "importConfirm").click()
        elif isinstance(dialog, QProgressDialog):
            text = "progress: " + dialog.labelText().splitlines()[0]
            if not seen or seen[-1] != text:
                seen.append(text)
        QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    return over


def test_a_big_file_is_read_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _page(window)
    card = (CORPUS / "ezvcard-gmail-single.vcf").read_bytes()
    photo = base64.b64encode(os.urandom(3_000_000))
    folded = b"\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    end = card.upper().rindex(b"END:VCARD")
    with_photo = card[:end] + b"PHOTO;ENCODING=b:" + folded + b"\r\n" + card[end:]
    source = tmp_path / "greg.vcf"
    # A phone's export: the same card 2,000 times (one person, as the preview shows),
    # one of them with a 4 MB photo; reading takes well over the 100 ms threshold.
    source.write_bytes(card * 1000 + with_photo + card * 999)
    ticks = _ticks_while_busy()
    seen: list[str] = []
    over = _answer_preview(qtbot, seen)
    assert page.import_contacts(str(source))
    over.append(True)
    assert "preview: Greg Dartmouth" in seen
    size = source.stat().st_size / 1e6
    assert f"progress: Reading greg.vcf ({size:.1f} MB)…" in seen  # it took over 100 ms
    assert any(ticks)  # the GUI thread kept running its timers while the file was read
    assert "Imported 1 contact from greg.vcf" in page.status.text()


def _ticks_while_busy() -> list[bool]:
    """A 10 ms timer that notes, at each tick, whether a busy dialog was up: ticks noted
    while one is up show that the GUI thread went on while the worker worked."""
    ticks: list[bool] = []
    ticker = QTimer(QApplication.instance())
    ticker.timeout.connect(
        lambda: ticks.append(isinstance(QApplication.activeModalWidget(), QProgressDialog))
    )
    ticker.start(10)
    return ticks


def test_many_contacts_are_written_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _page(window)
    before = page.model.total()
    cards = b"".join(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nORG:Company %d\r\n"
        b"EMAIL:p%d@example.org\r\nNOTE:%s\r\nEND:VCARD\r\n" % (n, n % 97, n, b"x" * 400)
        for n in range(4000)
    )
    source = tmp_path / "many.vcf"
    source.write_bytes(cards)
    ticks = _ticks_while_busy()
    seen: list[str] = []
    over = _answer_preview(qtbot, seen)
    assert page.import_contacts(str(source))
    over.append(True)
    assert "progress: Importing 4,000 contacts…" in seen  # the write took over 100 ms
    assert any(ticks)
    assert page.model.total() == before + 4000
    assert "Imported 4,000 contacts from many.vcf" in page.status.text()
    window.undo_stack.undo()
    assert page.model.total() == before


def test_a_file_of_nameless_cards_is_refused_in_plain_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    before = page.model.total()
    texts: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            close(dialog)
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    assert not page.import_contacts(str(CORPUS / "sabre-issue64.vcf"))
    assert texts == [
        "sabre-issue64.vcf cannot be imported.\n\n"
        "no contact in it has a name (line 1: this card has no name (FN or N))"
    ]
    assert page.model.total() == before
