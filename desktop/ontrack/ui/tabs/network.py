"""The Network tab: contacts, interactions, events and keep-in-touch (see ui/network/)."""

from __future__ import annotations

from ..network.page import NetworkPage
from .base import TabContext


def build(context: TabContext) -> NetworkPage:
    return NetworkPage(
        context.services.network,
        context.undo_stack,
        context.clock,
        context.settings,
    )
