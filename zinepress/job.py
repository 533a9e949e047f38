"""A build's options, and one job: the output file it makes (what jobs.py selects)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zinepress.model import DEFAULT_THEME, Layout, Variant, Zine


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
