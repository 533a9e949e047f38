"""Legibility lint of laid-out pages: text too small, lines too long, images too coarse.

Limits come from each layout's layout.yaml (`min_body_pt`, `min_text_pt`, `max_line_chars`,
`min_image_dpi`). Everything here is a warning: the pages are right, only hard to read.
Contrast is checked with the print checks (issue 5), not here.
"""
from __future__ import annotations

import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.images import RasterImage

from zinepress.errors import Report
from zinepress.fit.measure import PX, base_style, lines, placements, section, text_boxes
from zinepress.job import Job
from zinepress.model import Layout, Panel

CSS_PX_PER_INCH = 96
SHOWN = 40            # characters of a piece of text quoted in a warning


def lint_pages(document: weasyprint.Document, panels: tuple[Panel, ...], job: Job,
               report: Report) -> None:
    """Warn about everything on the pages that is hard to read or print."""
    placed = placements(document, [p.id for p in panels])
    for panel in panels:
        if panel.id not in placed:
            continue
        page = document.pages[placed[panel.id].first]
        # A crisis panel trades size for lines: its contacts are set as small as the layout
        # allows before one is left out, so its line length is not a choice to warn about.
        lengths = [] if panel.kind == "crisis-lines" else _line_lengths(page, panel.id, job.layout)
        problems = _sizes(page, panel.id, job.layout) + lengths + _images(page, panel.id,
                                                                          job.layout)
        for problem in problems:
            report.warning(job.zine.yaml_path, panel.line or None,
                           f"panel '{panel.id}' ({job.variant.name}, layout {job.layout.name} "
                           f"on {job.paper}): {problem}")


def _sizes(page: weasyprint.Page, panel_id: str, layout: Layout) -> list[str]:
    """Return the panel's body text below the layout's minimum, and fine print below its own."""
    found = []
    body = base_style(page, panel_id).size
    if round(body, 1) < layout.min_body_pt:
        found.append(f"its text is {body:.1f} pt, below this layout's smallest legible size, "
                     f"{layout.min_body_pt:g} pt")
    small = [t for t in text_boxes(page, panel_id)
             if round(t.style["font_size"] * PX, 1) < layout.min_text_pt]
    if small:
        tiny = min(small, key=lambda t: t.style["font_size"])
        found.append(f"\"{_shown(tiny.text)}\" is {tiny.style['font_size'] * PX:.1f} pt, below "
                     f"the smallest print this layout allows, {layout.min_text_pt:g} pt")
    return found


def _line_lengths(page: weasyprint.Page, panel_id: str, layout: Layout) -> list[str]:
    """Return the panel's lines when they run over the layout's length on average."""
    if not layout.max_line_chars:
        return []
    found = lines(page, panel_id)
    # A paragraph's last line is as short as it happens to be: count only the full ones.
    full = [len(text) for (element, text), (after, _) in zip(found, found[1:]) if element is after]
    if not full or sum(full) / len(full) <= layout.max_line_chars:
        return []
    return [f"its lines run to {sum(full) / len(full):.0f} characters on average, more than "
            f"about {layout.max_line_chars} is hard to follow: make the text larger or the "
            "margins wider in the layout"]


def _images(page: weasyprint.Page, panel_id: str, layout: Layout) -> list[str]:
    """Return the panel's raster images that print coarser than the layout's minimum dpi."""
    box = section(page, panel_id)
    found = []
    for image in box.descendants(placeholders=True) if box is not None else ():
        if isinstance(image, boxes.ReplacedBox) and isinstance(image.replacement, RasterImage) \
                and image.width > 0:
            inches = image.width / CSS_PX_PER_INCH
            dpi = image.replacement.width / inches
            if dpi < layout.min_image_dpi:
                need = round(layout.min_image_dpi * inches)
                found.append(f"image '{image.element.get('src')}' prints at {dpi:.0f} dpi "
                             f"({image.replacement.width} px across {inches * 25.4:.0f} mm); "
                             f"use one at least {need} px wide for {layout.min_image_dpi:g} dpi")
    return found


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"
