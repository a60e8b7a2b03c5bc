"""The main window: five tabs, menus, toolbar and status bar, and what survives a restart.

Tabs load their data the first time they are shown, and refresh when the services announce
a change that concerns them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from .. import APP_NAME
from ..commands.profile import EditProfileCommand
from ..domain.clock import Clock
from ..services.change import Change, Topic
from ..services.registry import Services
from .dialogs.about import show_about
from .dialogs.profile import ProfileDialog
from .file_actions import FileActions
from .tabs.lists import assessment_tab, goals_tab, journal_tab, network_tab
from .tabs.overview import OverviewTab
from .tabs.table_tab import TableTab

GEOMETRY = "window/geometry"
STATE = "window/state"
LAST_TAB = "window/tab"

# Which topics each list tab shows (the Overview counts everything).
_TAB_TOPICS = {
    "assessmentTab": (Topic.ASSESSMENTS,),
    "goalsTab": (Topic.GOALS,),
    "journalTab": (Topic.FEEDBACK,),
    "networkTab": (Topic.CONTACTS, Topic.EVENTS),
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        settings: QSettings,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self._settings = settings
        self._clock = clock
        self.data_path: Path = services.context.data.path
        self.setWindowTitle(f"{self.data_path.stem} — {APP_NAME}")
        self.file_actions = FileActions(self, services, undo_stack, settings, clock)

        today = clock.today()
        listings = services.listings
        self.overview = OverviewTab(clock)
        self.overview.open_tab.connect(self.show_tab)
        self.list_tabs: dict[str, TableTab] = {
            "assessmentTab": assessment_tab(listings),
            "goalsTab": goals_tab(listings, today),
            "journalTab": journal_tab(listings, today),
            "networkTab": network_tab(listings, today),
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        for name, label, page in (
            ("overviewTab", "&Overview", self.overview),
            ("assessmentTab", "&Assessment", self.list_tabs["assessmentTab"]),
            ("goalsTab", "&Goals", self.list_tabs["goalsTab"]),
            ("journalTab", "&Journal", self.list_tabs["journalTab"]),
            ("networkTab", "&Network", self.list_tabs["networkTab"]),
        ):
            page.setObjectName(name)
            self.tabs.addTab(page, label)
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_menus_and_toolbar()
        self._file_label = QLabel(str(self.data_path))
        self._file_label.setTextFormat(Qt.TextFormat.PlainText)
        self._file_label.setToolTip("The data file this window shows")
        self.statusBar().addPermanentWidget(self._file_label)
        self.file_actions.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )

        self._overview_stale = True
        self._closed = False
        services.notifier.data_changed.connect(self._on_data_changed)
        self.tabs.currentChanged.connect(self._load_current_tab)
        self._restore_settings()
        self._load_current_tab()

    # -- actions and menus -------------------------------------------------------------
    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        f = self.file_actions
        self.new_file_action = self._action(
            "&New data file…", f.new_data_file, tip="Start a new, empty data file"
        )
        self.open_file_action = self._action(
            "&Open data file…", f.open_data_file, keys.Open, "Open another data file"
        )
        self.import_action = self._action(
            "&Import…", f.import_file, "Ctrl+I", "Merge an OnTrack file into this one"
        )
        self.export_action = self._action(
            "&Export…", f.export_file, "Ctrl+E", "Save everything as an OnTrack file"
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        self.profile_action = self._action(
            "Your &profile…", self.edit_profile, "Ctrl+Shift+P", "Your name and roles"
        )

        self.about_action = self._action(
            f"&About {APP_NAME}", lambda: show_about(self, self.data_path)
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_file_action, self.open_file_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.profile_action)

        view_menu = menu.addMenu("&View")
        for number in range(self.tabs.count()):
            name = self.tabs.tabText(number).replace("&", "")
            action = self._action(
                name, lambda _=False, n=number: self.tabs.setCurrentIndex(n), f"Ctrl+{number + 1}"
            )
            view_menu.addAction(action)

        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action])

    # -- tabs and data -----------------------------------------------------------------
    def show_tab(self, name: str) -> None:
        page = self.findChild(QWidget, name)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def load_all_tabs(self) -> None:
        """Load every tab's data now (start-up benchmarks and tests)."""
        if self._overview_stale:
            self._refresh_overview()
        for tab in self.list_tabs.values():
            tab.load()

    def _load_current_tab(self) -> None:
        page = self.tabs.currentWidget()
        if page is self.overview:
            if self._overview_stale:
                self._refresh_overview()
        elif isinstance(page, TableTab):
            page.load()

    def _refresh_overview(self) -> None:
        self._overview_stale = False
        self.overview.show_data(self.services.profile.get(), self.services.listings.counts())

    def _on_data_changed(self, change: Change) -> None:
        if self._closed:  # the data file is closed; nothing to show any more
            return
        self._overview_stale = True
        for name, topics in _TAB_TOPICS.items():
            tab = self.list_tabs[name]
            if tab.model.loaded and change.touches(*topics):
                tab.refresh()
        if self.tabs.currentWidget() is self.overview:
            self._refresh_overview()

    # -- profile -----------------------------------------------------------------------
    def edit_profile(self) -> None:
        old = self.services.profile.get()
        dialog = ProfileDialog(old, self)
        accepted = dialog.exec()
        new = dialog.profile()
        dialog.deleteLater()
        if accepted and new != old:
            self.undo_stack.push(EditProfileCommand(self.services.profile, old, new))

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        # Settings are a file people can edit or damage: anything unexpected is ignored.
        geometry = self._settings.value(GEOMETRY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        state = self._settings.value(STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        tab = self._settings.value(LAST_TAB, 0)
        try:
            index = int(tab)
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_settings(self) -> None:
        self._settings.setValue(GEOMETRY, self.saveGeometry())
        self._settings.setValue(STATE, self.saveState())
        self._settings.setValue(LAST_TAB, self.tabs.currentIndex())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_settings()
            self.services.context.data.close()
        event.accept()
