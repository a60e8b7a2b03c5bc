"""What every service needs: the open data file, the clock and the change notifier."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.clock import Clock
from ..storage.connection import DataFile
from .notifier import ChangeNotifier


@dataclass(frozen=True)
class ServiceContext:
    data: DataFile
    clock: Clock
    notifier: ChangeNotifier
