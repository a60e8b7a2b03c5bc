"""The per-factor table of an assessment: score and band, and beside them either others'
view (with the gap, called a blind spot or hidden strength) or an earlier assessment (with
the change). Eight rows, one per factor, in canonical order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.enums import Factor
from ...domain.scoring import PERCEPTION_GAP, band, format_change, rounded
from ..roles import RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
Scores = Mapping[Factor, float | None]
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _whole(score: float | None) -> int | None:
    return None if score is None else rounded(score)


def perception(gap: int | None) -> str:
    if gap is None:
        return ""
    if gap >= PERCEPTION_GAP:
        return "Blind spot"
    if -gap >= PERCEPTION_GAP:
        return "Hidden strength"
    return "Similar view"


@dataclass(frozen=True)
class _Column:
    title: str
    text: Callable[[Factor], str]
    sort: Callable[[Factor], Any]
    align: Qt.AlignmentFlag = _RIGHT


class FactorScoresTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[_Column] = []
        self._rows: list[Factor] = []
        self.set_scores({})

    def set_scores(
        self,
        own: Scores,
        own_title: str = "You",
        others: Scores | None = None,
        earlier: Scores | None = None,
        earlier_title: str = "Last time",
    ) -> None:
        """Show `own` scores, with others' view and/or an earlier assessment beside them."""
        mine = {f: _whole(own.get(f)) for f in Factor}

        def number(value: int | None) -> str:
            return "—" if value is None else str(value)

        columns = [
            _Column("Factor", lambda f: f.label, lambda f: list(Factor).index(f), _LEFT),
            _Column(own_title, lambda f: number(mine[f]), lambda f: mine[f]),
            _Column(
                "Band",
                lambda f: "—" if mine[f] is None else band(mine[f]).label,
                lambda f: mine[f],
                _LEFT,
            ),
        ]
        if others is not None:
            theirs = {f: _whole(others.get(f)) for f in Factor}
            gaps = {
                f: None if mine[f] is None or theirs[f] is None else mine[f] - theirs[f]
                for f in Factor
            }
            columns += [
                _Column("Others", lambda f: number(theirs[f]), lambda f: theirs[f]),
                _Column(
                    "You − others",
                    lambda f: "" if gaps[f] is None else format_change(gaps[f]),
                    lambda f: gaps[f],
                ),
                _Column("Perception", lambda f: perception(gaps[f]), lambda f: gaps[f], _LEFT),
            ]
        if earlier is not None:
            before = {f: _whole(earlier.get(f)) for f in Factor}
            changes = {
                f: None if mine[f] is None or before[f] is None else mine[f] - before[f]
                for f in Factor
            }
            columns += [
                _Column(earlier_title, lambda f: number(before[f]), lambda f: before[f]),
                _Column(
                    "Change",
                    lambda f: format_change(changes[f]),
                    lambda f: changes[f],
                ),
            ]
        self.beginResetModel()
        self._columns = columns
        self._rows = list(Factor)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        factor = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(factor)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == SORT_ROLE:
            value = column.sort(factor)
            return -1000 if value is None else value
        if role == RECORD_ROLE:
            return factor
        return None

    def record(self, row: int) -> Factor:
        return self._rows[row]
