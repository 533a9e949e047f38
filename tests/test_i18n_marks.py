"""Unbalanced Markdown marks in a translation: found, named, and never printed."""
from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import copy_project, zine
from zinepress.i18n.marks import unbalanced_marks

SLUG = "unpacking-self-harm"


@pytest.mark.parametrize("source, translation, marks", [
    ("a **b** c", "x **y** z", []),
    ("a **b** c", "x **y z", ["**"]),
    ("a *b* c", "x *y z", ["*"]),
    ("a _b_ c", "x _y z", ["_"]),
    ("a *b* c", "x _y_ z", []),                  # another way to mark the same emphasis
    ("snake_case", "snake_case", []),            # printed as written in the source too
    ("3 * 4", "3 * 4", []),
    ("plain", "x **y", ["**"]),
])
def test_unbalanced_marks(source: str, translation: str, marks: list[str]) -> None:
    found = unbalanced_marks(source, translation)
    assert [m.split()[1] for m in found] == marks


def test_an_unclosed_strong_mark_stops_the_build_naming_the_entry(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    es = project / "zines" / SLUG / "locales" / "es.po"
    po = polib.pofile(str(es), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "temporary-relief.body")
    assert entry.msgstr.count("**") == 2
    entry.msgstr = entry.msgstr.replace("**", "", 1)
    po.save(str(es))
    line = next(e.linenum for e in polib.pofile(str(es)) if e.msgctxt == "temporary-relief.body")
    run = zine(project, "build", SLUG, "-l", "es", "-r", "us", "-L", "reader")
    assert run.exit_code == 1
    assert (f"zines/unpacking-self-harm/locales/es.po:{line}: 'temporary-relief.body': a ** is "
            "not closed (or not opened): it would print as written; mark the emphasis as the "
            "source does (**words**)") in run.output.splitlines()
