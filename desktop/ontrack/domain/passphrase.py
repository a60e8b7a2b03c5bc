"""How hard a passphrase is to guess, in words: a hint, never a rule.

The estimate is deliberately simple: the length times the size of the alphabet the
characters come from, in bits, with a penalty for a passphrase made of one repeated
character or one short run. Four ordinary words score "strong"; "password1" scores "weak".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum


class Strength(Enum):
    EMPTY = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4


@dataclass(frozen=True)
class Hint:
    strength: Strength
    words: str


_WORDS = {
    Strength.EMPTY: "Type a passphrase: a few words you will remember are best.",
    Strength.WEAK: "Easy to guess. Longer is better: try a few unrelated words.",
    Strength.FAIR: "Fair. A word or two more would make it much harder to guess.",
    Strength.GOOD: "Good.",
    Strength.STRONG: "Strong.",
}


def estimated_bits(text: str) -> float:
    if not text:
        return 0.0
    pool = 0
    pool += 26 if any(c.islower() for c in text) else 0
    pool += 26 if any(c.isupper() for c in text) else 0
    pool += 10 if any(c.isdigit() for c in text) else 0
    pool += 33 if any(not c.isalnum() and c.isascii() for c in text) else 0
    pool += 100 if any(not c.isascii() for c in text) else 0
    distinct = len(set(text))
    # A run of one character, or a short pattern repeated, is not as long as it looks.
    effective = min(len(text), distinct * 3)
    return effective * math.log2(max(pool, 2))


def hint(text: str) -> Hint:
    bits = estimated_bits(text)
    if not text:
        strength = Strength.EMPTY
    elif bits < 50:
        strength = Strength.WEAK
    elif bits < 70:
        strength = Strength.FAIR
    elif bits < 95:
        strength = Strength.GOOD
    else:
        strength = Strength.STRONG
    return Hint(strength, _WORDS[strength])
