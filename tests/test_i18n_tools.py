"""The shipped PO and POT files as translators' tools see them: msgfmt, pofilter, pybabel, Poedit.

GNU gettext (msgfmt) is installed by `./dev test` when it runs as root; without root the tests
that need it are skipped, saying so. translate-toolkit (pofilter) and Babel (pybabel) are in the
test extra.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import ROOT, copy_project, zine

SLUG = "unpacking-self-harm"
SHIPPED = sorted([*ROOT.glob("locales/*.po"), *ROOT.glob("locales/*.pot"),
                  *ROOT.glob("zines/*/locales/*.po"), *ROOT.glob("zines/*/locales/*.pot")])
BIN = Path(sys.executable).parent
# The checks of translate-toolkit that compare a translation's machinery with its source.
POFILTER_TESTS = ("variables", "urls", "numbers", "brackets")


def msgfmt() -> str:
    """Return the msgfmt command, or skip the test saying how to get it."""
    found = shutil.which("msgfmt")
    if found is None:
        if os.geteuid() == 0:
            pytest.fail("msgfmt is missing although the tests run as root: ./dev test installs "
                        "gettext with apt; run the tests through ./dev test")
        pytest.skip("GNU gettext's msgfmt is not installed and the tests do not run as root: "
                    "sudo apt-get install gettext")
    return found


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_project_ships_a_template_beside_every_zines_po_files() -> None:
    for folder in ROOT.glob("zines/*/locales"):
        assert (folder / f"{folder.parent.name}.pot").is_file()
    assert len(SHIPPED) >= 6


@pytest.mark.parametrize("path", SHIPPED, ids=relative)
def test_msgfmt_check_reports_no_warning(path: Path) -> None:
    run = subprocess.run([msgfmt(), "--check", "--statistics", "-o", os.devnull, str(path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "translated message" in lines[0], run.stderr   # statistics only


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.suffix == ".po"], ids=relative)
def test_pofilter_finds_no_problem(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "problems.po"
    tests = [arg for name in POFILTER_TESTS for arg in ("-t", name)]
    run = subprocess.run([str(BIN / "pofilter"), *tests, "--progress=none", "-i", str(path),
                          "-o", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    found = [e for e in polib.pofile(str(out))] if out.is_file() else []
    assert found == [], "\n".join(f"{e.tcomment}: {e.msgid[:60]}" for e in found)


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_pybabel_compiles_and_updates_the_layout_words(lang: str, tmp_path: Path) -> None:
    po = tmp_path / f"{lang}.po"
    shutil.copy(ROOT / "locales" / f"{lang}.po", po)
    compiled = subprocess.run([str(BIN / "pybabel"), "compile", "-i", str(po), "-o",
                               str(tmp_path / f"{lang}.mo"), "-l", lang],
                              capture_output=True, text=True, check=False)
    assert compiled.returncode == 0, compiled.stderr
    said = compiled.stdout + compiled.stderr          # pybabel exits 0 after "2 errors encountered"
    assert "error" not in said.lower(), said
    updated = subprocess.run([str(BIN / "pybabel"), "update", "-i",
                              str(ROOT / "locales" / "zinepress.pot"), "-o", str(po), "-l", lang],
                             capture_output=True, text=True, check=False)
    assert updated.returncode == 0, updated.stderr
    # No "100 % on" read as a %-format: pybabel update adds no python-format flag.
    assert not [e.msgid for e in polib.pofile(str(po)) if "python-format" in e.flags]
    run = subprocess.run([msgfmt(), "-c", "-o", os.devnull, str(po)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stderr


def test_a_line_added_at_the_top_of_zine_yaml_changes_no_po_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    files = sorted(project.glob("**/locales/*.po*"))
    before = {p: p.read_bytes() for p in files}
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text("# a comment the author added\n" + yaml.read_text(encoding="utf-8"),
                    encoding="utf-8")
    run = zine(project, "i18n", "update")
    assert run.exit_code == 0, run.output
    assert {p: p.read_bytes() for p in files} == before
    assert "(updated)" not in run.output


def test_every_reference_names_the_file_and_the_panel() -> None:
    po = polib.pofile(str(ROOT / "zines" / SLUG / "locales" / "es.po"))
    body = next(e for e in po if e.msgctxt == "not-suicide.body")
    assert body.occurrences == [(f"zines/{SLUG}/zine.yaml#not-suicide", "")]
    assert all(not line for e in po for _, line in e.occurrences)


def test_mo_files_are_ignored() -> None:
    assert "*.mo" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
