"""The typed settings: defaults when nothing is stored, the default again for junk (the
file is the person's to edit), and values read back as written, under the keys that
settings files already hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from ontrack.domain.report_options import PageSize
from ontrack.ui.settings import Folder, Settings


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def _settings(ini: Path) -> Settings:
    return Settings(QSettings(str(ini), QSettings.Format.IniFormat))


def test_nothing_stored_reads_as_the_defaults(ini: Path) -> None:
    settings = _settings(ini)
    assert settings.folder(Folder.DATA) is None
    assert settings.folder_or_home(Folder.BACKUPS) == Path.home()
    assert settings.window_geometry is None
    assert settings.window_state is None
    assert settings.window_tab == 0
    assert settings.review_geometry is None
    assert settings.page_size is None
    assert settings.reminders_enabled is True
    assert settings.last_reminded is None
    assert settings.sample_return is None


def test_values_come_back_as_written_after_a_restart(ini: Path, tmp_path: Path) -> None:
    settings = _settings(ini)
    settings.remember_folder(Folder.REPORTS, tmp_path / "report.pdf")
    settings.window_geometry = QByteArray(b"\x01\x02")
    settings.window_tab = 3
    settings.page_size = PageSize.LETTER
    settings.reminders_enabled = False
    settings.last_reminded = date(2026, 11, 24)
    settings.sample_return = tmp_path / "mine.sqlite"
    settings.sync()
    again = _settings(ini)
    assert again.folder(Folder.REPORTS) == tmp_path
    assert again.folder(Folder.DATA) is None  # each kind of file keeps its own folder
    assert again.window_geometry == QByteArray(b"\x01\x02")
    assert again.window_tab == 3
    assert again.page_size is PageSize.LETTER
    assert again.reminders_enabled is False
    assert again.last_reminded == date(2026, 11, 24)
    assert again.sample_return == tmp_path / "mine.sqlite"


def test_a_file_written_by_hand_or_an_older_version_reads_the_same(
    ini: Path, tmp_path: Path
) -> None:
    ini.write_text(
        "[files]\nlast_folder=" + str(tmp_path) + "\n"
        "[network]\nfolder=" + str(tmp_path) + "\n"
        "[reminders]\nenabled=false\nlast_shown=2026-11-20\n"
        "[reports]\npage_size=a4\n"
        "[window]\ntab=2\n",
        "utf-8",
    )
    settings = _settings(ini)
    assert settings.folder(Folder.DATA) == tmp_path
    assert settings.folder(Folder.CONTACTS) == tmp_path
    assert settings.reminders_enabled is False
    assert settings.last_reminded == date(2026, 11, 20)
    assert settings.page_size is PageSize.A4
    assert settings.window_tab == 2


def test_junk_reads_as_the_default(ini: Path, tmp_path: Path) -> None:
    ini.write_text(
        "[files]\nlast_folder=" + str(tmp_path / "gone") + "\n"
        "[reminders]\nenabled=perhaps\nlast_shown=yesterday\n"
        "[reports]\npage_size=papyrus\n"
        "[window]\ntab=third\ngeometry=not bytes\n",
        "utf-8",
    )
    settings = _settings(ini)
    assert settings.folder(Folder.DATA) is None  # a folder since removed
    assert settings.reminders_enabled is True
    assert settings.last_reminded is None
    assert settings.page_size is None
    assert settings.window_tab == 0
    assert settings.window_geometry is None


def test_no_module_but_settings_reads_or_writes_the_settings_file() -> None:
    # One module owns the keys: any other `.value(` or `.setValue(` on a settings object
    # would be a key, a type and a default of its own. (The assessment wizard's resume and
    # transition keys are the assessment work's own, for now.)
    ui = Path(__file__).resolve().parents[2] / "desktop" / "ontrack" / "ui"
    found = [
        f"{path.relative_to(ui)}:{n}"
        for path in ui.rglob("*.py")
        if path.name != "settings.py" and path.parent.name != "assessment"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "settings" in line.lower() and (".value(" in line or ".setValue(" in line)
    ]
    assert found == []
