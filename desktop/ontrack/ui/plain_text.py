"""User text shown literally where Qt would guess it is HTML.

Qt renders a tooltip (and a label in its default AutoText format) as rich text as soon as
the text merely looks like HTML (`Qt.mightBeRichText`): a note that reads "<b>Lead</b>"
would show a bold "Lead". Labels take `Qt.TextFormat.PlainText`; tooltips have no such
switch, so text that could be taken for HTML is escaped into HTML that shows it as typed.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def literal_tooltip(text: str) -> str:
    """`text` as a tooltip that shows exactly these characters, line breaks included."""
    if not Qt.mightBeRichText(text):
        return text  # shown as plain text already
    import html  # here: with its table of entities it costs start-up ~3 ms, for rare text

    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
