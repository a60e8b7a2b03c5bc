"""`ontrack ask-ratings` and `ontrack import-ratings`: a questionnaire out, answers back in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ontrack.cli import main
from ontrack.domain.questionnaire import CONSENT_FIELD
from tests.form_filling import fill_with_pymupdf


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ask_fill_and_import_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, form = tmp_path / "d.sqlite", tmp_path / "ana.pdf"
    assert main(["demo", "--data", str(data)]) == 0
    args = ["ask-ratings", "--data", str(data), "--name", "Ana Lopez", "--out", str(form)]
    assert main([*args, "--relationship", "manager"]) == 0
    assert "Ana Lopez's questionnaire" in capsys.readouterr().out
    before = _digest(data)
    assert main(["import-ratings", "--data", str(data), str(form)]) == 1  # nothing ticked
    assert "no answers" in capsys.readouterr().err
    assert _digest(data) == before
    filled = fill_with_pymupdf(form, tmp_path / "back.pdf", {"people-1=2", "people-2=0"})
    assert main(["import-ratings", "--data", str(data), str(filled)]) == 0
    out = capsys.readouterr().out
    assert 'Ana Lopez (manager), 1 statements rated, 1 "can\'t say"' in out
    assert main(["import-ratings", "--data", str(data), str(filled)]) == 1
    assert "already added" in capsys.readouterr().err


def test_asking_about_a_missing_assessment_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    out = tmp_path / "x.pdf"
    args = ["ask-ratings", "--data", str(data), "--assessment", "nope", "--name", "A"]
    assert main([*args, "--out", str(out)]) == 1
    assert "no assessment 'nope'" in capsys.readouterr().err
    assert not out.exists()


def test_asking_for_consent_by_name_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, form = tmp_path / "d.sqlite", tmp_path / "bo.pdf"
    assert main(["demo", "--data", str(data)]) == 0
    args = ["ask-ratings", "--data", str(data), "--name", "Bo", "--out", str(form)]
    assert main([*args, "--ask-consent"]) == 0
    capsys.readouterr()
    filled = fill_with_pymupdf(form, tmp_path / "back.pdf", {"people-1=2", CONSENT_FIELD})
    assert main(["import-ratings", "--data", str(data), str(filled)]) == 0
    assert "Bo (peer), 1 statements rated" in (out := capsys.readouterr().out)
    assert "agreed to be shown by name" in out
