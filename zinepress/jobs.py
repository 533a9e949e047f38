"""What one build makes: every zine × variant × layout × paper asked for, in a stable order."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zinepress import press
from zinepress.errors import Report, did_you_mean
from zinepress.load.theme import DEFAULT_THEME
from zinepress.model import Layout, Variant, Zine

MAX_JOBS = 1_000     # PDFs in one build; more is choosing with -l/-r/-L or SLUG, not one run


@dataclass(frozen=True)
class Options:
    """The build's options; None means 'as the zine or region says'."""

    slugs: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    layouts: tuple[str, ...] = ()
    paper: str | None = None
    out: Path | None = None
    draft: bool = False
    strict: bool = False
    duplex: str = "short"
    back_poster: bool | None = None   # the crisis-lines poster on the minizine's reverse side
    bleed: float | None = None        # pt: copy-shop output with this bleed and crop marks
    creep: float = 0.0                # pt: paper thickness, for booklet creep
    tile: str | None = None           # split posters across sheets of this paper
    instructions: bool = True         # an instruction sheet per folded layout that has one
    theme: str | None = None          # --theme: the look, instead of the zine's `theme:`
    # How to run the build (zinepress.batch), not what it makes: kept out of the input hash.
    workers: int | None = None        # -j; None: one per CPU
    shard: tuple[int, int] | None = None   # --shard I/N: build the I-th of N parts
    force: bool = False               # rebuild outputs whose inputs did not change


@dataclass(frozen=True)
class Job:
    """One output file."""

    zine: Zine
    variant: Variant
    layout: Layout
    edition: str
    paper: str
    extra: str = ""                   # '', 'bleed', 'tiles-a4', 'instructions' (zinepress.press)
    theme: str = DEFAULT_THEME        # the folder of themes/ that gives the pages their look

    @property
    def path(self) -> Path:
        """Return the output path relative to the output folder."""
        return Path(self.zine.slug) / self.variant.name / f"{self.name}.pdf"

    @property
    def name(self) -> str:
        """Return the output's file name without '.pdf', e.g. 'booklet-a4-bleed'."""
        return "-".join(p for p in (self.layout.name, self.paper, self.extra) if p)

    @property
    def label(self) -> str:
        return f"{self.zine.slug} {self.variant.name} {self.name}"


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
