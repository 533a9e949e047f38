"""Dial strings as values: parsed once at load; the printed text, link and QR code come from one.

A dial string is one number as the service publishes it: ASCII digits with the separators a
publisher prints (space, hyphen, dot, slash, parentheses around an area code), a leading `+`,
a leading `*` or `#` (which the phone lint then wants an override for: the library's short-number
data holds no star codes), and letters only in the vanity form "1-800-273-TALK (8255)", whose
digits in brackets repeat the letters. Anything else is refused, never cleaned up (issue 12: a
"cleaned" number is a number nobody published).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from babel import Locale

MAX_DIAL_CHARS = 40
MAX_DIGITS = 15                  # E.164: no number is longer
_SEPARATORS = " -./"
_ALLOWED = set("0123456789()+*#" + _SEPARATORS)
# Vanity form: the last group in letters, then the same keys in brackets ("1-800-273-TALK (8255)").
_VANITY = re.compile(r"^(?P<head>[0-9 .\-/()+]*?)(?P<letters>[A-Za-z]+) \((?P<digits>[0-9]+)\)$")
_SHAPE = re.compile(r"^[+*#]?[0-9]+(?:[ .\-/]{1,2}[0-9]+)*$")
_AREA = re.compile(r"\(([^()]*)\)")
_LOOKALIKES = "OoIlSB"
_KEYWORD = re.compile(r"^[A-Za-z0-9]{1,20}$")
_PRESS = re.compile(r"^[0-9*#]{1,4}$")


class Refused(ValueError):
    """A dial string, keyword or press option that is not one plain value; says what to do."""


@dataclass(frozen=True)
class Dial:
    """One number: as published (`text`) and as a phone dials it (`keys`)."""

    text: str                        # "1-800-273-TALK (8255)": printed exactly like this
    keys: str                        # "18002738255": the link and the QR code dial these

    def __str__(self) -> str:
        return self.text

    @property
    def digits(self) -> str:
        """Return the digits dialled, without a leading +, * or #."""
        return self.keys.lstrip("+*#")

    def printed(self, digits: str = "0123456789") -> str:
        """Return the text to print, its ASCII digits written with the reader's ten digits."""
        return self.text.translate(str.maketrans("0123456789", digits))

    def link(self, kind: str, keyword: str | None = None) -> str:
        """Return the tel: or sms: link (also the QR payload) that dials exactly these keys."""
        keys = self.keys.replace("#", "%23")  # RFC 3966: '#' starts a fragment unless escaped
        if kind == "sms":
            return f"sms:{keys}" + (f"?body={quote(keyword)}" if keyword else "")
        return f"tel:{keys}"


def written(value: Any, raw: str | None, key: str) -> str:
    """Return a YAML value that must be text; refuse 024, 0x3dc or YES read as something else."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        raise Refused(f"{key} must be one value in quotes, e.g. {key}: \"1\", not a "
                      f"{'list' if isinstance(value, list) else 'mapping'}")
    shown = raw if raw is not None else str(value)
    read = ("true" if value else "false") if isinstance(value, bool) else \
        f"the number {value}" if isinstance(value, (int, float)) else f"a {type(value).__name__}"
    raise Refused(f"{key}: {shown} is read by YAML as {read}, not as the text written; put it in "
                  f"quotes: {key}: \"{shown}\"")


def parse_dial(text: str) -> Dial:
    """Return the dial string as a value, or raise Refused saying what to write instead."""
    if not text.strip():
        raise Refused("the dial string is empty")
    if len(text) > MAX_DIAL_CHARS:
        raise Refused(f"the dial string has {len(text)} characters; one number has at most "
                      f"{MAX_DIAL_CHARS}")
    for char in text:
        if char not in _ALLOWED and not ("a" <= char.lower() <= "z"):
            raise Refused(_foreign(char, text))
    number, keys_text = _vanity(text)
    _check_parentheses(number)
    plain = number.replace("(", "").replace(")", "")
    if not _SHAPE.match(plain):
        raise Refused(_shape_problem(text, plain))
    keys = plain[0] + re.sub(r"\D", "", keys_text) if plain[0] in "+*#" else \
        re.sub(r"\D", "", keys_text)
    if len(keys.lstrip("+*#")) > MAX_DIGITS:
        raise Refused(f"'{text}' has more than {MAX_DIGITS} digits: it is not one number")
    return Dial(text, keys)


def _foreign(char: str, text: str) -> str:
    name = f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"
    if unicodedata.category(char)[0] in "CZM":
        return (f"the dial string contains {name}, an invisible mark that can change how the "
                "digits show or what a phone dials; remove it")
    if unicodedata.decimal(char, None) is not None:
        return (f"the dial string writes a digit in another script ({name}); write ASCII digits "
                "0-9: an edition prints them in its reader's numbering system")
    if char in ",;&|":
        return (f"'{text}' holds more than one number or a note ('{char}'); a dial string is one "
                "number: give each number its own contact, and hours, cost and notes their own "
                "fields (hours:, cost:, note:)")
    return (f"the dial string contains {_named(char)}; write digits with spaces, hyphens, "
            "dots, slashes or parentheses, and a leading + only")


def _vanity(text: str) -> tuple[str, str]:
    """Return (the number as checked, the text whose digits are dialled)."""
    if not any(c.isalpha() for c in text):
        return text, text
    match = _VANITY.match(text)
    if match:
        import phonenumbers   # only for a vanity number: `zine --help` never loads it (issue 16)

        keys = phonenumbers.convert_alpha_characters_in_number(match["letters"])
        if keys == match["digits"]:
            return match["head"] + match["digits"], match["head"] + match["digits"]
        raise Refused(f"'{text}': the digits in brackets ({match['digits']}) are not the keys "
                      f"of {match['letters']} ({keys}); a vanity number ends with its letters' "
                      "digits, e.g. \"1-800-273-TALK (8255)\"")
    look = re.search(rf"(?<=[0-9\-])[{_LOOKALIKES}]|[{_LOOKALIKES}](?=[0-9])", text)
    if look:
        raise Refused(f"'{text}' has the letter '{look.group()}' among its digits; write the "
                      "digit it stands for (0, 1, 5 or 8)")
    raise Refused(f"'{text}' has letters; a dial string is the number alone (hours, cost and "
                  "notes have their own fields: hours:, cost:, note:), and a vanity number is "
                  "written with its digits after it, e.g. \"1-800-273-TALK (8255)\"")


def _check_parentheses(number: str) -> None:
    for match in _AREA.finditer(number):
        if not match[1].isdigit() or not re.match(r"[ .\-/]?[0-9]", number[match.end():]):
            raise Refused(f"'{number}': parentheses may only hold an area code before the rest "
                          f"of the number, as in \"(011) 5275-1135\"; '{match[0]}' reads as a "
                          "note or a second number: put notes in 'note:'")
    if number.count("(") != len(_AREA.findall(number)) or number.count(")") != number.count("("):
        raise Refused(f"'{number}': a parenthesis is not closed")


def _shape_problem(text: str, plain: str) -> str:
    if re.search(r"[+*#]", plain[1:]):
        sign = re.search(r"[+*#]", plain[1:]).group()
        return f"'{text}': '{sign}' may only be the first character of a dial string"
    if not re.search(r"[0-9]", plain):
        return f"'{text}' has no digits"
    return (f"'{text}' is not one number: write digit groups with a single space, hyphen, dot "
            "or slash between them")


def parse_keyword(text: str) -> str:
    """Return an SMS keyword, which must be ASCII letters and digits (it is sent as typed)."""
    if _KEYWORD.match(text):
        return text
    bad = next((c for c in text if not ("0" <= c <= "9" or "a" <= c.lower() <= "z")), None)
    if bad is None:
        raise Refused(f"keyword '{text}' must have 1 to 20 letters or digits")
    raise Refused(f"keyword has {_named(bad)}; a keyword is sent as typed: write it with ASCII "
                  "letters A-Z and digits 0-9 only")


def parse_press(text: str) -> str:
    """Return a menu option: 1 to 4 keys, ASCII digits, * or #."""
    if _PRESS.match(text):
        return text
    bad = next((c for c in text if c not in "0123456789*#"), None)
    if bad is not None and len(text) <= 4:
        raise Refused(f"press has {_named(bad)}; write the keys to press with ASCII digits, * "
                      "or #, e.g. \"1\"")
    raise Refused(f"press '{text}' must be the keys to press (1 to 4 of 0-9, * and #), e.g. \"1\"")


def _named(char: str) -> str:
    name = f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"
    # An invisible or combining character between quotes shows as nothing: name it alone.
    return name if unicodedata.category(char)[0] in "CZM" else f"'{char}' ({name})"


# CLDR numbering systems (numberingSystems.xml) whose digits are a Unicode run from a zero.
_ZEROS = {"arab": "ARABIC-INDIC", "arabext": "EXTENDED ARABIC-INDIC", "beng": "BENGALI",
          "deva": "DEVANAGARI", "gujr": "GUJARATI", "guru": "GURMUKHI", "khmr": "KHMER",
          "knda": "KANNADA", "laoo": "LAO", "mlym": "MALAYALAM", "mymr": "MYANMAR",
          "orya": "ORIYA", "tamldec": "TAMIL", "telu": "TELUGU", "thai": "THAI", "tibt": "TIBETAN"}


@lru_cache(maxsize=32)
def reader_digits(locale: Locale) -> str:
    """Return the ten digits of the locale's default numbering system (CLDR), 0-9 for latn."""
    script = _ZEROS.get(locale.default_numbering_system or "latn")
    if script is None:
        return "0123456789"
    zero = ord(unicodedata.lookup(f"{script} DIGIT ZERO"))
    return "".join(chr(zero + n) for n in range(10))
