"""The questionnaire's check boxes share their drawn appearances (a speed-up): the file is
the same, byte for byte, as when ReportLab draws every box's appearances itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab import rl_config

from ontrack.reports import questionnaire
from ontrack.reports.questionnaire import QuestionnaireSpec, write_questionnaire
from ontrack.services.content import bundled_content


def test_shared_box_appearances_write_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random id in the file
    content = bundled_content()
    spec = QuestionnaireSpec("Sam", "Ana", "a1", "r1", "Dear Ana,\n\nThank you.", True)
    write_questionnaire(content, spec, tmp_path / "shared.pdf")
    monkeypatch.setattr(questionnaire, "_reuse_box_appearances", lambda canvas: None)
    write_questionnaire(content, spec, tmp_path / "each.pdf")
    shared, each = (tmp_path / "shared.pdf").read_bytes(), (tmp_path / "each.pdf").read_bytes()
    assert shared.count(b"/FT /Btn") >= 240
    assert shared == each
