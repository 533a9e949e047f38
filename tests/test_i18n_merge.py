"""Updating a PO file by key: fuzzy with the previous msgid, trivial edits, obsolete entries."""
from __future__ import annotations

import polib

from zinepress.i18n.extract import Entry
from zinepress.i18n.merge import by_context, by_msgid, merge
from zinepress.i18n.pofile import signature, text_of

PO = '''\
msgid ""
msgstr ""
"Language: es\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. Keep it gentle.
#: zines/z/zine.yaml:3
msgctxt "support.heading"
msgid "If you want to talk to someone"
msgstr "Si quieres hablar con alguien"

#: zines/z/zine.yaml:5
msgctxt "support.body"
msgid "You decide what to share."
msgstr "Tú decides qué contar."

#: zines/z/zine.yaml:7
msgctxt "gone.heading"
msgid "A panel that was removed"
msgstr "Un panel que se quitó"

#: zines/z/zine.yaml:8
msgctxt "gone.body"
msgid "Never translated"
msgstr ""
'''


def sources(body: str = "You decide what to share.") -> list[Entry]:
    where = (("zines/z/zine.yaml", "3"),)
    return [Entry("support.heading", "If you want to talk to someone", "Keep it gentle.", where),
            Entry("support.body", body, "", (("zines/z/zine.yaml", "5"),))]


def entry(po: polib.POFile, key: str, obsolete: bool = False) -> polib.POEntry:
    return next(e for e in po if e.msgctxt == key and e.obsolete == obsolete)


def test_a_changed_source_keeps_its_translation_as_fuzzy_with_the_previous_msgid() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    changes = merge(po, sources("You decide what to share with them."), by_context)
    body = entry(po, "support.body")
    assert changes.fuzzy == ["support.body"]
    assert body.fuzzy and body.previous_msgid == "You decide what to share."
    assert body.msgid == "You decide what to share with them."
    assert body.msgstr == "Tú decides qué contar."
    assert not entry(po, "support.heading").fuzzy


def test_a_second_change_keeps_the_msgid_the_translation_was_made_from() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    merge(po, sources("Second wording."), by_context)
    merge(po, sources("Third wording."), by_context)
    assert entry(po, "support.body").previous_msgid == "You decide what to share."


def test_a_trivial_change_keeps_the_translation_current() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    changes = merge(po, sources("You decide what to share!"), by_context,
                    frozenset({"support.body"}))
    body = entry(po, "support.body")
    assert changes.trivial == ["support.body"] and changes.fuzzy == []
    assert not body.fuzzy and body.previous_msgid is None
    assert body.msgid == "You decide what to share!" and body.msgstr == "Tú decides qué contar."


def test_trivial_later_accepts_an_entry_an_earlier_update_made_fuzzy() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    merge(po, sources("You decide what to share!"), by_context)
    merge(po, sources("You decide what to share!"), by_context, frozenset({"support.body"}))
    body = entry(po, "support.body")
    assert not body.fuzzy and body.previous_msgid is None


def test_removed_keys_become_obsolete_and_untranslated_ones_go() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    changes = merge(po, sources(), by_context)
    assert changes.obsolete == ["gone.heading"] and changes.removed == ["gone.body"]
    assert entry(po, "gone.heading", obsolete=True).msgstr == "Un panel que se quitó"
    assert [e.msgctxt for e in po] == ["support.heading", "support.body", "gone.heading"]
    assert "#~ msgctxt \"gone.heading\"" in text_of(po)


def test_a_key_that_comes_back_revives_its_obsolete_translation() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    merge(po, sources(), by_context)
    again = sources() + [Entry("gone.heading", "A panel that was removed")]
    changes = merge(polib.pofile(text_of(po), wrapwidth=0), again, by_context)
    assert changes.revived == ["gone.heading"]


def test_new_keys_are_added_untranslated_in_source_order() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    added = [Entry("cover.title", "unpacking self-harm")] + sources()
    changes = merge(po, added, by_context)
    assert changes.new == ["cover.title"]
    assert [e.msgctxt for e in po if not e.obsolete][0] == "cover.title"
    assert entry(po, "cover.title").msgstr == ""


def test_updating_twice_changes_nothing() -> None:
    po = polib.pofile(PO, wrapwidth=0)
    merge(po, sources("Changed."), by_context)
    once = text_of(po)
    again = polib.pofile(once, wrapwidth=0)
    before = signature(again)
    changes = merge(again, sources("Changed."), by_context)
    assert changes.summary() == "up to date"
    assert signature(again) == before and text_of(again) == once


def test_long_strings_are_never_wrapped() -> None:
    long = "word " * 60
    po = polib.pofile(PO, wrapwidth=0)
    merge(po, sources(long), by_context)
    assert f'msgid "{long}"' in text_of(po)


def test_an_entry_without_msgctxt_is_kept_as_it_is() -> None:
    po = polib.pofile(PO + '\nmsgid "stray"\nmsgstr "suelto"\n', wrapwidth=0)
    changes = merge(po, sources(), by_context)
    assert len(changes.unkeyed) == 1
    assert any(e.msgid == "stray" and e.msgstr == "suelto" and not e.obsolete for e in po)


def test_a_translators_own_flags_and_comments_stay() -> None:
    po = polib.pofile(PO.replace('#: zines/z/zine.yaml:5\n',
                                 '# checked with Ana\n#: zines/z/zine.yaml:5\n#, no-wrap\n'),
                      wrapwidth=0)
    merge(po, sources("Changed."), by_context)
    body = entry(po, "support.body")
    assert body.tcomment == "checked with Ana" and body.flags == ["fuzzy", "no-wrap"]


def test_layout_words_are_keyed_by_msgid_and_get_the_brace_format_flag() -> None:
    po = polib.pofile('msgid ""\nmsgstr ""\n\nmsgid "Call {number}"\nmsgstr "Llama al {number}"\n',
                      wrapwidth=0)
    words = [Entry("Call {number}", "Call {number}", "Keep {number}.",
                   (("layouts/_shared/panels.html", ""),), ("python-brace-format",))]
    merge(po, words, by_msgid)
    assert po[0].msgstr == "Llama al {number}" and po[0].flags == ["python-brace-format"]
    assert "#: layouts/_shared/panels.html\n" in text_of(po)
