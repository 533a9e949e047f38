"""Numbers, links and addresses a translation must keep exactly as its source has them.

A phone number on a handout comes from a region file, through a placeholder ({number}, {press}),
never from a translator's keyboard (issue 12: "Llama al 1-800-555-0199 o al {number}" printed a
number nobody checked). So a translation may not add a digit, nor leave out or change a number
of three digits or more, a link or a web address, compared with its msgid. It may leave out a
one- or two-digit number its grammar spells out ("open 24/7" → "abierta las 24 horas, todos los
días"; Arabic's dual says "2 areas" in one word). Digits of another script count as the same
digits (an Arabic translation may write 24/7 as ٢٤/٧).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|mailto:|tel:|sms:)[^\s<>\"'()\[\]{}]+"
                      r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|[a-z]{2})\b(?:/[^\s)\]]*)?",
                      re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
# Digits with single separators between them: "1-800-555-0199", "116 123", "24/7" is 24 and 7.
_NUMBER = re.compile(r"[0-9](?:[0-9]|[ .\-\u00a0\u202f](?=[0-9]))*")
# Header fields the colophon prints (zinepress.i18n.credits).
PRINTED_HEADERS = ("Last-Translator", "Language-Team", "X-Reviewed-By")
PHONE_DIGITS = 3          # a run this long could be dialled (112, 988, 911)


def ascii_digits(text: str) -> str:
    """Return the text with every decimal digit of any script written as 0-9."""
    if text.isascii():     # the common case, and every build reads each PO file (issue 16)
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def addresses(text: str) -> list[str]:
    """Return the links and web addresses in a text, as written (trailing punctuation dropped)."""
    return [m.group().rstrip(".,;:!?") for m in _ADDRESS.finditer(text)]


def numbers(text: str) -> list[str]:
    """Return the numbers a reader sees in a text (placeholders and addresses aside), as written."""
    rest = _PLACEHOLDER.sub("\x00", _ADDRESS.sub("\x00", ascii_digits(text)))
    return [m.group() for m in _NUMBER.finditer(rest)]


def digits(number: str) -> str:
    """Return a number's digits alone ('1-800-555-0199' → '18005550199')."""
    return re.sub(r"[^0-9]", "", ascii_digits(number))


def changes(source: str, translation: str) -> list[str]:
    """Return how a translation's numbers and addresses differ from its source's, as messages."""
    found = []
    for kind, take in (("number", numbers), ("address", addresses)):
        key = digits if kind == "number" else str.lower
        theirs, ours = take(source), take(translation)
        want, got = Counter(map(key, theirs)), Counter(map(key, ours))
        written = {key(n): n for n in ours} | {key(n): n for n in theirs}
        added = [written[k] for k in (got - want).elements()]
        dropped = [written[k] for k in (want - got).elements()
                   if kind == "address" or len(k) >= PHONE_DIGITS]
        if added or dropped:
            found.append(_message(kind, added, dropped))
    return found


def _message(kind: str, added: list[str], dropped: list[str]) -> str:
    parts = ([f"adds {', '.join(repr(a) for a in added)}"] if added else []) + \
            ([f"leaves out {', '.join(repr(d) for d in dropped)}"] if dropped else [])
    if kind == "number":
        return (f"it {' and '.join(parts)}: a translation has the same numbers as its source, "
                "and a phone number comes only through its placeholder ({number}, {press} …)")
    return (f"it {' and '.join(parts)}: a translation keeps the links and web addresses of its "
            "source exactly")


def phone_like(text: str) -> list[str]:
    """Return the numbers in a text long enough to be dialled."""
    return [n for n in numbers(text) if len(digits(n)) >= PHONE_DIGITS]


def header_problems(header: dict[str, str]) -> list[str]:
    """Return why a PO header's printed fields carry a number (they print in the colophon)."""
    return [f"the header's {name} has the number {found[0]!r}: the colophon prints it, and a "
            "handout prints phone numbers only from region files; remove it"
            for name in PRINTED_HEADERS if (found := phone_like(_no_email(header.get(name, ""))))]


def _no_email(value: str) -> str:
    return re.sub(r"<[^>]*>", "", value)   # an e-mail address is not printed (credits._name)
