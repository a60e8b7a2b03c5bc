"""The detail pane of one contact: their fields (saved as each is left, undoable), links to
write to them or open their LinkedIn profile, the keep-in-touch cadence, and the timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...commands.network import EditContactCommand
from ...commands.undoable import push
from ...domain.keep_in_touch import cadence_label, is_due, next_reconnect_of, open_follow_up
from ...domain.network import Contact
from ...domain.validation import MAX_LINE_LENGTH, MAX_TAG_LENGTH
from ...services.network import NetworkService
from ..accessible import name_by_labels
from ..date_entry import DateEntry, day_text
from ..elided_label import ElidedLabel
from ..long_text import cap_line
from ..look import heading_font, mute, warn
from ..paged_model import format_date
from ..panes import vertical_only
from .fields import CadenceChooser, NotesEdit
from .timeline import Timeline

_MAX_TAG = MAX_TAG_LENGTH


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ContactPane(QWidget):
    def __init__(
        self,
        network: NetworkService,
        undo_stack: QUndoStack,
        today: Callable[[], date],
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactPane")
        self._network = network
        self._undo_stack = undo_stack
        self._today = today
        self._open_url = open_url
        self.contact: Contact | None = None

        self._build_header()
        self._build_fields()
        self._build_layout(network, undo_stack, today)

    def _build_header(self) -> None:
        self.title = ElidedLabel()  # a long name ends in "…", whole in its tooltip
        self.title.setObjectName("contactTitle")
        self.title.setFont(heading_font(self.font(), 1.3))
        self.keep_in_touch = _plain(QLabel())
        self.keep_in_touch.setObjectName("contactKeepInTouch")
        self.keep_in_touch.setWordWrap(True)
        self.message = _plain(QLabel())
        self.message.setObjectName("contactMessage")
        self.message.setWordWrap(True)
        warn(self.message)
        self.message.hide()

    def _build_fields(self) -> None:
        self.name = self._line("contactName", "Their name (required)")
        self.company = self._line("contactCompany", "Where they work")
        self.role = self._line("contactRole", "Their role or title")
        self.email = self._line("contactEmail", "E-mail address")
        self.phone = self._line("contactPhone", "Phone number")
        self.linkedin = self._line("contactLinkedIn", "LinkedIn profile address")
        self.how_met = self._line("contactHowMet", "How you met: an event, an introduction…")
        self.met_on = DateEntry("The day you met", none_text="Not known", today=self._today)
        self.met_on.setObjectName("contactMetOn")
        self.met_on.edited.connect(self._save)
        self.tags = self._line("contactTags", "Tags, separated by commas: mentor, python, hiring")
        self.cadence = CadenceChooser()
        self.cadence.changed.connect(self._save)
        self.notes = NotesEdit()
        self.notes.setObjectName("contactNotes")
        self.notes.setPlaceholderText("Anything worth remembering: interests, family, advice…")
        self.notes.setToolTip("Notes about this person (saved when you leave the box)")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.left.connect(self._save)

        self.write_button = QPushButton("Write…")
        self.write_button.setObjectName("contactWrite")
        self.write_button.setToolTip("Write an e-mail in your mail program")
        self.write_button.clicked.connect(self._write)
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("contactOpenLinkedIn")
        self.open_button.setToolTip("Open the LinkedIn profile in your browser")
        self.open_button.clicked.connect(self._open_linkedin)

    def _build_layout(
        self, network: NetworkService, undo_stack: QUndoStack, today: Callable[[], date]
    ) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(4)
        form.addRow("Na&me", self.name)
        form.addRow("Compan&y", self.company)
        form.addRow("&Role", self.role)
        form.addRow("E-m&ail", _beside(self.email, self.write_button))
        form.addRow("&Phone", self.phone)
        form.addRow("&LinkedIn", _beside(self.linkedin, self.open_button))
        form.addRow("Ho&w we met", self.how_met)
        form.addRow("Met &on", self.met_on)
        form.addRow("Ta&gs", self.tags)
        form.addRow("&Keep in touch", self.cadence)
        form.addRow("Note&s", self.notes)
        self.timeline = Timeline(network, undo_stack, today)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.keep_in_touch)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.timeline, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields it holds
        scroll.setWidget(body)
        name_by_labels(body)
        vertical_only(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _line(self, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setToolTip(tip)
        cap_line(edit, MAX_LINE_LENGTH, "This field")
        edit.editingFinished.connect(self._save)
        return edit

    # -- showing ---------------------------------------------------------------------------
    def show_contact(self, contact: Contact | None) -> None:
        changed_person = contact is None or self.contact is None or contact.id != self.contact.id
        self.contact = contact
        if changed_person:
            self.message.hide()
        if contact is None:
            return
        self.title.setText(contact.name)
        for edit, value in (
            (self.name, contact.name),
            (self.company, contact.company),
            (self.role, contact.role),
            (self.email, contact.email),
            (self.phone, contact.phone),
            (self.linkedin, contact.linkedin_url),
            (self.how_met, contact.how_met),
            (self.met_on, day_text(contact.met_on)),
            (self.tags, ", ".join(contact.tags)),
        ):
            if edit.text() != value and (changed_person or not edit.hasFocus()):
                edit.setText(value)
                edit.setCursorPosition(0)
        if self.notes.toPlainText() != contact.notes and (
            changed_person or not self.notes.hasFocus()
        ):
            self.notes.setPlainText(contact.notes)
        self.cadence.set_value(contact.reconnect_every_days)
        self.write_button.setEnabled(bool(contact.email.strip()))
        self.open_button.setEnabled(bool(contact.linkedin_url.strip()))
        self._show_keep_in_touch(contact)
        self.timeline.show_contact(contact)

    def _show_keep_in_touch(self, contact: Contact) -> None:
        today = self._today()
        upcoming = next_reconnect_of(contact)
        if upcoming is None:
            text = "No keep-in-touch reminder. Choose a cadence below to get one."
        else:
            when = format_date(upcoming)
            state = "due now" if is_due(upcoming, today) else f"next on {when}"
            text = f"Reconnect {cadence_label(contact.reconnect_every_days).lower()}: {state}"
            if is_due(upcoming, today) and upcoming != date.min:
                every = cadence_label(contact.reconnect_every_days).lower()
                text = f"Due to reconnect since {when} ({every})"
        follow_up = open_follow_up(contact, today)
        if follow_up is not None:
            text += f" · Follow-up due since {format_date(follow_up)}"
        self.keep_in_touch.setText(text)
        mute(self.keep_in_touch)

    # -- saving ------------------------------------------------------------------------------
    def _save(self) -> None:
        contact = self.contact
        if contact is None:
            return
        problems: list[str] = []
        name = " ".join(self.name.text().split())
        if not name:
            problems.append("A contact needs a name; the old one is kept until you type one.")
            name = contact.name
        try:
            met_on = self.met_on.value()
        except ValueError as error:
            problems.append(f"Met on: {error}.")
            met_on = contact.met_on
        typed_tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        tags = tuple(dict.fromkeys(typed_tags))
        if any(len(tag) > _MAX_TAG for tag in typed_tags):
            problems.append(
                f"A tag can be at most {_MAX_TAG} characters; the tags are kept as they were "
                "until each is shorter."
            )
            tags = contact.tags
        new = replace(
            contact,
            name=name,
            company=self.company.text().strip(),
            role=self.role.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            linkedin_url=self.linkedin.text().strip(),
            how_met=self.how_met.text().strip(),
            met_on=met_on,
            tags=tags,
            reconnect_every_days=self.cadence.value(),
            notes=self.notes.toPlainText(),
        )
        self.message.setText(" ".join(problems))
        self.message.setVisible(bool(problems))
        if new != contact:
            push(self._undo_stack, EditContactCommand(self._network, contact, new))

    def _write(self) -> None:
        if self.contact and self.contact.email.strip():
            self._open_url(QUrl("mailto:" + self.contact.email.strip()))

    def _open_linkedin(self) -> None:
        if not self.contact:
            return
        address = self.contact.linkedin_url.strip()
        if "://" not in address:
            address = "https://" + address
        url = QUrl(address)
        if url.scheme() in ("http", "https"):
            self._open_url(url)


def _beside(edit: QWidget, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row
