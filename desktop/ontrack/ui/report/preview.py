"""The in-app preview of a report: its pages one under the other, fitted to the width,
with zoom controls and the page count.

The PDF bytes live in a QBuffer owned by the widget, as QPdfDocument reads from its
device for as long as the document is open.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..look import mute

ZOOM_STEP = 1.25


class ReportPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._first_of_more = False
        self._buffer = QBuffer(self)

        self.view = QPdfView(self)
        self.view.setObjectName("reportPreviewView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setAccessibleName("Report preview")

        self.placeholder = QLabel(
            "The report's pages appear here as soon as they are made.\n\n"
            "Change any choice on the left and the preview follows."
        )
        self.placeholder.setObjectName("reportPreviewPlaceholder")
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        mute(self.placeholder, 1.15)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)

        self.pages_label = QLabel()
        self.pages_label.setObjectName("reportPreviewPages")
        self.pages_label.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.pages_label)
        self.zoom_out_button = self._tool("−", "Zoom out", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._tool("+", "Zoom in", QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._tool("Fit width", "Fit the page to the width", "Ctrl+0")
        self.zoom_out_button.clicked.connect(lambda: self._zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self._zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pages_label, 1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._show_position)
        self.show_pdf(None)

    def _tool(self, text: str, tip: str, key: QKeySequence.StandardKey | str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        shortcut = QKeySequence(key)
        button.setShortcut(shortcut)
        button.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAccessibleName(tip)
        return button

    def show_pdf(self, data: bytes | None, *, first_of_more: bool = False) -> int:
        """Show these PDF bytes (None: nothing); returns the number of pages shown.
        `first_of_more`: they are the report's first page, and the others are coming."""
        self._first_of_more = first_of_more
        self.document.close()
        self._buffer.close()
        if data:
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
        count = self.page_count()
        # Nothing to zoom before there are pages: the controls are hidden, not dead.
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            widget.setVisible(count > 0)
        self.pages_label.setVisible(count > 0)
        self.stack.setCurrentWidget(self.view if count else self.placeholder)
        if count:
            self._show_position()
            self.fit_width()
        else:
            self.pages_label.clear()
        return count

    def _show_position(self) -> None:
        count = self.page_count()
        if count:
            page = min(max(self.view.pageNavigator().currentPage(), 0), count - 1)
            if self._first_of_more:
                self.pages_label.setText("Page 1; the others are being made")
            else:
                self.pages_label.setText(f"Page {page + 1} of {count}")

    def page_count(self) -> int:
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return self.document.pageCount()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _zoom_by(self, factor: float) -> None:
        # FitToWidth computes its own factor; start from what is on screen now.
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._shown_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def _shown_zoom(self) -> float:
        """The zoom factor that makes the first page as wide as the view's viewport."""
        if not self.page_count():
            return 1.0
        points = self.document.pagePointSize(0).width()
        pixels = points * self.logicalDpiX() / 72
        margins = 2 * self.view.documentMargins().left()
        return max(0.25, (self.view.viewport().width() - margins) / pixels) if pixels else 1.0
