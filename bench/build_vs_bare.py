"""Benchmark: one variant of the seed zine built by zinepress vs a bare WeasyPrint render.

Prints the median time of each over several runs, in one process, and their ratio (target ≤ 1.3).
The bare render is WeasyPrint alone on the very HTML zinepress renders, written to PDF: the
least any tool must do. zinepress adds loading and validation, fitting, imposition, marks and
the atomic write.  Run: ./dev bench   (or .venv/bin/python bench/build_vs_bare.py)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402

from zinepress.build import build, build_job, localize_job, pad  # noqa: E402
from zinepress.crisis import crisis_view  # noqa: E402
from zinepress.errors import Report  # noqa: E402
from zinepress.jobs import Options, select_jobs  # noqa: E402
from zinepress.project import load_project  # noqa: E402
from zinepress.render.fonts import font_config  # noqa: E402
from zinepress.render.templates import pages_html  # noqa: E402

RUNS = 7
OPTIONS = Options(slugs=("unpacking-self-harm",), langs=("en",), regions=("intl",))


def bare_htmls() -> list[str]:
    """Return the HTML zinepress renders for each layout of the variant."""
    report = Report()
    project = load_project(ROOT, report, OPTIONS.slugs)
    htmls = []
    for job in select_jobs(project.zines, project.layouts, project.regions, OPTIONS, report):
        loc = localize_job(project, job, OPTIONS, report)
        panels = pad(loc, job, report)
        crisis = crisis_view(loc, report, __import__("datetime").date.today(), False)
        htmls.append(pages_html(loc, job.layout, job.layout.papers[job.paper], panels, crisis,
                                project.fonts_css, False))
    return htmls


def time_bare(htmls: list[str]) -> float:
    """Return one bare render + write of every layout's HTML, in seconds."""
    start = time.perf_counter()
    for html in htmls:
        weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf(font_config=font_config())
    return time.perf_counter() - start


def time_zinepress(out: Path) -> float:
    """Return one full zinepress build of the variant (all its layouts), in seconds."""
    start = time.perf_counter()
    # force: every run builds (an unchanged output is otherwise kept); one process, as the bare side
    build(ROOT, Options(**{**OPTIONS.__dict__, "out": out, "force": True, "workers": 1}))
    return time.perf_counter() - start


def main() -> None:
    htmls = bare_htmls()
    with tempfile.TemporaryDirectory() as tmp:
        time_zinepress(Path(tmp))             # warm up fonts and caches for both
        time_bare(htmls)
        bare, ours = [], []
        for _ in range(RUNS):
            bare.append(time_bare(htmls))
            ours.append(time_zinepress(Path(tmp)))
    b, z = statistics.median(bare), statistics.median(ours)
    print(f"one variant (en-intl: reader, booklet, minizine), median of {RUNS} runs")
    print(f"  bare WeasyPrint render + write: {b * 1000:7.1f} ms")
    print(f"  zinepress build:                {z * 1000:7.1f} ms")
    print(f"  ratio build / bare:             {z / b:7.2f}   (target ≤ 1.3)")


if __name__ == "__main__":
    main()
