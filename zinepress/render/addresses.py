"""Web and e-mail addresses, phone numbers and keywords as printed: never hyphenated, never split.

A reader types what the paper shows: "fin-/dahelpline.com" or "988life-/line.org" sends them
nowhere (issue 15). So an address is set in a span that the stylesheets keep unhyphenated, its
host name (or e-mail address) cannot break at all, and a long path may break only after a `/`,
through a <wbr> that adds no hyphen. Everything is escaped here: the text is data, not HTML.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

SCHEME = re.compile(r"^https?://", re.IGNORECASE)
# A host name with a dot and a top-level domain of letters, an optional path after it; or an
# e-mail address. Used to find addresses inside translated sentences.
FOUND = re.compile(r"(?<![\w@./-])((?:[\w-]+\.)+[a-z]{2,}(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?])?"
                   r"|[\w.+-]+@(?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)
TAG = re.compile(r"(<[^>]*>)")


def address(value: str | None) -> Markup:
    """Return a URL or e-mail address as unbreakable HTML, breakable only after each `/`."""
    text = SCHEME.sub("", str(value or ""))
    host, slash, path = text.partition("/")
    html = f'<span class="nobreak">{escape(host)}</span>'
    if slash:
        # A break after a slash keeps the host whole and reads as the same address.
        html += "".join(f"/<wbr>{escape(part)}" for part in path.split("/"))
    return Markup(f'<span class="address" dir="ltr">{html}</span>')


def keyword(value: str | None) -> Markup:
    """Return a keyword to text as one unbreakable, unhyphenated word."""
    return Markup(f'<span class="address nobreak" dir="ltr">{escape(value or "")}</span>')


def addresses(html: Markup | str) -> Markup:
    """Return translated HTML with each address in its text (not its tags) made unbreakable."""
    pieces = TAG.split(str(html if isinstance(html, Markup) else escape(html)))
    for i in range(0, len(pieces), 2):      # even pieces are text between tags
        pieces[i] = FOUND.sub(lambda m: str(address(m.group(1))), pieces[i])
    return Markup("".join(pieces))
