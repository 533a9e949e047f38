"""Measure once (issue 16): tries in one layout decide what the old search decided, in ≤ 3 renders.

- A crisis panel that runs over keeps as many contacts as the search by halves (one layout per
  guess, on the crisis panels alone) would keep, in every layout and region tried here.
- Every output of the shipped zine takes at most 3 WeasyPrint layouts, marks included.
- A try's page stands in for a panel's own only when no page style depends on its place.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, zine
from tests.pdfs import all_text
from zinepress.build import build_job, fit_stage, localize_stage, render_stage
from zinepress.crisis import contact_count
from zinepress.errors import Report
from zinepress.fit.crisis import CrisisCut
from zinepress.fit.tries import movable
from zinepress.jobs import Options, select_jobs
from zinepress.project import Project
from zinepress.work import Work

SLUG = "unpacking-self-harm"
MOST_RENDERS = 3


def jobs(project: Project, lang: str, region: str, **chosen) -> list:
    options = Options((SLUG,), (lang,), (region,), **chosen)
    return [(job, options) for job in select_jobs(project.zines, project.layouts,
                                                  project.regions, options, Report())]


@pytest.mark.parametrize("lang, region", [("en", "us"), ("es", "us")])
def test_crisis_cut_is_the_one_the_search_by_halves_finds(shipped: Project, lang: str,
                                                          region: str) -> None:
    cut_somewhere = 0
    for job, options in jobs(shipped, lang, region, instructions=False):
        work = Work(shipped, job, options, Report())
        localize_stage(work)
        render_stage(work)
        cut = CrisisCut.needed(work)
        if cut is None:
            continue
        searched = cut.searched(work)          # one layout per guess, as before issue 16
        fit_stage(work)
        assert not work.failed, [str(e) for e in work.report.errors]
        assert contact_count(cut.view) - contact_count(work.crisis) == searched, job.label
        assert work.crisis.omitted == searched
        cut_somewhere += 1
    assert cut_somewhere >= 1       # these regions have more lines than a mini zine holds


@pytest.mark.parametrize("lang, region", [("en", "us"), ("es", "mx"), ("ar", "lb")])
def test_every_output_takes_at_most_three_layouts(shipped: Project, lang: str, region: str,
                                                  renders: list[int]) -> None:
    counts = {}
    for job, options in jobs(shipped, lang, region):
        renders.clear()
        report = Report()
        assert build_job(shipped, job, options, report) is not None, \
            [str(e) for e in report.errors]
        counts[job.path.name] = len(renders)
    assert len(counts) >= 10
    assert {name: n for name, n in counts.items() if n > MOST_RENDERS} == {}


@pytest.mark.parametrize("css, page, expected", [
    ("section.panel:first-child { break-before: auto; }", 0, True),
    ("@page :first { @bottom-center { content: none; } }", 0, False),
    ("@page :first { @bottom-center { content: none; } }", 1, True),
    ("@page :left { margin-left: 2cm; }", 3, False),
    ("@page { @bottom-center { content: counter(page); } }", 3, False),
    ("@page { @bottom-center { content: counter( pages ); } }", 3, False),
    ("section { break-before: recto; }", 3, False),
    ("@page { @bottom-center { content: string(folio); } }", 3, True),
])
def test_a_page_moves_only_when_no_style_depends_on_its_place(css: str, page: int,
                                                              expected: bool) -> None:
    assert movable(f"<style>{css}</style>")(page) is expected


def test_press_does_not_import_the_job_selection() -> None:
    # jobs.py selects jobs with press.py's decisions; press.py needs only job.py (issue 16).
    tree = ast.parse((Path(ROOT) / "zinepress" / "press.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "zinepress.jobs" not in imported
    assert "zinepress.job" in imported


def test_a_template_without_tries_cuts_the_same_lines(tmp_path: Path) -> None:
    # A project's own cards template from before tries (issue 16): laid out alone instead.
    project = copy_project(tmp_path / "project")
    old = (Path(ROOT) / "layouts" / "cards" / "pages.html").read_text(encoding="utf-8")
    start, end = old.index("{% macro card("), old.index("{% endmacro %}")
    body = old[start:end].split("\n", 1)[1].replace(
        '{% if tried %} data-try="{{ tried }}"{% endif %}', "")
    (project / "layouts" / "cards").mkdir(parents=True, exist_ok=True)
    (project / "layouts" / "cards" / "pages.html").write_text(
        old[:start] + "{% for panel in panels %}\n" + body + "{% endfor %}\n"
        + old[old.index("</body>"):], encoding="utf-8")
    args = ("build", SLUG, "-l", "en", "-r", "us", "-L", "cards", "--no-instructions")
    assert zine(project, *args, "-o", "own").exit_code == 0
    assert zine(Path(ROOT), *args, "-o", str(tmp_path / "shipped")).exit_code == 0
    pdf = Path("unpacking-self-harm/en-us/cards-letter.pdf")
    assert "data-try" not in (project / "layouts" / "cards" / "pages.html").read_text()
    assert all_text(project / "own" / pdf) == all_text(tmp_path / "shipped" / pdf)
