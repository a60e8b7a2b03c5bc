"""`ontrack report`: the same document from the command line, a clear line for a bad date
or an unwritable path, and never a partial file."""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ontrack.cli import main

from . import pdf_text


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report-cli") / "data.sqlite"
    assert main(["demo", "--data", str(path), "--seed", "4"]) == 0
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ontrack", *args], capture_output=True, text=True, env=env
    )


def test_report_writes_the_pdf(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", "--data", str(data_file), "--out", str(out)]) == 0
    assert "Wrote the progress report" in capsys.readouterr().out
    text = pdf_text(out.read_bytes())
    assert "At a glance" in text
    assert "Next 30 days" in text
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["report.pdf"]


def test_from_to_and_all(data_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    args = ["report", "--data", str(data_file), "--out", str(out)]
    assert main([*args, "--from", "2026-01-01", "--to", "2026-03-31"]) == 0
    assert "1 Jan 2026 – 31 Mar 2026" in pdf_text(out.read_bytes())
    assert main([*args, "--all"]) == 0
    assert "All time, up to" in pdf_text(out.read_bytes())


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--from", "2026-13-01"], "--from '2026-13-01' is not a date; use YYYY-MM-DD"),
        (["--to", "yesterday"], "--to 'yesterday' is not a date"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "is after --to"),
        (["--all", "--from", "2026-05-01"], "give one"),
    ],
)
def test_bad_dates_are_one_clear_line(
    data_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    words: str,
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(data_file), "--out", str(out), *extra]) == 1
    error = capsys.readouterr().err
    assert words in error
    assert error.count("\n") == 1
    assert not out.exists()


def test_an_unwritable_output_is_one_line_and_leaves_no_file(
    data_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = _run("report", "--data", str(data_file), "--out", str(folder / "no" / "r.pdf"))
    assert result.returncode == 1
    assert result.stderr.startswith("ontrack report: cannot write ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []
    if os.geteuid() != 0:  # root writes into read-only folders anyway
        folder.chmod(0o500)
        try:
            result = _run("report", "--data", str(data_file), "--out", str(folder / "r.pdf"))
            assert result.returncode == 1
            assert "cannot write" in result.stderr
            assert list(folder.iterdir()) == []
        finally:
            folder.chmod(0o700)


def test_a_missing_data_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(tmp_path / "none.sqlite"), "--out", str(out)]) == 1
    assert "no data file" in capsys.readouterr().err
    assert not out.exists()


def test_the_damage_check_runs_beside_the_command_from_the_start(data_file: Path) -> None:
    # Opening leaves it for the window to start once painted; a command that left it so
    # ran it after its own work, where it first asked for the verdict (#19).
    from ontrack.cli.session import open_data

    with open_data(argparse.Namespace(data=data_file), create=False, writer=False) as data:
        assert data.check is None  # checked before it opened
    args = argparse.Namespace(data=data_file)
    with open_data(args, create=False, writer=False, check_in_background=True) as data:
        assert data.check is not None
        assert data.check.started
        data.require_sound()


def test_the_cycle_collector_rests_while_the_report_is_made(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ontrack.services.report as service

    seen: list[bool] = []
    make = service.report_bytes

    def watched(*args: Any) -> bytes:
        seen.append(gc.isenabled())
        return make(*args)

    monkeypatch.setattr(service, "report_bytes", watched)
    assert main(["report", "--data", str(data_file), "--out", str(tmp_path / "r.pdf")]) == 0
    assert seen == [False]
    assert gc.isenabled()  # and on again after it
    bad = ["report", "--data", str(data_file), "--out", str(tmp_path / "none" / "r.pdf")]
    assert main(bad) == 1
    assert gc.isenabled()  # after a failure too


def test_importing_the_reports_package_does_not_load_reportlab() -> None:
    script = (
        "import ontrack.reports, sys; print(any(m.startswith('reportlab') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_reports_package_never_imports_qt() -> None:
    script = (
        "import ontrack.reports.build, ontrack.reports.sections, sys; "
        "print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_report_command_loads_no_qt(data_file: Path, tmp_path: Path) -> None:
    # QtCore took a tenth of a second of `ontrack report` on the command line (#19).
    out = tmp_path / "r.pdf"
    script = (
        "import sys; from ontrack.cli import main; "
        f"code = main(['report', '--data', {str(data_file)!r}, '--out', {str(out)!r}]); "
        "print(code, any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-2:] == ["0", "False"]
    assert out.exists()


def _page_size(path: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.mark.parametrize(
    ("locale", "size"),
    [("en_US.UTF-8", (612, 792)), ("fr_CA.UTF-8", (612, 792)), ("en_GB.UTF-8", (595, 842)),
     ("de_DE.UTF-8", (595, 842)), ("C.UTF-8", (595, 842))],
)  # fmt: skip
def test_the_paper_follows_the_locale(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: str, size: tuple
) -> None:
    for variable in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", locale)
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(data_file), "--out", str(out)]) == 0
    assert _page_size(out) == size


def test_page_size_and_summary_on_the_command_line(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.pdf"
    args = ["report", "--data", str(data_file), "--out", str(out), "--summary"]
    assert main([*args, "--page-size", "letter"]) == 0
    assert "Wrote the one-page summary" in capsys.readouterr().out
    assert _page_size(out) == (612, 792)
    assert "PROGRESS SUMMARY" in pdf_text(out.read_bytes())
    assert len(pdf_text(out.read_bytes())) > 200
    assert main([*args, "--page-size", "a4"]) == 0
    assert _page_size(out) == (595, 842)


def test_a_page_size_that_is_not_offered_is_refused(data_file: Path, tmp_path: Path) -> None:
    result = _run("report", "--data", str(data_file), "--out", str(tmp_path / "x.pdf"),
                  "--page-size", "legal")  # fmt: skip
    assert result.returncode == 2
    assert "invalid choice: 'legal'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
