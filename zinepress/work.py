"""One output on its way through the pipeline: what it is, and what each stage has made of it.

build.build_job hands one Work to each stage in turn (localize → render → fit → check → impose →
finish); a stage reads what it needs from it and adds what it makes. The stages that lay pages
out do it through `html` and `render`, so every layout of a job has the same paper, theme, fonts
and fetcher, and WeasyPrint's warnings are all kept for the check stage.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Collection, Mapping, Sequence

from zinepress.errors import Report
from zinepress.job import Job, Options
from zinepress.model import Panel, Paper, Theme
from zinepress.press import rendered_bleed
from zinepress.project import Project

if TYPE_CHECKING:
    import weasyprint

    from zinepress.crisis import CrisisView
    from zinepress.fit.tries import Try
    from zinepress.localize import Localized
    from zinepress.render.fetch import ConfinedFetcher

TWICE = "Anchor defined twice: 'panel-"
ASKED = object()      # `html`'s crisis argument left out: the job's own crisis view


@dataclass
class Work:
    """A job and its project, options and report, with what the stages have made so far."""

    project: Project
    job: Job
    options: Options
    report: Report
    loc: Localized | None = None                  # localize: the zine in the job's words
    panels: tuple[Panel, ...] = ()                # localize: the edition's panels, padded
    lines: CrisisView | None = None               # localize: every line the region has
    crisis: CrisisView | None = None              # localize, then fit: the lines printed
    theme: Theme | None = None
    fetcher: ConfinedFetcher | None = None
    document: weasyprint.Document | None = None   # render, then fit: the pages
    data: bytes = b""                             # impose, finish: the PDF
    pages: int = 0
    sheets: int = 0
    sides: int = 1                                # impose: 2 when each sheet has a back
    warnings: list[str] = field(default_factory=list)   # WeasyPrint's, judged by check
    renders: int = 0                              # layouts made, for the benchmark
    movable: Callable[[int], bool] = lambda index: False   # render: may page N move (tries.py)
    stopped: bool = False                         # a stage cannot go on (reported elsewhere)
    errors: int = field(default=0, repr=False)    # the report's counts when the job started
    warned: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self.errors, self.warned = len(self.report.errors), len(self.report.warnings)

    @property
    def failed(self) -> bool:
        """Tell whether a stage reported an error for this job, or could not go on."""
        return self.stopped or len(self.report.errors) > self.errors

    @property
    def paper(self) -> Paper:
        return self.job.layout.papers[self.job.paper]

    def html(self, styles: Mapping[str, str] | None = None, only: Collection[str] | None = None,
             tries: Sequence[Try] = (), crisis: CrisisView | None | object = ASKED,
             panels: tuple[Panel, ...] | None = None, bleed: bool = True) -> str:
        """Return the pages' HTML: with the fit stage's styles, only some panels, or tries."""
        from zinepress.render.templates import pages_html
        return pages_html(self.loc, self.job.layout, self.paper,
                          self.panels if panels is None else panels,
                          self.crisis if crisis is ASKED else crisis, self.project.fonts_css,
                          self.options.draft,
                          rendered_bleed(self.job, self.options) if bleed else 0.0,
                          styles, only, self.theme, tries)

    def render(self, html: str) -> weasyprint.Document:
        """Lay the HTML out, keeping WeasyPrint's warnings for the check stage."""
        from zinepress.render.document import render
        document, warnings = render(html, self.job.zine.folder, self.fetcher)
        # A try has its panel's id (fit/tries.py): WeasyPrint says so, and that is expected.
        self.warnings.extend(w for w in warnings if not w.startswith(TWICE))
        self.renders += 1
        return document
