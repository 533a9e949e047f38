"""`zine check`: every stage of a build for every variant and layout, writing nothing."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from zinepress.build import Progress, build_job
from zinepress.errors import Problem, Report, ZineError
from zinepress.jobs import Job, Options, select_jobs
from zinepress.model import Zine
from zinepress.project import Project, load_project
from zinepress.render.deadline import run_limited


@dataclass(frozen=True)
class Checked:
    """What a check looked at and what it found."""

    problems: tuple[Problem, ...]
    zines: int
    variants: int                     # zine x language x region
    layouts: tuple[str, ...]
    outputs: int                      # variant x layout

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def check(root: Path, options: Options, every: bool = False,
          progress: Progress | None = None) -> Checked:
    """Run every stage of a build for each job the options select (every pair with `every`)."""
    report = Report()
    project = load_project(root, report, options.slugs)
    # --strict is applied to the whole report at the end, so that one run shows everything.
    options = replace(options, strict=False)
    jobs = every_job(project, options, report) if every else \
        select_jobs(project.zines, project.layouts, project.regions, options, report,
                       project.themes)
    for number, job in enumerate(jobs, 1):
        if progress:
            progress(number, len(jobs), job.label)
        try:
            run_limited(partial(build_job, project, job, options, report), job.zine.yaml_path,
                        job.label, report)
        except ZineError as exc:       # one job that cannot even render must not hide the rest
            report.extend(exc.problems)
    return Checked(tuple(dict.fromkeys(report.problems)), len(project.zines),
                   len({(j.zine.slug, j.variant) for j in jobs}),
                   tuple(sorted({j.layout.name for j in jobs})), len(jobs))


def every_job(project: Project, options: Options, report: Report) -> list[Job]:
    """Return the jobs of every language the zine has, in every region and each of its layouts."""
    jobs = []
    for zine in project.zines.values():
        for lang in options.langs or languages(zine):
            for region in options.regions or tuple(project.regions):
                pair = replace(options, slugs=(zine.slug,), langs=(lang,), regions=(region,))
                jobs += select_jobs({zine.slug: zine}, project.layouts, project.regions, pair,
                                    report)
    return jobs


def languages(zine: Zine) -> tuple[str, ...]:
    """Return the zine's own language and each language it has a translation file for."""
    files = sorted(p.stem for p in (zine.folder / "locales").glob("*.po"))
    return tuple(dict.fromkeys([zine.language, *files]))
