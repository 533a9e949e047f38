"""The build, as the pipeline reads: load → validate → localize → render → fit → impose → mark → write."""
from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from zinepress.batch import Progress, run_batch
from zinepress.errors import Report
from zinepress.jobs import Job, Options, select_jobs
from zinepress.model import Panel
from zinepress.press import INSTRUCTIONS, imposes, rendered_bleed
from zinepress.project import Project, load_project
from zinepress.render.deadline import run_limited
from zinepress.write import Output, Stage, write_outputs

# The stages import WeasyPrint, pikepdf and the like; each function below imports the stages it
# runs, so that `zine --help` and a build with nothing to do start without them (issue 16).
if TYPE_CHECKING:
    import pikepdf
    import weasyprint

    from zinepress.crisis import CrisisView
    from zinepress.fit import Relayout
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
        outputs = run_batch(project, jobs, options, out, report, limited_job, progress, stage)
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


@dataclass
class Laid:
    """A job's pages, laid out and fitted, with what the later stages need from the way there."""

    loc: Localized
    panels: tuple[Panel, ...]
    crisis: CrisisView | None
    fetcher: ConfinedFetcher
    document: weasyprint.Document
    warnings: list[str]


def build_job(project: Project, job: Job, options: Options, report: Report) -> Output | None:
    """Return one output file's bytes, or None after reporting why it cannot be made."""
    from zinepress.contrast import check_contrast
    from zinepress.finish import finish
    from zinepress.instructions import instruction_output
    from zinepress.lint import lint_pages
    from zinepress.poster import back_poster, wants_back_poster
    from zinepress.render.document import write_pdf
    if job.extra == INSTRUCTIONS:
        return instruction_output(project, job, options, report)
    errors_before, warnings_before = len(report.errors), len(report.warnings)
    laid = lay_out(project, job, options, report)
    if laid is None:
        return None
    loc, crisis, fetcher, document, warnings = (laid.loc, laid.crisis, laid.fetcher,
                                                laid.document, laid.warnings)
    check_contrast(document, job, report)
    lint_pages(document, laid.panels, job, report)
    data = write_pdf(document, job.layout.pdf_variant)
    pages, sheets = len(document.pages), len(document.pages)
    if imposes(job):
        poster = back_poster(loc, job, crisis, project, fetcher, options, report) \
            if wants_back_poster(job, options) else None
        data, sheets, more = impose_job(data, pages, loc, job, project, fetcher, options,
                                        poster[0] if poster else None)
        warnings += more + (poster[1] if poster else [])
    data, sheets, more = finish(data, sheets, loc, job, project.fonts_css, fetcher, options)
    warnings += more
    _check_render(fetcher, warnings, job, report)
    if len(report.errors) > errors_before:
        return None
    return Output(job.zine.slug, job.edition, job.variant.lang, job.variant.region,
                  job.layout.name, job.paper, job.path, data, pages, sheets,
                  tuple(str(w) for w in report.warnings[warnings_before:]))


def lay_out(project: Project, job: Job, options: Options, report: Report) -> Laid | None:
    """Return a job's pages localized, rendered and fitted, or None after reporting why not."""
    from zinepress.crisis import crisis_view
    from zinepress.fit import fit_pages
    from zinepress.i18n.checks import check_language
    errors_before = len(report.errors)
    loc = localize_job(project, job, options, report)
    panels = pad(loc, job, report)
    if panels is None:
        return None
    needs_crisis = any(p.kind == "crisis-lines" for p in panels)
    crisis = crisis_view(loc, report, dt.date.today(), options.draft) if needs_crisis else None
    loc = check_language(project, job, loc, panels, crisis, options.draft, report)
    if len(report.errors) > errors_before:
        return None
    theme = project.themes.get(job.theme)
    if theme is None:
        if job.theme != options.theme:        # an unknown --theme is reported with the options
            report.error(job.zine.yaml_path, None, f"no theme '{job.theme}' (zine list themes)")
        return None
    fetcher = project.fetcher(job.zine, theme)
    document, warnings, shown = render_pages(loc, job, panels, crisis, project, fetcher, options)
    relayout = _relayout(loc, job, panels, shown, project, fetcher, options, warnings)
    document = fit_pages(document, panels, job, relayout, report, theme.short)
    if document is None:
        return None
    return Laid(loc, panels, crisis, fetcher, document, warnings)


def render_pages(loc: Localized, job: Job, panels: tuple[Panel, ...], crisis: CrisisView | None,
                 project: Project, fetcher: ConfinedFetcher, options: Options):
    """Lay out the pages; when the crisis lines do not fit, leave out the least relevant ones.

    Crisis contacts are ranked by relevance (crisis.TOPIC_ORDER), so the panel loses its least
    relevant contact before its numbers get smaller; only when its first contact alone does not
    fit does the fit stage shrink it.
    """
    from zinepress.render.document import overflows, render
    from zinepress.render.templates import pages_html
    paper = job.layout.papers[job.paper]
    html = pages_html(loc, job.layout, paper, panels, crisis, project.fonts_css, options.draft,
                      rendered_bleed(job, options), theme=project.themes.get(job.theme))
    document, warnings = render(html, job.zine.folder, fetcher)
    crisis_panels = tuple(p for p in panels if p.kind == "crisis-lines")
    if crisis is None or not overflows(document, [p.id for p in crisis_panels]):
        return document, warnings, crisis
    crisis = fit_crisis(loc, job, crisis_panels, crisis, project, fetcher, options)
    html = pages_html(loc, job.layout, paper, panels, crisis, project.fonts_css, options.draft,
                      rendered_bleed(job, options), theme=project.themes.get(job.theme))
    return *render(html, job.zine.folder, fetcher), crisis


def fit_crisis(loc: Localized, job: Job, crisis_panels: tuple[Panel, ...], crisis: CrisisView,
               project: Project, fetcher: ConfinedFetcher, options: Options) -> CrisisView:
    """Return the most relevant crisis lines that fit, measured on the crisis panels alone."""
    from zinepress.crisis import contact_count, trimmed_by
    from zinepress.fit.halves import fewest_cuts
    from zinepress.render.document import overflows, render
    from zinepress.render.templates import pages_html
    paper, ids = job.layout.papers[job.paper], [p.id for p in crisis_panels]

    def fits(cut: int) -> bool:
        html = pages_html(loc, job.layout, paper, crisis_panels, trimmed_by(crisis, cut),
                          project.fonts_css, options.draft, theme=project.themes.get(job.theme))
        return not overflows(render(html, job.zine.folder, fetcher)[0], ids)
    return trimmed_by(crisis, fewest_cuts(contact_count(crisis) - 1, fits))


def _relayout(loc: Localized, job: Job, panels: tuple[Panel, ...], crisis: CrisisView | None,
              project: Project, fetcher: ConfinedFetcher, options: Options,
              warnings: list[str]) -> Relayout:
    """Return how the fit stage lays the pages out again with its sizes."""
    from zinepress.render.document import render
    from zinepress.render.templates import pages_html
    paper = job.layout.papers[job.paper]

    def relayout(styles: dict[str, str], only: frozenset[str]):
        html = pages_html(loc, job.layout, paper, panels, crisis, project.fonts_css,
                          options.draft, rendered_bleed(job, options), styles, only,
                          project.themes.get(job.theme))
        document, more = render(html, job.zine.folder, fetcher)
        warnings.extend(more)
        return document
    return relayout


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


def impose_job(data: bytes, pages: int, loc: Localized, job: Job, project: Project,
               fetcher: ConfinedFetcher, options: Options,
               back: bytes | None = None) -> tuple[bytes, int, list[str]]:
    """Return the imposed sheets with their marks, their count, and rendering warnings."""
    import pikepdf

    from zinepress.impose.apply import impose
    from zinepress.impose.plans import make_plan, with_back
    from zinepress.mark import add_marks
    from zinepress.poster import add_back
    from zinepress.press import plan_options as press_plan_options
    paper = job.layout.papers[job.paper]
    plan_options = press_plan_options(job.layout, paper, pages, options, loc.direction)
    plan = make_plan(job.layout.imposition, pages, *paper.sheet, **plan_options)
    with pikepdf.open(io.BytesIO(data)) as source:
        if back is not None:  # a full-sheet page on the reverse (poster.py)
            add_back(source, back)
            plan = with_back(plan, pages + 1)
        sheets = impose(source, plan)
        warnings = add_marks(sheets, plan, loc, job.layout, paper, project.fonts_css, fetcher,
                             options.draft, options.duplex)
        _set_metadata(sheets, loc)
        buffer = io.BytesIO()
        sheets.save(buffer, deterministic_id=True)
    return buffer.getvalue(), plan.sheets, warnings


def _set_metadata(pdf: pikepdf.Pdf, loc: Localized) -> None:
    import pikepdf
    pdf.Root.Lang = pikepdf.String(loc.lang)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = loc.zine.title
        meta["dc:language"] = [loc.lang]


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


