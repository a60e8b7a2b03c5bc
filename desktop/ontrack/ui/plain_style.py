"""The platform's style without icons on dialog buttons, for the desktops whose theme puts
them there (see `look.plain_dialog_style`, which decides). Its own module: a Python style
makes QStyle's enums, which the start-up of every other desktop does not pay for."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProxyStyle, QStyle


class PlainDialogButtons(QProxyStyle):
    """The platform's style, with no icons on dialog buttons: some themes put them on a
    dialog's standard buttons (OK, Cancel, Close) but not on its own ("Continue it"),
    so one dialog showed both; with none, every dialog looks alike."""

    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return int(super().styleHint(hint, *args))
