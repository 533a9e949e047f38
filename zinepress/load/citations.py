"""Read a verification's `sources:` list: the publishers behind a `corroborated` line.

Each entry is one page someone read: its address, the date the page itself shows, and a quote from
it that contains the dial string. Whether the list is enough to print the line is decided by
zinepress/corroboration.py once the whole region is loaded.
"""
from __future__ import annotations

import datetime as dt

from zinepress.load.fields import Fields
from zinepress.model import Citation

CITATION_KEYS = ("url", "published", "quote")


def read_citations(owner: Fields, required: bool) -> tuple[Citation, ...]:
    """Return the `sources:` entries of a verification mapping, reporting malformed ones."""
    items = owner.items("sources", required=required)
    citations = []
    for index, raw in enumerate(items):
        line = items.line_of(index)
        if not isinstance(raw, dict):
            owner.report.error(owner.path, line, f"{owner.where}a source must be a mapping with "
                               "'url', 'published' and 'quote'")
            continue
        f = Fields(raw, owner.path, owner.report, owner.where.rstrip(": "))
        f.unknown(CITATION_KEYS)
        url, quote = f.text("url", required=True), f.text("quote", required=True)
        if url and not url.startswith(("https://", "http://")):
            f.error("url", f"a source's url must be a page's address ({url!r})")
            url = None
        published = f.get("published", dt.date)
        if url and quote:
            citations.append(Citation(url, published, quote, f.line or line))
    return tuple(citations)
