"""Tries: other versions of some panels, laid out after the zine's pages in the same layout.

One layout then answers several questions at once: how many crisis contacts fit on their panel,
and whether a grown panel fits at its planned size or needs its smaller fallback. That is how a
mini zine is fitted in two layouts instead of one per guess (issue 16). A try is a section like
the panel's own, with the same classes, folio and id, after a marker section (`panel-~tries`);
its page can stand in for the panel's own page when nothing on a page depends on where the page
is in the document (`movable`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import weasyprint

from zinepress.crisis import CrisisView
from zinepress.fit.measure import PX, Measure, panel_starts, used_height

MARKER = "~tries"        # the id (after 'panel-') of the section that starts the tries' pages
# What makes a page's look depend on its place: left/right or numbered page rules, page counters.
PLACED = re.compile(r":(?:left|right|blank|nth)\b|counter\(\s*pages?\s*\)|\b(?:recto|verso)\b")
FIRST = re.compile(r":first(?![\w-])")


@dataclass(frozen=True)
class Try:
    """One version of a panel to measure: its inline style and, for crisis lines, their view."""

    key: str                          # unique in one layout: names its section (data-try)
    panel_id: str
    css: str = ""
    crisis: CrisisView | None = None


def movable(html: str) -> Callable[[int], bool]:
    """Return whether a page laid out elsewhere in this HTML may stand in for page N (from 0)."""
    if PLACED.search(html):
        return lambda index: False
    first = FIRST.search(html) is not None     # `@page :first` styles only the first page
    return lambda index: index > 0 or not first


def zine_pages(document: weasyprint.Document) -> weasyprint.Document:
    """Return the document without the tries' pages."""
    end = panel_starts(document).get(MARKER)
    return document if end is None else document.copy(document.pages[:end])


def measured(document: weasyprint.Document, tries: list[Try]) -> dict[str, Measure]:
    """Return how each try sits on the pages after the marker, by its key."""
    starts: dict[str, int] = {}
    for index in range(panel_starts(document).get(MARKER, len(document.pages)),
                       len(document.pages)):
        for box in document.pages[index]._page_box.descendants():
            key = box.element.get("data-try") if box.element is not None else None
            if key is not None and box.element_tag == "section":
                starts.setdefault(key, index)
                break
    ends = sorted(starts.values()) + [len(document.pages)]
    result = {}
    for attempt in tries:
        first = starts.get(attempt.key)
        if first is None:
            continue
        end = next(e for e in ends if e > first)
        pages = document.pages[first:end]
        result[attempt.key] = Measure(first, len(pages),
                                      sum(used_height(p, attempt.panel_id) for p in pages),
                                      pages[0]._page_box.height * PX)
    return result
