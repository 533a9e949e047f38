"""Print production decisions: what each job makes for a home printer or a copy shop.

Pure: no PDF here. The stages that act on these decisions are impose, finish and instructions.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from zinepress.errors import Report
from zinepress.impose.plans import padded
from zinepress.job import Job, Options
from zinepress.model import Layout, Paper

MM = 72 / 25.4
TILE_PAPERS = {"letter": (612.0, 792.0), "a4": (210 * MM, 297 * MM)}
INSTRUCTIONS = "instructions"
NOT_PRINTED = ("single",)          # screen layouts: no bleed, no marks
# Impositions a copy shop gets as single trimmed pages (it imposes them itself, with its own
# creep); the others are one sheet that is the trimmed piece.
PAGE_UNIT = ("booklet", "poster")
MAX_BLEED = 10 * MM
MAX_CALIPER = 1 * MM


def extra(layout: Layout, options: Options) -> str:
    """Return what sets this job's output apart from the plain file: '', 'bleed' or 'tiles-a4'."""
    if options.bleed is not None and layout.imposition not in NOT_PRINTED:
        return "bleed"
    if options.tile and layout.imposition == "poster":
        return f"tiles-{options.tile}"
    return ""


def with_instructions(job: Job) -> list[Job]:
    """Return the job, followed by its instruction sheet when its layout has one."""
    if (job.layout.folder / "instructions.html").is_file():
        return [job, dataclasses.replace(job, extra=INSTRUCTIONS)]
    return [job]


def bleed_pages(job: Job) -> bool:
    """Tell whether the job's pages are rendered with bleed and left unimposed."""
    return job.extra == "bleed" and job.layout.imposition in PAGE_UNIT


def imposes(job: Job) -> bool:
    """Tell whether the job's pages go onto sheets through an imposition plan."""
    return job.layout.imposition not in (*NOT_PRINTED, "poster") and not bleed_pages(job)


def rendered_bleed(job: Job, options: Options) -> float:
    """Return how far the rendered pages extend past their trim: bleed plus room for marks."""
    from zinepress.bleed import ROOM  # the marks' geometry lives with the marks

    return options.bleed + ROOM if bleed_pages(job) and options.bleed is not None else 0.0


def plan_options(layout: Layout, paper: Paper, pages: int, options: Options,
                 direction: str) -> dict[str, Any]:
    """Return the options the layout's imposition plan takes for this build."""
    result: dict[str, Any] = {"direction": direction}
    if layout.duplex:
        result["duplex"] = options.duplex
    if layout.imposition == "booklet" and options.creep:
        # --creep is the paper's thickness; printing.md: the innermost of S sheets sticks out
        # by about (S − 1)·caliper, so that is the largest shift.
        result["creep"] = options.creep * (padded(pages) // 4 - 1)
    if layout.imposition == "trifold":
        # Every page is set at the flap's width; layout.yaml's page width says how much
        # narrower the flap is than the two full panels.
        result["tuck"] = (paper.sheet[0] - 3 * paper.page[0]) / 2
    return result


def check(jobs: list[Job], options: Options, report: Report) -> None:
    """Report print options that no selected job can honour."""
    if options.bleed is not None and not any(j.extra == "bleed" for j in jobs):
        report.error("--bleed", None, "--bleed is for printed layouts, but only screen layouts "
                     "are being built: add -L booklet (or another printed layout)")
    if options.tile and not any(j.extra.startswith("tiles") for j in jobs):
        report.error("--tile", None, "--tile splits a poster across sheets, but no poster is "
                     "being built: add -L poster")
    for job in jobs:
        if job.extra.startswith("tiles"):
            _check_tile(job, options, report)
    booklets = [j for j in jobs if j.layout.imposition == "booklet" and j.extra != INSTRUCTIONS]
    if options.creep and any(bleed_pages(j) for j in booklets):
        report.error("--creep", None, "--creep with --bleed: bleed pages go to a print shop, "
                     "which imposes them and applies its own creep; leave out --creep")
    elif options.creep and not booklets:
        report.error("--creep", None, "--creep moves pages on booklet sheets, but no booklet "
                     "is being built: add -L booklet")


def _check_tile(job: Job, options: Options, report: Report) -> None:
    width, height = job.layout.papers[job.paper].page
    tile_w, tile_h = TILE_PAPERS[options.tile]
    if width * height <= tile_w * tile_h * 1.01:
        report.error("--tile", None, f"the {job.paper} poster is no larger than one "
                     f"{options.tile} sheet: print it at 100 % without --tile")
