"""`ontrack protect`, `change-passphrase`, `unprotect`, and every command on a protected
file: the passphrase from a file, the environment or nowhere (one clear line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ontrack.cli import main
from ontrack.storage import connection


def _secret_file(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def protected_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    data = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    secret = _secret_file(tmp_path, "pass", 'a "quoted"; \\ pässphrase')
    assert main(["protect", "--data", str(data), "--new-passphrase-file", secret]) == 0
    out = capsys.readouterr().out
    match = re.search(r"Recovery code: (\S+)", out)
    assert match is not None
    assert "not even us" in out
    connection.forget_keys()  # the next command is a new program
    return data, match.group(1)


def test_commands_open_a_protected_file_with_a_passphrase_file(
    protected_demo: tuple[Path, str], tmp_path: Path
) -> None:
    data, _ = protected_demo
    secret = str(tmp_path / "pass")
    out = tmp_path / "out.json"
    assert (
        main(["export", "--data", str(data), "--passphrase-file", secret, "--out", str(out)]) == 0
    )
    assert out.stat().st_size > 1000


def test_the_environment_variable_and_the_recovery_code_work(
    protected_demo: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, code = protected_demo
    monkeypatch.setenv("ONTRACK_PASSPHRASE", code)
    assert main(["backup", "--data", str(data), "--out", str(tmp_path / "b.sqlite")]) == 0
    assert (tmp_path / "b.sqlite.keys").is_file()


def test_a_wrong_or_missing_passphrase_is_one_line_and_non_zero(
    protected_demo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = protected_demo
    before = data.read_bytes()
    wrong = _secret_file(tmp_path, "wrong", "guess")
    out = str(tmp_path / "o.json")
    assert main(["export", "--data", str(data), "--passphrase-file", wrong, "--out", out]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "wrong passphrase" in error
    # No terminal under pytest: no prompt, but a line that says what to give.
    assert main(["export", "--data", str(data), "--out", out]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "--passphrase-file" in error
    assert "ONTRACK_PASSPHRASE" in error
    assert data.read_bytes() == before
    assert not Path(out).exists()


def test_change_passphrase_then_unprotect(protected_demo: tuple[Path, str], tmp_path: Path) -> None:
    data, _code = protected_demo
    old, new = str(tmp_path / "pass"), _secret_file(tmp_path, "new", "brand new words")
    args = ["--data", str(data), "--passphrase-file", old, "--new-passphrase-file", new]
    assert main(["change-passphrase", *args]) == 0
    connection.forget_keys()
    assert main(["unprotect", "--data", str(data), "--passphrase-file", old]) == 1
    assert main(["unprotect", "--data", str(data), "--passphrase-file", new]) == 0
    assert data.read_bytes()[:16] == b"SQLite format 3\x00"
    assert main(["unprotect", "--data", str(data)]) == 1  # not protected any more


def test_protect_needs_a_new_passphrase_from_somewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    assert main(["protect", "--data", str(data)]) == 1
    assert "--new-passphrase-file" in capsys.readouterr().err
    assert data.read_bytes()[:16] == b"SQLite format 3\x00"
