"""Reading contact files: a real card with a 4 MB photo (issue 14's 13 s case), 3,000
cards, and the whole corpus of real files in tests/data/contacts."""

from __future__ import annotations

import base64
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))
from ontrack.interchange.contact_files import read_contacts

CORPUS = Path(__file__).resolve().parents[1] / "data" / "contacts"


def _best(action: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    card = (CORPUS / "ezvcard-gmail-single.vcf").read_bytes()
    photo = base64.b64encode(os.urandom(3_000_000))
    folded = b"\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    end = card.upper().rindex(b"END:VCARD")
    big = card[:end] + b"PHOTO;ENCODING=b;TYPE=JPEG:" + folded + b"\r\n" + card[end:]
    files = [p.read_bytes() for p in sorted(CORPUS.glob("*.vcf"))]
    print("Reading contact files")
    photo_ms = _best(lambda: read_contacts(big)) * 1000
    print(f"  card with a {len(big) / 1e6:.1f} MB photo: {photo_ms:.0f} ms")
    many = card * 3000
    many_ms = _best(lambda: read_contacts(many)) * 1000
    print(f"  3,000 cards ({len(many) / 1e6:.1f} MB, a phone's export): {many_ms:.0f} ms")
    every = _best(lambda: [read_contacts(raw) for raw in files])
    print(f"  all {len(files)} corpus files: {every * 1000:.0f} ms")


if __name__ == "__main__":
    main()
