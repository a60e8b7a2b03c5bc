"""The Network tab: contacts, interactions, events and keep-in-touch (see ui/network/)."""

from __future__ import annotations

from ...services.network import NetworkService
from ..network.page import NetworkPage
from .base import TabContext


def build(context: TabContext) -> NetworkPage:
    return NetworkPage(
        NetworkService(context.services.context),
        context.undo_stack,
        context.clock,
        context.settings,
    )
