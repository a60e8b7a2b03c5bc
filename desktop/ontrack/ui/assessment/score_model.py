"""The per-factor table of an assessment: score and band, and beside them either others'
view (with the gap, called a blind spot or hidden strength) or an earlier assessment (with
the change). Eight rows, one per factor, in canonical order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...domain.enums import Factor
from ...domain.scoring import PERCEPTION_GAP, band, format_change, rounded
from ..records_model import RecordColumn, RecordsTableModel
from ..roles import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
Scores = Mapping[Factor, float | None]
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


def _column(
    title: str,
    text: Callable[[Factor], str],
    sort: Callable[[Factor], Any],
    align: Qt.AlignmentFlag = _RIGHT,
) -> RecordColumn:
    return RecordColumn(title, text, sort, align)  # numbers line up on the right


class FactorScoresTableModel(RecordsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
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
            _column("Factor", lambda f: f.label, lambda f: list(Factor).index(f), _LEFT),
            _column(own_title, lambda f: number(mine[f]), lambda f: mine[f]),
            _column(
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
                _column("Others", lambda f: number(theirs[f]), lambda f: theirs[f]),
                _column(
                    "You − others",
                    lambda f: "" if gaps[f] is None else format_change(gaps[f]),
                    lambda f: gaps[f],
                ),
                _column("Perception", lambda f: perception(gaps[f]), lambda f: gaps[f], _LEFT),
            ]
        if earlier is not None:
            before = {f: _whole(earlier.get(f)) for f in Factor}
            changes = {
                f: None if mine[f] is None or before[f] is None else mine[f] - before[f]
                for f in Factor
            }
            columns += [
                _column(earlier_title, lambda f: number(before[f]), lambda f: before[f]),
                _column(
                    "Change",
                    lambda f: format_change(changes[f]),
                    lambda f: changes[f],
                ),
            ]
        self.beginResetModel()
        self.columns = columns
        self._rows = list(Factor)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role == SORT_ROLE and value is None and index.isValid():
            return -1000  # factors without a score sort below every score
        return value

    def record(self, row: int) -> Factor:
        return self._rows[row]
