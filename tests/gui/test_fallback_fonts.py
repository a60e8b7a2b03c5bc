"""The window shows CJK and emoji names with the fonts OnTrack carries when the desktop has
none of its own (a fresh Debian, like this machine and CI)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication

from ontrack.ui.fonts import register_fallback_fonts


def _fonts_drawing(text: str, font: QFont) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName().casefold() for run in layout.glyphRuns()]


def test_cjk_and_emoji_are_drawn_with_the_carried_fonts(qapp: QApplication) -> None:
    base = qapp.font()
    # The carried face itself does not count (the window fixture registers it, as the real
    # start does): is there a CJK font of the desktop's own?
    own = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    missing = not own - {"Droid Sans Fallback"}
    added = register_fallback_fonts(base, cjk=True, emoji=True)
    assert added == ["Droid Sans Fallback", "Noto Emoji"]
    assert "Noto Emoji" in QFontDatabase.applicationEmojiFontFamilies()
    if missing:  # with a CJK font of its own, the desktop may rightly choose that one
        assert "droid sans fallback" in _fonts_drawing("李雷", base)
    assert "noto emoji" in _fonts_drawing("Launch 🚀", base)
    # Registering again adds no second substitution.
    register_fallback_fonts(base, cjk=True, emoji=True)
    real = QFontInfo(base).family()
    substitutes = [s.casefold() for s in QFont.substitutes(real)]
    assert substitutes.count("droid sans fallback") == 1
    # Digits and letters stay in the window's own font.
    assert _fonts_drawing("Follow-ups due (7) 28 Nov 2026", base) == [real.casefold()]
