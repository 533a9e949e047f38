"""Benchmark the fit stage: the seed zine in 3 languages x 3 layouts, overflowing vs fitting.

The seed zine's panels fill only about 40 % of a page, so nothing in it overflows. The bench
makes two copies of the project in a temporary folder:

- "fits": every text panel's body lengthened (repeating its own words, in the YAML and in each
  translation) until the panel fills about 88 % of its page, in each language, in the tightest
  layout that prints it: nothing overflows;
- "overflows": the same bodies 30 % longer still: the panels overflow and the fit stage shrinks
  them.

Both are built the same way (PDFs and printing instructions written); the ratio of their CPU
times is the headline. The longer text costs time of its own, so the bench also times the fit
stage itself and prints its share.

Languages: en, es and ar (right to left), as translated in zines/…/locales. Arabic is
translated for the pocket edition only, so it builds the mini zine only (as zine.yaml's
`languages:` says): 7 PDFs, not 9.

Run: python bench/fit.py [--runs N]
"""
from __future__ import annotations

import argparse
import logging
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zinepress import build as pipeline  # noqa: E402
from zinepress.errors import Report  # noqa: E402
from zinepress.fit.measure import placements  # noqa: E402
from zinepress.jobs import Options, select_jobs  # noqa: E402
from zinepress.project import load_project  # noqa: E402

SLUG = "unpacking-self-harm"
PARTS = ("layouts", "themes", "fonts", "regions", "zines", "locales")
BODY = re.compile(r"(    body: \|\n)((?:      .*\n|\n)+)")
FILL, LONGER = 0.88, 1.3
LANGS = ("en", "es", "ar")
THREE = ("minizine", "booklet", "reader")
LAYOUTS = {"en": THREE, "es": THREE, "ar": ("minizine",)}   # as zine.yaml's `languages:` says
# force: every run builds (an unchanged output is otherwise kept); workers=1: CPU time is
# measured in this process, so the build must run here, not in worker processes.
OPTIONS = dict(slugs=(SLUG,), regions=("us",), force=True, workers=1)
Factors = dict[str, dict[str, float]]          # language -> panel id -> how many times longer


def repeated(text: str, factor: float) -> str:
    """Return the text's own words, repeated, `factor` times as many."""
    words = text.split()
    return " ".join((words * 10)[:round(len(words) * factor)])


def lengthen(root: Path, source: str, catalogs: dict[str, str], factors: Factors) -> None:
    """Write zine.yaml and its translations with each text panel's body lengthened."""
    bodies: dict[str, str] = {}

    def panel(block: str) -> str:
        panel_id = block.split("\n", 1)[0].strip()
        if panel_id not in factors["en"]:
            return block
        def body(match: re.Match) -> str:
            bodies[panel_id] = repeated(match.group(2), factors["en"][panel_id])
            return f"{match.group(1)}      {bodies[panel_id]}\n\n"
        return BODY.sub(body, block)
    folder = root / "zines" / SLUG
    (folder / "zine.yaml").write_text("\n  - id: ".join(panel(b) for b in source.split("\n  - id: ")),
                                      encoding="utf-8")
    for lang, text in catalogs.items():
        catalog = polib.pofile(text)
        for entry in catalog:
            panel_id, _, field = (entry.msgctxt or "").partition(".")
            if field == "body" and panel_id in factors.get(lang, {}) and entry.msgstr:
                entry.msgid = bodies[panel_id] + "\n"     # still the translation of the source
                entry.msgstr = repeated(entry.msgstr, factors[lang][panel_id]) + "\n"
        catalog.save(str(folder / "locales" / f"{lang}.po"))


def fills(root: Path) -> Factors:
    """Return how full each text panel's page is, per language, in its tightest layout."""
    report = Report()
    project = load_project(root, report, (SLUG,))
    worst: Factors = {lang: {} for lang in LANGS}
    for lang in LANGS:
        options = Options(langs=(lang,), layouts=LAYOUTS[lang], **OPTIONS)
        for job in select_jobs(project.zines, project.layouts, project.regions, options, report):
            if job.extra:
                continue
            work = pipeline.lay_out(project, job, options, report)
            work.document = work.render(work.html())     # as laid out before the fit stage
            text = [p.id for p in work.panels if p.kind == "text"]
            for panel_id, where in placements(work.document, text).items():
                fill = where.needed / where.available
                worst[lang][panel_id] = max(worst[lang].get(panel_id, 0.0), fill)
    return worst


def make_copy(target: Path, longer: float) -> Path:
    """Copy the project's inputs into target, text panels filled to FILL, times `longer`."""
    for part in PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, target / part)
    folder = target / "zines" / SLUG
    source = (folder / "zine.yaml").read_text(encoding="utf-8")
    catalogs = {p.stem: p.read_text(encoding="utf-8") for p in (folder / "locales").glob("*.po")}
    factors = {lang: {i: FILL / fill for i, fill in found.items()}
               for lang, found in fills(target).items()}
    lengthen(target, source, catalogs, factors)
    # Headings do not grow with the body: correct once from the heights measured.
    for lang, found in fills(target).items():
        factors[lang] = {i: factors[lang][i] * FILL / fill for i, fill in found.items()}
    lengthen(target, source, catalogs, {lang: {i: f * longer for i, f in found.items()}
                                        for lang, found in factors.items()})
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
    """Return the CPU seconds of one build of every language (files written), the PDFs of
    zines built, and the panels shrunk. CPU time: other work on a busy machine does not count."""
    pdfs, fitted = 0, 0
    start = time.process_time()
    for lang in LANGS:     # one build per language: en-us, es-us and ar-us
        built, report = pipeline.build(root, Options(langs=(lang,), layouts=LAYOUTS[lang],
                                                     out=root / "build", **OPTIONS))
        pdfs += sum(not o.path.stem.endswith("instructions") for o in built)
        fitted += sum("to fit its page" in p.message for p in report.warnings)
    return time.process_time() - start, pdfs, fitted


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
                seconds, pdfs, shrunk[name] = build_all(root)
                times[name].append(seconds)
                fit[name].append(sum(FIT_SECONDS))
    base, auto = min(times["fits"]), min(times["overflows"])
    print(f"fit bench: en, es, ar x minizine, booklet, reader ({pdfs} PDFs: ar has the mini zine "
          f"only), CPU time, best and median of {runs} runs")
    for label, name in (("nothing overflows:    ", "fits"), ("30 % longer, auto-fit:", "overflows")):
        print(f"  {label} {min(times[name]):6.2f} s  (median {statistics.median(times[name]):.2f} s,"
              f" {shrunk[name]} panels shrunk, {statistics.median(fit[name]):.2f} s in the fit "
              "stage)")
    total, fitting = statistics.median(times["overflows"]), statistics.median(fit["overflows"])
    print(f"  ratio: {auto / base:.2f} (target <= 1.5)")
    print(f"  of which the fit stage: {total / (total - fitting):.2f} (the rest is 30 % more text)")


if __name__ == "__main__":
    main()
