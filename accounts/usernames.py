"""Usernames that pass for another: mixed scripts are refused, look-alikes compared by skeleton.

`оfficer` (a Cyrillic о) or `ADMİN` (a dotted capital I) would show beside the real
`officer` and `admin` in bylines and mentions. Our own ~80 lines rather than a library:
Flask-Security already limits usernames to letters and digits in NFKC, so only the script
of a letter matters, and every letter's Unicode name starts with its script ("CYRILLIC
SMALL LETTER O"). UTS #39's full skeleton needs confusables.txt; the letters that can pass
for Latin ones in our pages come from Cyrillic, Greek and Armenian, plus dotted and dotless
i, l/1/I, 0/O and "rn", which the tables below cover. (confusable_homoglyphs, the usual
library, tells mixed scripts too but has no skeleton to compare two names with.)

No Flask here: the model keeps `User.username_skeleton` up to date with `skeleton()`.
"""
from __future__ import annotations

import unicodedata

# UTS #39 "highly restrictive": one script, or Latin with the scripts of Chinese, Japanese
# or Korean (which mix with Latin letters in real names and look nothing like them).
_ALLOWED_MIXES = ({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}, {"LATIN", "HAN", "BOPOMOFO"},
                  {"LATIN", "HAN", "HANGUL"})
_NEUTRAL = {"MODIFIER", "COMBINING"}  # modifier letters and marks belong to no alphabet


def script_of(char: str) -> str | None:
    """The script of a letter or digit, from its Unicode name; None for ASCII digits."""
    if char.isascii():
        return None if char.isdigit() else "LATIN"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK ", "IDEOGRAPHIC ")):
        return "HAN"
    word = name.removeprefix("EXTENDED ").split(" ")[0].split("-")[0]
    return None if word in _NEUTRAL or not word else word


def is_mixed_script(name: str) -> bool:
    """True when the name mixes alphabets that are not used together (Latin with Cyrillic)."""
    scripts = {s for s in map(script_of, name) if s}
    return len(scripts) > 1 and not any(scripts <= mix for mix in _ALLOWED_MIXES)


# Capitals that look like Latin capitals (mapped before case folding: Greek Η looks like H,
# its small η like n).
_CAPITALS = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W",
    "Һ": "H", "Ӏ": "I",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "Օ": "O", "Ս": "U",
})
# Small letters that look like Latin ones, after case folding; i, l, 1 and I (folded to i)
# all become l, and 0 becomes o, because in most fonts they pass for each other.
_SMALL = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "l",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ү": "y", "ӏ": "l", "ь": "b", "п": "n",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "υ": "u", "ι": "l", "κ": "k", "χ": "x", "η": "n",
    "μ": "u", "ω": "w", "γ": "y",
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "զ": "q",
    "ı": "l", "i": "l", "1": "l", "ǀ": "l", "ɑ": "a", "ɡ": "g", "0": "o",
})


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def skeleton(name: str) -> str:
    """What a name looks like: two names with one skeleton pass for each other."""
    text = _without_marks(name).translate(_CAPITALS).casefold()
    return _without_marks(text).translate(_SMALL).replace("rn", "m")
