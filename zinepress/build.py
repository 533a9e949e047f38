"""The build, as the pipeline reads: load the project and choose the jobs; for each job,
localize → render → fit → check → impose (with marks) → finish, one Work passed along
(work.py); then write every output at once, or none."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from zinepress.batch import Progress, run_batch
from zinepress.errors import Report, ZineError
from zinepress.jobs import Job, Options, select_jobs
from zinepress.model import Panel
from zinepress.press import INSTRUCTIONS
from zinepress.project import Project, load_project
from zinepress.render.deadline import run_limited
from zinepress.work import Work
from zinepress.write import Output, Stage, write_outputs

# The stages import WeasyPrint, pikepdf and the like; each function below imports the stages it
# runs, so that `zine --help` and a build with nothing to do start without them (issue 16).
if TYPE_CHECKING:
    from zinepress.localize import Localized
    from zinepress.render.fetch import ConfinedFetcher

log = logging.getLogger(__name__)


def build(root: Path, options: Options, progress: Progress | None = None,
          write: bool = True) -> tuple[list[Output], Report]:
    """Build every job the options select that changed; write only when all succeeded."""
    report = Report()
    root = root.resolve()
    project = load_project(root, report, options.slugs)
    report.raise_if_failed(options.strict)
    jobs = select_jobs(project.zines, project.layouts, project.regions, options, report,
                       project.themes)
    report.raise_if_failed(options.strict)
    out = options.out or root / "build"
    # Unchanged outputs are kept in `out`, marked built=False; the rest built in worker processes
    # and, when writing, staged in temporary files until every one is made.
    stage = Stage(out) if write else None
    try:
        outputs = run_batch(project, jobs, options, out, report, limited_job, progress, stage,
                            partial(same_sheet, project, options))
        report.raise_if_failed(options.strict)
        if write:
            outputs = write_outputs(outputs, out, root, stage)
    finally:
        if stage is not None:
            stage.discard()
    return outputs, report


def limited_job(project: Project, job: Job, options: Options, report: Report) -> Output | None:
    """Return build_job's output, or None after reporting that it ran out of time."""
    return run_limited(partial(build_job, project, job, options, report), job.zine.yaml_path,
                       job.label, report)


def same_sheet(project: Project, options: Options, job: Job) -> str | None:
    """Return what an instruction sheet's bytes come from, the same for the same sheet in
    another region; None for other jobs (run_batch builds each sheet once, issue 16)."""
    from zinepress.instructions import instruction_html
    if job.extra != INSTRUCTIONS:
        return None
    try:
        html = instruction_html(project, job, options, Report())
    except ZineError:
        return None          # built on its own, which reports the problem
    return hashlib.sha256(f"{job.layout.folder}\0{html}".encode()).hexdigest()


def build_job(project: Project, job: Job, options: Options, report: Report) -> Output | None:
    """Return one output file's bytes, or None after reporting why it cannot be made."""
    from zinepress.instructions import instruction_output
    if job.extra == INSTRUCTIONS:
        return instruction_output(project, job, options, report)
    work = lay_out(project, job, options, report)
    if work is None:
        return None
    from zinepress.impose.stage import impose_stage
    for stage in (check_stage, impose_stage, finish_stage):   # each reports all it finds
        stage(work)
    if work.failed:
        return None
    return Output(job.zine.slug, job.edition, job.variant.lang, job.variant.region,
                  job.layout.name, job.paper, job.path, work.data, work.pages, work.sheets,
                  tuple(str(w) for w in report.warnings[work.warned:]), sides=work.sides)


def lay_out(project: Project, job: Job, options: Options, report: Report) -> Work | None:
    """Return a job's pages localized, rendered and fitted, or None after reporting why not."""
    work = Work(project, job, options, report)
    for stage in (localize_stage, render_stage, fit_stage):
        stage(work)
        if work.failed:
            return None
    return work


def localize_stage(work: Work) -> None:
    """Put the zine in the job's language and region: its panels, crisis lines, theme, fetcher."""
    from zinepress.crisis import crisis_view
    from zinepress.i18n.checks import check_language
    project, job, options, report = work.project, work.job, work.options, work.report
    loc = localize_job(project, job, options, report)
    panels = pad(loc, job, report)
    if panels is None:
        return
    needs_crisis = any(p.kind == "crisis-lines" for p in panels)
    crisis = crisis_view(loc, report, dt.date.today(), options.draft) if needs_crisis else None
    work.loc = check_language(project, job, loc, panels, crisis, options.draft, report)
    work.panels, work.lines, work.crisis = panels, crisis, crisis
    work.theme = project.themes.get(job.theme)
    if work.theme is None:
        if job.theme != options.theme:        # an unknown --theme is reported with the options
            report.error(job.zine.yaml_path, None, f"no theme '{job.theme}' (zine list themes)")
        work.stopped = True
        return
    work.fetcher = project.fetcher(job.zine, work.theme)


def render_stage(work: Work) -> None:
    """Lay the pages out once, every panel at its layout's size, every crisis line in."""
    from zinepress.fit.tries import movable
    html = work.html()
    work.movable = movable(html)
    work.document = work.render(html)


def fit_stage(work: Work) -> None:
    """Fit every panel on its page: crisis lines cut to what fits, text shrunk or grown."""
    from zinepress.fit import fit_pages
    from zinepress.fit.crisis import CrisisCut
    cut = CrisisCut.needed(work)
    document = fit_pages(work, cut)
    if document is not None:
        work.document = document
        work.pages = work.sheets = len(document.pages)


def check_stage(work: Work) -> None:
    """Check the pages' contrast and legibility."""
    from zinepress.contrast import check_contrast
    from zinepress.lint import lint_pages
    check_contrast(work.document, work.job, work.report)
    lint_pages(work.document, work.panels, work.job, work.report)


def finish_stage(work: Work) -> None:
    """Add copy-shop bleed or tile a poster, as the job asks; judge what WeasyPrint said."""
    from zinepress.finish import finish
    finish(work)
    _check_render(work.fetcher, list(dict.fromkeys(work.warnings)), work.job, work.report)


def localize_job(project: Project, job: Job, options: Options, report: Report) -> Localized:
    """Return the zine in the job's language and region."""
    from zinepress.localize import localize
    region = project.regions[job.variant.region]
    translations = project.translations(job.zine, job.variant.lang, report)
    words = project.words(job.variant.lang, report)
    return localize(job.zine, job.variant, region, translations.translated, words.translated,
                    translations.fuzzy, translations.sources, translations.header)


def pad(loc: Localized, job: Job, report: Report) -> tuple[Panel, ...] | None:
    """Return the edition's panels, padded with notes pages before the back cover."""
    panels = tuple(loc.zine.panel(i) for i in loc.zine.editions[job.edition])
    layout = job.layout
    if layout.pages and len(panels) != layout.pages:
        report.error(job.zine.yaml_path, job.zine.lines.get("editions"),
                     f"layout '{layout.name}' needs exactly {layout.pages} panels, but edition "
                     f"'{job.edition}' has {len(panels)}")
        return None
    missing = -len(panels) % layout.multiple
    notes = tuple(Panel(id=f"notes-{i + 1}", kind=layout.pad_with) for i in range(missing))
    if panels and panels[-1].kind == "back-cover":
        return panels[:-1] + notes + panels[-1:]
    return panels + notes


def _check_render(fetcher: ConfinedFetcher, warnings: list[str], job: Job, report: Report) -> None:
    for url in dict.fromkeys(fetcher.refused):
        report.error(job.zine.yaml_path, None, f"refused to fetch {url}: content may use only "
                     "files inside its zine folder, layouts/, themes/ and fonts/")
    for message in warnings:
        if ".notdef" in message or "glyph" in message.lower():
            report.error(job.zine.yaml_path, None, f"{job.label}: a character has no glyph in "
                         f"the bundled fonts ({message})")
        elif "refuses to fetch" in message:
            continue  # reported above, once per URL
        elif "Failed to load" in message or "Failed to render" in message:
            # WeasyPrint leaves a hole where the image or stylesheet should be: never print that.
            report.error(job.zine.yaml_path, None, f"{job.label}: {message}")
        else:
            log.warning("%s: WeasyPrint: %s", job.label, message)


