"""Fixtures: a copy of the real project per test, and a way to run the CLI like a user."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zinepress.cli import main
from zinepress.errors import Report
from zinepress.project import Project, load_project

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("layouts", "themes", "fonts", "regions", "zines", "locales")
SHIPPED = "unpacking-self-harm"


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Return a list that grows by one at each WeasyPrint layout (weasyprint.HTML.render)."""
    import weasyprint        # only the tests that count layouts pay for it

    calls: list[int] = []
    original = weasyprint.HTML.render
    monkeypatch.setattr(weasyprint.HTML, "render",
                        lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    return calls


@pytest.fixture(scope="module")
def shipped() -> Project:
    """Return the shipped zine's project as loaded, once per test module."""
    report = Report()
    project = load_project(ROOT, report, (SHIPPED,))
    assert not report.errors
    return project


def copy_project(target: Path, zines: bool = True) -> Path:
    """Copy the project's inputs (not build/) into target and return it."""
    for part in PROJECT_PARTS:
        if (ROOT / part).is_dir() and (zines or part != "zines"):
            shutil.copytree(ROOT / part, target / part)
    if not zines:
        (target / "zines").mkdir()
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the whole project."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """The project's layouts, fonts and regions with no zines."""
    return copy_project(tmp_path / "project", zines=False)


class Run:
    """The result of one `zine …` invocation."""

    def __init__(self, exit_code: int, output: str, exception: BaseException | None) -> None:
        self.exit_code = exit_code
        self.output = output
        self.exception = exception


def zine(cwd: Path, *args: str) -> Run:
    """Run `zine ARGS` in cwd as a user would; tracebacks fail the test."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return Run(result.exit_code, result.output, result.exception)


def set_body(path: Path, panel_id: str, body: str) -> None:
    """Replace one panel's body in a zine.yaml (a one-line body; the rest of the file kept)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {panel_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - ")
                or not lines[i].startswith(" ")), len(lines))
    kept, skipping = [], False
    for line in lines[start + 1:end]:
        if line.startswith("    body:"):
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue
        skipping = False
        kept.append(line)
    new = [lines[start], f"    body: {body}\n"] + kept
    path.write_text("".join(lines[:start] + new + lines[end:]), encoding="utf-8")
