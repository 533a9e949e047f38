"""Impose stage: the pages written as PDF and, for folded layouts, put on sheets with their marks."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pikepdf

from zinepress.impose.apply import impose
from zinepress.impose.plans import make_plan, with_back
from zinepress.localize import Localized
from zinepress.mark import add_marks
from zinepress.poster import add_back, back_poster, wants_back_poster
from zinepress.press import imposes, plan_options
from zinepress.render.document import write_pdf

if TYPE_CHECKING:
    from zinepress.work import Work


def impose_stage(work: Work) -> None:
    """Write the pages as PDF; put a folded layout's pages on sheets, with the back poster."""
    job = work.job
    work.data = write_pdf(work.document, job.layout.pdf_variant)
    if not imposes(job):
        return
    # The poster on the back has room of its own: it starts again from every line.
    poster = back_poster(work) if wants_back_poster(job, work.options) else None
    work.data, work.sheets, more = _sheets(work, poster[0] if poster else None)
    work.warnings += more + (poster[1] if poster else [])


def _sheets(work: Work, back: bytes | None) -> tuple[bytes, int, list[str]]:
    """Return the imposed sheets with their marks, their count, and rendering warnings."""
    job, options, loc = work.job, work.options, work.loc
    paper = job.layout.papers[job.paper]
    plan = make_plan(job.layout.imposition, work.pages, *paper.sheet,
                     **plan_options(job.layout, paper, work.pages, options, loc.direction))
    with pikepdf.open(io.BytesIO(work.data)) as source:
        if back is not None:  # a full-sheet page on the reverse (poster.py)
            add_back(source, back)
            plan = with_back(plan, work.pages + 1)
        sheets = impose(source, plan)
        work.sides = 2 if len(sheets.pages) == 2 * plan.sheets else 1
        warnings = add_marks(sheets, plan, loc, job.layout, paper, work.project.fonts_css,
                             work.fetcher, options.draft, options.duplex)
        _set_metadata(sheets, loc)
        buffer = io.BytesIO()
        sheets.save(buffer, deterministic_id=True)
    return buffer.getvalue(), plan.sheets, warnings


def _set_metadata(pdf: pikepdf.Pdf, loc: Localized) -> None:
    pdf.Root.Lang = pikepdf.String(loc.lang)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = loc.zine.title
        meta["dc:language"] = [loc.lang]
