"""The Overview tab: a greeting, and cards that count what there is and what needs attention.

Each card is one row of `CountsListModel`; activating a card opens the tab it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.profile import Profile
from ...domain.summaries import Counts
from ...services.change import Change
from ..look import ACCENT, ATTENTION, heading_font, mute
from ..roles import ATTENTION_ROLE, RECORD_ROLE
from .base import TabContext

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True, slots=True)
class Card:
    value: int
    label: str
    tab: str  # objectName of the tab this card leads to
    attention: str | None = None


def cards_for(counts: Counts) -> list[Card]:
    def due(n: int, text: str) -> str | None:
        return text if n else None

    return [
        Card(counts.goals_open, "open goals", "goalsTab"),
        Card(
            counts.goals_overdue, "goals overdue", "goalsTab", due(counts.goals_overdue, "Overdue")
        ),
        Card(
            counts.goals_at_risk, "goals at risk", "goalsTab", due(counts.goals_at_risk, "At risk")
        ),
        Card(counts.feedback, "feedback entries", "journalTab"),
        Card(
            counts.follow_ups_due, "follow-ups due", "journalTab", due(counts.follow_ups_due, "Due")
        ),
        Card(counts.requests_open, "feedback requests open", "journalTab"),
        Card(counts.contacts, "contacts", "networkTab"),
        Card(
            counts.reconnects_due,
            "due to reconnect",
            "networkTab",
            due(counts.reconnects_due, "Due"),
        ),
        Card(counts.events, "events", "networkTab"),
        Card(counts.assessments, "assessments", "assessmentTab"),
    ]


class CountsListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cards: list[Card] = []

    def set_counts(self, counts: Counts) -> None:
        self.beginResetModel()
        self._cards = cards_for(counts)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.value:,} {card.label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.value:,} {card.label}: open the tab"
        if role == RECORD_ROLE:
            return card
        if role == ATTENTION_ROLE:
            return card.attention
        return None


class CardDelegate(QStyledItemDelegate):
    SIZE = QSize(210, 104)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card: Card = index.data(RECORD_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(6, 6, -6, -6)
        # Keyboard focus is drawn from the view's current card; no QStyle needed to paint.
        view = option.widget
        focused = isinstance(view, QListView) and view.hasFocus() and view.currentIndex() == index
        edge = ATTENTION if card.attention else (ACCENT if focused else QColor(0, 0, 0, 40))
        painter.setPen(QPen(edge, 3 if focused else (2 if card.attention else 1)))
        painter.setBrush(option.palette.base())
        painter.drawRoundedRect(rect, 10, 10)

        number_font = heading_font(option.font, 2.2)
        painter.setFont(number_font)
        painter.setPen(ATTENTION if card.attention else ACCENT)
        inner = rect.adjusted(14, 8, -14, -8)
        painter.drawText(
            inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, f"{card.value:,}"
        )
        painter.setFont(option.font)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        label_rect = QRect(inner.left(), inner.bottom() - 38, inner.width(), 20)
        painter.drawText(
            label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.label
        )
        if card.attention:
            painter.setPen(ATTENTION)
            note = QRect(inner.left(), inner.bottom() - 18, inner.width(), 18)
            painter.drawText(
                note,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "▲ needs attention",
            )
        painter.restore()


class OverviewTab(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = context.clock
        self._stale = True
        self.greeting = QLabel()
        self.greeting.setFont(heading_font(self.font(), 1.7))
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        mute(self.subtitle)

        self.model = CountsListModel(self)
        self.view = QListView()
        self.view.setObjectName("overviewCards")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(4)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setMouseTracking(True)
        self.view.viewport().setAutoFillBackground(False)  # cards float on the window
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(self.greeting)
        layout.addWidget(self.subtitle)
        layout.addSpacing(10)
        layout.addWidget(self.view, 1)

    def load(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        services = self._context.services
        self.show_data(services.profile.get(), services.listings.counts())

    def on_data_changed(self, change: Change) -> None:
        self._stale = True  # counts touch everything; re-read now if on screen, else later
        if self.isVisible():
            self.refresh()

    def select_record(self, record_id: str) -> bool:
        return False

    def focus_search(self) -> bool:
        return False

    def show_data(self, profile: Profile, counts: Counts) -> None:
        hour = self._clock.now().astimezone().hour
        part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
        first_name = profile.name.split()[0] if profile.name.strip() else ""
        self.greeting.setText(f"Good {part}, {first_name}" if first_name else f"Good {part}")
        if profile.current_role or profile.target_role:
            path = " → ".join(r for r in (profile.current_role, profile.target_role) if r)
            self.subtitle.setText(f"{path}. Here is where things stand today.")
        else:
            self.subtitle.setText("Here is where things stand today.")
        self.model.set_counts(counts)

    def _activate(self, index: QModelIndex) -> None:
        card = index.data(RECORD_ROLE)
        if card is not None:
            self._context.open_tab(card.tab, None)


def build(context: TabContext) -> OverviewTab:
    return OverviewTab(context)
