"""What a translator needs beside each string: which editions print it and how long it may be.

These become the entry's `#.` comment, so Poedit and Weblate show them. They come from the
zine's `layouts:` and `editions:` only, never from line numbers, so moving lines changes nothing.
"""
from __future__ import annotations

from zinepress.model import Zine

# About how many words one page of a layout holds at its usual size (the mini zine's pocket
# pages: about 70, as the seed zine's pocket edition was written; the others measured on it).
PAGE_WORDS = {"minizine": 70, "trifold": 90, "cards": 35, "booklet": 190, "reader": 190}
# The zine's own texts are printed on its cover and back cover (localize.ZINE_TEXT_PANELS).
ZINE_TEXT_KINDS = ("cover", "back-cover")
# Fields that fill a page; a heading or a title only needs to stay short.
LONG_FIELDS = ("body", "items")


def printed_in(zine: Zine, panel_ids: set[str]) -> list[tuple[str, str]]:
    """Return (layout, edition) for each layout whose edition prints one of these panels."""
    return [(layout, edition) for layout, edition in zine.layouts.items()
            if panel_ids & set(zine.editions.get(edition, ()))]


def edition_note(zine: Zine, panel_ids: set[str], msgid: str, field: str = "body") -> str:
    """Return the note on where a string is printed and about how long it may be."""
    places = printed_in(zine, panel_ids)
    if not places:
        return "Printed in no edition of the zine's layouts at present."
    editions: dict[str, list[str]] = {}
    for layout, edition in places:
        editions.setdefault(edition, []).append(layout)
    where = "; ".join(f"the {edition} edition ({', '.join(layouts)})"
                      for edition, layouts in editions.items())
    words = len(msgid.split())
    length = f"The English has {words} word{'s' if words != 1 else ''}"
    if field in LONG_FIELDS and any(layout in PAGE_WORDS for layout, _ in places):
        smallest = _smallest(places)
        length += (f"; a page of the {smallest} holds about {PAGE_WORDS[smallest]} words, "
                   "heading included")
    return f"Printed in {where}. {length}: keep about the same length."


def _smallest(places: list[tuple[str, str]]) -> str:
    known = [layout for layout, _ in places if layout in PAGE_WORDS]
    return min(known, key=lambda layout: PAGE_WORDS[layout])


def zine_text_panels(zine: Zine) -> set[str]:
    """Return the panels that print the zine's own texts (title, credits …)."""
    return {p.id for p in zine.panels if p.kind in ZINE_TEXT_KINDS}
