"""The Network page's search and filters: words, a tag, and two mutually exclusive
toggles (due to reconnect, follow-ups due), read together as one `ContactFilter`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...domain.network_query import ContactFilter

ALL_TAGS = "All tags"


class ContactFilterBar(QWidget):
    """`changed(toggle)` after any change; `toggle` is true for the two toggles, which
    are about contacts only (the page shows its Contacts for them)."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactFilters")
        self.search = QLineEdit()
        self.search.setObjectName("contactsSearch")
        self.search.setAccessibleName("Search contacts")
        self.search.setPlaceholderText("Search names, companies, roles, tags and notes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.tag = QComboBox()
        self.tag.setObjectName("contactsTagFilter")
        self.tag.setToolTip("Show only contacts with this tag")
        self.tag.setMinimumContentsLength(12)
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.due = QPushButton()
        self.due.setObjectName("dueFilter")
        self.due.setCheckable(True)
        self.due.setToolTip("Show only contacts due or overdue to reconnect (Alt+D)")
        self.follow_ups = QPushButton()
        self.follow_ups.setObjectName("followUpsFilter")
        self.follow_ups.setCheckable(True)
        self.follow_ups.setToolTip(
            "Show only contacts whose latest interaction has a follow-up due (Alt+U)"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.tag, 1)
        layout.addWidget(self.due)
        layout.addWidget(self.follow_ups)
        self.search.textChanged.connect(lambda _: self.changed.emit(False))
        self.tag.activated.connect(lambda _: self.changed.emit(False))
        self.due.toggled.connect(lambda on: self._toggled(self.due, on))
        self.follow_ups.toggled.connect(lambda on: self._toggled(self.follow_ups, on))
        self.set_counts(0, 0)

    def contact_filter(self, today: date) -> ContactFilter:
        tag = self.tag.currentData()
        return ContactFilter(
            self.search.text(),
            tag if isinstance(tag, str) else "",
            today if self.due.isChecked() else None,
            today if self.follow_ups.isChecked() else None,
        )

    def _toggled(self, button: QPushButton, on: bool) -> None:
        other = self.follow_ups if button is self.due else self.due
        if on and other.isChecked():
            other.setChecked(False)  # one toggle at a time: its own change says it
        self.changed.emit(True)

    def clear(self) -> None:
        """Everything off, without a `changed` for each: the caller re-reads once."""
        widgets = (self.search, self.due, self.follow_ups, self.tag)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.due.setChecked(False)
        self.follow_ups.setChecked(False)
        self.tag.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)

    def set_tags(self, tags: list[str]) -> None:
        chosen = self.tag.currentData()
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)) if chosen else 0)

    def set_counts(self, due: int, follow_ups: int) -> None:
        self.due.setText(f"&Due to reconnect ({due:,})")
        self.follow_ups.setText(f"Follow-&ups due ({follow_ups:,})")
