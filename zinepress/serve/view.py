"""One variant in one layout as the preview page shows it: sheet pictures and panels by their text."""
from __future__ import annotations

import hashlib
import io
import re
import time
from dataclasses import dataclass, field

from PIL import Image

from zinepress.build import limited_job, localize_job, pad
from zinepress.errors import Problem, Report, ZineError
from zinepress.impose.plans import Plan, make_plan
from zinepress.jobs import Job, Options, select_jobs
from zinepress.model import Panel, Variant
from zinepress.preview import panel_pictures, sheet_pictures
from zinepress.press import imposes, plan_options
from zinepress.project import Project
from zinepress.serve.loaded import Loaded

DPI = 80


@dataclass(frozen=True)
class Text:
    """One translatable field of a panel: the source in zine.yaml and what is printed."""

    key: str                          # msgctxt, e.g. cover.title
    source: str
    printed: str
    untranslated: bool


@dataclass(frozen=True)
class PanelView:
    """A printed page next to the text it comes from."""

    number: int
    panel_id: str
    kind: str
    line: int                         # the panel's line in zine.yaml, 0 when it has none
    texts: tuple[Text, ...]
    picture: str                      # image name


@dataclass(frozen=True)
class View:
    """Everything the page of one variant and layout shows; problems instead when it failed."""

    title: str
    sheets: tuple[str, ...] = ()      # image names, in printing order
    panels: tuple[PanelView, ...] = ()
    problems: tuple[Problem, ...] = ()
    images: dict[str, bytes] = field(default_factory=dict)   # PNG pictures and the PDF
    pdf: str = ""                     # the PDF's name in images
    seconds: dict[str, float] = field(default_factory=dict)   # how long each part took
    later: dict[str, Image.Image] = field(default_factory=dict)   # encoded when first asked for

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def picture(self, name: str) -> bytes | None:
        """Return a picture or the PDF by name; None when this view has none of that name."""
        if name not in self.images and name in self.later:
            # The panels' pictures are encoded here, after the page has its new sheets: a fifth
            # of the server's own time after a save. Two requests may both encode one: harmless.
            self.images[name] = _png(self.later[name])
        return self.images.get(name)


def variant_view(loaded: Loaded, slug: str, variant: str, layout: str, draft: bool) -> View:
    """Build one output in this process and return its pictures, or the problems in words."""
    title = f"{slug} {variant} {layout}"
    report = Report(list(loaded.problems_of(slug)))
    project = loaded.project
    try:
        job = _job(project, slug, Variant.parse(variant), layout, draft, report) \
            if project is not None else None
        if job is None or report.errors:
            return View(title, problems=tuple(report.problems))
        return _built(project, job, Options((slug,), draft=draft, instructions=False), report,
                      title)
    except ZineError as exc:
        return View(title, problems=tuple(report.problems) + tuple(exc.problems))


def _job(project: Project, slug: str, variant: Variant, layout: str, draft: bool,
         report: Report) -> Job | None:
    if slug not in project.zines:
        if not report.errors:     # else loading it said why
            report.error(f"zines/{slug}", None, f"no zine '{slug}'")
        return None
    if not re.fullmatch(r"[a-z]{2,8}", variant.lang):   # it names a PO file: no paths
        report.error(f"zines/{slug}", None, f"'{variant.name}' is not a language-region pair "
                                            "such as es-mx")
        return None
    options = Options((slug,), (variant.lang,), (variant.region,), (layout,), draft=draft,
                      instructions=False)
    jobs = select_jobs({slug: project.zines[slug]}, project.layouts, project.regions, options,
                       report)
    if not jobs and not report.errors:
        report.error(f"zines/{slug}", None, f"there is nothing to build for {variant.name} "
                                            f"in layout '{layout}'")
    return jobs[0] if jobs else None


def _built(project: Project, job: Job, options: Options, report: Report, title: str) -> View:
    start = time.perf_counter()
    output = limited_job(project, job, options, report)   # a hostile zine cannot hang the server
    built = time.perf_counter()
    if output is None or report.errors:
        return View(title, problems=tuple(report.problems), seconds={"build": built - start})
    loc = localize_job(project, job, options, report)
    panels = pad(loc, job, report) or ()
    plan = _plan(job, len(panels), loc.direction, options)
    sheets = sheet_pictures(output, DPI)
    pages = panel_pictures(sheets, plan, DPI)
    tag = hashlib.sha256(output.content()).hexdigest()[:12]
    images = {f"{tag}-{s.name}.png": _png(s.image) for s in sheets}
    images[f"{tag}-{job.name}.pdf"] = output.data
    views = tuple(_panel(n, p, job, loc.fallbacks, f"{tag}-page-{n}.png")
                  for n, p in enumerate(panels, 1) if n in pages)
    seconds = {"build": built - start, "pictures": time.perf_counter() - built}
    return View(title, tuple(f"{tag}-{s.name}.png" for s in sheets), views,
                tuple(report.problems), images, f"{tag}-{job.name}.pdf", seconds,
                {f"{tag}-page-{n}.png": image for n, image in pages.items()})


def _png(image: Image.Image) -> bytes:
    # Light compression: the pictures go to a browser on this machine, and level 6 (Pillow's
    # default) takes twice as long for a file only a fifth smaller.
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def thumbnail(picture: bytes, height: int = 220) -> bytes:
    """Return a sheet picture scaled down for the index page."""
    with Image.open(io.BytesIO(picture)) as image:
        image.thumbnail((height * 4, height))
        return _png(image)


def _plan(job: Job, pages: int, direction: str, options: Options) -> Plan | None:
    """Return where the build put each page, or None when every page is a sheet of its own."""
    if not imposes(job):
        return None
    paper = job.layout.papers[job.paper]
    return make_plan(job.layout.imposition, pages, *paper.sheet,
                     **plan_options(job.layout, paper, pages, options, direction))


def _panel(number: int, shown: Panel, job: Job, fallbacks: tuple[str, ...],
           picture: str) -> PanelView:
    source = next((p for p in job.zine.panels if p.id == shown.id), None)
    texts = []
    if source is not None:
        for name, text in source.text.items():
            key = f"{source.id}.{name}"
            texts.append(Text(key, text, shown.get(name), key in fallbacks))
        for i, item in enumerate(source.items):
            key = f"{source.id}.items.{i}"
            printed = shown.items[i] if i < len(shown.items) else item
            texts.append(Text(key, item, printed, key in fallbacks))
    return PanelView(number, shown.id, shown.kind, source.line if source else 0, tuple(texts),
                     picture)
