"""The editors for text with a length cap: plain-text boxes that show even a maximal unbroken
value at once, and line edits, both refusing in words what would go over the cap.

Two things Qt does not do for us. Word-wrapping an unbroken run of text costs time quadratic
in its length (a 100,000-character line without a space held the window for seconds, 256 KB
for 46 s), so such text wraps anywhere. And a QLineEdit's maxLength cuts a paste short
without a word, and a QPlainTextEdit has no cap at all; both refuse here, with a message
beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..domain.validation import MAX_TEXT_LENGTH

LONGEST_WORD = 2_000  # longer unbroken runs of text wrap anywhere
BUBBLE_MS = 8_000  # how long a refusal stays beside its field


def wraps_anywhere(text: str) -> bool:
    """Whether `text` holds an unbroken run too long to wrap at word boundaries quickly."""
    if len(text) <= LONGEST_WORD:
        return False
    return any(len(word) > LONGEST_WORD for word in text.split())


def refusal(what: str, cap: int) -> str:
    return f"{what} can be at most {cap:,} characters; the text was not added."


def show_refusal(widget: QWidget, message: str, at: QPoint) -> None:
    """The message in a bubble just below the field, for a few seconds. The bubble is a
    child of the field's window, drawn over its other widgets: it needs no room in the
    layout, and unlike a QToolTip it stays while the mouse moves."""
    window = widget.window()
    bubble = window.findChild(QLabel, "capMessage", Qt.FindChildOption.FindDirectChildrenOnly)
    if not isinstance(bubble, QLabel):
        bubble = QLabel(window)
        bubble.setObjectName("capMessage")
        bubble.setTextFormat(Qt.TextFormat.PlainText)
        bubble.setWordWrap(True)
        bubble.setMargin(6)
        bubble.setFrameShape(QFrame.Shape.Box)
        bubble.setForegroundRole(QPalette.ColorRole.ToolTipText)
        bubble.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        bubble.setAutoFillBackground(True)
        timer = QTimer(bubble, singleShot=True, interval=BUBBLE_MS, objectName="capTimer")
        timer.timeout.connect(bubble.hide)
    bubble.setText(message)
    bubble.setFixedWidth(max(200, min(widget.width(), 420, window.width() - 8)))
    bubble.adjustSize()
    place = widget.mapTo(window, at) + QPoint(0, 4)
    # Kept inside the window: a field near its bottom or right edge gets it above or left.
    if place.y() + bubble.height() > window.height():
        place.setY(max(0, widget.mapTo(window, QPoint(0, 0)).y() - bubble.height() - 4))
    place.setX(max(0, min(place.x(), window.width() - bubble.width())))
    bubble.move(place)
    bubble.show()
    bubble.raise_()
    timer = bubble.findChild(QTimer, "capTimer")
    if isinstance(timer, QTimer):
        timer.start()


class LongTextEdit(QPlainTextEdit):
    """Plain text of at most `cap` characters; Tab moves on (a form, not a code editor)."""

    refused = Signal(str)  # the message shown when typing or pasting would go over the cap

    def __init__(
        self, parent: QWidget | None = None, *, cap: int = MAX_TEXT_LENGTH, what: str = "This text"
    ) -> None:
        super().__init__(parent)
        self.cap = cap
        self.what = what
        self.setTabChangesFocus(True)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)

    def setPlainText(self, text: str) -> None:
        # Wrap anywhere before a long unbroken line arrives; wrap at words only once it is
        # gone (re-wrapping it at words first would take minutes).
        anywhere = wraps_anywhere(text)
        if anywhere:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().setPlainText(text)
        if not anywhere:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            if self._would_exceed(len(source.text())):
                self._refuse()
                return
            if wraps_anywhere(source.text()):
                self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        # Return adds a line break (a character too); other control keys add nothing. What
        # gets past here some other way (an input method) is refused by the service.
        adds = typed.isprintable() or typed in ("\r", "\n")
        if typed and adds and self._would_exceed(len(typed)):
            self._refuse()
            return
        super().keyPressEvent(event)

    def _would_exceed(self, added: int) -> bool:
        cursor = self.textCursor()
        selected = cursor.selectionEnd() - cursor.selectionStart()
        return self.document().characterCount() - 1 - selected + added > self.cap

    def _refuse(self) -> None:
        message = refusal(self.what, self.cap)
        show_refusal(self, message, QPoint(0, self.height()))
        self.refused.emit(message)


def cap_line(edit: QLineEdit, cap: int, what: str) -> None:
    """Give `edit` a cap of `cap` characters that says so when typing or a paste meets it
    (Qt alone would cut the paste short without a word)."""
    edit.setMaxLength(cap)

    def rejected() -> None:
        message = f"{what} can be at most {cap:,} characters; the rest was not added."
        show_refusal(edit, message, QPoint(0, edit.height()))

    edit.inputRejected.connect(rejected)
