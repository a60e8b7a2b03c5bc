""" "New goal from a template…": OnTrack's SMART goal templates, three per derailer, as a
list to choose from with a preview; the chosen one becomes a goal with its steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.content import Content, GoalTemplate
from ...domain.enums import Factor
from ...domain.goals import Goal, Step
from ...domain.ids import new_id
from ..look import heading_font, mute, muted_text
from ..roles import RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class TemplateChoice:
    factor: Factor
    factor_name: str
    template: GoalTemplate

    def goal(self, today: date) -> Goal:
        return Goal(
            id="",
            title=self.template.title,
            why=self.template.why.strip(),
            measure=self.template.measure.strip(),
            deadline=today + timedelta(weeks=self.template.weeks),
            factor=self.factor,
            steps=tuple(Step(new_id(), text) for text in self.template.steps),
        )


def choices(content: Content) -> list[TemplateChoice]:
    return [
        TemplateChoice(f.factor, f.name, template)
        for f in content.factors
        for template in f.goal_templates
    ]


class GoalTemplatesListModel(QAbstractListModel):
    def __init__(self, rows: list[TemplateChoice], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{choice.template.title}\n{choice.factor.label}"
        if role == SORT_ROLE:
            return index.row()
        if role == RECORD_ROLE:
            return choice
        return None


class TemplateDelegate(QStyledItemDelegate):
    """Two lines per template: the title in bold, then the factor and length, muted."""

    def _lines(self, option: QStyleOptionViewItem, index: Index) -> tuple[str, str, QFont]:
        choice: TemplateChoice = index.data(RECORD_ROLE)
        bold = QFont(option.font)
        bold.setBold(True)
        return choice.template.title, f"{choice.factor.label} · {choice.template.weeks} weeks", bold

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, _, bold = self._lines(option, index)
        width = max(200, option.rect.width() - 16) if option.rect.width() > 0 else 320
        flags = int(Qt.TextFlag.TextWordWrap)
        title_box = QFontMetrics(bold).boundingRect(0, 0, width, 10_000, flags, title)
        return QSize(width, title_box.height() + option.fontMetrics.height() + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle

        title, detail, bold = self._lines(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        rect = option.rect.adjusted(8, 5, -8, -5)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_colour)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        used = painter.boundingRect(rect, flags, title)
        painter.drawText(rect, flags, title)
        painter.setFont(option.font)
        painter.setPen(text_colour if selected else muted_text(option.palette))
        painter.drawText(rect.adjusted(0, used.height() + 2, 0, 0), flags, detail)
        painter.restore()


class GoalTemplateDialog(QDialog):
    def __init__(self, rows: list[TemplateChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New goal from a template")
        self.resize(820, 520)
        self.model = GoalTemplatesListModel(rows, self)
        self.view = QListView()
        self.view.setObjectName("goalTemplatesList")
        self.view.setModel(self.model)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(TemplateDelegate(self.view))
        self.view.setAccessibleName("Goal templates")
        self.view.selectionModel().currentChanged.connect(self._preview)
        self.view.doubleClicked.connect(self.accept)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setFont(heading_font(self.font(), 1.2))
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        preview = QWidget()
        column = QVBoxLayout(preview)
        column.addWidget(self.title)
        column.addWidget(self.body, 1)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(preview)
        splitter.setSizes([360, 460])
        hint = QLabel("Pick a template; you can change everything once the goal is made.")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        mute(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create goal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if rows:
            self.view.setCurrentIndex(self.model.index(0))
        self.view.setFocus()

    def chosen(self) -> TemplateChoice | None:
        index = self.view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def _preview(self) -> None:
        choice = self.chosen()
        if choice is None:
            return
        t = choice.template
        self.title.setText(t.title)
        steps = "\n".join(f"  {n}. {text}" for n, text in enumerate(t.steps, 1))
        self.body.setText(
            f"Works on: {choice.factor.label}\n\nWhy it matters\n{t.why.strip()}\n\n"
            f"Measure\n{t.measure.strip()}\n\nAction steps\n{steps}\n\n"
            f"Deadline: {t.weeks} weeks from today"
        )


def choose_template(parent: QWidget, today: date, content: Content) -> Goal | None:
    """Ask which template to start from; the goal it makes (not saved yet), or None."""
    dialog = GoalTemplateDialog(choices(content), parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.chosen()
        return choice.goal(today) if choice is not None else None
    finally:
        dialog.deleteLater()
