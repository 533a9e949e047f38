"""Finish stage: copy-shop bleed and crop marks, or a poster tiled across home-printer sheets."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import pikepdf

from zinepress.bleed import add_bleed
from zinepress.impose.apply import impose, overlay
from zinepress.impose.tiles import MARGIN, Segment, Tile, Tiling, tile
from zinepress.job import Job
from zinepress.localize import Localized
from zinepress.model import Paper
from zinepress.press import TILE_PAPERS
from zinepress.render.document import render, write_pdf
from zinepress.render.fetch import ConfinedFetcher
from zinepress.render.templates import base_context, render_template

if TYPE_CHECKING:
    from zinepress.work import Work

MM = 72 / 25.4


def finish(work: Work) -> None:
    """Make the output as the job's extra asks: bleed and crop marks, or a poster's tiles."""
    job, options = work.job, work.options
    if job.extra == "bleed" and options.bleed is not None:
        work.data = add_bleed(work.data, options.bleed)
    elif job.extra.startswith("tiles-") and options.tile:
        work.data, work.sheets, more = tile_poster(work.data, work.loc, job,
                                                   work.project.fonts_css, work.fetcher,
                                                   options.tile, options.draft)
        work.warnings += more


def tile_poster(data: bytes, loc: Localized, job: Job, fonts_css: str, fetcher: ConfinedFetcher,
                paper_name: str, draft: bool) -> tuple[bytes, int, list[str]]:
    """Return the poster split across sheets of paper_name, with cut and alignment marks."""
    tiling = tile(job.layout.papers[job.paper].page, TILE_PAPERS[paper_name])
    with pikepdf.open(io.BytesIO(data)) as source:
        sheets = impose(source, tiling.plan)
        warnings = _marks(sheets, tiling, loc, job, fonts_css, fetcher, paper_name, draft)
        sheets.Root.Lang = pikepdf.String(loc.lang)
        with sheets.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = loc.zine.title
            meta["dc:language"] = [loc.lang]
        buffer = io.BytesIO()
        sheets.save(buffer, deterministic_id=True)
    return buffer.getvalue(), len(tiling.tiles), warnings


def _marks(sheets: pikepdf.Pdf, tiling: Tiling, loc: Localized, job: Job, fonts_css: str,
           fetcher: ConfinedFetcher, paper_name: str, draft: bool) -> list[str]:
    """Draw the layout's tile marks over every tile; return WeasyPrint's warnings."""
    size = (tiling.plan.width, tiling.plan.height)
    context = base_context(loc, job.layout, Paper(paper_name, size, size), fonts_css, draft)
    context.update(rows=tiling.rows, columns=tiling.columns, margin=MARGIN,
                   overlap_mm=f"{tiling.overlap / MM:.0f}",
                   tiles=[_tile_view(t, size[1]) for t in tiling.tiles])
    html = render_template(job.layout, job.layout.marks or "tiles.html", context)
    document, warnings = render(html, job.layout.folder, fetcher)
    with pikepdf.open(io.BytesIO(write_pdf(document, None))) as marks:
        overlay(sheets, marks)
    return warnings


def _tile_view(t: Tile, height: float) -> dict[str, Any]:
    """Return what the marks template needs of a tile, in CSS terms (from the top-left)."""
    return {"row": t.row, "column": t.column, "label_left": t.label[0], "label_bottom": t.label[1],
            "cuts": [_css(s, height) for s in t.cuts],
            "aligns": [_css(s, height) for s in t.aligns]}


def _css(segment: Segment, height: float) -> dict[str, Any]:
    """Return a vertical or horizontal segment as a positioned box."""
    x0, y0, x1, y1 = segment
    return {"dir": "v" if x0 == x1 else "h", "left": min(x0, x1), "top": height - max(y0, y1),
            "width": abs(x1 - x0), "height": abs(y1 - y0)}
