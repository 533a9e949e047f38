"""What one build makes: every zine × variant × layout × paper asked for, in a stable order."""
from __future__ import annotations

from zinepress import press
from zinepress.errors import Report, did_you_mean
from zinepress.job import Job, Options
from zinepress.model import DEFAULT_THEME, Layout, Variant, Zine

__all__ = ["Job", "Options", "select_jobs", "variants"]   # Job and Options live in job.py

MAX_JOBS = 1_000     # PDFs in one build; more is choosing with -l/-r/-L or SLUG, not one run


def select_jobs(zines: dict[str, Zine], layouts: dict[str, Layout], regions: dict,
                options: Options, report: Report, themes: dict | None = None) -> list[Job]:
    """Return the jobs of a build, reporting options that name unknown things."""
    _check_names(options.layouts, layouts, "layout", report)
    if themes is not None:
        _check_names((options.theme,) if options.theme else (), themes, "theme", report)
    _check_names(options.regions, regions, "region", report)
    jobs = []
    for zine in zines.values():
        for variant in variants(zine, options):
            if variant.region not in regions:
                continue
            for name, edition in _layouts(zine, variant, options).items():
                if name in layouts:
                    jobs.append(_job(zine, variant, layouts[name], edition, regions, options, report))
    jobs = [j for j in jobs if j is not None]
    if len(jobs) > MAX_JOBS:
        report.error("zines", None, f"this build would make {len(jobs):,} PDFs; the limit is "
                     f"{MAX_JOBS:,} at once: choose zines, or use -l, -r and -L")
        return []
    if options.instructions:
        jobs = [each for job in jobs for each in press.with_instructions(job)]
    press.check(jobs, options, report)
    return jobs


def variants(zine: Zine, options: Options) -> list[Variant]:
    """Return the zine's variants that -l/-r select, or the pairs they name."""
    chosen = [v for v in zine.variants
              if (not options.langs or v.lang in options.langs)
              and (not options.regions or v.region in options.regions)]
    if chosen or not (options.langs or options.regions):
        return chosen
    langs = options.langs or (zine.language,)
    regions = options.regions or tuple(dict.fromkeys(v.region for v in zine.variants))
    return [Variant(lang, region) for lang in langs for region in regions]


def _layouts(zine: Zine, variant: Variant, options: Options) -> dict[str, str]:
    if not options.layouts:
        # `languages:` in zine.yaml: a language translated for fewer layouts than the zine has.
        chosen = zine.language_layouts.get(variant.lang, tuple(zine.layouts))
        return {name: edition for name, edition in zine.layouts.items() if name in chosen}
    return {name: zine.layouts.get(name, "full") for name in options.layouts}


def _job(zine: Zine, variant: Variant, layout: Layout, edition: str, regions: dict,
         options: Options, report: Report) -> Job | None:
    paper = options.paper or regions[variant.region].paper or "a4"
    if paper not in layout.papers:
        report.error(layout.folder / "layout.yaml", None,
                     f"layout '{layout.name}' has no paper '{paper}' (it has: "
                     f"{', '.join(layout.papers)})")
        return None
    return Job(zine, variant, layout, edition, paper, press.extra(layout, options),
               options.theme or zine.theme or DEFAULT_THEME)


def _check_names(asked: tuple[str, ...], known: dict, what: str, report: Report) -> None:
    for name in asked:
        if name not in known:
            report.error(f"--{what}", None, f"no {what} '{name}'{did_you_mean(name, known)}")
