"""Acceptance: the shipped zine's text panels fill their pages, in every theme (issue 15).

For en-us and es-mx (letter) and en-gb and ar-intl (A4), on the booklet, the mini zine and the
tri-fold, each text panel's text block (covers, back covers, notes and sources pages aside) fills
at least 55 % of its page's text area, the median panel at least 70 %, and the body sizes stay
within the layout's max_size_ratio. Measured on the pages the build writes (the fitted layout);
`python bench/fill.py` prints the same figures.
"""
from __future__ import annotations

import statistics

import pytest

from zinepress import build as pipeline
from zinepress.errors import Report
from zinepress.fit.fill import fills
from zinepress.jobs import Options, select_jobs
from zinepress.project import Project

SLUG = "unpacking-self-harm"
VARIANTS = (("en", "us"), ("es", "mx"), ("en", "gb"), ("ar", "intl"))
LAYOUTS = ("booklet", "minizine", "trifold")
MIN_FILL, MEDIAN_FILL = 0.55, 0.70


@pytest.mark.parametrize("theme", ["plain", "bold", "handmade"])
def test_text_panels_fill_their_pages_in_every_theme(shipped: Project, theme: str) -> None:
    report, found = Report(), []
    for lang, region in VARIANTS:
        options = Options(slugs=(SLUG,), langs=(lang,), regions=(region,), layouts=LAYOUTS,
                          instructions=False, theme=theme)
        for job in select_jobs(shipped.zines, shipped.layouts, shipped.regions, options, report):
            laid = pipeline.lay_out(shipped, job, options, report)
            assert laid is not None, [str(e) for e in report.errors]
            measured = fills(laid.document, {p.id: p.kind for p in laid.panels})
            ratios, sizes = [f.ratio for f in measured], [f.size for f in measured]
            found.append((job.label, min(ratios), statistics.median(ratios),
                          max(sizes) / min(sizes), job.layout.max_size_ratio))
    assert len(found) == len(VARIANTS) * len(LAYOUTS)
    assert [f for f in found if f[1] < MIN_FILL or f[2] < MEDIAN_FILL] == []
    assert [f for f in found if f[3] > f[4] + 0.01] == []     # sizes are rounded to 0.01 pt
