"""The Network page: find contacts (search, tag, due to reconnect, follow-ups due), edit one
beside the list, log interactions, track events, and import or export contacts."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...commands.network import CreateContactCommand, DeleteContactCommand
from ...commands.undoable import push
from ...domain.clock import Clock
from ...domain.network import Contact
from ...domain.network_query import ContactFilter
from ...services.change import Change, Topic
from ...services.network import NetworkService, RecordNotFoundError
from ..columns import fit_date_columns
from ..look import heading_font, mute
from ..record_table import record_table, with_empty_state
from ..tabs.base import focus_first_shown
from .contact_pane import ContactPane
from .contact_transfer import ContactTransfer
from .dialogs import LinkPeopleDialog
from .events_pane import EventsPane
from .filter_bar import ContactFilterBar
from .models import NetworkContactsTableModel

# The pause after the last key of a search before the first match's details are read and
# shown: the list follows every key, the pane (a whole contact and its timeline, about as
# long to show as the search itself) only the text one stops at.
PANE_PAUSE_MS = 150


class NetworkPage(QWidget):
    def __init__(
        self, network: NetworkService, undo_stack: QUndoStack, clock: Clock, settings: QSettings
    ) -> None:
        super().__init__()
        self.setObjectName("networkTab")
        self.network = network
        self._undo_stack = undo_stack
        self._clock = clock
        self._settings = settings
        self._loaded = False
        self._events_stale = True  # the events list is read when first shown
        self.status = QLabel()
        self.status.setObjectName("networkStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.status)
        self.transfer = ContactTransfer(self, network, undo_stack, settings, self.status.setText)
        self._build_buttons()
        self._build_filters()
        self._build_table()
        self._build_sections()
        self._build_layout()
        self._connect()
        self._selection_changed()

    # -- building ----------------------------------------------------------------------------
    def _build_filters(self) -> None:
        heading = QLabel("Network")
        heading.setFont(heading_font(self.font()))
        blurb = QLabel(
            "The people who can open doors, and the events where you meet them. "
            "Log every contact; the next reconnect date follows your last interaction."
        )
        blurb.setWordWrap(True)
        mute(blurb)
        self._heading, self._blurb = heading, blurb
        # The contacts' search and filters: hidden while the Events are shown (none applies).
        self.filter_bar = ContactFilterBar()
        self.filter_bar.changed.connect(self._filters_changed)
        bar = self.filter_bar
        self.search, self.tag, self.due = bar.search, bar.tag, bar.due
        self.follow_ups = bar.follow_ups

    def _build_buttons(self) -> None:
        self.new_button = QPushButton("New contact")
        self.new_button.setObjectName("newContact")
        self.new_button.setToolTip("Add a contact (Ctrl+N)")
        self.new_button.clicked.connect(self.new_contact)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteContact")
        self.delete_button.setToolTip("Delete the selected contact (Delete); Ctrl+Z brings it back")
        self.delete_button.clicked.connect(self.delete_contact)
        self.import_button = QPushButton("&Import contacts…")
        self.import_button.setObjectName("importContacts")
        self.import_button.setToolTip(
            "LinkedIn Connections.csv or vCard (.vcf) from Apple, Google "
            "or Outlook, with a preview first (Ctrl+Shift+I)"
        )
        self.import_button.clicked.connect(lambda: self.import_contacts())
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportContacts")
        self.export_button.setText("E&xport")
        self.export_button.setToolTip("Save all contacts as vCard 3.0 or CSV")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("As &vCard 3.0 (.vcf)…", lambda: self.export_contacts("vcf"))
        menu.addAction("As &CSV for spreadsheets…", lambda: self.export_contacts("csv"))
        self.export_button.setMenu(menu)

    def _build_table(self) -> None:
        self.model = NetworkContactsTableModel(self.network, self._clock.today(), self)
        self.table = record_table("contactsTable", "Contacts", self.model, stretch=0, row_height=28)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._searching = False  # a selection made by the search, not by the person
        self._pane_waits = False  # hidden while the pane waited for the pause
        self._pane_timer = QTimer(self)
        self._pane_timer.setSingleShot(True)
        self._pane_timer.setInterval(PANE_PAUSE_MS)
        self._pane_timer.timeout.connect(self._show_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setWhatsThis("Delete the selected contact")
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_contact)

        self.table_stack, self.empty_label = with_empty_state(self.table, "contactsTableEmpty")
        self.model.modelReset.connect(self._show_empty_state)

    def _build_sections(self) -> None:
        # The detail pane and the events are built on first use (load), not at start-up.
        self.pane: ContactPane = None  # type: ignore[assignment]
        self.events: EventsPane = None  # type: ignore[assignment]
        self.pane_stack = QStackedWidget()
        self.no_contact = QLabel("Choose a contact to see and edit their details.")
        self.no_contact.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mute(self.no_contact)
        self.pane_stack.addWidget(self.no_contact)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table_stack, 1)
        below = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("contactsCount")
        mute(self.count_label)
        below.addWidget(self.count_label, 1)
        below.addWidget(self.delete_button)
        left_layout.addLayout(below)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pane_stack)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setSizes([700, 460])
        splitter.setChildrenCollapsible(False)

        self.events_host = QWidget()
        QVBoxLayout(self.events_host).setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget()
        self.sections.setObjectName("networkSections")
        self.sections.setDocumentMode(True)
        self.sections.addTab(splitter, "&Contacts")
        self.sections.addTab(self.events_host, "Eve&nts")
        self.sections.currentChanged.connect(self._refresh_events_if_shown)
        self.sections.currentChanged.connect(lambda index: self.filter_bar.setVisible(index == 0))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._heading, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self._blurb)
        layout.addSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self._shortcut("New contact", QKeySequence.StandardKey.New, self.new_contact)
        self._shortcut("New event", "Ctrl+Shift+N", self._new_event)
        self._shortcut("Log an interaction", "Ctrl+L", self.start_logging)
        self._shortcut("Import contacts", "Ctrl+Shift+I", lambda: self.import_contacts())
        # Tab follows what a person reads first: the search and its filters, then the
        # page's buttons, then the list (the layout would put the buttons first).
        chain = [self.search, self.tag, self.due, self.follow_ups]
        chain += [self.new_button, self.import_button, self.export_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _shortcut(self, text: str, keys: QKeySequence.StandardKey | str, slot: object) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # -- the TabPage protocol ----------------------------------------------------------------
    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.pane = ContactPane(self.network, self._undo_stack, self._clock.today)
        self.pane_stack.addWidget(self.pane)
        self._refresh_tags()
        self.model.reload()
        self._size_columns()
        # The keep-in-touch counts fill in right after the first paint.
        QTimer.singleShot(0, self._refresh_counts)
        self._events_stale = True
        if self.model.rowCount():
            self.table.selectRow(0)

    def on_data_changed(self, change: Change) -> None:
        if not self._loaded:
            return
        if change.touches(Topic.CONTACTS):
            current = self.pane.contact.id if self.pane.contact else None
            self._refresh_counts()
            self._refresh_tags()
            self.model.reload()
            if current is not None:
                self._reselect(current)
        if change.touches(Topic.EVENTS, Topic.GOALS, Topic.CONTACTS):
            self._events_stale = True
            self._refresh_events_if_shown()
            if self.pane.contact is not None and change.touches(Topic.EVENTS):
                self._show_contact(self.pane.contact.id)

    def show_events(self) -> EventsPane:
        self.load()
        self.sections.setCurrentWidget(self.events_host)
        return self.events

    def _refresh_events_if_shown(self) -> None:
        if not self._loaded or self.sections.currentWidget() is not self.events_host:
            return
        if self.events is None:
            self.events = EventsPane(
                self.network, self._undo_stack, self._clock.today, self._choose_people
            )
            self.events.open_contact.connect(self.select_record)
            self.events_host.layout().addWidget(self.events)
        if self._events_stale:
            self._events_stale = False
            self.events.refresh()

    def select_record(self, record_id: str) -> bool:
        self.load()
        if self.network.is_event(record_id):
            return self.show_events().select(record_id)
        try:
            self.network.contact(record_id)
        except RecordNotFoundError:
            return False
        self.sections.setCurrentIndex(0)
        if self.model.row_of(record_id) is None:
            self._clear_filters()
            while self.model.row_of(record_id) is None and self.model.canFetchMore():
                self.model.fetchMore()
        self._reselect(record_id)
        return True

    def focus_search(self) -> bool:
        self.sections.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def focus_main(self) -> None:
        if self.sections.currentWidget() is self.events_host and self.events is not None:
            focus_first_shown(self.events.list, self.events.new_button)
        else:
            focus_first_shown(self.table, self.search)

    # -- finding -----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        if not self._loaded:
            return
        self.model.set_filter(self.filter_bar.contact_filter(self._clock.today()))
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self._searching = True
            try:
                self.table.selectRow(0)
            finally:
                self._searching = False

    def _filters_changed(self, toggle: bool) -> None:
        if toggle:  # due or follow-ups: about contacts, so the contacts are shown
            self.sections.setCurrentIndex(0)
        self._apply_filter()

    def _clear_filters(self) -> None:
        self.filter_bar.clear()
        self._apply_filter()

    def _refresh_tags(self) -> None:
        self.filter_bar.set_tags(self.network.tags())

    def _refresh_counts(self) -> None:
        counts = self.network.keep_in_touch_counts()
        self.filter_bar.set_counts(counts.reconnects_due, counts.follow_ups_due)
        self._update_count_label()

    def _update_count_label(self) -> None:
        shown, total = self.model.total(), self.network.find_count(ContactFilter())
        self.count_label.setText(
            f"{total:,} contacts" if shown == total else f"{shown:,} of {total:,} contacts"
        )

    def _show_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        filtered = self.model.search != ContactFilter()
        self.empty_label.setText(
            "No contact matches. Clear the search or filters to see everyone."
            if filtered
            else "No contacts yet.\nAdd one with New contact (Ctrl+N), or import your "
            "LinkedIn connections or a vCard file with Import contacts…"
        )
        self.table_stack.setCurrentWidget(self.empty_label if empty else self.table)
        if hasattr(self, "count_label"):
            self._update_count_label()

    def _size_columns(self) -> None:
        width = self.table.fontMetrics().averageCharWidth()
        for column, chars in {1: 13, 2: 13, 3: 10}.items():
            self.table.horizontalHeader().resizeSection(column, chars * width)
        fit_date_columns(self.table, (4, 5))  # a date is never cut

    # -- the selected contact ----------------------------------------------------------------
    def _selection_changed(self, *_: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.delete_button.setEnabled(bool(rows))
        if rows and self._searching:
            self._pane_timer.start()  # again at every key: the pane waits for the pause
        elif rows:
            self._pane_timer.stop()
            self._show_contact(self.model.record(rows[0].row()).id)

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show_contact(self.model.record(rows[0].row()).id)

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden (another tab, or the window closing its data file): a pane still waiting
        # for the pause is shown when the page is seen again, never read after the close.
        self._pane_waits = self._pane_timer.isActive()
        self._pane_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pane_waits:
            self._pane_waits = False
            self._pane_timer.start()

    def _show_contact(self, contact_id: str) -> None:
        try:
            contact = self.network.contact(contact_id)
        except RecordNotFoundError:
            self.pane.show_contact(None)
            self.pane_stack.setCurrentWidget(self.no_contact)
            return
        self.pane.show_contact(contact)
        self.pane_stack.setCurrentWidget(self.pane)

    def _reselect(self, contact_id: str) -> None:
        row = self.model.row_of(contact_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_contact(contact_id)

    # -- actions -----------------------------------------------------------------------------
    def new_contact(self) -> None:
        self.load()
        self.sections.setCurrentIndex(0)
        self._clear_filters()
        command = CreateContactCommand(self.network, Contact("", "New contact"))
        push(self._undo_stack, command)
        self.select_record(command.contact.id)
        self.pane.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pane.name.selectAll()

    def delete_contact(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        summary = self.model.record(rows[0].row())
        row = rows[0].row()
        push(self._undo_stack, DeleteContactCommand(self.network, summary.id, summary.name))
        self.status.setText(f"Deleted {summary.name}. Edit ▸ Undo (Ctrl+Z) brings them back.")
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        else:
            self.pane_stack.setCurrentWidget(self.no_contact)

    def start_logging(self) -> None:
        self.sections.setCurrentIndex(0)
        if self.pane.contact is not None:
            self.pane.timeline.start_logging()

    def _new_event(self) -> None:
        self.show_events().new_event()

    def _choose_people(self) -> list[str]:
        dialog = LinkPeopleDialog(self.network, self._clock.today(), self)
        try:
            return dialog.chosen() if dialog.exec() == LinkPeopleDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()

    def import_contacts(self, path: str | None = None) -> bool:
        return self.transfer.import_contacts(path)

    def export_contacts(self, kind: str, path: str | None = None) -> bool:
        return self.transfer.export_contacts(kind, path)
