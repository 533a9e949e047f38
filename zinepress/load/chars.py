"""Characters refused in any text a zine prints: invisible controls and bidi overrides.

Refused, not stripped: silently changing what an author or translator wrote is a fallback, and a
handout whose phone number was reordered on paper is worse than a build that stops.

- C0/C1 control characters (except tab and line feed) print as nothing or as boxes.
- Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a reader see
  characters in another order than they are stored ("Trojan Source", CVE-2021-42574): a phone
  number could print backwards. The layouts already isolate numbers and mixed-direction parts
  themselves (`dir` on elements), so content never needs these.
- The direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C) stay allowed: right-to-left text
  needs them and, being single strong characters, they cannot reverse a run.
- Lone surrogates (from escapes such as "\\ud800") are not characters and cannot be encoded.
"""
from __future__ import annotations

import re

BIDI_CONTROLS = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING", 0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}
# One field of a panel is one page at most: a reader page holds about 2,500 characters and the
# fit check reports anything that runs over; this bound keeps a hostile field from costing minutes
# of layout before that check can say so.
MAX_TEXT_CHARS = 5_000
# Unicode category Cc is U+0000-U+001F and U+007F-U+009F; Cs is U+D800-U+DFFF.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def refused_character(text: str) -> tuple[int, str] | None:
    """Return (index, message) for the first character the text may not contain, or None."""
    found = _REFUSED.search(text)
    return (found.start(), _why(ord(found.group()))) if found else None


def _why(code: int) -> str:
    if code in BIDI_CONTROLS:
        return (f"U+{code:04X} {BIDI_CONTROLS[code]}, a bidi control that can make text (such "
                "as a phone number) show in another order than it is written; remove it")
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X}, half of a UTF-16 surrogate pair, which is not a character; remove it"
    return f"the invisible control character U+{code:04X}; remove it"


def line_offset(text: str, index: int) -> int:
    """Return how many lines into the text the character at `index` is."""
    return text.count("\n", 0, index)
