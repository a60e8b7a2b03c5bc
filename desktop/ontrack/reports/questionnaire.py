"""The fillable PDF questionnaire a rater fills in with any PDF reader (ReportLab AcroForm).

A cover letter in the person's words, every statement worded for an observer with six
separately named check boxes (the five scale points and "Can't say"), a comment box per
factor and one at the end, when the person asked for it a box by which the rater agrees to
be shown by name, and how to send it back. Each field has a screen reader label
(`/TU`); each check box is written with its value (`/V`) and appearance state (`/AS`), and
every field with its own appearance, so no reader has to make one up. A hidden field
carries the form's key (`domain.questionnaire`), and the same key is printed small on the
first page, so that a form printed to PDF (its fields gone) is still recognised.

ReportLab is imported only when a questionnaire is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..domain.assessment import GENERAL_COMMENT
from ..domain.content import Content, FactorContent
from ..domain.questionnaire import (
    CANT_SAY,
    CONSENT_FIELD,
    KEY_FIELD,
    box_name,
    comment_name,
    form_key,
)
from . import fonts
from .text import escape

_WIDTH, _HEIGHT = A4
_LEFT, _RIGHT, _TOP, _BOTTOM = 18 * mm, _WIDTH - 15 * mm, _HEIGHT - 18 * mm, 18 * mm
_COLUMN = 15 * mm
_FIRST_COLUMN = _RIGHT - 6 * _COLUMN
_BOX = 11
_CANT_SAY = "Can't say"


@dataclass(frozen=True, slots=True)
class QuestionnaireSpec:
    """Who asks whom, about which assessment, in which words."""

    person: str
    rater_name: str
    assessment_id: str
    rater_id: str
    letter: str
    ask_consent: bool = False


def write_questionnaire(content: Content, spec: QuestionnaireSpec, path: Path) -> None:
    """Write the questionnaire to `path` (replacing it)."""
    fonts.register_main()
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Questionnaire for {spec.rater_name} about {spec.person}")
    canvas.setAuthor(spec.person)
    canvas.setCreator("OnTrack")
    _reuse_box_appearances(canvas)
    _Layout(canvas, content, spec).draw()
    canvas.save()


def _reuse_box_appearances(canvas: Canvas) -> None:
    """Have the form's check boxes share their drawn appearances as they are made.

    ReportLab draws the six appearance streams of every check box (normal, down, rollover;
    ticked and not) and then finds it has written the same ones before. Our 240+ boxes are
    all alike, so the first box's streams serve every box: half the time of writing a
    questionnaire (1.1 of 2.1 s profiled), with the same bytes in the file."""
    form = canvas.acroForm
    draw = form.checkboxAP
    drawn: dict[str, Any] = {}

    def checkbox_appearance(*args: Any, **options: Any) -> Any:
        key = repr((args, sorted(options.items())))
        if key not in drawn:
            drawn[key] = draw(*args, **options)
        return drawn[key]

    form.checkboxAP = checkbox_appearance


def _style(size: float = 10, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        f"q{size}", fontName=fonts.REGULAR, fontSize=size, leading=size * 1.3, **extra
    )


# Every check box looks alike, answers and consent: one look, and (with the appearances
# shared in `_reuse_box_appearances`) one set of drawn streams.
_BOX_LOOK: dict[str, Any] = {
    "size": _BOX,
    "buttonStyle": "check",
    "borderColor": colors.HexColor("#555555"),
    "fillColor": colors.white,
    "textColor": colors.black,
    "borderWidth": 0.8,
    "fieldFlags": "",
    "forceBorder": True,
}


class _Layout:
    """Places paragraphs and fields top to bottom, starting a page when one is full."""

    def __init__(self, canvas: Canvas, content: Content, spec: QuestionnaireSpec) -> None:
        self.canvas = canvas
        self.content = content
        self.spec = spec
        self.coverage = fonts.coverage()
        self.y = _TOP
        self.page = 1

    def text(self, text: str) -> str:
        return escape(text, multiline=True, coverage=self.coverage)

    def draw(self) -> None:
        spec = self.spec
        self.paragraph(f"<b>How does {self.text(spec.person)} come across at work?</b>", 16)
        self.paragraph(f"For {self.text(spec.rater_name)}", 10, colour=colors.grey)
        self.y -= 4
        for part in spec.letter.split("\n\n"):
            self.paragraph(self.text(part.strip()), 10.5)
        self.instructions()
        self.key_field()
        for number, factor_content in enumerate(self.content.factors, start=1):
            self.factor(number, factor_content)
        self.closing()
        self.footer()

    # -- pieces ----------------------------------------------------------------------
    def paragraph(
        self, markup: str, size: float = 10, *, width: float | None = None, colour: Any = None
    ) -> None:
        style = _style(size, textColor=colour or colors.black)
        para = Paragraph(markup, style)
        _, height = para.wrap(width or (_RIGHT - _LEFT), _HEIGHT)
        self.room(height + 4)
        para.drawOn(self.canvas, _LEFT, self.y - height)
        self.y -= height + 6

    def instructions(self) -> None:
        person = self.text(self.spec.person)
        self.paragraph("<b>How to fill it in</b>", 11)
        self.paragraph(
            "For each statement, tick the one box that fits best, from 1 “Not like them” to "
            "5 “Very much like them”. Tick “Can't say” when you have not seen enough to "
            "judge: that counts as no answer, never as a low one. The boxes for your own "
            "words are optional. It takes about ten minutes.",
        )
        self.paragraph(
            f"<b>Sending it back:</b> save the filled-in file with your PDF reader's "
            f"<i>Save</i> (not <i>Print</i>: printing to PDF throws the answers away) and "
            f"send the file back to {person} as an e-mail attachment. If your reader cannot "
            f"save forms, reply to {person}'s e-mail with a number from 1 to 5 (or “?”) "
            "after each statement instead.",
        )
        key = form_key(self.spec.assessment_id, self.spec.rater_id)
        self.paragraph(f"Form key: {self.text(key)}", 6.5, colour=colors.grey)

    def key_field(self) -> None:
        key = form_key(self.spec.assessment_id, self.spec.rater_id)
        self.canvas.acroForm.textfield(
            name=KEY_FIELD,
            value=key,
            tooltip="OnTrack form key: not for filling in",
            x=_LEFT,
            y=_BOTTOM - 12 * mm,
            width=60,
            height=10,
            annotationFlags="hidden",
            fieldFlags="readOnly",
            maxlen=None,
            borderWidth=0,
        )

    def scale_header(self) -> None:
        labels = [*(f"{n}<br/>{self.text(label)}" for n, label in self.labels()), _CANT_SAY]
        style = _style(6.5, alignment=TA_CENTER, textColor=colors.HexColor("#444444"))
        paras = [Paragraph(label, style) for label in labels]
        height = max(p.wrap(_COLUMN - 2, 60)[1] for p in paras)
        self.room(height + 30)
        for index, para in enumerate(paras):
            para.drawOn(self.canvas, _FIRST_COLUMN + index * _COLUMN + 1, self.y - height)
        self.y -= height + 4

    def labels(self) -> list[tuple[int, str]]:
        return list(enumerate(self.content.observer_labels, start=1))

    def factor(self, number: int, factor_content: FactorContent) -> None:
        self.room(90)
        self.y -= 6
        title = self.text(factor_content.name)
        self.paragraph(f"<b>Part {number} of {len(self.content.factors)}: {title}</b>", 12)
        self.scale_header()
        for statement in factor_content.statements:
            self.statement(statement.id, statement.observer)
        self.comment_box(
            factor_content.factor.value,
            f"Anything you would add about {factor_content.name.lower()}? (optional)",
            48,
        )

    def statement(self, statement_id: str, wording: str) -> None:
        label = f"{statement_id.split('.')[1]}. {wording}"
        para = Paragraph(self.text(label), _style(9.5))
        _, height = para.wrap(_FIRST_COLUMN - _LEFT - 4 * mm, _HEIGHT)
        row = max(height, _BOX + 2) + 7
        if self.room(row):
            self.scale_header()
        para.drawOn(self.canvas, _LEFT, self.y - height)
        box_y = self.y - max(height, _BOX) / 2 - _BOX / 2
        points = [*(n for n, _ in self.labels()), CANT_SAY]
        names = dict(self.labels()) | {CANT_SAY: _CANT_SAY}
        for index, point in enumerate(points):
            self.canvas.acroForm.checkbox(
                name=box_name(statement_id, point),
                tooltip=f"{wording} {names[point]}",
                x=_FIRST_COLUMN + index * _COLUMN + (_COLUMN - _BOX) / 2,
                y=box_y,
                **_BOX_LOOK,
            )
        self.canvas.setStrokeColor(colors.HexColor("#DDDDDD"))
        self.canvas.line(_LEFT, self.y - row + 3, _RIGHT, self.y - row + 3)
        self.y -= row

    def comment_box(self, topic: str, prompt: str, height: float) -> None:
        self.room(height + 24)
        self.paragraph(self.text(prompt), 9)
        self.canvas.acroForm.textfield(
            name=comment_name(topic),
            tooltip=prompt,
            x=_LEFT,
            y=self.y - height,
            width=_RIGHT - _LEFT,
            height=height,
            fieldFlags="multiline doNotSpellCheck",
            maxlen=None,
            fontSize=10,
            borderColor=colors.HexColor("#777777"),
            fillColor=colors.HexColor("#F7F7F7"),
            borderWidth=0.8,
            forceBorder=True,
        )
        self.y -= height + 8

    def closing(self) -> None:
        person = self.text(self.spec.person)
        self.room(170)
        self.y -= 8
        self.paragraph("<b>Last of all</b>", 12)
        self.comment_box(
            GENERAL_COMMENT,
            f"Anything else you would like {self.spec.person} to know? (optional)",
            110,
        )
        if self.spec.ask_consent:
            self.consent_box()
        self.paragraph(
            f"Thank you. Now save the file and send it back to {person}. "
            "Your answers stay on their computer: OnTrack has no server and sends nothing.",
        )

    def consent_box(self) -> None:
        """The rater's agreement to be shown by name: unticked unless they tick it."""
        person = self.text(self.spec.person)
        self.room(80)
        self.y -= 4
        self.paragraph("<b>Your name with your answers?</b>", 11)
        self.paragraph(
            f"{person} asked only a few people like you, too few for your answers to stay "
            f"anonymous in a group. Unless you tick the box below, {person} will not see "
            "your ratings or your words at all. If you tick it, they are shown with your name.",
            9.5,
        )
        wording = f"I agree that {self.spec.person} sees my answers with my name on them."
        para = Paragraph(self.text(wording), _style(10))
        _, height = para.wrap(_RIGHT - _LEFT - _BOX - 8, _HEIGHT)
        self.room(height + 8)
        self.canvas.acroForm.checkbox(
            name=CONSENT_FIELD,
            tooltip=wording,
            x=_LEFT,
            y=self.y - max(height, _BOX) / 2 - _BOX / 2,
            **_BOX_LOOK,
        )
        para.drawOn(self.canvas, _LEFT + _BOX + 8, self.y - height)
        self.y -= max(height, _BOX) + 10

    def footer(self) -> None:
        self.canvas.setFont(fonts.REGULAR, 7)
        self.canvas.setFillColor(colors.grey)
        self.canvas.drawString(_LEFT, 10 * mm, f"OnTrack questionnaire · page {self.page}")

    def room(self, needed: float) -> bool:
        """Start a new page unless `needed` points fit; True when a page was started."""
        if self.y - needed >= _BOTTOM:
            return False
        self.footer()
        self.canvas.showPage()
        self.page += 1
        self.y = _TOP
        return True
