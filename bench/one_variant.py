"""Benchmark: one variant (a zine in one language for one region, in each of its layouts) end to
end from the command line: `zine build` against the pipeline a Python user would assemble, per
layout the `weasyprint` command on the same HTML, then the `pdfimpose` command that imposes the
same way (`saddle` for the booklet, `onepagezine` for the mini zine; the reader and the poster
are not imposed). Also the mini zine alone. Prints figures; it is not a test.

pdfimpose is AGPL: a benchmark-only tool, never a zinepress dependency. Install it next to this
Python with `python -m pip install pdfimpose` (bench/startup.py does that for itself); without
it, this benchmark is skipped with a message.
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _project import SLUG, copy_project, timed, zine_command, zine_layouts  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# layout -> the pdfimpose command that imposes the same way; None: the pages are the output.
PIPELINE: dict[str, list[str] | None] = {
    "reader": None, "booklet": ["saddle", "--signature", "2x1"], "minizine": ["onepagezine"],
    "poster": None}
REGIONS = ("us", "intl")


def main() -> None:
    tools = {name: tool(name) for name in ("weasyprint", "pdfimpose")}
    if tools["pdfimpose"] is None:
        print("one variant: skipped, pdfimpose is not installed. It is AGPL, so it is never a "
              "zinepress dependency; for this benchmark only: python -m pip install pdfimpose")
        return
    with tempfile.TemporaryDirectory(prefix="zinepress-bench-") as folder:
        project = copy_project(Path(folder) / "project")
        layouts = [name for name in PIPELINE if name in zine_layouts(project)]
        print(f"one variant from the command line ({', '.join(layouts)}), median of {RUNS} runs, "
              f"alternating, load average {os.getloadavg()[0]:.2f}:")
        for region in REGIONS:
            compare(project, region, layouts, tools)
        compare(project, "us", ["minizine"], tools)
        print(f"  load average after: {os.getloadavg()[0]:.2f}")


def compare(project: Path, region: str, layouts: list[str], tools: dict[str, str],
            runs: int = RUNS) -> tuple[float, float]:
    """Time `zine build` of these layouts against weasyprint (+ pdfimpose) for each; print both.

    Return the medians: zine build's, the pipeline's.
    """
    htmls = {}
    for layout in layouts:
        htmls[layout] = project / f"{layout}-{region}.html"
        htmls[layout].write_text(variant_html(project, region, layout), encoding="utf-8")
    ours: list[float] = []
    theirs: dict[str, list[float]] = {layout: [] for layout in layouts}
    selection = [a for layout in layouts for a in ("-L", layout)]
    for _ in range(runs):
        ours.append(timed(zine_command("build", SLUG, "-l", "en", "-r", region, *selection,
                                       "-j", "1", "--force", "--no-instructions"), project)[0])
        for layout in layouts:
            theirs[layout].append(pipeline(project, htmls[layout], PIPELINE[layout], tools))
    mine = statistics.median(ours)
    parts = {layout: statistics.median(times) for layout, times in theirs.items()}
    other = statistics.median(sum(run) for run in zip(*theirs.values()))
    shown = " + ".join(f"{layout} {seconds:.2f}" for layout, seconds in parts.items())
    print(f"  en-{region} {'/'.join(layouts)}: zine build -j 1 {mine:.2f} s | weasyprint + "
          f"pdfimpose: {shown} = {other:.2f} s | ratio {mine / other:.2f}")
    return mine, other


def pipeline(project: Path, html: Path, imposition: list[str] | None,
             tools: dict[str, str]) -> float:
    """Return the time of the weasyprint command, then pdfimpose when the layout imposes."""
    pages, imposed = project / "pages.pdf", project / "imposed.pdf"
    seconds = timed([tools["weasyprint"], str(html), str(pages)], project)[0]
    if imposition:
        seconds += timed([tools["pdfimpose"], *imposition, str(pages), "--output",
                          str(imposed)], project)[0]
    return seconds


def variant_html(project: Path, region: str, layout: str) -> str:
    """Return the HTML zinepress finally lays out for the variant (crisis lines trimmed to fit)."""
    from zinepress.build import lay_out
    from zinepress.errors import Report
    from zinepress.jobs import Options, select_jobs
    from zinepress.project import load_project

    report = Report()
    loaded = load_project(project, report, (SLUG,))
    options = Options((SLUG,), ("en",), (region,), (layout,), instructions=False)
    job = select_jobs(loaded.zines, loaded.layouts, loaded.regions, options, report)[0]
    work = lay_out(loaded, job, options, report)      # with the crisis lines cut as zine builds
    html = work.html()
    # Images and links resolve against the zine folder, as in zinepress's own render.
    return html.replace("<head>", f'<head><base href="{job.zine.folder.as_uri()}/">', 1)


def tool(name: str) -> str | None:
    """Return the command next to this Python, else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.is_file() else shutil.which(name)


if __name__ == "__main__":
    main()
