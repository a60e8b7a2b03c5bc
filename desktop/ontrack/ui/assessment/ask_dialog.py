""" "Ask others to rate you…": add a rater, write their fillable questionnaire, and draft
the e-mail that goes with it.

Raters are added one at a time; the dialog stays open so that the next can follow. The
e-mail is a `mailto:` link opened in the person's mail client, with the letter and the
questionnaire as plain text (the fallback for readers that cannot save forms). A link
cannot attach a file, so the dialog says to attach the PDF by hand.

Adding a rater is one undoable step (Edit ▸ Undo takes them off again). For a peer, direct
report or other, the person may ask for the rater's consent to be shown by name: for a
group too small to be anonymous, formed by the person themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...commands.ratings import AskRaterCommand
from ...commands.undoable import push
from ...domain.assessment import Assessment, Rater
from ...domain.enums import Relationship
from ...services.ratings import RatingService
from ..look import mute

# The relationships a rater is asked as (a mentor is asked as "Other").
CHOICES = (
    Relationship.MANAGER,
    Relationship.PEER,
    Relationship.DIRECT_REPORT,
    Relationship.CLIENT,
    Relationship.OTHER,
)
PDF_FILTER = "PDF forms (*.pdf)"


class AskRatingsDialog(QDialog):
    def __init__(
        self,
        ratings: RatingService,
        assessment: Assessment,
        undo_stack: QUndoStack,
        folder: str = "",
        open_url: Callable[[QUrl], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("askRatingsDialog")
        self.setWindowTitle("Ask others to rate you")
        self._ratings = ratings
        self._assessment = assessment
        self._undo_stack = undo_stack
        self._folder = folder or str(Path.home())
        self._open_url = open_url
        self.rater: Rater | None = None
        self.written: Path | None = None

        intro = QLabel(
            "Each person gets a PDF questionnaire to fill in with any PDF reader and send "
            "back. Peers, direct reports and others are shown only as a group of three or "
            "more, so ask at least three of each, or ask a smaller group for their consent "
            "to be shown by name."
        )
        intro.setWordWrap(True)
        mute(intro)
        self.status = QLabel(objectName="askStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form())
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(620, 560)
        self._update()

    def _form(self) -> QFormLayout:
        self.name = QLineEdit(objectName="raterName")
        self.name.setAccessibleName("Rater's name")
        self.name.textChanged.connect(self._name_changed)
        self.relationship = QComboBox(objectName="raterRelationship")
        self.relationship.setAccessibleName("How they know you")
        for choice in CHOICES:
            self.relationship.addItem(choice.label, choice.value)
        self.relationship.setCurrentIndex(1)
        self.relationship.currentIndexChanged.connect(self._relationship_changed)
        self.consent = QCheckBox(
            "&Ask their consent to show their answers by name (a small group you formed)",
            objectName="askConsent",
        )
        self.consent.setAccessibleName("Ask their consent to show their answers by name")
        self.consent.setToolTip(
            "Peers, direct reports and others are shown only as a group of three or more. "
            "With this, their form asks whether they agree to be shown by name instead; "
            "only those who tick it are shown, the rest of a small group stay withheld."
        )
        self.consent.toggled.connect(self._refresh_letter)
        self.email = QLineEdit(objectName="raterEmail")
        self.email.setAccessibleName("Rater's e-mail address (optional)")
        self.letter = QPlainTextEdit(objectName="raterLetter")
        self.letter.setAccessibleName("Cover letter")
        self.letter.setTabChangesFocus(True)
        self.letter.setPlainText(self._ratings.default_letter(""))
        self._letter_edited = False
        self.letter.textChanged.connect(self._letter_changed)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Relationship:", self.relationship)
        form.addRow("", self.consent)
        form.addRow("E-&mail (optional):", self.email)
        form.addRow("Cover &letter:", self.letter)
        for field in (self.name, self.relationship, self.email, self.letter):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.write_button = QPushButton("&Write questionnaire…", objectName="writeForm")
        self.write_button.setToolTip("Add this person as a rater and save their PDF form")
        self.write_button.clicked.connect(self.write_form)
        self.mail_button = QPushButton("Write &e-mail", objectName="writeMail")
        self.mail_button.setToolTip(
            "Open your mail client with a drafted message; attach the PDF yourself"
        )
        self.mail_button.clicked.connect(self.write_mail)
        self.copy_button = QPushButton("&Copy e-mail text", objectName="copyMail")
        self.copy_button.setToolTip("The letter and the questionnaire as plain text")
        self.copy_button.clicked.connect(self.copy_mail)
        row = QHBoxLayout()
        for button in (self.write_button, self.mail_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _is_manager(self) -> bool:
        return bool(self.relationship.currentData() == Relationship.MANAGER.value)

    def _asks_consent(self) -> bool:
        # A manager is shown by name anyway: there is nothing to ask.
        return not self._is_manager() and self.consent.isChecked()

    def _relationship_changed(self) -> None:
        self._update()
        self._refresh_letter()

    def _refresh_letter(self) -> None:
        if not self._letter_edited:
            self.letter.blockSignals(True)
            name = self.name.text().strip()
            self.letter.setPlainText(self._ratings.default_letter(name, self._asks_consent()))
            self.letter.blockSignals(False)

    def _name_changed(self, name: str) -> None:
        self._refresh_letter()
        if self.rater is not None and name.strip() != self.rater.name:
            self.rater = None  # a new name: the next person
            self.written = None
        self._update()

    def _letter_changed(self) -> None:
        self._letter_edited = True

    def _update(self) -> None:
        # Once a person is added, their relationship and consent are what their form says;
        # typing another name starts the next person.
        added = self.rater is not None
        self.relationship.setEnabled(not added)
        self.consent.setEnabled(not added and not self._is_manager())
        self.write_button.setEnabled(bool(self.name.text().strip()))
        self.mail_button.setEnabled(self.rater is not None)
        self.copy_button.setEnabled(self.rater is not None)

    def choose_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the questionnaire", str(Path(self._folder) / suggested), PDF_FILTER
        )
        return path

    def write_form(self) -> bool:
        name = self.name.text().strip()
        if not name:
            return False
        safe = "".join(c if c.isalnum() else "-" for c in name).strip("-") or "rater"
        path = self.choose_path(f"questionnaire-{safe}.pdf")
        if not path:
            return False
        relationship = Relationship(self.relationship.currentData())
        if self.rater is None:
            command = AskRaterCommand(
                self._ratings,
                self._assessment.id,
                name,
                relationship,
                self.email.text(),
                ask_consent=self._asks_consent(),
            )
            push(self._undo_stack, command)
            self.rater = command.rater
        try:
            self._ratings.write_form(
                self._assessment.id, self.rater.id, Path(path), self.letter.toPlainText()
            )
        except OSError as error:
            self.status.setText(f"Could not write {path}: {error.strerror or error}")
            return False
        self.written = Path(path)
        self._folder = str(Path(path).parent)
        self.status.setText(
            f"Wrote {Path(path).name}. Send it to {name}: Write e-mail drafts the message, "
            "but an e-mail link cannot attach files, so attach the PDF yourself. "
            "To ask someone else, type their name."
        )
        self._update()
        return True

    def mail_link(self) -> str:
        assert self.rater is not None
        letter = self.letter.toPlainText()
        return self._ratings.mail_link(self._assessment.id, self.rater.id, letter)

    def write_mail(self) -> None:
        if self.rater is not None:
            open_url = self._open_url or QDesktopServices.openUrl
            open_url(QUrl(self.mail_link(), QUrl.ParsingMode.TolerantMode))

    def copy_mail(self) -> None:
        if self.rater is None:
            return
        text = self._ratings.reply_text(self._assessment.id, self.rater.id)
        QGuiApplication.clipboard().setText(f"{self.letter.toPlainText()}\n\n{text}\n")
        self.status.setText("Copied the letter and the questionnaire as plain text.")
