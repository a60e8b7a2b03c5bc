"""Help ▸ OnTrack guide (F1): the guide in resources/guide/guide.md, shown in a window of its
own beside the main one, opened at the section of the tab on screen.

The guide is Markdown, OnTrack's own words kept as a resource like the assessment content.
Qt's Markdown reader gives headings no anchors, so each heading gets one here, named as
the guide's own links name them ("## A weekly routine" → #a-weekly-routine); the contents
line at the top links to them. Loaded when first opened, never at start-up.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import APP_NAME
from ..files.resources import resource_path

# The guide's section for each tab (F1 on that tab opens it).
TAB_SECTIONS = {
    "overviewTab": "overview",
    "assessmentTab": "assessment",
    "goalsTab": "goals",
    "journalTab": "journal",
    "networkTab": "network",
}


def slug(heading: str) -> str:
    """'A weekly routine' → 'a-weekly-routine' (as the guide's links write them)."""
    return re.sub(r"[^a-z0-9]+", "-", heading.casefold()).strip("-")


def load_guide(document: QTextDocument) -> list[str]:
    """Read the guide into `document`, an anchor on each heading; the anchors, in order."""
    text = resource_path("guide", "guide.md").read_text(encoding="utf-8")
    document.setMarkdown(text)
    anchors = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() >= 2:
            name = slug(block.text())
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([name])
            cursor.mergeCharFormat(anchor)
            anchors.append(name)
        block = block.next()
    return anchors


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(f"{APP_NAME} guide")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(f"{APP_NAME} guide")
        self.browser.setOpenExternalLinks(False)
        self.sections = load_guide(self.browser.document())
        # A comfortable reading width: about 80 characters, and tall enough for a section.
        metrics = self.browser.fontMetrics()
        self.resize(metrics.averageCharWidth() * 84 + 60, metrics.lineSpacing() * 40)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def show_section(self, name: str | None) -> None:
        """Scroll to the section `name` (its heading at the top); the start if None."""
        if name in self.sections:
            self.browser.scrollToAnchor(name)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def section_on_top(self) -> str | None:
        """The section whose heading is at (or just above) the top of the view."""
        top = self.browser.verticalScrollBar().value()
        layout = self.browser.document().documentLayout()
        shown = None
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() >= 2:
                if layout.blockBoundingRect(block).top() > top + 2:
                    break
                shown = slug(block.text())
            block = block.next()
        return shown


def open_guide(parent: QWidget, tab: str | None = None) -> GuideWindow:
    """Show the guide (one window, brought forward if open) at `tab`'s section."""
    guide = parent.findChild(GuideWindow)
    if guide is None:
        guide = GuideWindow(parent)
    guide.show()
    guide.activateWindow()
    guide.show_section(TAB_SECTIONS.get(tab or ""))
    return guide
