"""Duplicate detection, merging and the keep-in-touch rules (pure domain)."""

from __future__ import annotations

from datetime import date

from ontrack.domain.contact_matching import ContactIndex, linkedin_key, merge, plan_import
from ontrack.domain.enums import InteractionKind
from ontrack.domain.keep_in_touch import (
    cadence_label,
    is_due,
    next_reconnect_of,
    open_follow_up,
    valid_cadence,
)
from ontrack.domain.network import Contact, Interaction


def test_linkedin_urls_match_whatever_their_spelling() -> None:
    assert linkedin_key("https://www.linkedin.com/in/Jane-Doe/?trk=x") == linkedin_key(
        "linkedin.com/in/jane-doe"
    )
    assert linkedin_key("") == ""


def test_index_finds_by_email_url_or_name_and_company() -> None:
    index = ContactIndex(
        [
            Contact("a", "Ana Souza", "Acme", email="Ana@Example.com"),
            Contact("b", "Li Wei", "Globex", linkedin_url="https://www.linkedin.com/in/liwei"),
        ]
    )
    assert index.find(Contact("x", "Someone Else", email=" ana@example.COM")) == "a"
    assert index.find(Contact("x", "L. Wei", linkedin_url="linkedin.com/in/liwei/")) == "b"
    assert index.find(Contact("x", "  ana   SOUZA", "acme")) == "a"
    assert index.find(Contact("x", "Ana Souza", "Initech")) is None


def test_merge_fills_gaps_and_loses_nothing() -> None:
    old = Contact("a", "Ana", "Acme", notes="Met at PyCon", tags=("python",))
    new = Contact("b", "Ana", "Acme", role="CTO", email="a@x.org", notes="Hiring", tags=("cto",))
    merged = merge(old, new)
    assert merged.id == "a"
    assert (merged.role, merged.email) == ("CTO", "a@x.org")
    assert merged.tags == ("python", "cto")
    assert "Met at PyCon" in merged.notes
    assert "Hiring" in merged.notes


def test_plan_folds_duplicates_within_the_file_and_against_existing() -> None:
    existing = [Contact("a", "Ana", "Acme", email="ana@acme.test")]
    incoming = [
        Contact("1", "Ana", "Acme"),
        Contact("2", "Bo", "Initech", email="bo@i.test"),
        Contact("3", "Bo Jensen", "", email="BO@i.test", phone="123"),
    ]
    plan = plan_import(incoming, existing)
    assert [d.existing.id for d in plan.duplicates] == ["a"]
    assert len(plan.added) == 1
    assert plan.added[0].phone == "123"
    assert len(plan.contacts_to_write(merge_duplicates=False)) == 1
    assert len(plan.contacts_to_write(merge_duplicates=True)) == 2


def test_next_reconnect_is_last_interaction_plus_cadence() -> None:
    contact = Contact(
        "a",
        "Ana",
        met_on=date(2026, 1, 1),
        reconnect_every_days=30,
        interactions=(Interaction("i", date(2026, 10, 1)),),
    )
    assert next_reconnect_of(contact) == date(2026, 10, 31)
    assert is_due(next_reconnect_of(contact), date(2026, 11, 24))
    assert not is_due(None, date(2026, 11, 24))
    assert next_reconnect_of(Contact("b", "Bo")) is None


def test_cadence_labels_and_limits() -> None:
    assert cadence_label(None) == "None"
    assert cadence_label(91) == "Quarterly"
    assert cadence_label(45) == "Every 45 days"
    assert valid_cadence(0) is None
    assert valid_cadence(10**9) == 36_500


def test_follow_up_is_settled_by_any_later_interaction() -> None:
    asked = Interaction(
        "i", date(2026, 11, 1), InteractionKind.COFFEE, follow_up_on=date(2026, 11, 8)
    )
    contact = Contact("a", "Ana", interactions=(asked,))
    assert open_follow_up(contact, date(2026, 11, 24)) == date(2026, 11, 8)
    assert open_follow_up(contact, date(2026, 11, 7)) is None
    later = Interaction("j", date(2026, 11, 10), InteractionKind.EMAIL)
    assert (
        open_follow_up(Contact("a", "Ana", interactions=(asked, later)), date(2026, 11, 24)) is None
    )


def test_a_merge_takes_the_incoming_structured_name_only_for_the_same_name() -> None:
    from ontrack.domain.network import NameParts

    parts = NameParts("Smith", "Robert", "", "Dr.", "", "Bob Smith")
    existing = Contact("c1", "Bob Smith")
    assert merge(existing, Contact("x", "Bob Smith", name_parts=parts)).parts == parts
    renamed = Contact("c1", "Robert Smith")
    assert merge(renamed, Contact("x", "Bob Smith", name_parts=parts)).parts is None
    own = NameParts("Smith", "Bob", display="Bob Smith")
    kept = Contact("c1", "Bob Smith", name_parts=own)
    assert merge(kept, Contact("x", "Bob Smith", name_parts=parts)).parts == own
