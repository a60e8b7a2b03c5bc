"""All services over one data file, built in one place and passed to whoever needs them."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.clock import Clock
from ..storage.connection import DataFile
from .agenda import AgendaService
from .backups import BackupService
from .context import ServiceContext
from .listings import ListingService
from .notifier import ChangeNotifier
from .profile import ProfileService
from .transfer import TransferService


@dataclass(frozen=True)
class Services:
    context: ServiceContext
    profile: ProfileService
    transfer: TransferService
    listings: ListingService
    agenda: AgendaService
    backups: BackupService

    @property
    def notifier(self) -> ChangeNotifier:
        return self.context.notifier

    @classmethod
    def create(cls, data: DataFile, clock: Clock) -> Services:
        context = ServiceContext(data, clock, ChangeNotifier())
        return cls(
            context=context,
            profile=ProfileService(context),
            transfer=TransferService(context),
            listings=ListingService(context),
            agenda=AgendaService(context),
            backups=BackupService(context),
        )
