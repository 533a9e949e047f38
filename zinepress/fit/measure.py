"""Read WeasyPrint's layout tree: where each panel starts, how much height it needs, what spills."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.fit.steps import Style

PX = 0.75                    # CSS px to pt
WIDTH_SLACK = 1.0            # px: rounding in WeasyPrint's text widths, not ink off the page
HYPHENS = "\u2010\u00ad-"    # what a line broken inside a word may end with
# A sentence ends at . ! ? … (and their CJK, Arabic and Urdu forms), maybe followed by a quote.
SENTENCE_END = re.compile(r"(?:(?<=[.!?…。！？؟۔])|(?<=[.!?…。！？؟۔][\"”’»)\]]))\s+")
ENDS_SENTENCE = re.compile(r"[.!?…。！？؟۔][\"”’»)\]]?$")


@dataclass(frozen=True)
class Measure:
    """How one panel sits on the page(s) it takes."""

    first: int            # index of its first page
    pages: int            # how many pages it takes: 1 when it fits
    needed: float         # pt of height its content needs
    available: float      # pt of height one page has for it

    @property
    def fits(self) -> bool:
        return self.pages == 1


@dataclass(frozen=True)
class Spill:
    """What does not fit: counted on the pages after the panel's own."""

    lines: int
    words: int
    last_sentence: str | None      # the last whole sentence on the panel's own page


def placements(document: weasyprint.Document, ids: list[str]) -> dict[str, Measure]:
    """Return how each panel of `ids` sits on the document's pages."""
    starts = panel_starts(document)
    order = sorted(starts.items(), key=lambda item: item[1])
    ends = [start for _, start in order[1:]] + [len(document.pages)]
    result = {}
    for (panel_id, first), end in zip(order, ends):
        if panel_id in ids:
            pages = document.pages[first:end]
            result[panel_id] = Measure(first, len(pages),
                                       sum(used_height(p, panel_id) for p in pages),
                                       pages[0]._page_box.height * PX)
    return result


def panel_starts(document: weasyprint.Document) -> dict[str, int]:
    """Return the index of the page on which each panel starts."""
    starts: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("panel-"):
                starts.setdefault(anchor[6:], index)
    return starts


def used_height(page: weasyprint.Page, panel_id: str) -> float:
    """Return the pt from the top of the page's content area to the foot of the panel's last line."""
    top = page._page_box.content_box_y()
    box = section(page, panel_id)
    # Only the section's own boxes: the page's margin boxes (page numbers) have lines too.
    bottom = max((b.position_y + b.margin_height() for b in box.descendants(placeholders=True)
                  if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))), default=top) \
        if box is not None else top
    return (bottom - top) * PX


def section(page: weasyprint.Page, panel_id: str) -> boxes.Box | None:
    """Return the box of a panel's section on one page."""
    for box in page._page_box.descendants(placeholders=True):
        if box.element is not None and box.element_tag == "section" \
                and box.element.get("id") == f"panel-{panel_id}":
            return box
    return None


def too_wide(page: weasyprint.Page, panel_id: str) -> tuple[float, str] | None:
    """Return how far (pt) the panel's widest text or image runs past its sides, and its text.

    A word (or URL) longer than the panel is wide cannot break and runs off the page sideways:
    the height-based fit never sees it (issue 12).
    """
    box = section(page, panel_id)
    if box is None:
        return None
    left, right = box.content_box_x(), box.content_box_x() + box.width
    worst: tuple[float, str] | None = None
    for part in box.descendants(placeholders=True):
        # A list's bullet hangs outside its text by design (list-style-position: outside).
        if isinstance(part, (boxes.TextBox, boxes.ReplacedBox)) \
                and not part.element_tag.endswith("::marker"):
            over = max(part.position_x + part.margin_width() - right, left - part.position_x)
            if over > WIDTH_SLACK and (worst is None or over * PX > worst[0]):
                worst = (over * PX, part.text.strip() if isinstance(part, boxes.TextBox)
                         else "an image")
    return worst


def base_style(page: weasyprint.Page, panel_id: str) -> Style:
    """Return the body text size and line spacing a panel was laid out with."""
    box = section(page, panel_id)
    spacing = box.style["line_height"]
    return Style(round(box.style["font_size"] * PX, 2),
                 round(spacing, 3) if isinstance(spacing, (int, float)) else None)


def text_boxes(page: weasyprint.Page, panel_id: str) -> Iterator[boxes.TextBox]:
    """Yield the text of a panel on one page, leaving out the DRAFT flag (not for readers)."""
    box = section(page, panel_id)
    for text in box.descendants(placeholders=True) if box is not None else ():
        if isinstance(text, boxes.TextBox) and text.text.strip() \
                and "draft-flag" not in (text.element.get("class") or ""):
            yield text


def smallest_text(pages: list[weasyprint.Page], panel_id: str) -> float | None:
    """Return the size in pt of the smallest text in a panel."""
    sizes = [t.style["font_size"] * PX for p in pages for t in text_boxes(p, panel_id)]
    return round(min(sizes), 2) if sizes else None


def lines(page: weasyprint.Page, panel_id: str) -> list[tuple[object, str]]:
    """Return a panel's lines on one page as (block element, text), top to bottom."""
    box = section(page, panel_id)
    found = []
    for line in box.descendants(placeholders=True) if box is not None else ():
        if isinstance(line, boxes.LineBox):
            text = "".join(t.text for t in line.descendants(placeholders=True) if isinstance(t, boxes.TextBox))
            if text.strip():
                found.append((line.element, text.strip()))
    return found


def spill(document: weasyprint.Document, where: Measure, panel_id: str) -> Spill:
    """Return how much of a panel runs past its page and its last sentence that fits."""
    extra = [line for p in document.pages[where.first + 1:where.first + where.pages]
             for line in lines(p, panel_id)]
    own = lines(document.pages[where.first], panel_id)
    continued = bool(extra and own) and extra[0][0] is own[-1][0]
    return Spill(len(extra), sum(len(text.split()) for _, text in extra),
                 last_sentence(own, continued))


def last_sentence(own: list[tuple[object, str]], continued: bool) -> str | None:
    """Return the last whole sentence (or heading, or list item) among a page's lines."""
    blocks = _blocks(own)
    for index in range(len(blocks) - 1, -1, -1):
        sentences = SENTENCE_END.split(blocks[index])
        if index == len(blocks) - 1 and continued and not ENDS_SENTENCE.search(blocks[index]):
            sentences = sentences[:-1]   # the paragraph goes on past the page, mid-sentence
        if sentences and sentences[-1].strip():
            return sentences[-1].strip()
    return None


def _blocks(own: list[tuple[object, str]]) -> list[str]:
    """Join lines into the paragraphs, headings and items they belong to."""
    blocks: list[str] = []
    previous = None
    for element, text in own:
        if blocks and element is previous:
            broken = blocks[-1][-1] in HYPHENS and blocks[-1][-2:-1].isalpha()
            blocks[-1] = blocks[-1][:-1] + text if broken and blocks[-1][-1] != "-" \
                else blocks[-1] + ("" if broken else " ") + text
        else:
            blocks.append(text)
        previous = element
    return blocks
