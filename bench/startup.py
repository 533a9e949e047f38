"""Benchmark: start-up, the no-op rebuild, single builds against their anchors, and renders per
output, side by side in one run (issue 16). Prints figures; it is not a test.

- `zine --help`: wall time of the whole process, median of 7.
- No-op rebuild of the shipped zine: every output unchanged, median of 5, after one full build
  into a temporary copy of the project.
- One mini zine and one booklet (en-us) from the command line against the pipeline a Python user
  would assemble, `weasyprint` then `pdfimpose` (bench/one_variant.py), median of 7, alternating.
- WeasyPrint renders per output: calls to weasyprint.HTML.render while building each output of one
  variant in this process (fitting, crisis lines, marks and instruction sheets included).
- `zine serve`: save-to-new-picture latency over 10 saves of the en-us mini zine (bench/serve.py).

With --against DIR (another checkout, e.g. one made with `git worktree add`), the first two
are timed for it too, alternating with this checkout, so both columns share the machine's load.
With --only help or --only noop, only that part runs (a few seconds, not minutes).

pdfimpose is AGPL: never a zinepress dependency. When it is missing, this script installs it into
the Python that runs it (the benchmark's venv), and only there.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _project import ROOT, SLUG, copy_project, summary, timed  # noqa: E402

HELP_RUNS, NOOP_RUNS, BUILD_RUNS = 7, 5, 7
HEAVY = ("weasyprint", "pikepdf", "pypdfium2", "phonenumbers", "babel", "qrcode", "fontTools",
         "polib", "markdown_it", "jinja2", "PIL")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--only", choices=["help", "noop"], help="time only this part")
    args = parser.parse_args()
    trees = {"this": ROOT} | ({"other": args.against.resolve()} if args.against else {})
    print(f"start-up and single builds, {os.cpu_count()} CPU(s), load average "
          f"{os.getloadavg()[0]:.2f}" + (f"; other = {trees['other']}" if args.against else ""))
    if args.only in (None, "help"):
        help_times(trees)
        loaded(trees, ["--help"], ROOT)
    if args.only in (None, "noop"):
        with tempfile.TemporaryDirectory(prefix="zinepress-bench-") as folder:
            project = copy_project(Path(folder) / "project")
            noop_times(project, trees)
            if args.only is None:
                anchors(project)
    if args.only is None:
        renders_per_output()
        import serve                  # bench/serve.py: the live preview, in this run too
        serve.main()
    print(f"  load average after: {os.getloadavg()[0]:.2f}")


def command(tree: Path, *args: str) -> list[str]:
    """Return the command line that runs `zine ARGS` from this checkout."""
    return [sys.executable, str(tree / "cli.py"), *args]


def alternating(trees: dict[str, Path], runs: int, args: list[str],
                cwd: Path) -> dict[str, list[float]]:
    """Time `zine ARGS` from each checkout in turn, runs times each; return the times."""
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            times[name].append(timed(command(tree, *args), cwd)[0])
    return times


def show(what: str, times: dict[str, list[float]]) -> None:
    """Print the median of each checkout's times, and their ratio."""
    medians = {name: statistics.median(runs) for name, runs in times.items()}
    line = " | ".join(f"{name} {seconds:.3f} s" for name, seconds in medians.items())
    if "other" in medians:
        line += f" | this / other {medians['this'] / medians['other']:.2f}"
    print(f"  {what} (median of {len(times['this'])}): {line}")


def help_times(trees: dict[str, Path]) -> None:
    timed(command(ROOT, "--help"), ROOT)          # warm the file cache
    show("zine --help", alternating(trees, HELP_RUNS, ["--help"], ROOT))


def loaded(trees: dict[str, Path], args: list[str], cwd: Path) -> None:
    """Print which heavy libraries `zine ARGS` loads, from each checkout."""
    for name, tree in trees.items():
        argv = ["zine", *[a.replace("{name}", name) for a in args]]
        code = (f"import runpy, sys\nsys.argv = {argv!r}\nsys.path.insert(0, {str(tree)!r})\n"
                f"try:\n"
                f"    runpy.run_path({str(tree / 'cli.py')!r}, run_name='__main__')\n"
                f"except SystemExit:\n    pass\n"
                f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')")
        run = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                             text=True)
        print(f"  {name}: `zine {' '.join(argv[1:])}` loads: "
              f"{run.stdout.strip().splitlines()[-1]}")


def noop_times(project: Path, trees: dict[str, Path]) -> None:
    """Build the shipped zine once per checkout into its own folder, then time rebuilds."""
    for name, tree in trees.items():
        seconds, output = timed(command(tree, "build", "-o", f"build-{name}"), project)
        print(f"  {name}: full build {seconds:.1f} s, {summary(output)}")
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(NOOP_RUNS):
        for name, tree in trees.items():
            seconds, output = timed(command(tree, "build", "-o", f"build-{name}"), project)
            if not summary(output).startswith("built 0,"):
                sys.exit(f"the rebuild built something: {summary(output)}")
            times[name].append(seconds)
    show(f"no-op rebuild, {summary(output).split(':')[0]}", times)
    loaded(trees, ["build", "-o", "build-{name}"], project)


def anchors(project: Path) -> None:
    """Print one mini zine and one booklet against weasyprint + pdfimpose (one_variant.py)."""
    import one_variant

    tools = {name: one_variant.tool(name) for name in ("weasyprint", "pdfimpose")}
    if tools["pdfimpose"] is None:
        print("  installing pdfimpose into this benchmark's Python (AGPL: never a dependency)")
        install = subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                                  "--disable-pip-version-check", "pdfimpose"],
                                 capture_output=True, text=True)
        if install.returncode != 0:
            sys.exit(f"could not install pdfimpose:\n{install.stderr}")
        tools["pdfimpose"] = one_variant.tool("pdfimpose")
    print(f"  single builds from the command line, median of {BUILD_RUNS}, alternating:")
    for layout in ("minizine", "booklet"):
        one_variant.compare(project, "us", [layout], tools, BUILD_RUNS)   # prints the ratio


def renders_per_output() -> None:
    """Count weasyprint.HTML.render calls per output while building one variant here."""
    import weasyprint

    from zinepress.build import build_job
    from zinepress.errors import Report
    from zinepress.jobs import Options, select_jobs
    from zinepress.project import load_project

    calls = collections.Counter()
    original = weasyprint.HTML.render

    def counted(self, *args, **kwargs):
        calls["render"] += 1
        return original(self, *args, **kwargs)

    report = Report()
    project = load_project(ROOT, report, (SLUG,))
    options = Options((SLUG,), ("en",), ("us",), workers=1, force=True)
    jobs = select_jobs(project.zines, project.layouts, project.regions, options, report)
    weasyprint.HTML.render = counted
    try:
        counts = {}
        for job in jobs:
            calls.clear()
            build_job(project, job, options, Report())
            counts[job.path.name] = calls["render"]
    finally:
        weasyprint.HTML.render = original
    shown = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"  WeasyPrint renders per output, en-us on {dt.date.today()}: {shown}; "
          f"most {max(counts.values())} (target ≤ 3)")


if __name__ == "__main__":
    main()
