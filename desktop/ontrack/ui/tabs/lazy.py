"""A tab that is built the first time it is needed.

Opening OnTrack builds only the tab on screen; the others import their modules and build
their widgets when first shown (or when asked to show a record). Until then they cost
nothing at start-up, however rich their screens grow.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...services.change import Change
from .base import TabContext


class LazyTab(QWidget):
    """Stands in for the tab built by `<module>.build(context)` and passes calls on to it."""

    def __init__(self, module: str, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._module = module
        self._context = context
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        """The real tab, built now if it was not yet."""
        if self._page is None:
            build = importlib.import_module(self._module).build
            self._page = build(self._context)
            self._page.setObjectName(f"{self.objectName()}Page")
            self._layout.addWidget(self._page)
            # A layout shows a new child of a visible widget only on the next event-loop
            # turn; the page's load() must already see itself (and its parts) on screen.
            self._page.show()
        return self._page

    # The TabPage protocol, passed on.
    def load(self) -> None:
        self.page().load()  # type: ignore[attr-defined]

    def on_data_changed(self, change: Change) -> None:
        if self._page is not None:  # a tab not built yet reads fresh data when it is
            self._page.on_data_changed(change)  # type: ignore[attr-defined]

    def select_record(self, record_id: str) -> bool:
        return bool(self.page().select_record(record_id))  # type: ignore[attr-defined]

    def focus_search(self) -> bool:
        return bool(self.page().focus_search())  # type: ignore[attr-defined]

    def focus_main(self) -> None:
        self.page().focus_main()  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> Any:
        # Anything else (a tab's own widgets and actions) is the real tab's.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.page(), name)
