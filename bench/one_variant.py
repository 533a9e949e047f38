"""Benchmark: one variant end to end from the command line, zinepress against the pipeline a Python
user would assemble: the `weasyprint` command on the same HTML, then the `pdfimpose` command
(`onepagezine` for the mini zine, `saddle` for the booklet). Prints figures; it is not a test.

pdfimpose is AGPL: a benchmark-only tool, never a zinepress dependency. Install it next to this
Python with `python -m pip install pdfimpose` (e.g. /tmp/venv/bin/pip install pdfimpose); without
it, that part is skipped with a message.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _project import SLUG, copy_project, timed, zine_command  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# layout -> the pdfimpose command that imposes the same way
CASES = {"minizine": ["onepagezine"], "booklet": ["saddle", "--signature", "2x1"]}
REGIONS = {"us": "letter", "intl": "a4"}


def main() -> None:
    pdfimpose = tool("pdfimpose")
    weasyprint = tool("weasyprint")
    if pdfimpose is None:
        print("one variant: skipped, pdfimpose is not installed. It is AGPL, so it is never a "
              "zinepress dependency; for this benchmark only: python -m pip install pdfimpose")
        return
    with tempfile.TemporaryDirectory(prefix="zinepress-bench-") as folder:
        project = copy_project(Path(folder) / "project")
        print(f"one variant from the command line, median of {RUNS} runs each, alternating, "
              f"load average {os.getloadavg()[0]:.2f}:")
        for region in REGIONS:
            for layout, imposition in CASES.items():
                compare(project, region, layout, imposition, weasyprint, pdfimpose)


def compare(project: Path, region: str, layout: str, imposition: list[str], weasyprint: str,
            pdfimpose: str) -> None:
    """Time `zine build` against weasyprint + pdfimpose on the same HTML; print the ratio."""
    html = project / f"{layout}-{region}.html"
    html.write_text(variant_html(project, region, layout), encoding="utf-8")
    pages, imposed = project / "pages.pdf", project / "imposed.pdf"
    ours, render, impose = [], [], []
    for _ in range(RUNS):
        ours.append(timed(zine_command("build", SLUG, "-l", "en", "-r", region, "-L", layout,
                                       "-j", "1", "--force"), project)[0])
        render.append(timed([weasyprint, str(html), str(pages)], project)[0])
        impose.append(timed([pdfimpose, *imposition, str(pages), "--output", str(imposed)],
                            project)[0])
    mine = statistics.median(ours)
    other = statistics.median(a + b for a, b in zip(render, impose))
    print(f"  en-{region} {layout}-{REGIONS[region]}: zine build {mine:.2f} s | weasyprint "
          f"{statistics.median(render):.2f} s + pdfimpose {imposition[0]} "
          f"{statistics.median(impose):.2f} s = {other:.2f} s | ratio {mine / other:.2f}")


def variant_html(project: Path, region: str, layout: str) -> str:
    """Return the HTML zinepress finally lays out for the variant (crisis lines trimmed to fit)."""
    from zinepress.build import localize_job, pad
    from zinepress.crisis import crisis_view, trimmed
    from zinepress.errors import Report
    from zinepress.jobs import Options, select_jobs
    from zinepress.project import load_project
    from zinepress.render.document import overflows, render
    from zinepress.render.fetch import ConfinedFetcher
    from zinepress.render.templates import pages_html

    report = Report()
    loaded = load_project(project, report, (SLUG,))
    options = Options((SLUG,), ("en",), (region,), (layout,))
    job = select_jobs(loaded.zines, loaded.layouts, loaded.regions, options, report)[0]
    loc = localize_job(loaded, job, options, report)
    panels = pad(loc, job, report)
    crisis_ids = [p.id for p in panels if p.kind == "crisis-lines"]
    crisis = crisis_view(loc, report, dt.date.today(), False) if crisis_ids else None
    fetcher = ConfinedFetcher([job.zine.folder, project / "layouts", project / "fonts"])
    while True:   # as zinepress.build.render_pages does
        html = pages_html(loc, job.layout, job.layout.papers[job.paper], panels, crisis,
                          loaded.fonts_css, False)
        document, _ = render(html, job.zine.folder, fetcher)
        if crisis is None or not overflows(document, crisis_ids) or trimmed(crisis) is None:
            break
        crisis = trimmed(crisis)
    # Images and links resolve against the zine folder, as in zinepress's own render.
    return html.replace("<head>", f'<head><base href="{job.zine.folder.as_uri()}/">', 1)


def tool(name: str) -> str | None:
    """Return the command next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.is_file() else shutil.which(name)


if __name__ == "__main__":
    main()
