"""Every contact file in tests/data/contacts/ (written by real programs; see SOURCES.md):
what must come out of each, that a second import adds nothing, that a refused file
leaves the data file as it was, and that export then import keeps what matters."""

from __future__ import annotations

import argparse
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ontrack.cli import UserError
from ontrack.cli.contacts import import_contacts
from ontrack.domain.network import Contact
from ontrack.interchange.contact_files import read_contacts, read_contacts_file
from ontrack.interchange.contacts_csv import write_contacts_csv
from ontrack.interchange.vcard import write_vcards

CORPUS = Path(__file__).resolve().parents[1] / "data" / "contacts"
NO_NAME = ("line 1: this card has no name (FN or N)", False)
ANDO = "安藤ロイド"
FIELDS = ("company", "role", "email", "phone", "linkedin_url", "notes", "tags")


@dataclass(frozen=True)
class Expect:
    """Every contact's name in file order; fields of the first contact (a notes value
    ending in … is its start); every problem as listed, and whether its card was kept."""

    names: tuple[str, ...]
    first: dict[str, object] = field(default_factory=dict)
    problems: tuple[tuple[str, bool], ...] = ()


LICENCE_NOTE = "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS…"
JOHN = {"company": "IBM", "role": "Money Counter", "email": "john.doe@ibm.com"}

EXPECTED: dict[str, Expect] = {
    "android-v21_adr_multiple_line.vcf": Expect(
        ("bogus",),
        problems=(("line 6: ADR runs on over the next lines with backslashes; skipped", True),),
    ),
    "android-v21_android_custom_prop.vcf": Expect((), problems=(NO_NAME,)),
    # vCard 2.1: only \; is an escape; every other backslash is kept as written.
    "android-v21_backslash.vcf": Expect(("A;B\\C;D:E\\\\",)),
    "android-v21_base64_no_2_crlf.vcf": Expect(("fullname",)),
    "android-v21_blackberry_photo.vcf": Expect(
        ("boogie",), {"email": "forrestgump@walladalla.com", "phone": "+5555555"}
    ),
    "android-v21_complicated.vcf": Expect(
        ("Joe Due",),
        {
            "company": "Gump Shrimp Co.",
            "role": "Shrimp Man",
            "email": "forrestgump@walladalla.com",  # EMAIL;PREF;INTERNET
            "phone": "(111) 555-1212",
            # Two NOTEs joined; the second quoted-printable over two soft line breaks.
            "notes": "The following note is the example from RFC 2045.\n\n"
            "Now's the time for all folk to come to the aid of their country.",
        },
    ),
    "android-v21_im.vcf": Expect((), problems=(NO_NAME,)),
    "android-v21_invalid_comment_line.vcf": Expect(
        ("Conference Call",),
        {"notes": "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."},
        (
            ("line 6: “# This line must be ignored.” is a comment, not vCard; skipped", True),
            ("line 9: “# This line must be ignored too.” is a comment, not vCard; skipped", True),
        ),
    ),
    "android-v21_invalid_multiple_line.vcf": Expect(("Omega",), {"email": "omega@example.com"}),
    # Shift_JIS, named by CHARSET= on each property; the name from N alone.
    "android-v21_japanese_1.vcf": Expect((ANDO,), {"phone": "0300000000"}),
    "android-v21_japanese_2.vcf": Expect(("安藤 ロイド 1",), {"notes": "メモ"}),
    "android-v21_japanese_3.vcf": Expect(("伊能 圭一 伊予",)),
    "android-v21_malformed_photo.vcf": Expect(("fullname",)),
    "android-v21_multiple_entry.vcf": Expect((f"{ANDO}3", f"{ANDO}4", f"{ANDO}5"), {"phone": "9"}),
    "android-v21_nest.vcf": Expect(
        ("parent",),
        {"phone": "1"},
        (
            ("line 4: a card inside this card (lines 4–7); skipped", True),
            ("line 8: a card inside this card (lines 8–11); skipped", True),
        ),
    ),
    "android-v21_org_before_title.vcf": Expect(
        ("Normal Guy",), {"company": "Company", "role": "Excellent Janitor"}
    ),
    "android-v21_pref_handling.vcf": Expect(
        ("Smith",),
        {"company": "Company", "role": "Engineer", "email": "test@example.com", "phone": "2"},
    ),
    "android-v21_simple_1.vcf": Expect(("Roid Ando",)),
    "android-v21_simple_2.vcf": Expect(("Ando Roid",)),
    "android-v21_simple_3.vcf": Expect(("Ando Roid",)),
    "android-v21_sip.vcf": Expect(("Android",)),
    "android-v21_title_before_org.vcf": Expect(
        ("Nice Guy",), {"company": "Marverous", "role": "Cool Title"}
    ),
    "android-v21_winmo_65.vcf": Expect(("Example",)),
    "android-v21_x_android_custom_after_photo.vcf": Expect(("Roid Ando",)),
    "android-v21_x_param.vcf": Expect(("Roid Ando",), {"email": "email@example.com", "phone": "1"}),
    "android-v30_comma_separated.vcf": Expect(("G M F",), {"phone": "1"}),
    # iOS 6 ended its lines in CR CR LF, with a folded photo between them.
    "android-v30_ios_613_multiline.vcf": Expect(
        ("Bob Smith",),
        {
            "company": "Smith Auto Repair",
            "email": "bob@smithauto.com",
            "phone": "(650) 555-1212",
        },
    ),
    "android-v30_japanese.vcf": Expect(("伊能 圭一 伊予",)),
    "android-v30_multibyte_param.vcf": Expect(("G M F",), {"phone": "1"}),
    "android-v30_pager.vcf": Expect(("G M F",), {"phone": "6101231234@pagersample.com"}),
    "android-v30_pause_wait.vcf": Expect(("Pause Wait",), {"phone": "p1234p5678w9"}),
    "android-v30_simple.vcf": Expect(("And Roid",), {"company": "Open", "phone": "0300000000"}),
    "android-v30_sip.vcf": Expect(("Android",)),
    "android-v40_sip.vcf": Expect(("安藤 ロイド",), {"phone": "1"}),
    "android-v40_sort_as.vcf": Expect(("安藤 ロイド",), {"company": "グーグル"}),
    "ezvcard-John_Doe_ANDROID.vcf": Expect(
        ("Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"),
        {"phone": "123456789", "tags": ("My Contacts",)},
        (
            NO_NAME,
            ("line 6: this card has no name (FN or N)", False),
            # A bad byte in the first of two ORGs: the second is the company.
            ("line 82: the company (ORG) is not UTF-8 text; skipped", True),
        ),
    ),
    "ezvcard-John_Doe_BLACK_BERRY.vcf": Expect(
        ("John Doe",), {"company": "Acme Solutions", "phone": "+96123456789"}
    ),
    "ezvcard-John_Doe_EVOLUTION.vcf": Expect(
        ("Mr. John Richter, James Doe Sr.",),
        {**JOHN, "phone": "905-666-1234", "tags": ("VIP",), "notes": LICENCE_NOTE},
    ),
    "ezvcard-John_Doe_GMAIL.vcf": Expect(
        ("Mr. John Richter, James Doe Sr.",),
        {**JOHN, "phone": "905-555-1234", "notes": LICENCE_NOTE},
    ),
    "ezvcard-John_Doe_IPHONE.vcf": Expect(
        ("Mr. John Richter James Doe Sr.",),
        {**JOHN, "phone": "905-555-1234"},  # type=pref
    ),
    "ezvcard-John_Doe_LOTUS_NOTES.vcf": Expect(
        ("Mr. Doe John I Johny",),
        {"company": "IBM", "role": "Generic Accountant", "phone": "+1 (212) 204-34456"},
    ),
    "ezvcard-John_Doe_MAC_ADDRESS_BOOK.vcf": Expect(
        ("Mr. John Richter,James Doe Sr.",),
        {**JOHN, "phone": "905-777-1234", "notes": LICENCE_NOTE},
    ),
    "ezvcard-John_Doe_MS_OUTLOOK.vcf": Expect(
        ("Mr. John Richter James Doe Sr.",),
        {"company": "IBM", "email": "john.doe@ibm.cm", "phone": "(905) 555-1234"},
    ),
    "ezvcard-fullcontact.vcf": Expect(
        ("Prefix FirstName MiddleName LastName Suffix",),
        {
            "company": "Organization1",
            "role": "Title1",
            "email": "home@example.com",
            "tags": ("Tag",),
            "notes": "Notes line 1\nNotes line 2",
        },
    ),
    "ezvcard-gmail-list.vcf": Expect(
        ("Arnold Smith", "Chris Beatle", "Doug White"), {"email": "asmithk@gmail.com"}
    ),
    "ezvcard-gmail-single.vcf": Expect(
        ("Greg Dartmouth",),
        {
            "company": "TheCompany",
            "role": "TheJobTitle",
            "email": "gdartmouth@hotmail.com",
            "notes": "This is GMail's note field.\nIt should be added as a NOTE type.…",
        },
    ),
    "ezvcard-gmail-single2.vcf": Expect(
        ("VCard Test",),
        {"email": "email@example.com", "notes": "note line 1\nnote line 2\nCustomField: …"},
    ),
    "ezvcard-issue114.vcf": Expect(
        ("Dummy, Dummy",), {"company": "Dummy GmbH", "phone": "+49 1234 56789"}
    ),
    # Outlook 2003, vCard 2.1: quoted-printable notes with CRLF line breaks in them.
    "ezvcard-outlook-2003.vcf": Expect(
        ("John Doe III",),
        {
            "company": "Company, The",
            "email": "jdoe@hotmail.com",
            "notes": "This is the note field!!\nSecond line\n\nThird line is empty…",
        },
    ),
    "ezvcard-outlook-2007.vcf": Expect(
        ("Mr. Michael Angstadt Jr.",),
        {"company": "TheCompany", "email": "mike.angstadt@gmail.com", "phone": "(111) 555-1111"},
    ),
    "ezvcard-rfc2426-example.vcf": Expect(
        ("Frank Dawson", "Tim Howes"),
        {"company": "Lotus Development Corporation", "email": "Frank_Dawson@Lotus.com"},
    ),
    "ezvcard-rfc6350-example.vcf": Expect(
        ("Simon Perreault",), {"company": "Viagenie", "email": "simon.perreault@viagenie.ca"}
    ),
    "ezvcard-thunderbird-MoreFunctionsForAddressBook-extension.vcf": Expect(
        ("John Doe",),
        {
            "company": "TheOrganization",
            "email": "doe.john@hotmail.com",
            # Thunderbird escaped the commas, so it is one category.
            "tags": ("category1, category2, category3",),
            "notes": "This is the notes field.\nSecond Line\n\nFourth Line\n…",
        },
    ),
    "sabre-issue153.vcf": Expect(("Test Benutzer",)),
    "sabre-issue64.vcf": Expect((), problems=(NO_NAME,)),  # a photo and nothing else
    "vcard4android-allfields-vcard3.vcf": Expect(
        ("Ämi Display",),
        {
            "company": "ABC, Inc.",
            "role": "Director, Research and Development",
            "email": "private@example.com",
            "tags": ("A", "B'C"),
            "notes": "This fax number is operational 0800 to 1715 EST, Mon-Fri.\n\nSecond note",
        },
    ),
    "vcard4android-strange-rev.vcf": Expect(("Name Name",), {"phone": "+49000000"}),
    "vcard4android-unknown-properties-with-labels.vcf": Expect(("Unknown property with label",)),
    "vcard4android-vcard4.vcf": Expect(("VCard 4 Test",)),
    "vobject-radicale-1587.vcf": Expect(("Given Family",)),
    # Thunderbird's own export: vCard 4.0, and a custom field with a bare CR in its value,
    # which is not a line break in a file whose lines end in CRLF.
    "thunderbird-export.vcf": Expect(
        ("contact number one", "contact number two"),
        {"email": "contact1@invalid"},
    ),
    "thunderbird-v3-binary-jpeg.vcf": Expect(
        ("Binary JPEG",), {"notes": "This v3.0 card has a JPEG photo as binary data…"}
    ),
    "thunderbird-v3-uri-uri-png.vcf": Expect(("URI PNG, version 3.0 with correct value type",)),
    "thunderbird-v4-uri-webp.vcf": Expect(("URI WebP, version 4.0",)),
    "thunderbird-basic_vcard_addressbook.vcf": Expect(
        ("John Doe", "Jane Doe"), {"email": "john.doe@genericemail.invalid"}
    ),
    # Lines ending in CR CR LF, as Windows programs write a CRLF file in text mode.
    "thunderbird-dos_vcard_addressbook.vcf": Expect(
        ("Name Surname",), {"email": "example@gmail.com"}
    ),
    "thunderbird-emptylines_vcard_addressbook.vcf": Expect(("John Doe", "Jane Doe")),
    # A real LinkedIn export whose uploader deleted the name columns: refused for that.
    "linkedin-importJL-Connections.csv": Expect(
        (),
        problems=(
            (
                "line 4: the header has no First Name or Last Name column, so no row has a name",
                False,
            ),
        ),
    ),
    "thunderbird-import.vcf": Expect(("contact number one",), {"email": "contact1@invalid"}),
}
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".vcf", ".csv"))
REFUSED = sorted(name for name, expect in EXPECTED.items() if not expect.names)


def test_the_corpus_is_large_and_every_file_has_its_expectation() -> None:
    assert len(FILES) >= 40
    assert sorted(EXPECTED) == FILES
    sources = (CORPUS / "SOURCES.md").read_text("utf-8")
    assert all(f"`{name}`" in sources for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_each_file_gives_what_its_program_wrote(name: str) -> None:
    expect = EXPECTED[name]
    found = read_contacts_file(CORPUS / name)
    assert tuple(c.name for c in found.contacts) == expect.names
    assert tuple((str(p), p.kept) for p in found.problems) == expect.problems
    if expect.names:
        first = found.contacts[0]
        for key, value in expect.first.items():
            actual = getattr(first, key)
            if isinstance(value, str) and value.endswith("…"):
                assert actual.startswith(value[:-1]), (key, actual)
            else:
                assert actual == value, key


_QP_LEFT = re.compile(r"=(?:[89A-F][0-9A-F]|0D|0A|20|3D)")  # escapes of text, not `ext=102`
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€|\ufffd|ƒ[A-Za-z]")


@pytest.mark.parametrize("name", FILES)
def test_no_field_is_mojibake_or_keeps_quoted_printable(name: str) -> None:
    for contact in read_contacts_file(CORPUS / name).contacts:
        for text in (contact.name, *(getattr(contact, f) for f in FIELDS[:-1])):
            assert not _QP_LEFT.search(text), (contact.name, text)
            assert not _MOJIBAKE.search(text), (contact.name, text)


def _import(data: Path, source: Path) -> str:
    return import_contacts(argparse.Namespace(data=data, source=source))


@pytest.mark.slow
def test_a_second_import_of_every_file_adds_nothing(data_path: Path) -> None:
    for name in FILES:
        if name in REFUSED:
            continue
        _import(data_path, CORPUS / name)
        again = _import(data_path, CORPUS / name)
        assert re.search(r": 0 new, [\d,]+ merged", again), (name, again)


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_file_leaves_the_data_file_as_it_was(name: str, data_path: Path) -> None:
    _import(data_path, CORPUS / "ezvcard-gmail-list.vcf")
    before = hashlib.sha256(data_path.read_bytes()).hexdigest()
    (first_problem, _), *_ = EXPECTED[name].problems
    with pytest.raises(UserError, match=f"no contact could be read: {re.escape(first_problem)}"):
        _import(data_path, CORPUS / name)
    assert hashlib.sha256(data_path.read_bytes()).hexdigest() == before


def _kept(contacts: tuple[Contact, ...]) -> list[tuple[str, ...]]:
    return [(c.name, c.email, c.phone, c.company, c.notes) for c in contacts]


@pytest.mark.parametrize("name", sorted(set(FILES) - set(REFUSED)))
def test_export_then_import_keeps_names_emails_phones_companies_notes(name: str) -> None:
    contacts = read_contacts_file(CORPUS / name).contacts
    as_vcard = read_contacts(write_vcards(contacts).encode("utf-8"))
    assert as_vcard.problems == ()
    assert _kept(as_vcard.contacts) == _kept(contacts)
    # The structured name (N) comes back as it came in, not split from the display name.
    pairs = zip(contacts, as_vcard.contacts, strict=True)
    assert [(a.name, b.parts) for a, b in pairs if a.parts] == [
        (c.name, c.parts) for c in contacts if c.parts
    ]
    as_csv = read_contacts(write_contacts_csv(contacts).encode("utf-8"))
    assert _kept(as_csv.contacts) == _kept(contacts)
