"""`zine i18n status`: per zine and language, what is translated, fuzzy and untranslated.

Each language gets a row for its PO file as a whole, counted as Poedit and pocount count it,
then a row per edition it is built in (the editions of its layouts: all of the zine's, or those
`languages:` in zine.yaml gives it), which is what a print build needs. In the edition rows,
fuzzy entries, translations made from an older source text, and translations copied from
another language's file (zinepress.i18n.copied) count as not translated.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from zinepress.errors import Report
from zinepress.i18n.copied import copied_problem, find_copied
from zinepress.i18n.extract import edition_keys, layout_words, zine_entries
from zinepress.i18n.pofile import read_po
from zinepress.model import Zine
from zinepress.project import Project

WORDS = "layout words"
FILE = "PO file"


@dataclass(frozen=True)
class Row:
    """One zine (or the layout words) in one language."""

    what: str
    lang: str
    scope: str                       # an edition ("pocket"), or FILE for the PO file as a whole
    translated: int
    fuzzy: int
    untranslated: int
    path: Path

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def ratio(self) -> float:
        """Return the share translated, 0-100 (fuzzy counts as not translated)."""
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def percent(self) -> int:
        """Return the percentage rounded down: 99.6 % is not shown as done."""
        return int(self.ratio)


def status_rows(project: Project, slugs: tuple[str, ...], report: Report) -> list[Row]:
    """Return a row per zine and language, then the layout words when no zine is named."""
    rows = []
    for zine in project.zines.values():
        for lang in languages(zine):
            rows += _zine_rows(project, zine, lang, report)
    if not slugs:
        rows += _word_rows(project, report)
    return rows


def languages(zine: Zine) -> list[str]:
    """Return the zine's target languages: its PO files and the languages of its variants."""
    found = {p.stem for p in (zine.folder / "locales").glob("*.po")}
    found |= {v.lang for v in zine.variants}
    return sorted(found - {zine.language})


def built_editions(zine: Zine, lang: str) -> list[str]:
    """Return the editions a language is built in by default."""
    layouts = zine.language_layouts.get(lang, tuple(zine.layouts))
    return sorted({zine.layouts[name] for name in layouts if name in zine.layouts})


def _zine_rows(project: Project, zine: Zine, lang: str, report: Report) -> list[Row]:
    path = zine.folder / "locales" / f"{lang}.po"
    entries = {e.key: e.msgid for e in zine_entries(zine, project.root)}
    po = read_po(path, report) if path.is_file() else None
    rows = [Row(zine.slug, lang, FILE, *_file_counts(po), path)] if po is not None else []
    states = _states(po, entries, "msgctxt")
    copied = find_copied(path.parent, lang, project.catalog(path, report)) if po else None
    if copied is not None:
        states.update({key: "untranslated" for key in copied.keys})
        warning = copied_problem(path, lang, copied)
        if warning not in report.problems:
            report.problems.append(warning)
    for edition in built_editions(zine, lang):
        scope = edition_keys(zine, {edition})
        rows.append(Row(zine.slug, lang, edition, *_count(states, scope), path))
    return rows


def _file_counts(po: polib.POFile) -> tuple[int, int, int]:
    """Return translated, fuzzy, untranslated as Poedit counts them (obsolete entries aside)."""
    live = [e for e in po if not e.obsolete]
    fuzzy = sum(1 for e in live if e.fuzzy and e.msgstr)
    done = sum(1 for e in live if e.msgstr and not e.fuzzy)
    return done, fuzzy, len(live) - done - fuzzy


def _word_rows(project: Project, report: Report) -> list[Row]:
    entries = {e.msgid: e.msgid for e in layout_words(project.root)}
    rows = []
    for path in sorted((project.root / "locales").glob("*.po")):
        po = read_po(path, report)
        rows.append(Row(WORDS, path.stem, "all",
                        *_count(_states(po, entries, "msgid"), set(entries)), path))
    return rows


def _states(po: polib.POFile | None, sources: dict[str, str], key: str) -> dict[str, str]:
    states = {k: "untranslated" for k in sources}
    for entry in po or ():
        name = getattr(entry, key)
        if entry.obsolete or name not in sources or not entry.msgstr:
            continue
        current = not entry.fuzzy and entry.msgid == sources[name]
        states[name] = "translated" if current else "fuzzy"
    return states


def _count(states: dict[str, str], keys: set[str]) -> tuple[int, int, int]:
    picked = [states[k] for k in keys if k in states]
    return (picked.count("translated"), picked.count("fuzzy"), picked.count("untranslated"))
