"""The mini zine's back poster: the region's crisis lines across the whole reverse of the sheet.

The reverse of a folded mini zine is hidden inside it, so it can carry a
full-sheet poster. The poster is printed upright: a printer set to flip on the edge the sheet's
note names prints the back so that it reads upright when the sheet is turned over that edge.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import pikepdf
import weasyprint

from zinepress.crisis import CrisisView, contact_count, crisis_view, trimmed_by
from zinepress.fit.halves import fewest_cuts
from zinepress.job import Job, Options
from zinepress.localize import Localized
from zinepress.model import Panel
from zinepress.project import Project
from zinepress.render.document import render, write_pdf
from zinepress.render.templates import base_context, panel_view, render_template

if TYPE_CHECKING:
    from zinepress.work import Work

TEMPLATE = "back-poster.html"


def wants_back_poster(job: Job, options: Options) -> bool:
    """Tell whether this job prints the poster: the command line decides, else the zine."""
    chosen = job.zine.back_poster if options.back_poster is None else options.back_poster
    return chosen and job.layout.imposition == "minizine"


def back_poster(work: Work) -> tuple[bytes, list[str]] | None:
    """Return the poster as a one-page PDF at sheet size, leaving out lines until it fits.

    It has room of its own: it starts again from every line of the region (work.lines).
    """
    loc, job, project, options, report = (work.loc, work.job, work.project, work.options,
                                          work.report)
    crisis, fetcher = work.lines, work.fetcher
    panel = next((p for p in loc.zine.panels if p.kind == "crisis-lines"), None)
    if panel is None:
        report.error(job.zine.yaml_path, None, "the back poster prints the zine's crisis-lines "
                     "panel, and this zine has none")
        return None
    view = crisis or crisis_view(loc, report, dt.date.today(), options.draft)
    tries: dict[int, tuple[weasyprint.Document, list[str]]] = {}

    def fits(cut: int) -> bool:
        tries[cut] = render(_html(loc, job, panel, trimmed_by(view, cut), project, options),
                            job.zine.folder, fetcher)
        return len(tries[cut][0].pages) == 1
    # Leaving lines out by halves: one layout per halving, not one per line (issue 12).
    cut = 0 if fits(0) else fewest_cuts(contact_count(view) - 1, fits)
    document, warnings = tries[cut]
    if len(document.pages) != 1:
        report.error(job.zine.yaml_path, panel.line, f"panel '{panel.id}' does not fit on "
                     f"the back poster ({job.layout.name}, {job.paper}) even with one line")
        return None
    return write_pdf(document, None), warnings


def _html(loc: Localized, job: Job, panel: Panel, view: CrisisView, project: Project,
          options: Options) -> str:
    paper = job.layout.papers[job.paper]
    context = base_context(loc, job.layout, paper, project.fonts_css, options.draft)
    context.update(panel=panel_view(panel, 1, job.layout.links, False), crisis=view,
                   duplex=options.duplex)
    return render_template(job.layout, TEMPLATE, context)


def add_back(source: pikepdf.Pdf, poster: bytes) -> None:
    """Append the poster page to the rendered pages, for the plan's back side to place."""
    with pikepdf.open(io.BytesIO(poster)) as back:
        source.pages.extend(back.pages)
