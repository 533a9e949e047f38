"""Mixed directions in one page: source-language fallbacks, numbers and names inside RTL text.

WeasyPrint lays out `dir` correctly, but a phone number inside Arabic text comes out reversed
unless wrapped in an element with dir="ltr" (tried: <bdi> and dir=auto do not
help). Text printed in the source language keeps that language's `lang` (hyphenation) and `dir`.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from markupsafe import Markup, escape

from zinepress.localize import Localized, direction
from zinepress.model import Panel

# A phone number or another run of digits with spaces, dots, dashes or brackets inside it.
NUMBER_RE = re.compile(r"\+?\(?\d[\d\s().\-–/]*\d\)?")
TAG_RE = re.compile(r"(<[^>]*>)")
NBSP = "\u00a0"
INLINE = ("title", "subtitle", "heading", "attribution", "caption")


def localize_view(view: dict[str, Any], panel: Panel, loc: Localized) -> dict[str, Any]:
    """Return a panel's template view with fallback fields marked and numbers kept LTR."""
    fallback = {k.split(".", 1)[1] for k in loc.fallbacks
                if k.startswith(f"{panel.id}.")}
    source = loc.zine.language
    rtl = loc.direction == "rtl"
    for name in (*INLINE, "body"):
        if view.get(name):
            html = ltr_numbers(view[name]) if rtl else view[name]
            view[name] = in_language(html, source, "div" if name == "body" else "span") \
                if name in fallback and source != loc.lang else Markup(html)
    view["items"] = [in_language(html, source, "span")
                     if f"items.{i}" in fallback and source != loc.lang
                     else Markup(ltr_numbers(html) if rtl else html)
                     for i, html in enumerate(view.get("items", []))]
    return view


def in_language(html: str, lang: str, tag: str) -> Markup:
    """Wrap HTML in an element that says its language and direction."""
    # The language is checked at load (a BCP 47 code); escaped here too, as in every attribute.
    return Markup(f'<{tag} lang="{escape(lang)}" dir="{direction(lang)}">{html}</{tag}>')


def ltr_numbers(html: str) -> str:
    """Wrap every number with inner spaces or punctuation in dir="ltr", outside HTML tags."""
    parts = TAG_RE.split(str(html))
    return "".join(part if part.startswith("<") else NUMBER_RE.sub(_wrap, part)
                   for part in parts)


def _wrap(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.isdigit():
        return text          # a plain run of digits already reads left to right
    # No-break spaces: the number stays whole, and PDF readers copy it in order.
    return f'<span dir="ltr">{text.replace(" ", NBSP)}</span>'


def isolate(text: str) -> Markup:
    """Return text in an element with the direction of its first strong character."""
    direction = direction_of(text)
    if direction:
        return Markup(f'<span dir="{direction}">{escape(text)}</span>')
    return Markup(escape(text))


def direction_of(text: str) -> str:
    """Return 'ltr' or 'rtl' from text's first strong character, or '' when it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return ""
