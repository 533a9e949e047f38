"""`zine i18n status`: per zine and language, what is translated, fuzzy and untranslated.

A language is measured on the strings it is built with: the editions of its layouts (all of the
zine's, or those `languages:` in zine.yaml gives it). Fuzzy entries, and translations made from
an older source text, count as not translated.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from zinepress.errors import Report
from zinepress.i18n.extract import edition_keys, layout_words, zine_entries
from zinepress.i18n.pofile import read_po
from zinepress.model import Zine
from zinepress.project import Project

WORDS = "layout words"


@dataclass(frozen=True)
class Row:
    """One zine (or the layout words) in one language."""

    what: str
    lang: str
    scope: str                       # the editions measured, e.g. "full, pocket"
    translated: int
    fuzzy: int
    untranslated: int
    path: Path
    whole: int | None = None         # percent of all the zine's strings, when scope is narrower

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
        rows += [_zine_row(project, zine, lang, report) for lang in languages(zine)]
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


def _zine_row(project: Project, zine: Zine, lang: str, report: Report) -> Row:
    path = zine.folder / "locales" / f"{lang}.po"
    entries = {e.key: e.msgid for e in zine_entries(zine, project.root)}
    po = read_po(path, report) if path.is_file() else None
    states = _states(po, entries, "msgctxt")
    editions = built_editions(zine, lang)
    scope = edition_keys(zine, set(editions))
    counts = _count(states, scope)
    whole = None
    if scope != set(entries):
        whole = int(100.0 * _count(states, set(entries))[0] / len(entries)) if entries else 100
    return Row(zine.slug, lang, ", ".join(editions), *counts, path, whole)


def _word_rows(project: Project, report: Report) -> list[Row]:
    entries = {e.msgid: e.msgid for e in layout_words(project.root)}
    rows = []
    for path in sorted((project.root / "locales").glob("*.po")):
        po = read_po(path, report)
        rows.append(Row(WORDS, path.stem, "all layouts",
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
