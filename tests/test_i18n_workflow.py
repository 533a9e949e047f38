"""`zine i18n add | update | status` on copies of the real project, run as a user would."""
from __future__ import annotations

import re

import hashlib
from pathlib import Path

import polib
import pytest

from tests.conftest import copy_project, zine

SLUG = "unpacking-self-harm"
SUPPORT_OLD = "you decide what to share. Some lines"
SUPPORT_NEW = "you decide what to share with them. Some lines"


def po_files(project: Path) -> dict[str, str]:
    """Return every PO/POT file's sha256, by path relative to the project."""
    return {str(p.relative_to(project)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(project.glob("**/*.po*"))}


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in polib.pofile(str(path), wrapwidth=0) if not e.obsolete}


def test_update_leaves_the_committed_files_byte_for_byte(project: Path) -> None:
    before = po_files(project)
    run = zine(project, "i18n", "update")
    assert run.exit_code == 0, run.output
    # Fails when zine.yaml or a template changed without `zine i18n update` being run.
    assert po_files(project) == before, f"run `zine i18n update` and commit:\n{run.output}"
    assert "zines/unpacking-self-harm/locales/es.po: up to date (unchanged)" in run.output


def test_status_lists_es_complete_and_ar_complete_for_the_pocket_edition(project: Path) -> None:
    run = zine(project, "i18n", "status", "--fail-under", "100")
    assert run.exit_code == 0, run.output
    rows = {tuple(line.split()[:2]): line for line in run.output.splitlines()[1:]}
    es, ar = rows[(SLUG, "es")], rows[(SLUG, "ar")]
    assert "full" in es and "pocket" in ar and "full" not in ar
    assert counts(es) == [39, 0, 0, 100]              # translated, fuzzy, untranslated, done %
    assert counts(ar) == [18, 0, 0, 100, 46]          # … and % of the whole zine, for information
    words = [line.split() for line in run.output.splitlines() if line.startswith("layout words")]
    assert {w[2] for w in words} == {"ar", "es"}
    assert all(w[6] == "0" and w[7] == "0" for w in words)


def counts(line: str) -> list[int]:
    """Return the numbers of a status row: translated, fuzzy, untranslated, done % (, whole %)."""
    return [int(n) for n in re.findall(r"(?<![\w-])\d+(?![\w-])", line)]


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A project copy where one English sentence of the critical panel changed, updated once."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    yaml = project / "zines" / SLUG / "zine.yaml"
    text = yaml.read_text(encoding="utf-8")
    assert text.count(SUPPORT_OLD) == 1
    yaml.write_text(text.replace(SUPPORT_OLD, SUPPORT_NEW), encoding="utf-8")
    es = project / "zines" / SLUG / "locales" / "es.po"
    before = entries(es)
    update = zine(project, "i18n", "update")
    after_once = po_files(project)
    again = zine(project, "i18n", "update")
    return {"project": project, "es": es, "before": before, "update": update,
            "after_once": after_once, "again": again}


def test_the_changed_entry_is_fuzzy_with_its_previous_msgid_and_spanish_kept(edited) -> None:
    body = entries(edited["es"])["support.body"]
    old = edited["before"]["support.body"]
    assert edited["update"].exit_code == 0, edited["update"].output
    assert body.fuzzy
    assert body.previous_msgid == old.msgid
    assert SUPPORT_NEW in body.msgid
    assert body.msgstr == old.msgstr
    assert "zines/unpacking-self-harm/locales/es.po: 1 fuzzy (updated)" in edited["update"].output


def test_every_other_entry_is_unchanged(edited) -> None:
    after = entries(edited["es"])
    before = edited["before"]
    assert set(after) == set(before)
    changed = [k for k in after if str(after[k]) != str(before[k])]
    assert changed == ["support.body"]


def test_updating_again_changes_nothing(edited) -> None:
    assert edited["again"].exit_code == 0
    assert po_files(edited["project"]) == edited["after_once"]
    assert "1 fuzzy" not in edited["again"].output


def test_status_counts_the_fuzzy_entry_as_not_translated(edited) -> None:
    run = zine(edited["project"], "i18n", "status", SLUG, "--fail-under", "100")
    line = next(l for l in run.output.splitlines() if l.startswith(f"{SLUG}  es"))
    assert counts(line) == [38, 1, 0, 97]
    assert run.exit_code == 1
    assert ("zines/unpacking-self-harm/locales/es.po: unpacking-self-harm es is 97 % "
            "translated, under --fail-under 100") in run.output


def test_the_es_print_build_fails_naming_the_critical_panel(edited) -> None:
    run = zine(edited["project"], "build", SLUG, "-l", "es", "-r", "us", "-L", "minizine")
    assert run.exit_code == 1
    assert ("zines/unpacking-self-harm/locales/es.po:173: es: critical panel 'support' cannot be "
            "printed: support.body is fuzzy (needs review). Translate it, or build with --draft "
            "to print it marked DRAFT") in run.output
    assert not (edited["project"] / "build").exists()


def test_the_es_draft_build_succeeds_and_shows_draft(edited) -> None:
    from tests.pdfs import all_text

    run = zine(edited["project"], "build", SLUG, "-l", "es", "-r", "us", "-L", "minizine",
               "--draft")
    assert run.exit_code == 0, run.output
    text = all_text(edited["project"] / "build" / SLUG / "es-us" / "minizine-letter.pdf")
    assert "BORRADOR: no distribuir" in text                   # the sheet
    assert "BORRADOR: LA TRADUCCIÓN NECESITA REVISIÓN" in text.upper()   # the fuzzy panel


def test_trivial_keeps_translations_current(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(SUPPORT_OLD, SUPPORT_NEW),
                    encoding="utf-8")
    run = zine(project, "i18n", "update", "--trivial", "support.body")
    assert run.exit_code == 0, run.output
    body = entries(project / "zines" / SLUG / "locales" / "es.po")["support.body"]
    assert not body.fuzzy and SUPPORT_NEW in body.msgid
    assert "zines/unpacking-self-harm/locales/es.po: 1 trivial (updated)" in run.output


def test_trivial_with_an_unknown_key_is_a_usage_error(project: Path) -> None:
    before = po_files(project)
    run = zine(project, "i18n", "update", "--trivial", "suport.body")
    assert run.exit_code == 2
    assert ("Invalid value for --trivial: no string 'suport.body' in unpacking-self-harm: did "
            "you mean 'support.body'? (a key is <panel-id>.<field>, as in the PO files' "
            "msgctxt)") in run.output
    assert po_files(project) == before


def test_add_makes_a_po_with_every_entry_untranslated_with_context_and_notes(
        project: Path) -> None:
    run = zine(project, "i18n", "add", SLUG, "fr")
    assert run.exit_code == 0, run.output
    fr = project / "zines" / SLUG / "locales" / "fr.po"
    po = polib.pofile(str(fr), wrapwidth=0)
    es = entries(project / "zines" / SLUG / "locales" / "es.po")
    assert [e.msgctxt for e in po] == list(es)
    assert all(e.msgstr == "" and not e.fuzzy for e in po)
    assert all(e.occurrences[0][0] == "zines/unpacking-self-harm/zine.yaml" for e in po)
    body = next(e for e in po if e.msgctxt == "not-suicide.body")
    assert body.comment.startswith("NSSI is the English abbreviation")
    assert po.metadata["Language"] == "fr"
    assert po.metadata["X-Review-State"] == "needs-native-review"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    words = polib.pofile(str(project / "locales" / "fr.po"))
    assert len(words) == len(polib.pofile(str(project / "locales" / "zinepress.pot")))
    assert run.output.splitlines() == ["made zines/unpacking-self-harm/locales/fr.po",
                                       "made locales/fr.po"]


def test_a_draft_fr_build_succeeds_with_english_fallbacks_marked(project: Path) -> None:
    from tests.pdfs import all_text

    assert zine(project, "i18n", "add", SLUG, "fr").exit_code == 0
    run = zine(project, "build", SLUG, "-l", "fr", "-r", "intl", "-L", "minizine", "--draft")
    assert run.exit_code == 0, run.output
    text = all_text(project / "build" / SLUG / "fr-intl" / "minizine-a4.pdf")
    assert text.upper().count("DRAFT: NOT TRANSLATED YET") == 8    # every pocket panel
    assert ("zines/unpacking-self-harm/locales/fr.po: warning: fr: 16 string(s) not translated, "
            "printed in English: cover (title, subtitle)") in run.output


@pytest.mark.parametrize("args, code, message", [
    (("fr",), 1, None),
    (("xx",), 2, "Invalid value for LANG: 'xx' is not a language code CLDR knows (e.g. es, ar, fr)"),
    (("en",), 1, "zines/unpacking-self-harm/zine.yaml:3: the zine is written in 'en': "
                 "translations go into other languages"),
    (("es",), 1, "zines/unpacking-self-harm/locales/es.po: already exists: run `zine i18n "
                 "update` to bring it up to date"),
])
def test_add_refuses(project: Path, args: tuple[str, ...], code: int, message: str | None) -> None:
    if message is None:
        run = zine(project, "i18n", "add", "no-such-zine", *args)
        message = "zines/no-such-zine: no zine 'no-such-zine'"
    else:
        run = zine(project, "i18n", "add", SLUG, *args)
    assert run.exit_code == code
    assert message in run.output



def test_update_writes_nothing_when_a_po_file_is_broken(project: Path) -> None:
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(SUPPORT_OLD, SUPPORT_NEW),
                    encoding="utf-8")
    ar = project / "zines" / SLUG / "locales" / "ar.po"
    text = ar.read_text(encoding="utf-8")
    ar.write_text(text + "\ngarbage here\n", encoding="utf-8")
    line = text.count("\n") + 2
    before = po_files(project)
    run = zine(project, "i18n", "update")
    assert run.exit_code == 1
    assert (f"zines/unpacking-self-harm/locales/ar.po:{line}: not a valid PO file: a line must "
            'be a keyword (msgid, msgstr …) with a "quoted string", a "quoted string" or a # '
            "comment") in run.output.splitlines()
    assert po_files(project) == before                     # es.po not half-updated either


def test_a_layout_word_with_a_changed_placeholder_stops_the_build(project: Path) -> None:
    es = project / "locales" / "es.po"
    text = es.read_text(encoding="utf-8")
    es.write_text(text.replace('msgstr "Llama al {number}"', 'msgstr "Llama al {numero}"'),
                  encoding="utf-8")
    line = next(e.linenum for e in polib.pofile(str(es)) if e.msgid == "Call {number}")
    run = zine(project, "build", SLUG, "-l", "es", "-r", "us", "-L", "minizine")
    assert run.exit_code == 1
    assert (f"locales/es.po:{line}: the translation of 'Call {{number}}' must keep {{number}} "
            "exactly as written; it has {numero}") in run.output
