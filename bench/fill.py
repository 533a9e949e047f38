"""Print how full the text panels of the shipped zine's pages are, per theme, variant and layout.

The fill of a panel is the height of its text block over the height of its page's text area
(zinepress/fit/fill.py); covers, back covers, notes and sources pages are not counted. Also
prints the body sizes the fit stage chose, their ratio, and the WeasyPrint renders each output
took.

Run: python bench/fill.py [--theme NAME]… [-l LANG-REGION]… [-L LAYOUT]…
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import weasyprint

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zinepress import build as pipeline  # noqa: E402
from zinepress.errors import Report  # noqa: E402
from zinepress.fit.fill import fills  # noqa: E402
from zinepress.jobs import Options, select_jobs  # noqa: E402
from zinepress.project import load_project  # noqa: E402

SLUG = "unpacking-self-harm"
VARIANTS = ("en-us", "es-mx", "en-gb", "ar-intl")
LAYOUTS = ("booklet", "minizine", "trifold")


class Counted:
    """Count WeasyPrint layouts (HTML.render calls) while a job is laid out."""

    def __init__(self) -> None:
        self.count = 0
        self._render = weasyprint.HTML.render

    def __enter__(self) -> "Counted":
        counted = self

        def render(html, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            counted.count += 1
            return counted._render(html, *args, **kwargs)
        weasyprint.HTML.render = render
        return self

    def __exit__(self, *exc: object) -> None:
        weasyprint.HTML.render = self._render


def measure(themes: list[str | None], variants: list[str], layouts: list[str]) -> None:
    """Print one line per theme, variant and layout: fills, sizes and renders."""
    report = Report()
    project = load_project(ROOT, report, (SLUG,))
    for theme in themes:
        for name in variants:
            lang, region = name.split("-")
            options = Options(slugs=(SLUG,), langs=(lang,), regions=(region,),
                              layouts=tuple(layouts), instructions=False, force=True,
                              **({"theme": theme} if theme else {}))
            for job in select_jobs(project.zines, project.layouts, project.regions, options,
                                   report):
                with Counted() as counted:
                    laid = pipeline.lay_out(project, job, options, report)
                if laid is None:
                    print(f"{theme or '-'} {name} {job.layout.name}: failed")
                    continue
                _line(theme, name, job.layout.name, laid, counted.count)
    for problem in report.errors:
        print(problem)


def _line(theme: str | None, variant: str, layout: str, laid: pipeline.Laid, renders: int) -> None:
    found = fills(laid.document, {p.id: p.kind for p in laid.panels})
    ratios = [f.ratio for f in found]
    sizes = [f.size for f in found]
    print(f"{theme or 'default':9} {variant:8} {layout:9} fill min {min(ratios):4.0%} "
          f"median {statistics.median(ratios):4.0%}  body {min(sizes):.1f}-{max(sizes):.1f} pt "
          f"(x{max(sizes) / min(sizes):.2f})  renders {renders}  "
          + " ".join(f"{f.panel_id}={f.ratio:.0%}" for f in found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--theme", action="append", default=[])
    parser.add_argument("-l", "--variant", action="append", default=[])
    parser.add_argument("-L", "--layout", action="append", default=[])
    args = parser.parse_args()
    measure(args.theme or [None], args.variant or list(VARIANTS), args.layout or list(LAYOUTS))


if __name__ == "__main__":
    main()
