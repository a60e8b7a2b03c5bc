"""File ▸ Progress report…: the report dialog (options, preview, save, print, open).

Imported only when the user asks for a report, so start-up never loads QtPdf or
ReportLab. `open_report_dialog` is what the main window calls.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ...domain.clock import Clock
from ...services.registry import Services


def open_report_dialog(
    parent: QWidget,
    services: Services,
    clock: Clock,
    settings: QSettings,
    *,
    print_when_ready: bool = False,
) -> None:
    """Show the report dialog modally (it makes the preview as it opens); with
    `print_when_ready` it then offers the print dialog."""
    from .dialog import ReportDialog

    dialog = ReportDialog(services, clock, settings, parent, print_when_ready=print_when_ready)
    dialog.exec()
    dialog.deleteLater()
