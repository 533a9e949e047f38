"""`languages:` in zine.yaml (a language built in fewer layouts), and status on a tiny zine."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import zine

TINY = """\
title: tiny
language: en
variants: [en-intl, fr-intl]
layouts: {reader: full, booklet: pocket}
languages:
  fr: {layouts: [reader]}
panels:
  - id: cover
    kind: cover
    title: tiny
  - id: one
    heading: One
    body: Some text.
  - id: two
    heading: Two
editions:
  pocket: [cover, one]
"""

FR = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "zine.title"
msgid "tiny"
msgstr "minuscule"

msgctxt "cover.title"
msgid "tiny"
msgstr "minuscule"

msgctxt "one.heading"
msgid "One"
msgstr "Un"

#, fuzzy
msgctxt "one.body"
msgid "Some text."
msgstr "Du texte."
"""


def write(project: Path, yaml: str, fr: str | None = None) -> None:
    folder = project / "zines" / "tiny"
    folder.mkdir(parents=True)
    (folder / "zine.yaml").write_text(yaml, encoding="utf-8")
    if fr is not None:
        (folder / "locales").mkdir()
        (folder / "locales" / "fr.po").write_text(fr, encoding="utf-8")


ERRORS = [
    ("unknown layout", TINY.replace("layouts: [reader]", "layouts: [raeder]"),
     "zines/tiny/zine.yaml:6: languages: fr: layout 'raeder' is not one of the zine's "
     "'layouts': did you mean 'reader'? (reader, booklet)"),
    ("not a mapping", TINY.replace("fr: {layouts: [reader]}", "fr: [reader]"),
     "zines/tiny/zine.yaml:6: languages: fr: must be a mapping such as {layouts: [minizine]}"),
    ("not a code", TINY.replace("fr: {layouts", "French: {layouts"),
     "zines/tiny/zine.yaml:6: 'French' under 'languages' must be a language code such as es "
     "or ar"),
    ("misspelt key", TINY.replace("{layouts: [reader]}", "{layout: [reader]}"),
     "zines/tiny/zine.yaml:6: warning: languages: fr: unknown key 'layout': did you mean "
     "'layouts'?"),
]


@pytest.mark.parametrize("name, yaml, expected", ERRORS, ids=[e[0] for e in ERRORS])
def test_languages_problems_are_reported_with_their_line(empty_project: Path, name: str,
                                                         yaml: str, expected: str) -> None:
    write(empty_project, yaml)
    run = zine(empty_project, "check", "--strict")
    assert run.exit_code == 1
    assert expected in run.output.splitlines(), run.output


def test_a_language_is_built_only_in_its_layouts(empty_project: Path) -> None:
    write(empty_project, TINY, FR)
    run = zine(empty_project, "build", "--draft", "-l", "fr")
    assert run.exit_code == 0, run.output
    built = sorted(p.name for p in (empty_project / "build" / "tiny").glob("*/*.pdf"))
    assert built == ["reader-a4.pdf"]
    run = zine(empty_project, "build", "--draft", "-l", "fr", "-L", "booklet")
    assert run.exit_code == 0, run.output
    assert (empty_project / "build" / "tiny" / "fr-intl" / "booklet-a4.pdf").is_file()


def test_status_measures_a_language_on_its_editions(empty_project: Path) -> None:
    write(empty_project, TINY, FR)
    run = zine(empty_project, "i18n", "status", "tiny")
    assert run.exit_code == 0, run.output
    assert run.output.splitlines() == [
        "zine  lang  edition  translated  fuzzy  untranslated  done",
        "tiny  fr    PO file           3      1             0  75 %",   # as Poedit counts it
        "tiny  fr    full              3      1             1  60 %",   # what a print needs
    ]


def test_fail_under_exits_1_for_a_partly_translated_zine(empty_project: Path) -> None:
    write(empty_project, TINY, FR)
    run = zine(empty_project, "i18n", "status", "tiny", "--fail-under", "100")
    assert run.exit_code == 1
    assert ("zines/tiny/locales/fr.po: tiny fr (edition full) is 60 % translated, under "
            "--fail-under 100") in run.output
    assert zine(empty_project, "i18n", "status", "tiny", "--fail-under", "60").exit_code == 0


def test_a_language_without_a_po_file_counts_as_untranslated(empty_project: Path) -> None:
    write(empty_project, TINY.replace("[en-intl, fr-intl]", "[en-intl, de-intl]"))
    run = zine(empty_project, "i18n", "status", "tiny", "--fail-under", "1")
    assert "tiny  de    full              0      0             5   0 %" in run.output, \
        run.output
    assert "tiny  de    pocket            0      0             4   0 %" in run.output
    assert run.exit_code == 1
