"""Instruction sheets: how to print, fold and cut a layout, in the reader's language.

The diagram of the printed sheet is drawn from the same imposition plan as the zine itself, so
it shows the page numbers where they really are (turned, mirrored for right-to-left, narrower).
"""
from __future__ import annotations

import math
from typing import Any

from zinepress.errors import Report
from zinepress.impose.plans import Plan, make_plan
from zinepress.job import Job, Options
from zinepress.localize import localize, paper_word
from zinepress.model import Paper
from zinepress.poster import wants_back_poster
from zinepress.press import plan_options
from zinepress.project import Project
from zinepress.render.document import laid_once
from zinepress.render.templates import base_context, render_template
from zinepress.write import Output

MM = 72 / 25.4
TEMPLATE = "instructions.html"
# Two-sided layouts show both sides next to each other.
DIAGRAM_WIDTH = {"minizine": 95 * MM, "trifold": 84 * MM, "booklet": 84 * MM, "cards": 110 * MM}


def instruction_output(project: Project, job: Job, options: Options,
                       report: Report) -> Output | None:
    """Return the instruction sheet of one job's layout, paper and language."""
    html = instruction_html(project, job, options, report)
    data, pages, warnings = laid_once(html, job.layout.folder, project.fetcher())
    for message in warnings:
        if ".notdef" in message or "glyph" in message.lower():
            report.error(job.layout.folder / TEMPLATE, None, f"{job.label}: a character has no "
                         f"glyph in the bundled fonts ({message})")
            return None
    return Output(job.zine.slug, job.edition, job.variant.lang, job.variant.region,
                  job.layout.name, job.paper, job.path, data, pages, math.ceil(pages / 2), (),
                  sides=2 if pages == 2 * math.ceil(pages / 2) else 1)


def instruction_html(project: Project, job: Job, options: Options, report: Report) -> str:
    """Return the HTML of the instruction sheet: the layout's steps around the plan's diagram."""
    catalog = project.translations(job.zine, job.variant.lang, report)
    loc = localize(job.zine, job.variant, project.regions[job.variant.region],
                   catalog.translated, project.words(job.variant.lang, report).translated,
                   catalog.fuzzy, catalog.sources)
    paper = job.layout.papers[job.paper]
    pages = page_count(job)
    extras = plan_options(job.layout, paper, pages, options, loc.direction)
    plan = make_plan(job.layout.imposition, pages, *paper.sheet, **extras)
    portrait = (min(paper.sheet), max(paper.sheet))
    context = base_context(loc, job.layout, Paper(job.paper, portrait, portrait),
                           project.fonts_css, options.draft)
    context.update(sheet=diagram(plan, DIAGRAM_WIDTH.get(job.layout.imposition, 100 * MM)),
                   pages=pages, duplex=options.duplex, tuck_mm=f"{extras.get('tuck', 0) / MM:.1f}",
                   paper_name=paper_word(loc.words, job.paper),
                   file=f"{job.layout.name}-{job.paper}.pdf",
                   back_poster=bool(wants_back_poster(job, options)))
    return render_template(job.layout, TEMPLATE, context)


def page_count(job: Job) -> int:
    """Return how many pages the job's zine has once padded for its layout."""
    if job.layout.pages:
        return job.layout.pages
    count = len(job.zine.editions[job.edition])
    return count + -count % job.layout.multiple


def diagram(plan: Plan, width: float) -> dict[str, Any]:
    """Return each sheet side of the plan scaled to `width` pt, from the top-left, for SVG."""
    scale = width / plan.width
    height = plan.height * scale
    sides = []
    for side in plan.sides[:2]:
        slots = [{"page": s.page, "x": s.x * scale, "y": height - (s.y + s.height) * scale,
                  "width": s.width * scale, "height": s.height * scale,
                  "right": (s.x + s.width) * scale, "bottom": height - s.y * scale,
                  "cx": (s.x + s.width / 2) * scale, "cy": height - (s.y + s.height / 2) * scale,
                  "turned": s.rotation == 180} for s in side.slots]
        xs = sorted({round(v, 3) for s in side.slots for v in (s.x, s.x + s.width)})
        ys = sorted({round(v, 3) for s in side.slots for v in (s.y, s.y + s.height)})
        sides.append({"face": side.face, "slots": slots,
                      "folds_x": [x * scale for x in xs[1:-1]],
                      "folds_y": [height - y * scale for y in ys[1:-1]]})
    return {"width": width, "height": height, "sides": sides}
