"""The main window: five tabs, menus, toolbar and status bar, and what survives a restart.

Tabs load their data the first time they are shown, and refresh when the services announce
a change that concerns them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from .. import APP_NAME
from ..domain.clock import Clock
from ..services.change import Change
from ..services.registry import Services
from .backups import Backups
from .file_actions import FileActions
from .protection.actions import ProtectionActions
from .reminders import StartupReminder
from .settings import Settings
from .tabs.base import TabContext, TabPage
from .tabs.lazy import LazyTab

if TYPE_CHECKING:  # named only: an event class makes QEvent's ~180-type enum (~8 ms)
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

# The tabs in order: objectName, label, and the module whose build() makes it. Each is
# built when first shown, so start-up pays only for the tab on screen. The labels have no
# mnemonic: Ctrl+1…5 choose a tab, and the pages' own Alt+letters (Na&me, Tag&s…) need the
# letters five tab names would take in every page.
TABS: tuple[tuple[str, str, str], ...] = (
    ("overviewTab", "Overview", "ontrack.ui.tabs.overview"),
    ("assessmentTab", "Assessment", "ontrack.ui.tabs.assessment"),
    ("goalsTab", "Goals", "ontrack.ui.tabs.goals"),
    ("journalTab", "Journal", "ontrack.ui.tabs.journal"),
    ("networkTab", "Network", "ontrack.ui.tabs.network"),
)


def preload_current_tab(settings: QSettings) -> None:
    """Import the modules of the tab the window will open on, ahead of the window. Called
    while a protected file's key is worked out in another process, so that the wait for it
    overlaps work the window would do anyway."""
    index = Settings(settings).window_tab
    importlib.import_module(TABS[index][2] if 0 <= index < len(TABS) else TABS[0][2])


class MainWindow(QMainWindow):
    # A backup to put back: the window's owner closes this window (and its data file),
    # restores, and opens the file again.
    restore_requested = Signal(Path)
    # Work on the closed data file (protect, unprotect): see ui/protection/actions.py.
    rewrite_requested = Signal(object)

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
        self.backups = Backups(self, services.backups, settings)
        self.protection = ProtectionActions(
            self,
            self.data_path,
            services.context.data.protected,
            lambda: len(services.backups.backups()),
        )
        self.protection.rewrite_requested.connect(self.rewrite_requested)
        self.reminder = StartupReminder(
            settings,
            clock,
            lambda: services.agenda.attention().headline(),
            on_clicked=self.bring_forward,
            parent=self,
        )

        context = TabContext(services, undo_stack, clock, settings, self.open_tab, self.run_command)
        self._context = context
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, LazyTab] = {}
        for name, label, module in TABS:
            page = LazyTab(module, context)
            page.setObjectName(name)
            self.pages[name] = page
            self.tabs.addTab(page, label)
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_menus_and_toolbar()
        # The name only, so that messages beside it have room; the whole path is in its
        # tooltip and in Help ▸ About.
        self._file_label = QLabel(self.data_path.name)
        self._file_label.setTextFormat(Qt.TextFormat.PlainText)
        self._file_label.setToolTip(f"The data file this window shows: {self.data_path}")
        self.statusBar().addPermanentWidget(self._file_label)
        self.protected_sign: QWidget | None = None
        self.show_protection(services.context.data.protected)
        self.backups.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.file_actions.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )
        self.protection.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )

        self._closed = False
        self.setAcceptDrops(True)  # returned questionnaires (PDFs) dropped on the window
        services.notifier.data_changed.connect(self._on_data_changed)
        self.tabs.currentChanged.connect(self._load_current_tab)
        self._restore_settings()
        self._load_current_tab()

    def show_protection(self, protected: bool) -> None:
        """The status bar's lock and "Protected", shown while the file is protected (built
        the first time it is: a plain file's start-up loads nothing for it)."""
        if protected and self.protected_sign is None:
            from .protection.status import ProtectedSign

            self.protected_sign = ProtectedSign()
            self.statusBar().insertPermanentWidget(0, self.protected_sign)
        if self.protected_sign is not None:
            self.protected_sign.setVisible(protected)

    # -- actions and menus -------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        # Called without arguments: `triggered` would pass its `checked` flag, which a slot
        # with an optional parameter (import_file(path=None)) would take for that parameter.
        action.triggered.connect(lambda _checked=False: slot())
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
        self.report_action = self._action(
            "Progress &report…",
            self.open_report,
            "Ctrl+Shift+R",
            "Make a PDF progress report to preview, save or print",
        )
        self.print_report_action = self._action(
            "&Print report…",
            lambda: self.open_report(print_when_ready=True),
            keys.Print,
            "Make the progress report and print it",
        )
        self.import_ratings_action = self._action(
            "Import ra&tings…",
            self.import_ratings,
            None,
            "Add the questionnaires people filled in and sent back (or drop the PDFs here)",
        )
        self.calendar_action = self._action(
            "Export to &calendar…",
            self.export_calendar,
            None,
            "Goal deadlines, step due dates, follow-ups and reconnect dates as an .ics file",
        )
        self.backup_action = self._action(
            "&Back up now…",
            lambda: self.backups.back_up_now(),
            None,
            "Write a verified copy of your data file to a place you choose",
        )
        self.restore_action = self._action(
            "&Restore from backup…",
            self.ask_restore,
            None,
            "Go back to an earlier copy of your data (the current one is kept)",
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        self.find_action = self._action(
            "&Find…", self.find_in_tab, keys.Find, "Search the current tab"
        )
        self.profile_action = self._action(
            "Your &profile…", self.edit_profile, "Ctrl+Shift+P", "Your name and roles"
        )

        self.weekly_review_action = self._action(
            "&Weekly review…",
            self.open_weekly_review,
            None,
            "Five minutes: check in on quiet goals, clear follow-ups, reach out to someone",
        )
        self.reminder_action = self.reminder.toggle_action(self)

        self.guide_action = self._action(
            f"{APP_NAME} &guide",
            self.open_guide,
            keys.HelpContents,
            "How OnTrack works, at the section of the tab on screen (F1)",
        )
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, None, "Every shortcut, by tab"
        )
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_file_action, self.open_file_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.import_ratings_action])
        file_menu.addActions([self.export_action, self.calendar_action])
        file_menu.addSeparator()
        file_menu.addActions([self.report_action, self.print_report_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        self.protection.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.profile_action)

        view_menu = menu.addMenu("&View")
        for number in range(self.tabs.count()):
            name = self.tabs.tabText(number).replace("&", "")
            action = self._action(name, lambda n=number: self.choose_tab(n), f"Ctrl+{number + 1}")
            view_menu.addAction(action)

        tools_menu = menu.addMenu("&Tools")
        tools_menu.addAction(self.weekly_review_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.reminder_action)

        help_menu = menu.addMenu("&Help")
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions(self._short_undo_redo())
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action])

    def _short_undo_redo(self) -> list[QAction]:
        """Undo and Redo for the toolbar: one word each, so the toolbar never moves as the
        text grows ("Undo Check-in on 'Raise my concerns…'"); the whole text is in the
        tooltip, and in the Edit menu."""
        shown = []
        for word, menu_action in (("Undo", self.undo_action), ("Redo", self.redo_action)):
            action = QAction(word, self)
            action.setObjectName(f"toolbar{word}")
            action.triggered.connect(menu_action.trigger)

            def follow(_: object = None, a: QAction = action, m: QAction = menu_action) -> None:
                a.setEnabled(m.isEnabled())
                text = m.text().replace("&", "")
                keys = m.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                a.setToolTip(f"{text} ({keys})" if keys else text)

            menu_action.changed.connect(follow)
            follow()
            shown.append(action)
        return shown

    # -- tabs and data -----------------------------------------------------------------
    def page(self, name: str) -> TabPage:
        return self.pages[name]

    def tab_page(self, name: str) -> QWidget:
        """The tab's own page (built now if it was not yet)."""
        return self.pages[name].page()

    def choose_tab(self, index: int) -> None:
        """View ▸ a tab (Ctrl+1…5): show it with the keyboard in its main list, also when
        it is the tab on screen already."""
        self.tabs.setCurrentIndex(index)
        self.page(self.tabs.currentWidget().objectName()).focus_main()

    def show_tab(self, name: str) -> None:
        if name in self.pages:
            self.tabs.setCurrentWidget(self.pages[name])

    def open_tab(self, name: str, record_id: str | None = None) -> None:
        self.show_tab(name)
        if record_id is not None and name in self.pages:
            self.page(name).select_record(record_id)

    def run_command(self, name: str) -> bool:
        """Carry out one of the commands tabs may ask for (tabs.base.WINDOW_COMMANDS)."""
        from .sample_actions import explore_sample, leave_sample  # QMessageBox: when asked

        open_file = self.file_actions.open_requested.emit
        commands: dict[str, Callable[[], object]] = {
            "start-assessment": self.start_assessment,
            "import-contacts": self.import_contacts,
            "import-file": self.file_actions.import_file,
            "explore-sample": lambda: explore_sample(
                self, self.data_path, self._settings, self._clock, open_file
            ),
            "leave-sample": lambda: leave_sample(
                self.data_path, self._settings, open_file, self.file_actions.open_data_file
            ),
            "weekly-review": self.open_weekly_review,
            "new-goal": self.new_goal,
        }
        command = commands.get(name)
        if command is None:
            return False
        command()
        return True

    def start_assessment(self) -> None:
        """The wizard: the draft in progress if there is one, else a new assessment."""
        self.show_tab("assessmentTab")
        page = self.tab_page("assessmentTab")
        if page.service.latest_draft() is not None:
            page.resume_latest_draft()
        else:
            page.start_new()

    def new_goal(self) -> None:
        self.show_tab("goalsTab")
        self.tab_page("goalsTab").new_goal()

    def import_contacts(self) -> None:
        self.show_tab("networkTab")
        self.tab_page("networkTab").import_contacts()

    def import_ratings(self, paths: Sequence[Path] = ()) -> QWidget:
        """File ▸ Import ratings…, or PDFs dropped on the window: the preview first."""
        from .assessment.import_dialog import open_import_ratings

        total = len(self.services.content.statements)
        return open_import_ratings(self, self.services.ratings, self.undo_stack, total, paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_pdfs(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_pdfs(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_ratings(paths)

    def load_all_tabs(self) -> None:
        """Load every tab's data now (start-up benchmarks and tests)."""
        for name in self.pages:
            self.page(name).load()

    def find_in_tab(self) -> None:
        name = self.tabs.currentWidget().objectName()
        if not self.page(name).focus_search():
            self.statusBar().showMessage("This tab has nothing to search.", 4000)

    def _load_current_tab(self) -> None:
        name = self.tabs.currentWidget().objectName()
        if name in self.pages:
            self.page(name).load()
            # The keyboard goes where the page's own shortcuts work (Ctrl+N, Delete, the
            # arrows), not stay on the tab bar.
            self.page(name).focus_main()

    def _on_data_changed(self, change: Change) -> None:
        if self._closed:  # the data file is closed; nothing to show any more
            return
        for name in self.pages:
            self.page(name).on_data_changed(change)

    # -- help ------------------------------------------------------------------------------
    def open_guide(self) -> None:
        from .guide import open_guide  # not loaded at start-up

        open_guide(self, self.tabs.currentWidget().objectName())

    def show_shortcuts(self) -> None:
        from .shortcuts import show_shortcuts  # not loaded at start-up

        show_shortcuts(self)

    # -- weekly review, reminders and the calendar --------------------------------------
    def open_weekly_review(self) -> None:
        from .weekly_review import open_weekly_review  # not loaded at start-up

        open_weekly_review(self, self._context)

    def remind(self) -> str | None:
        """Once a day, say what is due (a tray message; the status bar in any case)."""
        text = self.reminder.maybe_notify()
        if text:
            self.statusBar().showMessage(f"Due: {text}", 20000)
        return text

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def export_calendar(self, path: Path | None = None) -> Path | None:
        from .calendar_export import CalendarExporter, export_calendar

        written = export_calendar(self, self.services, self._settings, path)
        exporter = CalendarExporter.of(self)
        if exporter.running():  # greyed out until this one is written
            self.calendar_action.setEnabled(False)
            exporter.done.connect(self._calendar_written, Qt.ConnectionType.UniqueConnection)
        return written

    def _calendar_written(self, _path: object) -> None:
        self.calendar_action.setEnabled(True)

    # -- progress report ---------------------------------------------------------------
    def open_report(self, print_when_ready: bool = False) -> None:
        # Imported here, not at the top: start-up never loads QtPdf or ReportLab.
        from .report import open_report_dialog

        open_report_dialog(
            self, self.services, self._clock, self._settings, print_when_ready=print_when_ready
        )

    def show_about(self) -> None:
        from .dialogs.about import show_about  # when asked for: start-up never needs it

        show_about(self, self.data_path)

    # -- profile -----------------------------------------------------------------------
    def edit_profile(self) -> None:
        # Imported when first asked for: the profile's service, validation and dialog are
        # about 20 modules the first paint does not need.
        from ..commands.profile import EditProfileCommand
        from ..commands.undoable import push
        from .dialogs.profile import ProfileDialog

        old = self.services.profile.get()
        dialog = ProfileDialog(old, self)
        accepted = dialog.exec()
        new = dialog.profile()
        dialog.deleteLater()
        if accepted and new != old:
            push(self.undo_stack, EditProfileCommand(self.services.profile, old, new))

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        # Settings are a file people can edit or damage: anything unexpected is ignored.
        settings = Settings(self._settings)
        geometry = settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        state = settings.window_state
        if state is not None:
            self.restoreState(state)
        index = settings.window_tab
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_settings(self) -> None:
        settings = Settings(self._settings)
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.window_tab = self.tabs.currentIndex()
        settings.sync()

    def ask_restore(self) -> None:
        from .restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.services.backups.backups(), self)
        chosen = dialog.chosen if dialog.exec() else None
        dialog.deleteLater()
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_settings()
            self.backups.stop()
            self.backups.automatic()  # the day's verified copy, before the file closes
            self.services.context.data.close()
        event.accept()


def _dropped_pdfs(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() == ".pdf"]
