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


def test_status_lists_es_and_ar_complete_in_every_edition(project: Path) -> None:
    run = zine(project, "i18n", "status", "--fail-under", "100")
    assert run.exit_code == 0, run.output
    rows = {tuple(line.split()[:3]): line for line in run.output.splitlines()[1:]}
    for lang in ("es", "ar"):
        # The PO file as Poedit counts it, then every edition the language is built in.
        assert counts(rows[(SLUG, lang, "PO")]) == [39, 0, 0, 100]
        assert counts(rows[(SLUG, lang, "full")]) == [29, 0, 0, 100]
        assert counts(rows[(SLUG, lang, "pocket")]) == [18, 0, 0, 100]
    words = [line.split() for line in run.output.splitlines() if line.startswith("layout words")]
    assert {w[2] for w in words} == {"ar", "es"}
    assert all(w[5] == "0" and w[6] == "0" for w in words)


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
    rows = {tuple(line.split()[:3]): line for line in run.output.splitlines()[1:]}
    assert counts(rows[(SLUG, "es", "PO")]) == [38, 1, 0, 97]
    assert counts(rows[(SLUG, "es", "pocket")]) == [17, 1, 0, 94]
    assert run.exit_code == 1
    assert ("zines/unpacking-self-harm/locales/es.po: unpacking-self-harm es (edition pocket) is "
            "94 % translated, under --fail-under 100") in run.output


def test_the_es_print_build_fails_naming_the_panel_and_field(edited) -> None:
    run = zine(edited["project"], "build", SLUG, "-l", "es", "-r", "us", "-L", "minizine")
    assert run.exit_code == 1
    line = entries(edited["es"])["support.body"].linenum
    assert (f"zines/unpacking-self-harm/locales/es.po:{line}: es: panel 'support', field 'body' "
            "is fuzzy (needs review)") in run.output.splitlines()
    assert ("zines/unpacking-self-harm/locales/es.po: es: a print build never mixes languages, "
            "and 1 string these pages print is not translated or needs review (listed above). "
            "Translate or review them (`zine i18n status unpacking-self-harm` shows what each "
            "edition needs), or build with --draft to print the fuzzy translations marked "
            "\"needs review\" and the English marked \"not translated\"") in run.output.splitlines()
    assert not (edited["project"] / "build").exists()


def test_the_es_draft_build_prints_the_old_spanish_beside_the_review_mark(edited) -> None:
    from tests.pdfs import all_text

    run = zine(edited["project"], "build", SLUG, "-l", "es", "-r", "us", "-L", "minizine",
               "--draft")
    assert run.exit_code == 0, run.output
    text = " ".join(all_text(edited["project"] / "build" / SLUG / "es-us" /
                             "minizine-letter.pdf").split())
    assert "BORRADOR: no distribuir" in text                   # the sheet
    mark = text.upper().index("BORRADOR: LA TRADUCCIÓN NECESITA REVISIÓN")   # the fuzzy panel
    old = " ".join(edited["before"]["support.body"].msgstr.split())
    assert old[:40] in text[mark:mark + 400]                   # its old Spanish, not English
    assert SUPPORT_NEW not in text


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


def test_add_makes_a_po_from_the_template_with_context_and_notes(project: Path) -> None:
    run = zine(project, "i18n", "add", SLUG, "fr")
    assert run.exit_code == 0, run.output
    fr = project / "zines" / SLUG / "locales" / "fr.po"
    po = polib.pofile(str(fr), wrapwidth=0)
    pot = polib.pofile(str(project / "zines" / SLUG / "locales" / f"{SLUG}.pot"), wrapwidth=0)
    assert [(e.msgctxt, e.msgid, e.comment, e.occurrences) for e in po] == \
        [(e.msgctxt, e.msgid, e.comment, e.occurrences) for e in pot]
    assert all(e.msgstr == "" and not e.fuzzy for e in po)
    body = next(e for e in po if e.msgctxt == "not-suicide.body")
    assert body.occurrences == [("zines/unpacking-self-harm/zine.yaml#not-suicide", "")]
    assert body.comment.startswith("NSSI is the English abbreviation")
    assert "Printed in the full edition (booklet, reader)." in body.comment
    pocket = next(e for e in po if e.msgctxt == "pocket-needs.body")
    assert "a page of the minizine holds about 70 words" in pocket.comment
    assert po.metadata["Language"] == "fr"
    assert po.metadata["X-Review-State"] == "needs-native-review"
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS["fr"]
    assert po.metadata["PO-Revision-Date"] and po.metadata["X-Generator"].startswith("zinepress")
    words = polib.pofile(str(project / "locales" / "fr.po"))
    assert len(words) == len(polib.pofile(str(project / "locales" / "zinepress.pot")))
    assert run.output.splitlines() == [
        "made zines/unpacking-self-harm/locales/fr.po", "made locales/fr.po",
        "next: translate it, then add a variant such as fr-intl (language-region) to "
        "'variants:' in zines/unpacking-self-harm/zine.yaml, so that `zine build` makes it"]


# The project's own table, as GNU gettext's msginit writes them: not Babel's CLDR data, which
# gives es/fr/it/pt/ca a third form that gettext, Poedit and Weblate do not use.
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "it": "nplurals=2; plural=(n != 1);",
                "pt": "nplurals=2; plural=(n != 1);", "ca": "nplurals=2; plural=(n != 1);",
                "fr": "nplurals=2; plural=(n > 1);",
                "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
                      "n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"}


@pytest.mark.parametrize("lang", sorted(PLURAL_FORMS))
def test_plural_forms_are_gettexts(lang: str) -> None:
    from zinepress.i18n.plurals import plural_forms

    assert plural_forms(lang) == PLURAL_FORMS[lang]


def test_a_draft_fr_build_prints_english_only_where_nothing_is_translated(project: Path) -> None:
    from tests.pdfs import all_text

    assert zine(project, "i18n", "add", SLUG, "fr").exit_code == 0
    run = zine(project, "build", SLUG, "-l", "fr", "-r", "intl", "-L", "minizine", "--draft")
    assert run.exit_code == 0, run.output
    text = all_text(project / "build" / SLUG / "fr-intl" / "minizine-a4.pdf")
    assert text.upper().count("DRAFT: NOT TRANSLATED YET") == 8    # every pocket panel


def test_a_print_fr_build_names_every_string_it_lacks(project: Path) -> None:
    assert zine(project, "i18n", "add", SLUG, "fr").exit_code == 0
    run = zine(project, "build", SLUG, "-l", "fr", "-r", "intl", "-L", "minizine")
    assert run.exit_code == 1
    lacking = [l for l in run.output.splitlines() if l.endswith("is not translated")]
    assert len(lacking) == 14 + 4                 # the pocket edition's panels, the zine's own
    assert any("fr: panel 'pocket-needs', field 'body' is not translated" in l for l in lacking)
    assert any("fr: the zine's credits (zine.yaml 'credits') is not translated" in l
               for l in lacking)


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
