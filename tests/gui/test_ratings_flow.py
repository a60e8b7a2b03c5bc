"""Ratings from others, by keyboard and mouse: ask three peers and a manager, fill their
forms as PDF readers do, bring them back (File ▸ Import ratings…, dropped PDFs, a pasted
e-mail reply), see the groups and the blind spots, and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ontrack.domain.content import Keyed
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import AssessmentStatus, Relationship
from ontrack.domain.questionnaire import box_name, comment_name
from ontrack.domain.reply_text import questionnaire_text
from ontrack.ui.assessment.ask_dialog import AskRatingsDialog
from ontrack.ui.assessment.import_dialog import ImportRatingsDialog
from ontrack.ui.main_window import MainWindow
from tests.form_filling import fill_with_pymupdf, fill_with_pypdf
from tests.gui.test_assessment_wizard import focused, open_tab

HOSTILE = '<b>not bold</b> <a href="x">link</a> שלום 世界'


def _latest(dataset: Dataset) -> str:
    done = [a for a in dataset.assessments if a.status is AssessmentStatus.COMPLETE]
    return max(done, key=lambda a: a.taken_on).id


def _ask(
    dialog: AskRatingsDialog,
    qtbot: QtBot,
    name: str,
    relationship: Relationship,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    dialog.name.setFocus()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, name)
    assert dialog.letter.toPlainText().startswith(f"Dear {name.split()[0]},")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    combo = focused(qtbot)
    assert combo is dialog.relationship
    combo.setCurrentIndex(combo.findData(relationship.value))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.write_button.setFocus()
    qtbot.keyClick(dialog.write_button, Qt.Key.Key_Space)
    assert out.exists()
    assert dialog.rater is not None
    return dialog.rater.id


def _worst(window: MainWindow) -> set[str]:
    """Every box that rates a statement on its bad side: others see every factor at 0."""
    content = window.services.content
    return {box_name(s.id, 1 if s.keyed is Keyed.STRENGTH else 5) for s in content.statements}


def test_ask_fill_import_and_see_the_blind_spots(
    window: MainWindow,
    qtbot: QtBot,
    small_dataset: Dataset,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    page = open_tab(window, qtbot)
    assessment_id = _latest(small_dataset)
    assert page.select_record(assessment_id)
    page.ask_button.setFocus()
    qtbot.keyClick(page.ask_button, Qt.Key.Key_Space)
    dialog = page.findChild(AskRatingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert focused(qtbot) is dialog.name
    assert not dialog.write_button.isEnabled()  # no name yet
    forms = []
    for n, name in enumerate(["Ana Lima", "Bo Chen"]):  # with the demo's Diana, three peers
        out = tmp_path / f"peer{n}.pdf"
        _ask(dialog, qtbot, name, Relationship.PEER, out, monkeypatch)
        forms.append(out)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    assert opened[0].scheme() == "mailto"
    assert "attach the PDF yourself" in dialog.status.text()
    assert "cy.3" not in opened[0].toString()  # the text questionnaire is in the body
    assert "people.1" in QUrl.fromPercentEncoding(opened[0].toEncoded())
    boss = _ask(dialog, qtbot, "Mo Reyes", Relationship.MANAGER, tmp_path / "boss.pdf", monkeypatch)
    dialog.close()

    worst = _worst(window)
    first = fill_with_pypdf(forms[0], tmp_path / "b0.pdf", worst, {comment_name("people"): HOSTILE})
    # File ▸ Import ratings…: Ana's form, and Bo's still empty one (refused, with its reason).
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first), str(forms[1])], "")
    )
    window.import_ratings_action.trigger()
    importer = window.findChild(ImportRatingsDialog)
    assert importer is not None
    qtbot.mouseClick(importer.files_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(importer.model)
    assert importer.model.rowCount() == 2
    statements = len(window.services.content.statements)
    assert importer.model.index(0, 2).data() == f"{statements} of {statements}"
    assert importer.model.index(0, 5).data() == "Yes"
    assert "no answers" in importer.model.index(1, 5).data()
    qtbot.mouseClick(importer.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Peers (2): 2 of at least 3 needed" in _groups(page))
    assert HOSTILE not in _comments(page)  # a group of two keeps its words to itself

    # Bo drops his PDF (saved by an incremental update) on the window: three peers now.
    second = fill_with_pymupdf(
        forms[1], tmp_path / "b1.pdf", worst, {comment_name("general"): "Kind"}, incremental=True
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.NoModifier)
    enter = QDragEnterEvent(QPoint(20, 20), *args)
    window.dragEnterEvent(enter)  # what Qt calls as the drag comes over the window
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(20, 20), *args))
    qtbot.waitUntil(lambda: _importer(window, 1) is not None)
    importer = _importer(window, 1)
    assert importer is not None
    importer.add_button.setFocus()
    qtbot.keyClick(importer.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Peers (3)" in _groups(page))
    comments = _comments(page)
    assert HOSTILE in comments  # literally, as plain text
    assert "Ana" not in comments
    assert "none" not in _text(page, "blindSpots").split(":", 1)[1]

    # The manager replies by e-mail; the reply is pasted in.
    reply = questionnaire_text(window.services.content, "Sam", assessment_id, boss)
    reply = "\n".join("> " + line for line in reply.splitlines()).replace(
        "this year. [ ]", "this year. [2]", 1
    )
    importer = window.import_ratings()
    assert isinstance(importer, ImportRatingsDialog)
    importer.reply.setPlainText("Here you go\n" + reply)
    qtbot.mouseClick(importer.read_button, Qt.MouseButton.LeftButton)
    assert "Mo Reyes (manager)" in importer.model.index(0, 1).data()
    qtbot.mouseClick(importer.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Manager (Mo Reyes)" in _groups(page))

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "Manager (Mo Reyes)" not in _groups(page))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "Peers (2)" in _groups(page))


def _importer(window: MainWindow, rows: int) -> ImportRatingsDialog | None:
    for dialog in window.findChildren(ImportRatingsDialog):
        if dialog.isVisible() and dialog.model.rowCount() == rows:
            return dialog
    return None


def _groups(page: object) -> str:
    labels = page.results.findChildren(QLabel)  # type: ignore[attr-defined]
    return "\n".join(w.text() for w in labels if w.objectName().startswith("raterGroup"))


def _comments(page: object) -> str:
    labels = page.results.findChildren(QLabel)  # type: ignore[attr-defined]
    return "\n".join(w.text() for w in labels if w.objectName().startswith("groupComment"))


def _text(page: object, name: str) -> str:
    label = page.results.findChild(QLabel, name)  # type: ignore[attr-defined]
    return label.text() if label is not None else ""
