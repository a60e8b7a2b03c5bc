"""What every tab gets from the window, and what the window expects of every tab.

Each tab lives in its own module with a `build(context)` function, so that a feature can
grow its tab without touching the main window or the other tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ...domain.clock import Clock
from ...services.change import Change
from ...services.registry import Services

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


@dataclass(frozen=True)
class TabContext:
    services: Services
    undo_stack: QUndoStack
    clock: Clock
    settings: QSettings
    # Show the tab with this objectName, and (when given) select the record with this id.
    open_tab: Callable[[str, str | None], None]
    # Ask the window to carry out one of its commands (WINDOW_COMMANDS); False if it has no
    # such command. Lets a tab offer "Import contacts…" without knowing the other tabs.
    run_command: Callable[[str], bool] = lambda name: False


# The commands a window offers through TabContext.run_command.
WINDOW_COMMANDS = (
    "start-assessment",  # the wizard: a draft resumed, else a new assessment
    "import-contacts",  # LinkedIn CSV or vCard, into the Network tab
    "import-file",  # an OnTrack export (.json)
    "explore-sample",  # open the sample data file (made on first use)
    "leave-sample",  # back to the person's own data file
    "weekly-review",  # the guided weekly review
    "new-goal",  # a new goal in the Goals tab, its title ready to type
)


class TabPage(Protocol):
    """A tab page (a QWidget) as the main window drives it."""

    def load(self) -> None:
        """Read the data if not read yet; called when the tab is first shown."""

    def on_data_changed(self, change: Change) -> None:
        """Something changed; refresh what is loaded and concerned, or note it for later."""

    def select_record(self, record_id: str) -> bool:
        """Show the record with this id; False if this tab has no such record."""

    def focus_search(self) -> bool:
        """Put the keyboard in this tab's search box (Edit ▸ Find); False if it has none."""

    def focus_main(self) -> None:
        """Put the keyboard in this tab's main list or table (the tab was just chosen), so
        that its shortcuts (Ctrl+N, Delete, the arrows) work at once."""


def focus_first_shown(*widgets: QWidget) -> bool:
    """Give the keyboard to the first of `widgets` that is on screen and takes focus (a
    list hidden behind its empty message falls back to the next, a New button, say)."""
    for widget in widgets:
        shown = widget.isVisibleTo(widget.window())  # the window itself may be opening
        if shown and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
    return False


def pressed_escape(event: QEvent) -> bool:
    """A press of Escape (the type is looked at first: filters see every event)."""
    # Imported here: QEvent's enum of ~180 event types costs ~8 ms to make, which the
    # first paint of a tab with no filter need not pay.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    return event.key() == Qt.Key.Key_Escape


TabBuilder = Callable[[TabContext], QWidget]
