"""Language editions as printed: Spanish complete, credits in the colophon, hyphenation, glyphs."""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import polib
import pyphen
import pytest

from tests.conftest import ROOT, copy_project, zine
from tests.pdfs import all_text

SLUG = "unpacking-self-harm"
PLACEHOLDER = re.compile(r"\{\w+\}")


@pytest.fixture(scope="module")
def es(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Spanish edition for the US, every layout, as a print build (no --draft)."""
    project = copy_project(tmp_path_factory.mktemp("es") / "project")
    run = zine(project, "build", SLUG, "-l", "es", "-r", "us")
    assert run.exit_code == 0, run.output
    assert "not translated" not in run.output                # nothing fell back to English
    return project / "build" / SLUG / "es-us"


def test_the_spanish_edition_prints_no_english_panel_text(es: Path) -> None:
    text = all_text(es / "reader-letter.pdf")
    for english in ("Self-harm is not the same", "Research shows", "If you want to talk",
                    "Harm reduction is often"):
        assert english not in text
    assert "La autolesión no es lo mismo que la ideación suicida" in " ".join(text.split())


def test_the_colophon_credits_the_translation_and_says_it_needs_review(es: Path) -> None:
    text = " ".join(all_text(es / "booklet-letter.pdf").split())
    assert "Traducción: zinepress" in text
    assert "Esta traducción es un borrador asistido por máquina." in text   # a layout word
    assert "machine" not in text.lower()
    assert "Ninguna persona hablante nativa ha revisado todavía esta traducción." in text


def test_no_pdf_prints_a_licence_the_author_did_not_state(es: Path) -> None:
    assert "license" not in (ROOT / "zines" / SLUG / "zine.yaml").read_text(encoding="utf-8")
    for pdf in sorted(es.glob("*.pdf")):
        text = all_text(pdf)
        assert "CC BY" not in text and "Licencia" not in text, pdf.name


def test_the_printing_notes_name_the_paper_in_spanish(es: Path) -> None:
    # Printing notes sit on the instruction sheet, never on a finished page (issue 15).
    text = " ".join(all_text(es / "minizine-letter-instructions.pdf").split())
    assert "en una hoja de papel carta, en horizontal" in text
    assert "letter" not in text.replace("minizine-letter.pdf", "")
    assert "en horizontal" not in " ".join(all_text(es / "minizine-letter.pdf").split())


def test_spanish_is_hyphenated_with_its_own_dictionary(es: Path) -> None:
    text = all_text(es / "booklet-letter.pdf")
    broken = re.findall(r"(\w+)\u2010\r?\n(\w+)", text)
    assert len(broken) >= 5
    spanish = pyphen.Pyphen(lang="es")
    assert all(len(a) in spanish.positions(a + b) for a, b in broken), broken


def test_the_pdfs_say_spanish(es: Path) -> None:
    for name in ("minizine-letter.pdf", "booklet-letter.pdf", "reader-letter.pdf",
                 "cards-letter.pdf"):
        with pikepdf.open(es / name) as pdf:
            assert str(pdf.Root.Lang) == "es"


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_layout_words_are_complete_with_their_placeholders(lang: str) -> None:
    po = polib.pofile(str(ROOT / "locales" / f"{lang}.po"))
    pot = polib.pofile(str(ROOT / "locales" / "zinepress.pot"))
    assert {e.msgid for e in pot} == {e.msgid for e in po if not e.obsolete}
    for entry in po:
        assert entry.msgstr and not entry.fuzzy, entry.msgid
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == \
            sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize("path", ["locales/es.po", "locales/ar.po",
                                  f"zines/{SLUG}/locales/es.po", f"zines/{SLUG}/locales/ar.po"])
def test_translations_say_they_need_a_native_speakers_review(path: str) -> None:
    po = polib.pofile(str(ROOT / path))
    assert po.metadata["X-Review-State"] == "needs-native-review"
    assert po.metadata["Last-Translator"]


TINY = """\
title: tiny
language: en
variants: [en-intl, fr-intl]
layouts: {reader: full}
panels:
  - id: cover
    kind: cover
    title: tiny
  - id: one
    heading: One
    body: |
      Some text.
      More text ☃ here.
"""
FR = """\
msgid ""
msgstr ""
"Language: fr\\n"

msgctxt "one.heading"
msgid "One"
msgstr "Un 🙂"
"""


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_character_outside_the_bundled_fonts_stops_build_and_check(empty_project: Path,
                                                                     command: str) -> None:
    folder = empty_project / "zines" / "tiny"
    (folder / "locales").mkdir(parents=True)
    (folder / "zine.yaml").write_text(TINY, encoding="utf-8")
    (folder / "locales" / "fr.po").write_text(FR, encoding="utf-8")
    run = zine(empty_project, command, "--draft")
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert ("zines/tiny/zine.yaml:13: panel 'one' (en): the character '☃' (U+2603 SNOWMAN) is in "
            "no bundled font; replace it, or add a font that has it to fonts/") in lines
    assert ("zines/tiny/locales/fr.po:5: panel 'one' (fr): the character '🙂' (U+1F642 SLIGHTLY "
            "SMILING FACE) is in no bundled font; replace it, or add a font that has it to "
            "fonts/") in lines
    assert not (empty_project / "build").exists()
