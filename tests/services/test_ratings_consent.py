"""Consent to be shown by name: asked on the form (and in the e-mail text), read back
tolerantly, stored, and forgotten by an export (the format has no key for it)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from ontrack.domain.assessment import Assessment, NameConsent
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Relationship
from ontrack.domain.questionnaire import CONSENT_FIELD, box_name
from ontrack.domain.rater_groups import group_views
from ontrack.interchange.json_codec import read_file
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.form_filling import fill_with_pymupdf, fill_with_pypdf

WORDS = ("<script>alert(1)</script> שלום 世界\n  indented\n\n" * 25_000)[:1_000_000].strip()


def _form(services: Services, assessment: Assessment, path: Path, name: str) -> str:
    rater = services.ratings.ask(assessment.id, name, Relationship.PEER, ask_consent=True)
    assert rater.consent is NameConsent.ASKED
    services.ratings.write_form(
        assessment.id, rater.id, path, services.ratings.default_letter(name, True)
    )
    return rater.id


def _boxes(services: Services) -> set[str]:
    return {box_name(s.id, 2) for s in services.content.statements}


def test_a_ticked_consent_box_shows_the_rater_by_name(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    ana = _form(services, assessment, tmp_path / "ana.pdf", "Ana")
    bo = _form(services, assessment, tmp_path / "bo.pdf", "Bo")
    fields = PdfReader(tmp_path / "ana.pdf").get_fields() or {}
    assert "I agree that Sam Rivera sees my answers" in str(fields[CONSENT_FIELD]["/TU"])
    agreed = fill_with_pypdf(
        tmp_path / "ana.pdf", tmp_path / "a.pdf", {*_boxes(services), CONSENT_FIELD}, which="state"
    )
    declined = fill_with_pymupdf(tmp_path / "bo.pdf", tmp_path / "b.pdf", _boxes(services))
    read = services.ratings.read_files([agreed, declined])
    assert [(r.consent_asked, r.answers and r.answers.consented) for r in read] == [
        (True, True),
        (True, False),
    ]
    services.ratings.add(read)
    assert services.ratings.rater(assessment.id, ana).consent is NameConsent.GIVEN
    assert services.ratings.rater(assessment.id, bo).consent is NameConsent.ASKED
    raters = services.assessments.get(assessment.id).raters
    titles = [v.title for v in group_views(services.content, raters)]
    assert titles == ["Ana (peer, shown by name with their consent)", "Peers, the others (1)"]


def test_a_pasted_yes_and_a_megabyte_of_words_are_kept(
    services: Services, assessment: Assessment, tmp_path: Path
) -> None:
    ana = _form(services, assessment, tmp_path / "ana.pdf", "Ana")
    text = services.ratings.reply_text(assessment.id, ana)
    assert "consent.name" in text
    text = text.replace("people.1 ", "people.1 [4] ", 1).replace("anonymous [ ]", "anonymous [yes]")
    text = text.replace("should know? [ ]", "should know? [ ]\n\n" + WORDS + "\n")
    reply = services.ratings.read_reply(text)
    assert reply.ready, reply.refused
    services.ratings.add([reply])
    rater = services.ratings.rater(assessment.id, ana)
    assert rater.consent is NameConsent.GIVEN
    assert dict(rater.comments)["general"] == WORDS


def test_an_export_forgets_the_consent_and_withholds_again(
    services: Services, assessment: Assessment, tmp_path: Path, clock: FixedClock
) -> None:
    _form(services, assessment, tmp_path / "ana.pdf", "Ana")
    agreed = fill_with_pypdf(
        tmp_path / "ana.pdf", tmp_path / "a.pdf", {*_boxes(services), CONSENT_FIELD}
    )
    services.ratings.add(services.ratings.read_files([agreed]))
    out = tmp_path / "all.json"
    services.transfer.export_file(out)
    assert "consent" not in out.read_text(encoding="utf-8")  # no key in the public format
    with open_data_file(tmp_path / "other.sqlite") as other:
        copy = Services.create(other, clock)
        copy.transfer.import_dataset(read_file(out))
        [rater] = copy.assessments.get(assessment.id).raters
        assert rater.consent is NameConsent.NOT_ASKED
        [view] = group_views(copy.content, [rater])
        assert not view.shown


def test_a_manager_is_never_asked(services: Services, assessment: Assessment) -> None:
    boss = services.ratings.ask(assessment.id, "Mo", Relationship.MANAGER, ask_consent=True)
    assert boss.consent is NameConsent.NOT_ASKED
    assert "consent.name" not in services.ratings.reply_text(assessment.id, boss.id)
