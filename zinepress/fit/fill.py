"""How full each text panel's page is: the height of its text block over its page's text area.

A text block runs from the top of its first line to the foot of its last line (images count as
lines); the text area is the page's content box, inside the margins. Covers, back covers, notes
and sources pages are laid out by the theme, not filled, so they are not measured.
"""
from __future__ import annotations

from dataclasses import dataclass

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.fit.measure import PX, panel_starts, section

FILLED_KINDS = ("text", "list", "quote", "image", "crisis-lines")


@dataclass(frozen=True)
class Fill:
    """One panel's text block on its page."""

    panel_id: str
    ratio: float          # text block height / text area height
    size: float           # body text size in pt


def fills(document: weasyprint.Document, panels: dict[str, str]) -> list[Fill]:
    """Return the fill of each panel of `panels` ({id: kind}) whose kind is filled."""
    result = []
    for panel_id, index in panel_starts(document).items():
        if panels.get(panel_id) not in FILLED_KINDS:
            continue
        page = document.pages[index]
        box = section(page, panel_id)
        top, bottom = text_extent(box)
        result.append(Fill(panel_id, (bottom - top) / page._page_box.height,
                           round(box.style["font_size"] * PX, 2)))
    return result


def text_extent(box: boxes.Box | None) -> tuple[float, float]:
    """Return the top of a section's first line and the foot of its last, in CSS px."""
    found = [(b.position_y, b.position_y + b.margin_height())
             for b in (box.descendants(placeholders=True) if box is not None else ())
             if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))]
    if not found:
        return 0.0, 0.0
    return min(t for t, _ in found), max(b for _, b in found)
