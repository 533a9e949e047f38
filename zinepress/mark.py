"""Mark stage: fold and cut guides, printing notes and the DRAFT stamp, drawn over each sheet."""
from __future__ import annotations

import io

import pikepdf

from zinepress.impose.apply import overlay
from zinepress.impose.plans import Plan, Slot
from zinepress.localize import Localized
from zinepress.model import Layout, Paper
from zinepress.render.document import laid_once
from zinepress.render.fetch import ConfinedFetcher
from zinepress.render.templates import marks_html


def add_marks(sheets: pikepdf.Pdf, plan: Plan, loc: Localized, layout: Layout, paper: Paper,
              fonts_css: str, fetcher: ConfinedFetcher, draft: bool, duplex: str) -> list[str]:
    """Draw the layout's marks template over every sheet side; return WeasyPrint's warnings."""
    if not layout.marks:
        return []
    sides = [{"sheet": s.sheet, "face": s.face, "sheets": plan.sheets,
              "turned": any(slot.rotation == 180 for slot in s.slots) and s.face == "back",
              "slots": [_box(slot, plan.height) for slot in s.slots]}
             for s in plan.sides]
    html = marks_html(loc, layout, paper, sides, fonts_css, draft, duplex)
    data, _, warnings = laid_once(html, layout.folder, fetcher)
    with pikepdf.open(io.BytesIO(data)) as marks:
        overlay(sheets, marks)
    return warnings


def _box(slot: Slot, height: float) -> dict[str, float]:
    """Return a slot's edges in CSS terms (pt from the top-left corner), for drawing marks."""
    left, top = round(slot.x, 3), round(height - slot.y - slot.height, 3)
    return {"left": left, "top": top, "right": round(slot.x + slot.width, 3),
            "bottom": round(height - slot.y, 3), "width": slot.width, "height": slot.height}
