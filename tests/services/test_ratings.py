"""Asking others to rate you with a fillable PDF, and adding what comes back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.ratings import ImportRatingsCommand
from ontrack.commands.undoable import push
from ontrack.domain.assessment import Answer, Assessment
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Relationship
from ontrack.domain.questionnaire import box_name, comment_name
from ontrack.interchange.json_codec import read_file
from ontrack.services import ratings as ratings_service
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.form_filling import fill_with_pymupdf, fill_with_pypdf, flatten

HOSTILE = '<b>bold</b> <img src="x"/> &amp; שלום עולם 世界 🚀 \\n )'


def _ask(services: Services, assessment: Assessment, tmp_path: Path, name: str) -> tuple[str, Path]:
    rater = services.ratings.ask(assessment.id, name, Relationship.PEER, "a@example.org")
    path = tmp_path / f"{name}.pdf"
    services.ratings.write_form(
        assessment.id, rater.id, path, services.ratings.default_letter(name)
    )
    return rater.id, path


def _all_boxes(services: Services, rating: int) -> set[str]:
    return {box_name(s.id, rating) for s in services.content.statements}


def test_a_form_filled_by_pypdf_is_added_as_one_undoable_step(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    rater_id, form = _ask(services, assessment, tmp_path, "Ana")
    ticked = _all_boxes(services, 2) - {box_name("people.1", 2)} | {box_name("people.1", 0)}
    filled = fill_with_pypdf(
        form, tmp_path / "back.pdf", ticked, {comment_name("general"): "Kind."}
    )
    [returned] = services.ratings.read_files([filled])
    assert returned.ready, returned.refused
    assert returned.answers is not None
    assert len(returned.answers.answers) == len(services.content.statements) - 1
    assert returned.answers.cant_say == ("people.1",)
    stack = QUndoStack()
    push(stack, ImportRatingsCommand(services.ratings, [returned]))
    rater = services.ratings.rater(assessment.id, rater_id)
    assert rater.returned_on == services.context.clock.today()
    assert Answer("people.2", 2) in rater.answers
    assert all(a.statement != "people.1" for a in rater.answers)  # "Can't say" is no answer
    assert rater.comments == (("general", "Kind."),)
    stack.undo()
    assert services.ratings.rater(assessment.id, rater_id).answers == ()
    stack.redo()
    assert services.ratings.rater(assessment.id, rater_id).comments == (("general", "Kind."),)


@pytest.mark.parametrize(
    "fill",
    [
        pytest.param(lambda s, t, b, c: fill_with_pypdf(s, t, b, c), id="pypdf"),
        pytest.param(
            lambda s, t, b, c: fill_with_pypdf(s, t, b, c, incremental=True), id="pypdf-incremental"
        ),
        pytest.param(lambda s, t, b, c: fill_with_pypdf(s, t, b, c, which="value"), id="only-V"),
        pytest.param(lambda s, t, b, c: fill_with_pypdf(s, t, b, c, which="state"), id="only-AS"),
        pytest.param(lambda s, t, b, c: fill_with_pymupdf(s, t, b, c), id="pymupdf"),
        pytest.param(
            lambda s, t, b, c: fill_with_pymupdf(s, t, b, c, incremental=True),
            id="pymupdf-incremental",
        ),
    ],
)
def test_forms_saved_as_readers_save_them_read_the_same(
    services: Services, assessment: Assessment, tmp_path: Path, fill: object
) -> None:
    _, form = _ask(services, assessment, tmp_path, "Ana")
    ticked = {box_name("people.1", 4), box_name("vision.3", 1), box_name("image.2", 0)}
    ticked |= {box_name("impact.1", 2), box_name("impact.1", 5)}  # two boxes: unreadable
    words = {comment_name("vision"): HOSTILE, comment_name("general"): "Ça va.\nThanks"}
    target = tmp_path / "back.pdf"
    fill(form, target, ticked, words)  # type: ignore[operator]
    [returned] = services.ratings.read_files([target])
    assert returned.answers is not None
    assert returned.answers.answers == (Answer("people.1", 4), Answer("vision.3", 1))
    assert returned.answers.cant_say == ("image.2",)
    assert returned.answers.unreadable == ("impact.1",)
    assert dict(returned.answers.comments) == {"vision": HOSTILE, "general": "Ça va.\nThanks"}


def test_an_incremental_update_keeps_the_original_bytes(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    _, form = _ask(services, assessment, tmp_path, "Ana")
    target = fill_with_pypdf(form, tmp_path / "b.pdf", {box_name("people.1", 3)}, incremental=True)
    assert target.read_bytes().startswith(form.read_bytes())
    [returned] = services.ratings.read_files([target])
    assert returned.answers is not None
    assert returned.answers.answers == (Answer("people.1", 3),)


def test_forms_that_cannot_be_added_are_refused_with_their_reason(
    services: Services, assessment: Assessment, tmp_path: Path, data_path: Path
) -> None:
    _, form = _ask(services, assessment, tmp_path, "Ana")
    one = {box_name("people.1", 3)}
    flat = flatten(fill_with_pymupdf(form, tmp_path / "f.pdf", one), tmp_path / "flat.pdf")
    text = tmp_path / "notes.pdf"
    text.write_text("hello")
    report = tmp_path / "report.pdf"
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(report))
    canvas.drawString(100, 700, "A PDF that is not a form")
    canvas.save()
    filled = fill_with_pypdf(form, tmp_path / "ok.pdf", one)
    twice = tmp_path / "ok2.pdf"
    twice.write_bytes(filled.read_bytes())
    found = services.ratings.read_files([form, flat, text, report, filled, twice])
    reasons = [r.refused for r in found]
    assert "no answers" in reasons[0]
    assert "printed or flattened" in reasons[1]
    assert "not a PDF" in reasons[2]
    assert "not an OnTrack questionnaire" in reasons[3]
    assert reasons[4] == ""
    assert "appears twice" in reasons[5]
    before = services.assessments.get(assessment.id)
    services.ratings.add(found)
    [again] = services.ratings.read_files([filled])
    assert "already added" in again.refused
    services.assessments.delete(assessment.id)
    [gone] = services.ratings.read_files([filled])
    assert "not in this data file" in gone.refused
    assert before.raters[0].answers == ()


def test_the_questionnaire_passes_qpdfs_check_and_labels_every_field(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    import pikepdf
    from pypdf import PdfReader

    _, form = _ask(services, assessment, tmp_path, "Ana")
    with pikepdf.Pdf.open(form) as pdf:
        assert pdf.check_pdf_syntax() == []
    fields = PdfReader(form).get_fields() or {}
    statements = len(services.content.statements)
    assert len(fields) == statements * 6 + len(services.content.factors) + 2
    assert all(field.get("/TU") for field in fields.values())
    boxes = [f for f in fields.values() if f.get("/FT") == "/Btn"]
    assert all(f.get("/V") == "/Off" for f in boxes)
    reader = PdfReader(form)
    assert "/NeedAppearances" not in reader.trailer["/Root"]["/AcroForm"]  # type: ignore[operator]
    for page in reader.pages:
        for widget in (ref.get_object() for ref in page["/Annots"]):  # type: ignore[union-attr]
            assert "/AP" in widget  # its own appearance: no reader has to make one up
            if widget["/FT"] == "/Btn":
                assert widget["/AS"] == "/Off"
                assert set(widget["/AP"]["/N"]) == {"/Yes", "/Off"}


def test_export_and_import_keep_the_raters_questionnaire_keys(
    services: Services, assessment: Assessment, tmp_path: Path, clock: FixedClock
) -> None:
    _, form = _ask(services, assessment, tmp_path, "Ana")
    filled = fill_with_pypdf(
        form, tmp_path / "b.pdf", {box_name("people.1", 3)}, {comment_name("people"): HOSTILE}
    )
    services.ratings.add(services.ratings.read_files([filled]))
    out = tmp_path / "all.json"
    services.transfer.export_file(out)
    with open_data_file(tmp_path / "other.sqlite") as other:
        copy = Services.create(other, clock)
        copy.transfer.import_dataset(read_file(out))
        assert copy.assessments.get(assessment.id).raters == (
            services.assessments.get(assessment.id).raters
        )


MEGABYTE = (HOSTILE + "\n" + "مرحبا بالعالم 漢字かな交じり <i>x</i> & " * 30_000)[:1_000_000]


def test_a_megabyte_of_hostile_words_is_kept_exactly_through_form_and_file(
    services: Services, assessment: Assessment, tmp_path: Path, clock: FixedClock
) -> None:
    """Markup, RTL, CJK, a megabyte of it: through a form filled by PyMuPDF, the database,
    and an export read back into another file, character for character."""
    _, form = _ask(services, assessment, tmp_path, "Ana")
    one = {box_name("people.1", 3)}
    filled = fill_with_pymupdf(form, tmp_path / "k.pdf", one, {comment_name("people"): MEGABYTE})
    [ready] = services.ratings.read_files([filled])
    assert ready.ready, ready.refused
    services.ratings.add([ready])
    rater = services.assessments.get(assessment.id).raters[-1]
    assert rater.comments == (("people", MEGABYTE),)
    out = tmp_path / "all.json"
    services.transfer.export_file(out)
    with open_data_file(tmp_path / "other.sqlite") as other:
        copy = Services.create(other, clock)
        copy.transfer.import_dataset(read_file(out))
        assert copy.assessments.get(assessment.id).raters[-1].comments == rater.comments


def test_a_comment_over_the_cap_is_refused_in_words(
    services: Services, assessment: Assessment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cap made small: pypdf reads a 4 MB field in seconds, and the megabyte test above
    # already carries a real-sized comment through the same path.
    cap = 5_000
    monkeypatch.setattr(ratings_service, "MAX_COMMENT_LENGTH", cap)
    _, form = _ask(services, assessment, tmp_path, "Ana")
    runaway = "x" * (cap + 1)
    one = {box_name("people.1", 3)}
    big = fill_with_pypdf(form, tmp_path / "m.pdf", one, {comment_name("general"): runaway})
    [refused] = services.ratings.read_files([big])
    assert f"{cap + 1:,} characters; at most {cap:,}" in (refused.refused)
    assert services.assessments.get(assessment.id).raters[-1].returned_on is None


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey pixels of a binary PGM (pdftoppm -gray)."""
    data = path.read_bytes()
    fields = data.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[len(data) - width * height :]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs Poppler's pdftoppm")
def test_ticked_boxes_render_in_poppler(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    _, form = _ask(services, assessment, tmp_path, "Ana")
    ticked, plain = box_name("people.1", 4), box_name("people.1", 3)
    filled = fill_with_pypdf(form, tmp_path / "f.pdf", {ticked})
    subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", str(filled), str(tmp_path / "p")],
        check=True,
    )
    width, height, pixels = _pgm(next(tmp_path.glob("p*.pgm")))
    page = PdfReader(filled).pages[0]
    rects = {
        str(w["/T"]): [float(v) for v in w["/Rect"]]
        for w in (ref.get_object() for ref in page["/Annots"])  # type: ignore[union-attr]
    }

    def ink(name: str) -> int:
        x0, y0, x1, y1 = rects[name]
        inside = [
            255 - pixels[row * width + col]
            for row in range(int(height - y1) + 3, int(height - y0) - 3)
            for col in range(int(x0) + 3, int(x1) - 3)
        ]
        return sum(inside)

    assert ink(ticked) > 10 * max(ink(plain), 1)  # the tick shows; the empty box is empty
