"""vCard 2.1, 3.0 and 4.0 files as Apple Contacts, Google Contacts and Outlook write them;
export to vCard 3.0 and CSV, and round trips."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontrack.domain.network import Contact, NameParts
from ontrack.interchange.contact_errors import ContactImportError
from ontrack.interchange.contact_files import read_contacts, read_contacts_file
from ontrack.interchange.contacts_csv import neutralise, read_contacts_csv, write_contacts_csv
from ontrack.interchange.vcard import read_vcards, write_vcards

DATA = Path(__file__).resolve().parents[1] / "data" / "vcard"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "contacts"


def _read(name: str) -> dict[str, Contact]:
    result = read_contacts_file(DATA / name)
    assert result.problems == ()
    return {c.name: c for c in result.contacts}


def test_apple_contacts_groups_labels_escapes_folding_and_photo() -> None:
    cards = _read("apple_contacts.vcf")
    assert list(cards) == ["Dr. Chiamaka Okafor", "Hiroshi Nakamura"]
    chi = cards["Dr. Chiamaka Okafor"]
    assert chi.company == "Globex Corporation"
    assert chi.role == "Principal Scientist"
    assert chi.email == "chiamaka.okafor@globex.example"  # item1.EMAIL, type=pref
    assert chi.phone == "+1 (415) 555-0134"
    assert chi.linkedin_url == "https://www.linkedin.com/in/chiamaka-okafor"  # item2 LinkedIn
    assert chi.notes.startswith("Met at the ML in Production meetup, talked about")
    assert "proposal; follow up in spring.\nPrefers e-mail" in chi.notes  # folded, escaped
    assert chi.tags == ("mentor", "research")
    assert cards["Hiroshi Nakamura"].linkedin_url == "https://www.linkedin.com/in/hnakamura"


def test_google_contacts_several_cards_unicode_and_system_groups() -> None:
    cards = _read("google_contacts.vcf")
    fz = cards["Fatima Zahra El Amrani"]
    assert fz.email == "fz.elamrani@contoso.example"
    assert fz.linkedin_url == "https://www.linkedin.com/in/fz-elamrani"
    assert fz.notes == "Introduced by Priya. Interested in mentoring, not hiring right now."
    assert fz.tags == ("Industry friends",)  # Google's "myContacts" says nothing
    assert cards["李娜"].notes.startswith("在会议上认识的。")
    assert "seventy-five octets." in cards["李娜"].notes
    assert cards["Priya Raman"].company == "Northwind Traders, Inc."


def test_outlook_2_1_quoted_printable_charsets_soft_breaks_and_photo() -> None:
    cards = _read("outlook_2_1.vcf")
    jurgen = cards["Jürgen Müller"]
    assert jurgen.company == "Litware GmbH"
    assert jurgen.email == "juergen.mueller@litware.example"
    assert jurgen.phone == "+49 89 555 0101"
    assert jurgen.notes == (
        "Kennengelernt auf der Messe in München, sehr hilfsbereit.\n"
        "Fragen: Kontakte bei Tailspin, Budget für 2025."
    )
    anne = cards["Anne Smith"]
    assert anne.role == "Recruiter, Engineering"
    assert anne.notes == "Café chat — she recruits for the platform team, remote-friendly."


def test_vcard_4_preferences_uris_and_types() -> None:
    cards = _read("contacts_v4.vcf")
    amara = cards["Amara Nwosu"]
    assert amara.email == "amara.nwosu@tailspin.example"  # PREF=1
    assert amara.phone == "+44-20-7946-0958"
    assert amara.linkedin_url == "https://www.linkedin.com/in/amaranwosu"
    assert cards["Ravi Shankar"].company == "Woodgrove Bank"


def test_damaged_cards_are_listed_and_the_good_ones_kept() -> None:
    result = read_vcards((DATA / "damaged_cards.vcf").read_bytes())
    assert [c.name for c in result.contacts] == ["Ok Person", "Never Ended"]
    assert [(str(p), p.kept) for p in result.problems] == [
        ("line 5: this card has no name (FN or N)", False),
        (
            "line 10: this card has no name that can be read (line 12: the name (FN) has an "
            "unknown character set “NO-SUCH-CHARSET”; skipped)",
            False,
        ),
        ("line 14: the file ends inside this card (no END:VCARD)", True),
    ]


def test_text_outside_cards_is_a_warning_not_a_refusal() -> None:
    with pytest.raises(ContactImportError, match="not a contacts file"):
        read_contacts_file(DATA / "not_a_vcard.vcf")
    result = read_vcards(b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nFN:stray\r\n")
    assert [c.name for c in result.contacts] == ["A"]
    assert [str(p) for p in result.problems] == ["line 4: “FN:stray” is outside any card; skipped"]


def _sample() -> list[Contact]:
    return [
        Contact(
            "1",
            "Ana María Souza-Lee",
            "Acme, Inc.",
            "VP; Engineering",
            "ana@acme.example",
            "+1 555 0100",
            "https://www.linkedin.com/in/ana",
            "PyCon 2024, hallway track",
            'Line one, with commas; semicolons \\ backslash\nLine two "quoted" <b>not html</b> 😀',
            date(2024, 5, 17),
            ("mentor", "python, data"),
            91,
        ),
        Contact("2", "李娜", "Fabrikam"),
        Contact("3", '=HYPERLINK("x")', "-Minus", "+Plus", "@at"),
    ]


def _without_ids(contacts: list[Contact] | tuple[Contact, ...]) -> list[tuple[object, ...]]:
    fields = [
        f for f in Contact.__dataclass_fields__ if f not in ("id", "interactions", "name_parts")
    ]
    return [tuple(getattr(c, f) for f in fields) for c in contacts]


def test_vcard_export_round_trips() -> None:
    text = write_vcards(_sample())
    assert "VERSION:3.0" in text
    result = read_vcards(text.encode())
    assert result.problems == ()
    assert _without_ids(result.contacts) == _without_ids(_sample())


def test_csv_export_neutralises_formulas_and_round_trips() -> None:
    text = write_contacts_csv(_sample())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[3][:4] == ['\'=HYPERLINK("x")', "'-Minus", "'+Plus", "'@at"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    result = read_contacts_csv(text.encode())
    assert _without_ids(result.contacts) == _without_ids(_sample())
    assert read_contacts(text.encode()).contacts[0].name == "Ana María Souza-Lee"
    assert neutralise("\tx") == "'\tx"


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=400) | st.text(max_size=300).map(lambda t: f"BEGIN:VCARD\r\n{t}".encode())
)
def test_no_input_makes_the_vcard_reader_raise_anything_but_its_error(raw: bytes) -> None:
    with contextlib.suppress(ContactImportError):
        read_vcards(raw)


_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_texts, _texts, _texts, _texts), min_size=1, max_size=4))
def test_any_contacts_survive_a_vcard_round_trip(rows: list[tuple[str, str, str, str]]) -> None:
    contacts = [
        Contact(
            str(n),
            f"Name {name.strip()}".strip(),
            company.strip(),
            role.strip(),
            notes=notes.strip(),
        )
        for n, (name, company, role, notes) in enumerate(rows)
    ]
    result = read_vcards(write_vcards(contacts).encode())
    assert [(c.company, c.role, c.notes) for c in result.contacts] == [
        (c.company, c.role, c.notes) for c in contacts
    ]


# -- charsets and parameter case, as vCard 2.1 writers vary them --------------------------
# (label written in CHARSET=, codec the writer really used)
_CHARSETS = [
    ("UTF-8", "utf-8"),
    ("Shift_JIS", "cp932"),  # Japanese phones write Windows' Shift_JIS
    ("ISO-8859-1", "iso-8859-1"),
    ("windows-1252", "cp1252"),
    ("ISO-8859-5", "iso-8859-5"),
    ("windows-1251", "cp1251"),
]
_ALPHABET = st.sampled_from(
    list("abcXYZ019 ;,:\\=.-'") + list("éüñßÅ€") + list("ДЖяё") + list("安藤ロイドかな漢字")
)


def _cased(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c.lower() for c, up in zip(word, flips, strict=True))


def _quoted_printable(raw: bytes) -> bytes:
    encoded = "".join(
        chr(b) if 33 <= b <= 126 and b not in (61, 59) else f"={b:02X}" for b in raw
    ).encode("ascii")
    # Soft line breaks every 60 characters, never inside an =XX escape.
    lines, line = [], b""
    for piece in re.findall(rb"=[0-9A-F]{2}|.", encoded):
        if len(line) + len(piece) > 60:
            lines.append(line + b"=")
            line = b""
        line += piece
    return b"\r\n".join([*lines, line])


@st.composite
def _legacy_cards(draw: st.DrawFn) -> tuple[bytes, str, str]:
    label, codec = draw(st.sampled_from(_CHARSETS))
    name = draw(st.text(_ALPHABET, min_size=1, max_size=20).filter(lambda t: t.strip()))
    note = draw(st.text(_ALPHABET | st.just("\n"), max_size=40).filter(lambda t: t.strip()))
    if not all(_encodes(t, codec) for t in (name, note)):
        label, codec = "UTF-8", "utf-8"  # this text is not in that charset: UTF-8 has it
    charset = f"{_cased(draw, 'charset')}={_cased(draw, label)}"
    bare = draw(st.booleans())
    encoding = _cased(draw, "quoted-printable")
    encoding = encoding if bare else f"{_cased(draw, 'encoding')}={encoding}"
    fn = name.replace(";", "\\;").encode(codec)
    card = b"\r\n".join(
        [
            _cased(draw, "begin:vcard").encode() + b"  ",
            b"VERSION:2.1",
            f"{_cased(draw, 'fn')};{charset}:".encode() + fn,
            f"{_cased(draw, 'note')};{charset};{encoding}:".encode()
            + _quoted_printable(note.replace(";", "\\;").replace("\n", "\r\n").encode(codec)),
            b"END:VCARD",
            b"",
        ]
    )
    return card, " ".join(name.split()), note.strip()


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(st.lists(_legacy_cards(), min_size=1, max_size=3))
def test_any_charset_and_parameter_case_reads_back_exactly(
    cards: list[tuple[bytes, str, str]],
) -> None:
    raw = b"\r\n".join(card for card, _, _ in cards)  # blank lines between cards
    result = read_vcards(raw)
    assert result.problems == ()
    assert [(c.name, c.notes) for c in result.contacts] == [(n, t) for _, n, t in cards]
    for contact, (_, _, note) in zip(result.contacts, cards, strict=True):
        # No quoted-printable escape is left in a note, unless the note itself says "=00".
        if not re.search(r"=[0-9A-F]{2}", note):
            assert not re.search(r"=[0-9A-F]{2}", contact.notes)


def test_a_2_1_file_without_charset_that_is_not_utf8_is_read_as_windows_1252() -> None:
    raw = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nORG:Café Noir\r\nEND:VCARD\r\n"
    result = read_vcards(raw.encode("cp1252"))
    assert [(c.name, c.company) for c in result.contacts] == [("Jürgen Müller", "Café Noir")]
    assert [(str(p), p.kept) for p in result.problems] == [
        (
            "line 3: no character set is named and the text is not UTF-8, so it was read as "
            "Windows-1252, as Outlook writes it; check the accented names",
            True,
        )
    ]


def test_preferred_values_win_in_every_version() -> None:
    raw = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nTEL;HOME:1\r\nTEL;WORK;PREF:2\r\n"
        "EMAIL;INTERNET:a@x\r\nEMAIL;PREF;INTERNET:b@x\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nTEL;TYPE=cell:1\r\nTEL;TYPE=work,pref:2\r\n"
        "EMAIL;type=INTERNET:a@x\r\nEMAIL;type=INTERNET;type=pref:b@x\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:C\r\nTEL;PREF=2:tel:1\r\nTEL;PREF=1:tel:2\r\n"
        "EMAIL:a@x\r\nEMAIL;PREF=1:b@x\r\nNOTE:one\r\nNOTE:two\r\nEND:VCARD\r\n"
    )
    result = read_vcards(raw.encode())
    assert [(c.name, c.phone, c.email) for c in result.contacts] == [
        ("A", "2", "b@x"),
        ("B", "2", "b@x"),
        ("C", "2", "b@x"),
    ]
    assert result.contacts[2].notes == "one\n\ntwo"  # several NOTEs joined, none dropped


def test_cjk_names_are_written_family_name_first_and_read_back() -> None:
    contacts = [
        Contact("1", "安藤 ロイド"),
        Contact("2", "Ana María Souza-Lee"),
        Contact("3", "李娜"),
    ]
    text = write_vcards(contacts)
    assert "N:安藤;ロイド;;;" in text
    assert "N:Souza-Lee;Ana María;;;" in text
    assert "N:;李娜;;;" in text
    assert [c.name for c in read_vcards(text.encode()).contacts] == [c.name for c in contacts]


def test_ontrack_csv_keeps_a_row_whose_date_or_cadence_cannot_be_read() -> None:
    text = (
        "Name,Company,Role,Email,Phone,LinkedIn URL,How we met,Met on,Tags,"
        "Reconnect every (days),Last interaction,Next reconnect,Notes\r\n"
        'Ana,Acme,,,,,,31/31/22,,often,,,"two\r\nlines"\r\n'
        ",Nobody Inc,,,,,,,,,,,\r\n"
        "Bo,,,,,,,2024-03-05,,30,,,\r\n"
    )
    result = read_contacts_csv(text.encode())
    assert [(c.name, c.met_on, c.reconnect_every_days) for c in result.contacts] == [
        ("Ana", None, None),
        ("Bo", date(2024, 3, 5), 30),
    ]
    assert [(str(p), p.kept) for p in result.problems] == [
        ("line 2: “31/31/22” is not a date like 2024-03-05; “met on” left empty", True),
        ("line 2: “often” is not a number of days; “reconnect every” left empty", True),
        ("line 4: no name", False),  # its row starts on line 4: the note took two lines
    ]


def test_a_japanese_phone_file_without_charset_is_read_as_shift_jis() -> None:
    raw = (CORPUS / "android-v21_japanese_1.vcf").read_bytes().replace(b";CHARSET=SHIFT_JIS", b"")
    result = read_vcards(raw)
    assert [c.name for c in result.contacts] == ["安藤ロイド"]
    assert [(str(p), p.kept) for p in result.problems] == [
        (
            "line 3: no character set is named and the text is not UTF-8, so it was read as "
            "Shift_JIS, as Japanese phones write it; check the names",
            True,
        )
    ]
    # European names in Windows-1252 whose bytes also happen to be valid Shift_JIS stay
    # European: that reading has no kana.
    latin = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Hélène Renée\r\nEND:VCARD\r\n".encode("cp1252")
    assert [c.name for c in read_vcards(latin).contacts] == ["Hélène Renée"]


def test_an_over_long_tag_or_name_part_is_cut_with_a_warning() -> None:
    tag = "x" * 150
    raw = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{'Lima' * 130};Ana\r\n"
        f"CATEGORIES:{tag},ok\r\nEND:VCARD\r\n"
    )
    result = read_vcards(raw.encode())
    contact = result.contacts[0]
    assert (len(contact.name), contact.tags) == (500, ("x" * 100, "ok"))
    assert [str(p) for p in result.problems] == [
        "line 1: the name has 524 characters; cut to 500",
        "line 1: a tag has 150 characters; cut to 100",
    ]


def test_the_structured_name_is_written_back_as_it_came_in() -> None:
    raw = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Smith\r\n"
        "N:Smith;Robert;James;Dr.;Jr.\r\nEND:VCARD\r\n"
    )
    (contact,) = read_vcards(raw.encode()).contacts
    assert contact.name == "Bob Smith"
    assert contact.parts == NameParts("Smith", "Robert", "James", "Dr.", "Jr.", "Bob Smith")
    assert "N:Smith;Robert;James;Dr.;Jr.\r\n" in write_vcards([contact])
    # Renamed in OnTrack, the old parts no longer describe the contact: guessed afresh.
    renamed = replace(contact, name="Roberta Smythe")
    assert renamed.parts is None
    assert "N:Smythe;Roberta;;;\r\n" in write_vcards([renamed])


def test_a_card_with_only_n_gets_its_display_name_from_the_parts() -> None:
    raw = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen;;Prof.\r\nEND:VCARD\r\n"
    (contact,) = read_vcards(raw.encode()).contacts
    assert contact.name == "Prof. Jürgen Müller"
    assert contact.parts == NameParts("Müller", "Jürgen", "", "Prof.", "", contact.name)


def test_a_classic_mac_file_with_cr_line_ends_is_read_line_by_line() -> None:
    raw = b"BEGIN:VCARD\rVERSION:3.0\rFN:Ana\rEMAIL:ana@x\rEND:VCARD\r"
    result = read_vcards(raw)
    assert [(c.name, c.email) for c in result.contacts] == [("Ana", "ana@x")]
    assert result.problems == ()


def test_a_bare_cr_inside_a_crlf_file_is_part_of_its_value() -> None:
    raw = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:one\rtwo\r\nEND:VCARD\r\n"
    result = read_vcards(raw)
    assert [c.notes for c in result.contacts] == ["one\ntwo"]
    assert result.problems == ()
