"""The fonts the window falls back on for names a desktop's own fonts cannot show.

A fresh Debian desktop has no Chinese, Japanese or Korean font and no emoji font, so a
contact named 李雷 or a goal ending in 🚀 shows as empty boxes. OnTrack carries Droid Sans
Fallback (CJK) and Noto Emoji for its PDF reports (`resources/fonts/`); here they are
registered with Qt when the desktop lacks such fonts: the CJK face as a substitute of the
window's font, the emoji face as Qt's emoji font. A desktop that has its own keeps them.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from ..files.resources import resource_path

CJK_FILE = "DroidSansFallback.ttf"
EMOJI_FILE = "NotoEmoji.ttf"


def desktop_has_cjk() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def desktop_has_emoji() -> bool:
    return any("emoji" in family.casefold() for family in QFontDatabase.families())


def _add(file: str) -> list[str]:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file)))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def register_fallback_fonts(
    base: QFont, *, cjk: bool | None = None, emoji: bool | None = None
) -> list[str]:
    """Register the carried fonts the desktop lacks (or those asked for) as fallbacks of
    `base`, the window's font; returns the families registered.

    They are substitutes of the family `base` resolves to (DejaVu Sans, say), not of its
    generic name ("Sans Serif"): substitutes of a name that is no real family would be
    tried first, and draw even the digits."""
    base_family = QFontInfo(base).family()
    added: list[str] = []
    if cjk if cjk is not None else not desktop_has_cjk():
        added += _add(CJK_FILE)
    if emoji if emoji is not None else not desktop_has_emoji():
        emoji_families = _add(EMOJI_FILE)
        for family in emoji_families:
            QFontDatabase.addApplicationEmojiFontFamily(family)
        added += emoji_families
    known = QFont.substitutes(base_family)
    fresh = [family for family in added if family not in known]
    if fresh:
        QFont.insertSubstitutions(base_family, fresh)
    return added
