"""A PO file made with msginit from another language's file is reported, not counted."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine

SLUG = "unpacking-self-harm"
WARNING = ("zines/unpacking-self-harm/locales/fr.po: warning: fr: 39 translation(s) are the same "
           "as in es.po: this file looks made from es.po (as `msginit -i es.po` does), so they "
           "count as not translated. Translate them into this language, or start again from the "
           "zine's .pot template (`zine i18n add`)")


def copied_fr(project: Path, header: dict[str, str]) -> Path:
    """Write fr.po as msginit makes it from es.po, with the header's fields replaced."""
    locales = project / "zines" / SLUG / "locales"
    text = (locales / "es.po").read_text(encoding="utf-8").replace('"Language: es\\n"',
                                                                     '"Language: fr\\n"')
    for name, value in header.items():
        start = text.index(f'"{name}: ')
        end = text.index('\\n"', start)
        text = text[:start] + f'"{name}: {value}' + text[end:]
    (locales / "fr.po").write_text(text, encoding="utf-8")
    return locales / "fr.po"


@pytest.mark.parametrize("header", [
    {"Last-Translator": "Automatically generated", "Language-Team": "none"},   # msginit's
    {"Last-Translator": "Jean Dupont", "Language-Team": "French"},   # filled in: the letters tell
], ids=["msginit-header", "spanish-letters"])
def test_a_copy_of_the_spanish_file_counts_as_untranslated(tmp_path: Path,
                                                           header: dict[str, str]) -> None:
    project = copy_project(tmp_path / "project")
    copied_fr(project, header)
    run = zine(project, "i18n", "status", SLUG)
    rows = {tuple(line.split()[:3]): line.split() for line in run.output.splitlines()[1:]}
    assert rows[(SLUG, "fr", "PO")][4:7] == ["39", "0", "0"]      # as Poedit counts it
    assert rows[(SLUG, "fr", "pocket")][3:6] == ["0", "0", "18"]  # what a print needs
    assert rows[(SLUG, "es", "pocket")][3:6] == ["18", "0", "0"]  # the original is not blamed
    assert WARNING in run.output.splitlines()
    build = zine(project, "build", SLUG, "-l", "fr", "-r", "intl", "-L", "minizine")
    assert build.exit_code == 1
    assert WARNING in build.output.splitlines()


def test_real_msginit_output_is_detected(tmp_path: Path) -> None:
    if shutil.which("msginit") is None:
        pytest.skip("GNU gettext's msginit is not installed: sudo apt-get install gettext")
    project = copy_project(tmp_path / "project")
    locales = project / "zines" / SLUG / "locales"
    subprocess.run(["msginit", "--no-translator", "-i", str(locales / "es.po"), "-l", "fr",
                    "-o", str(locales / "fr.po")], check=True, capture_output=True)
    run = zine(project, "i18n", "status", SLUG)
    assert WARNING in run.output.splitlines()
    from tests.pdfs import all_text

    draft = zine(project, "build", SLUG, "-l", "fr", "-r", "intl", "-L", "minizine", "--draft")
    assert draft.exit_code == 0, draft.output
    text = all_text(project / "build" / SLUG / "fr-intl" / "minizine-a4.pdf")
    assert "Automatically generated" not in text        # msginit's header is no credit
    assert "DRAFT: NOT TRANSLATED YET" in text.upper()
