"""The Goals page's widgets, made and arranged: the heading, the page's actions and
buttons, the goals table with its cell editors, and the detail pane beside it. What they
do is the page's (`page.py`); here is only how they look and where they sit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QWidget,
)

from ..look import heading_font, mute
from ..panes import vertical_only
from ..record_table import record_table
from .delegates import GoalsDelegate, GoalsProgressDelegate
from .table_model import DEADLINE, FACTOR, PROGRESS, STATUS, STEPS, TITLE, GoalsTableModel

_WIDTHS = {STEPS: 23, DEADLINE: 14, PROGRESS: 13, STATUS: 12, FACTOR: 14}
_WITH_CHILDREN = Qt.ShortcutContext.WidgetWithChildrenShortcut


def heading_and_blurb(font: QFont) -> tuple[QLabel, QLabel]:
    heading = QLabel("Goals")
    heading.setFont(heading_font(font))
    blurb = QLabel(
        "Your SMART goals: what you are working towards, the next step, and how far "
        "along you are. Overdue goals and goals at risk are marked."
    )
    blurb.setWordWrap(True)
    mute(blurb)
    for label in (heading, blurb):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return heading, blurb


@dataclass(frozen=True)
class PageActions:
    new: QAction
    from_template: QAction
    checkin: QAction
    new_button: QToolButton
    delete_button: QPushButton


def _action(page: QWidget, text: str, keys: list[QKeySequence], tip: str = "") -> QAction:
    action = QAction(text, page)
    action.setShortcuts(keys)
    action.setShortcutContext(_WITH_CHILDREN)
    if tip:
        action.setToolTip(tip)
    page.addAction(action)
    return action


def page_actions(page: QWidget) -> PageActions:
    """New goal (Ctrl+N or Insert), from a template (Ctrl+Shift+N), a check-in (Ctrl+K),
    and the New (with the template in its menu) and Delete buttons."""
    new = _action(
        page,
        "New goal",
        [QKeySequence(QKeySequence.StandardKey.New), QKeySequence(Qt.Key.Key_Insert)],
        "Add a goal (Ctrl+N or Insert)",
    )
    template = _action(
        page,
        "New goal from a template…",
        [QKeySequence("Ctrl+Shift+N")],
        "Start from one of OnTrack's SMART goal templates",
    )
    checkin = _action(page, "Add check-in", [QKeySequence("Ctrl+K")])
    new_button = QToolButton()
    new_button.setObjectName("goalsNewButton")
    new_button.setDefaultAction(new)
    new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(new_button)
    menu.addAction(template)
    new_button.setMenu(menu)
    delete_button = QPushButton("Delete")
    delete_button.setObjectName("goalsDeleteButton")
    delete_button.setToolTip("Delete the selected goal (Delete)")
    return PageActions(new, template, checkin, new_button, delete_button)


def goals_table(
    model: GoalsTableModel, today: date
) -> tuple[QTableView, tuple[GoalsDelegate, GoalsProgressDelegate], QAction]:
    """The table, edited in place (F2, a double click or typing), its two delegates, and
    its Delete action (a right-click menu offers what the keyboard does)."""
    view = record_table("goalsTable", "Goals", model, stretch=TITLE, row_height=34)
    delegates = (GoalsDelegate(today, view), GoalsProgressDelegate(today, view))
    view.setItemDelegate(delegates[0])
    view.setItemDelegateForColumn(PROGRESS, delegates[1])
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setTabKeyNavigation(False)
    width = view.fontMetrics().averageCharWidth()
    for column, chars in _WIDTHS.items():
        view.horizontalHeader().resizeSection(column, chars * width + 16)
    delete = QAction("Delete goal", view)
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    view.addAction(delete)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view, delegates, delete


def detail_area(detail: QWidget) -> tuple[QStackedWidget, QLabel]:
    """The detail pane in a scroll area, and in its place, while no goal is selected, a
    label saying what will show there."""
    scroll = QScrollArea()
    scroll.setWidget(detail)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields it holds
    scroll.setMinimumWidth(300)
    vertical_only(scroll)
    no_selection = QLabel(
        "Select a goal to see why it matters, how you will measure it, its action "
        "steps and check-ins."
    )
    no_selection.setObjectName("goalDetailEmpty")
    no_selection.setTextFormat(Qt.TextFormat.PlainText)
    no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
    no_selection.setWordWrap(True)
    no_selection.setMargin(24)
    mute(no_selection, 1.1)
    stack = QStackedWidget()
    stack.addWidget(no_selection)
    stack.addWidget(scroll)
    return stack, no_selection


def side_by_side(table: QWidget, detail: QWidget) -> QSplitter:
    splitter = QSplitter()
    splitter.setObjectName("goalsSplitter")
    splitter.addWidget(table)
    splitter.addWidget(detail)
    # A wider window widens the table; the details keep a comfortable reading width.
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setSizes([760, 400])
    splitter.setChildrenCollapsible(False)
    return splitter
