"""A build with nothing to build: it checks what a build checks and says what a build says,
without reading what it need not (issue 16). Structural: nothing here is timed.

A kept output's PO files are not read again (zinepress.batch.read_catalogs): its input hash says
they are as when it was built, that build had no error, and its warnings were recorded with it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project, zine
from tests.test_i18n_copied import WARNING, copied_fr
from zinepress.batch import _sound
from zinepress.errors import Report
from zinepress.inputs import LIBRARIES, Hasher, libraries, tool_fingerprint
from zinepress.jobs import Options, select_jobs
from zinepress.load.sound_fonts import SOUND
from zinepress.project import load_project
from zinepress.render.fonts import font_damage

SLUG = "unpacking-self-harm"
MSGINIT = {"Last-Translator": "Automatically generated", "Language-Team": "none"}
# fr is a copy of es.po (a warning on every build); the mini zine carries the crisis-lines
# poster on its back, so its sheet is two-sided.
COPIED = ("build", SLUG, "-l", "fr", "-l", "es", "-r", "intl", "-L", "minizine", "--draft",
          "--back-poster", "-j", "1")


def summary_free(output: str) -> list[str]:
    """Return the lines of a build's output but its last ("built N, unchanged M: …")."""
    return output.splitlines()[:-1]


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Build fr-intl and es-intl, fr.po being a copy of es.po, then build the same again."""
    project = copy_project(tmp_path_factory.mktemp("noop") / "project")
    copied_fr(project, MSGINIT)
    first = zine(project, *COPIED)
    manifest = project / "build" / "manifest.json"
    before = manifest.stat()
    again = zine(project, *COPIED)
    return {"project": project, "first": first, "again": again, "before": before,
            "after": manifest.stat(),
            "entries": {Path(e["path"]).name + " " + e["lang"]: e
                        for e in json.loads(manifest.read_text())["outputs"]}}


def test_the_rebuild_builds_nothing(copied: dict) -> None:
    assert copied["first"].exit_code == 0, copied["first"].output
    assert copied["first"].output.splitlines()[-1] == "built 4, unchanged 0: build/"
    assert copied["again"].exit_code == 0, copied["again"].output
    assert copied["again"].output.splitlines()[-1] == "built 0, unchanged 4: build/"


def test_the_rebuild_says_all_the_build_said(copied: dict) -> None:
    # the copied translations' warning, every other warning, and what to print, line for line
    assert WARNING in copied["first"].output.splitlines()
    assert summary_free(copied["again"].output) == summary_free(copied["first"].output)


def test_two_sidedness_is_recorded_where_the_output_is_made(copied: dict) -> None:
    entries = copied["entries"]
    assert {name: e["sides"] for name, e in entries.items()} == {
        "minizine-a4.pdf fr": 2, "minizine-a4-instructions.pdf fr": 1,
        "minizine-a4.pdf es": 2, "minizine-a4-instructions.pdf es": 1}
    assert "  minizine-a4.pdf               1 sheet of A4 landscape, two-sided, flip on the " \
           "short edge" in copied["again"].output.splitlines()


def test_the_rebuild_rewrites_not_even_the_manifest(copied: dict) -> None:
    before, after = copied["before"], copied["after"]
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


PO_ERROR = (f"zines/{SLUG}/locales/es.po:{{line}}: not a valid PO file: a line must be a keyword "
            "(msgid, msgstr …) with a \"quoted string\", a \"quoted string\" or a # comment")


def test_a_po_error_fails_every_build_until_it_is_mended(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build = ("build", SLUG, "-l", "en", "-l", "es", "-r", "us", "-L", "poster", "-j", "1")
    assert zine(project, *build).exit_code == 0
    poster = project / "build" / SLUG / "es-us" / "poster-letter.pdf"
    made = poster.read_bytes()
    po = project / "zines" / SLUG / "locales" / "es.po"
    lines = po.read_text(encoding="utf-8").count("\n")
    with po.open("a", encoding="utf-8") as handle:
        handle.write("msgstr unquoted\n")
    broken = zine(project, *build)    # en-us is kept; es-us reads the PO file
    again = zine(project, *build)
    for run in (broken, again):
        assert run.exit_code == 1
        assert PO_ERROR.format(line=lines + 1) in run.output.splitlines()
    assert again.output == broken.output
    assert poster.read_bytes() == made


def jobs_and_hash(project: Path) -> dict[str, str]:
    """Return the input hash of the en-us and es-us mini zines, by language."""
    report = Report()
    loaded = load_project(project, report)
    options = Options((SLUG,), ("en", "es"), ("us",), ("minizine",), instructions=False)
    jobs = select_jobs(loaded.zines, loaded.layouts, loaded.regions, options, report)
    hasher = Hasher(loaded, options, dt.date(2026, 12, 1))
    return {job.variant.lang: hasher.job(job) for job in jobs}


def test_another_languages_po_file_is_an_input_where_translations_are_compared(
        tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = jobs_and_hash(project)
    copied_fr(project, MSGINIT)       # es.po's translations may now be compared with fr.po's
    after = jobs_and_hash(project)
    assert after["es"] != before["es"]
    assert after["en"] == before["en"]    # English has no PO file: nothing is compared


def test_the_libraries_versions_are_read_from_their_dist_info_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WeasyPrint-71.0.dist-info", "PyYAML-7.1.dist-info",
                 "markdown_it_py-9.0.dist-info", "unrelated-1.0.dist-info", "polib-2.0.txt"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])
    assert libraries(LIBRARIES) == ["markdown_it_py-9.0", "pyyaml-7.1", "weasyprint-71.0"]


def test_a_library_upgrade_changes_the_tool_fingerprint(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = tool_fingerprint.__wrapped__()
    (tmp_path / "phonenumbers-99.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert tool_fingerprint.__wrapped__() != before


GOOD = {"pages": 8, "sheets": 1, "sides": 2, "warnings": [], "inputs": "a" * 64,
        "sha256": "b" * 64, "path": "build/x.pdf"}


@pytest.mark.parametrize("entry", [
    {k: v for k, v in GOOD.items() if k != "sides"},      # written by an older zinepress
    {**GOOD, "sides": 3}, {**GOOD, "pages": "8"}, {**GOOD, "sheets": True},
    {**GOOD, "warnings": "none"}, {**GOOD, "warnings": [1]}, {**GOOD, "inputs": None},
    [GOOD], None,
], ids=["no-sides", "three-sides", "pages-text", "sheets-bool", "warnings-text",
        "warning-number", "inputs-null", "a-list", "null"])
def test_an_unsound_manifest_entry_means_building_again(entry: object) -> None:
    assert _sound(GOOD)
    assert not _sound(entry)


def test_every_bundled_font_is_known_sound_and_is() -> None:
    listed = yaml.safe_load((ROOT / "fonts" / "fonts.yaml").read_text(encoding="utf-8"))
    digests = {}
    for entry in listed:
        data = (ROOT / "fonts" / entry["file"]).read_bytes()
        assert font_damage(data) is None, entry["file"]
        digests[hashlib.sha256(data).hexdigest()] = entry["file"]
    assert set(digests) == SOUND, "load/sound_fonts.py must list exactly the bundled fonts"


def test_a_damaged_copy_of_a_bundled_font_is_still_checked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    font = project / "fonts" / "NotoSans-Regular.ttf"
    data = bytearray(font.read_bytes())
    data[-100] ^= 0xFF                 # inside the last table: its checksum no longer holds
    font.write_bytes(bytes(data))
    run = zine(project, "build", SLUG, "-l", "en", "-r", "intl", "-L", "poster")
    assert run.exit_code == 1
    assert re.search(r"^fonts/fonts.yaml:\d+: font 1: font file 'NotoSans-Regular.ttf' is "
                     r"damaged \(bad checksum for '\w+ ?'", run.output, re.M), run.output


def test_every_file_of_a_layout_is_an_input_even_in_a_locales_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = jobs_and_hash(project)
    (project / "layouts" / "minizine" / "locales").mkdir()
    (project / "layouts" / "minizine" / "locales" / "notes.txt").write_text("a file all the same")
    assert jobs_and_hash(project)["en"] != before["en"]
