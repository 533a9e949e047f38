"""Benchmark the fit stage: the seed zine in 3 languages x 3 layouts, overflowing vs fitting.

The seed zine's panels fill only about 40 % of a page, so nothing in it overflows. The bench
makes two copies of the project in a temporary folder:

- "fits": every text panel's body lengthened (repeating its own words) until the panel fills
  about 88 % of its page in the tightest layout that prints it: nothing overflows;
- "overflows": the same bodies 30 % longer still, as a translation runs longer: the panels
  overflow and the fit stage shrinks them.

Both are built the same way (PDFs written), and the ratio of their times is the fit's cost.
Languages: en, and es and de built with --draft. The seed zine has no translations yet, so es
and de print the English text with DRAFT marks (and their own hyphenation and layout words).

Run: python bench/fit.py [--runs N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zinepress import build as pipeline  # noqa: E402
from zinepress.crisis import crisis_view  # noqa: E402
from zinepress.errors import Report  # noqa: E402
from zinepress.fit.measure import placements  # noqa: E402
from zinepress.jobs import Options, select_jobs  # noqa: E402
from zinepress.project import load_project  # noqa: E402
from zinepress.render.fetch import ConfinedFetcher  # noqa: E402

SLUG = "unpacking-self-harm"
PARTS = ("layouts", "fonts", "regions", "zines", "locales")
BODY = re.compile(r"(    body: \|\n)((?:      .*\n|\n)+)")
FILL, LONGER = 0.88, 1.3
LANGS = ("en", "es", "de")
OPTIONS = dict(slugs=(SLUG,), regions=("us",), layouts=("minizine", "booklet", "reader"),
               draft=True)


def lengthen(text: str, factors: dict[str, float]) -> str:
    """Return zine.yaml with each listed panel's body that many times as long (its own words)."""
    def panel(block: str) -> str:
        factor = factors.get(block.split("\n", 1)[0].strip())
        if factor is None:
            return block
        def body(match: re.Match) -> str:
            words = match.group(2).split()
            return f"{match.group(1)}      {' '.join((words * 10)[:round(len(words) * factor)])}\n\n"
        return BODY.sub(body, block)
    return "\n  - id: ".join(panel(b) for b in text.split("\n  - id: "))


def fills(root: Path) -> dict[str, float]:
    """Return how full each text panel's page is, in the tightest layout (en, laid out once)."""
    report = Report()
    project = load_project(root, report, (SLUG,))
    options = Options(langs=("en",), **OPTIONS)
    worst: dict[str, float] = {}
    for job in select_jobs(project.zines, project.layouts, project.regions, options, report):
        loc = pipeline.localize_job(project, job, options, report)
        panels = pipeline.pad(loc, job, report)
        crisis = crisis_view(loc, report, dt.date.today(), True)
        fetcher = ConfinedFetcher([root / "zines", root / "layouts", root / "fonts"])
        document, _, _ = pipeline.render_pages(loc, job, panels, crisis, project, fetcher, options)
        for panel_id, where in placements(document, [p.id for p in panels if p.kind == "text"]).items():
            worst[panel_id] = max(worst.get(panel_id, 0.0), where.needed / where.available)
    return worst


def make_copy(target: Path, longer: float) -> Path:
    """Copy the project's inputs into target, its text panels filled to FILL, times `longer`."""
    for part in PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, target / part)
    yaml = target / "zines" / SLUG / "zine.yaml"
    source = yaml.read_text(encoding="utf-8")
    factors = {panel_id: FILL / fill for panel_id, fill in fills(target).items()}
    yaml.write_text(lengthen(source, factors), encoding="utf-8")
    # Headings do not grow with the body: correct once from the heights measured.
    factors = {i: f * FILL / fill for i, fill in fills(target).items() for f in [factors[i]]}
    yaml.write_text(lengthen(source, {i: f * longer for i, f in factors.items()}), encoding="utf-8")
    return target


FIT_SECONDS: list[float] = []


def timed_fit(*args, **kwargs):
    """Run the fit stage, adding its CPU time to FIT_SECONDS."""
    start = time.process_time()
    try:
        return FIT_PAGES(*args, **kwargs)
    finally:
        FIT_SECONDS.append(time.process_time() - start)


FIT_PAGES, pipeline.fit_pages = pipeline.fit_pages, timed_fit    # what build_job calls


def build_all(root: Path) -> tuple[float, int, int]:
    """Return the CPU seconds of one build of every language (PDFs written), outputs, panels
    shrunk. CPU time, not wall time: other work on a busy machine does not count."""
    outputs, fitted = 0, 0
    start = time.process_time()
    for lang in LANGS:     # one build per language: es-us and de-us are not listed variants
        built, report = pipeline.build(root, Options(langs=(lang,), out=root / "build", **OPTIONS))
        outputs += len(built)
        fitted += sum("to fit its page" in p.message for p in report.warnings)
    return time.process_time() - start, outputs, fitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    logging.basicConfig(level=logging.ERROR)
    times: dict[str, list[float]] = {"fits": [], "overflows": []}
    fit: dict[str, list[float]] = {"fits": [], "overflows": []}
    shrunk: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"fits": make_copy(Path(tmp) / "fits", 1.0),
                 "overflows": make_copy(Path(tmp) / "overflows", LONGER)}
        build_all(roots["fits"])                            # warm up: imports, fonts
        for _ in range(runs):                               # alternate: a busy machine hits both
            for name, root in roots.items():
                FIT_SECONDS.clear()
                seconds, outputs, shrunk[name] = build_all(root)
                times[name].append(seconds)
                fit[name].append(sum(FIT_SECONDS))
    base, auto = min(times["fits"]), min(times["overflows"])
    print(f"fit bench: 3 languages (en; es, de untranslated, --draft) x 3 layouts = {outputs} "
          f"PDFs, CPU time, best and median of {runs} runs")
    for label, name in (("nothing overflows:    ", "fits"), ("30 % longer, auto-fit:", "overflows")):
        print(f"  {label} {min(times[name]):6.2f} s  (median {statistics.median(times[name]):.2f} s,"
              f" {shrunk[name]} panels shrunk, {statistics.median(fit[name]):.2f} s in the fit "
              "stage)")
    total, fitting = statistics.median(times["overflows"]), statistics.median(fit["overflows"])
    print(f"  ratio: {auto / base:.2f} (target <= 1.5)")
    print(f"  of which the fit stage: {total / (total - fitting):.2f} (the rest is 30 % more text)")


if __name__ == "__main__":
    main()
