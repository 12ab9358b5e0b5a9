"""Spot personal or case data in a forum post before it is published.

The technical-advice board is read by police officers and prosecutors of many countries, and
writers sometimes paste an address, a phone number, an account or a passport number from a live
case. The forum shows the writer what was found and asks for confirmation; it never blocks. So the
detector prefers patterns a writer can recognise, with checksums where one exists, and every
pattern runs in linear time: the text is untrusted and may be long.
"""
from __future__ import annotations

import ipaddress
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterator

KINDS: tuple[str, ...] = ("email", "phone", "ipv4", "ipv6", "iban", "card", "passport")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    text: str  # as written in the input
    start: int  # offset in the input


# Arabic-Indic, Persian and full-width digits map one to one, so offsets stay valid.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
# Letters of scripts written with spaces: Latin, Greek, Cyrillic, Arabic. Chinese is written
# without them, so a number or an address glued to Chinese text still stands on its own.
_A = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0620-\u064a"
_L = "0-9" + _A
_W = _L + "_"
_EMAIL = re.compile(
    rf"(?<![{_W}.+\-])[{_W}][{_W}.+\-]*@(?:[{_L}][{_L}\-]*\.)+[{_A}]{{2,}}"
    rf"(?![{_L}\-]|\.[{_L}])")
_IPV4 = re.compile(rf"(?<![{_W}.])(?:[0-9]{{1,3}}\.){{3}}[0-9]{{1,3}}(?![{_W}]|\.[0-9])")
_IPV6 = re.compile(
    rf"(?<![{_W}:.])(?:[0-9A-Fa-f]{{1,4}}|(?=::))(?::[0-9A-Fa-f]{{0,4}}){{2,7}}"
    rf"(?:(?<=:)[0-9]{{1,3}}(?:\.[0-9]{{1,3}}){{3}})?(?:%[0-9A-Za-z_.\-]{{1,15}})?"
    rf"(?![{_W}:]|\.[0-9])")
_IBAN = re.compile(
    rf"(?<![{_W}])[A-Z]{{2}}[0-9]{{2}}(?: ?[A-Z0-9]{{4}}){{2,7}}(?: ?[A-Z0-9]{{1,3}})?(?![{_W}])")
# Bare, or in the groups printed on cards (4-4-4-4, 4-6-5...); issuers' first digits are 2-6,
# which also leaves out millisecond timestamps and numbers with a trunk 0.
_CARD = re.compile(
    rf"(?<![{_W}+\-.,/@])(?<![0-9][ \-])[2-6]"
    rf"(?:[0-9]{{12,18}}|[0-9]{{3}}(?:[ \-][0-9]{{3,6}}){{2,4}})(?![{_W}@])")
# KB: Microsoft update numbers look like passports and fill a technical forum.
_PASSPORT = re.compile(rf"(?<![{_W}\-/.])(?!KB)[A-Z]{{1,2}}[0-9]{{6,9}}(?![{_W}\-])")
_ID_WORD = (rf"(?:(?<![{_W}])(?:(?i:passports?|passeports?|pasaportes?|паспорт[а-я]{{0,2}}"
            rf"|id card|identity card|carte (?:nationale )?d['’]identité|جواز(?: ال?سفر)?)"
            rf"|ID|CNI|DNI)(?![{_W}])|护照|護照)")
_NUMBER_WORD = r"(?i:n[°º]|no|nr|num(?:ber|éro|ero)?|número|№|номер|серии|серия|رقم|号码|号)"
# The id itself is the finding; a Russian passport is a series and a number, "45 06 № 123456".
_KEYED_ID = re.compile(
    rf"{_ID_WORD}[\s:：#.\-]{{0,3}}(?:{_NUMBER_WORD}\.?[\s:：#\-]{{0,3}})?(?:是|为)?"
    rf"(?P<id>[0-9]{{2}} ?[0-9]{{2}} (?:№ ?)?[0-9]{{6}}|[A-Za-z0-9]{{6,12}})(?![{_W}\-/])")
_SEP = "- .\u00a0\u202f"
_PHONE = re.compile(
    rf"(?<![{_W}+.\-/@])\+?(?:\([0-9]{{1,4}}\)|[0-9])(?:[{_SEP}]?(?:\([0-9]{{1,4}}\)|[0-9]))*")
_GLUED = re.compile(rf"[{_W}@/]")
# Dates, and IPv4 addresses with leading zeros, are made of the same digit groups as phones.
_NOT_PHONE = re.compile(
    r"(?<![0-9])(?<![0-9][./-])[0-3]?[0-9]([./-])[01]?[0-9]\1(?:[0-9]{2}){1,2}(?![0-9]|[./-][0-9])"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}|^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$")


def _ip_ok(s: str) -> bool:
    try:
        ipaddress.ip_address(s)
    except ValueError:
        return False
    return any(c not in ":" for c in s)  # "::" alone is punctuation, not an address


def _iban_ok(s: str) -> bool:
    s = s.replace(" ", "")
    return 15 <= len(s) <= 34 and int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _luhn_ok(s: str) -> bool:
    digits = [int(c) for c in s if c.isdigit()]
    odd = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
    return 13 <= len(digits) <= 19 and odd % 10 == 0


def _phone_ok(s: str) -> bool:
    if _NOT_PHONE.search(s):
        return False
    groups = re.findall("[0-9]+", s.replace("(0)", "", 1))
    digits = "".join(groups)
    if s.startswith("+") or s.startswith("00") and len(groups) > 1:
        digits, least = digits.removeprefix("00") if s[0] == "0" else digits, 8
        if digits.startswith("0"):  # no country code starts with 0
            return False
    elif s.startswith(("0", "(0)")) and len(groups) > 1:
        least = 9
    else:  # a bare run of digits may be anything: an amount, a case or a card number
        return False
    # after the country code and the first group, one-digit groups are decimals or lists
    return least <= len(digits) <= 15 and all(len(g) >= 2 for g in groups[2:])


def _shorter(s: str, seps: str) -> Iterator[str]:
    """The candidate, then without its last groups: a number typed just after it is not part."""
    for _ in range(4):
        yield s
        cut = max((s.rfind(c) for c in seps), default=-1)
        if cut <= 0:
            return
        s = s[:cut].rstrip(seps)


def _spans(pattern: re.Pattern, ok: Callable[[str], bool], seps: str = "", group: int | str = 0):
    def find(text: str) -> Iterator[tuple[int, int]]:
        for m in pattern.finditer(text):
            start = m.start(group)
            found = next((s for s in _shorter(m.group(group), seps) if ok(s)), None)
            if found:
                yield start, start + len(found)
    return find


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for m in _PHONE.finditer(text):
        if _GLUED.match(text, m.end()):
            continue  # digits glued to a word, an address or a case number
        found = next((s for s in _shorter(m.group(), _SEP) if _phone_ok(s)), None)
        if found:
            yield m.start(), m.start() + len(found)


# Where spans overlap, the first kind here wins: checksummed ones first, phone (the loosest) last.
_DETECTORS = (
    ("iban", _spans(_IBAN, _iban_ok, " ")),
    ("card", _spans(_CARD, _luhn_ok, " -")),
    ("ipv6", _spans(_IPV6, _ip_ok)),
    ("ipv4", _spans(_IPV4, _ip_ok)),
    ("email", _spans(_EMAIL, bool)),
    ("passport", _spans(_KEYED_ID, lambda s: sum(c.isdigit() for c in s) >= 5, group="id")),
    ("passport", _spans(_PASSPORT, bool)),
    ("phone", _phones),
)


def find_personal_data(text: str, limit: int = 20) -> list[Finding]:
    """What looks like personal or case data in `text`, in order of appearance (at most `limit`)."""
    if limit <= 0:
        return []
    normalised = text.translate(_DIGITS)
    taken: list[tuple[int, int]] = []  # sorted, never overlapping
    found = []
    for kind, detect in _DETECTORS:
        for start, end in detect(normalised):
            i = bisect_left(taken, (start, end))
            if i and taken[i - 1][1] > start or i < len(taken) and taken[i][0] < end:
                continue
            taken.insert(i, (start, end))
            found.append(Finding(kind, text[start:end], start))
    found.sort(key=lambda f: f.start)
    return found[:limit]
