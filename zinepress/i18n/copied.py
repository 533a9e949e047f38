"""A PO file made from another language's file (msginit -i es.po -l fr) is not a translation.

msginit copies the msgstrs of the file it starts from: a "French" file full of Spanish would
count as done and print Spanish in a French edition. Such entries are found by comparing each
translation with the same key in the zine's other PO files. Equal strings alone do not say which
file is the copy; the copy is the one whose header is still msginit's placeholder, or whose
shared strings use letters its language does not (Spanish á, í, ó in a French file; Latin letters
in an Arabic one). Its copied entries are treated as untranslated.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from zinepress.errors import Problem, Report, display_path
from zinepress.load.po import Catalog, read_catalog

# What msginit --no-translator writes into a header nobody has filled in yet.
MSGINIT_HEADER = {"Last-Translator": "Automatically generated", "Language-Team": "none"}
MIN_COPIED = 3          # a few equal strings (a name, an abbreviation) are normal between languages
# Letters outside a language's alphabet, per letter: Spanish text has about 1 % á, é, í, ó, ú, ñ.
FOREIGN_SHARE = 0.003


@dataclass(frozen=True)
class Copied:
    """The translations of a PO file that are another language's."""

    source: str                 # the language they were copied from
    keys: frozenset[str]


def find_copied(folder: Path, lang: str, catalog: Catalog) -> Copied | None:
    """Return the entries of `lang` copied from a sibling PO file, or None when it is its own."""
    mine = {**catalog.fuzzy, **catalog.translated}
    if not mine:
        return None
    msginit = all(catalog.header.get(k, "").strip() == v for k, v in MSGINIT_HEADER.items())
    for path in sorted(folder.glob("*.po")):
        if path.stem == lang:
            continue
        other = read_catalog(path, Report())   # its own problems are reported when it is built
        theirs = {**other.fuzzy, **other.translated}
        same = frozenset(k for k, text in mine.items()
                         if theirs.get(k) == text and catalog.sources.get(k) != text)
        if not same or len(same) < min(len(mine), MIN_COPIED):
            continue
        texts = [mine[k] for k in same]
        if msginit or (_foreign(texts, lang) > FOREIGN_SHARE
                       and _foreign(texts, path.stem) <= FOREIGN_SHARE):
            return Copied(path.stem, same)
    return None


def _foreign(texts: list[str], lang: str) -> float:
    """Return the share of letters in the texts that the language's alphabet lacks."""
    alphabet = _alphabet(lang)
    letters = [c for text in texts for c in text.lower() if c.isalpha()]
    if not alphabet or not letters:
        return 0.0
    return sum(c not in alphabet for c in letters) / len(letters)


@lru_cache(maxsize=32)
def _alphabet(lang: str) -> frozenset[str]:
    """Return the letters a language writes its own names of places, languages and months in."""
    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    names = [*locale.languages.values(), *locale.territories.values(),
             *locale.months["format"]["wide"].values(), *locale.days["format"]["wide"].values()]
    return frozenset(c for c in "".join(names).lower() if c.isalpha())


def without_copies(catalog: Catalog, copied: Copied | None) -> Catalog:
    """Return the catalog without the copied entries, which then count as untranslated."""
    if copied is None:
        return catalog
    return replace(catalog, translated=_without(catalog.translated, copied.keys),
                   fuzzy=_without(catalog.fuzzy, copied.keys))


def _without(texts: dict[str, str], keys: frozenset[str]) -> dict[str, str]:
    return {k: v for k, v in texts.items() if k not in keys}


def copied_problem(path: Path, lang: str, copied: Copied) -> Problem:
    """Return the warning that names the copied file and the way to start afresh."""
    return Problem(display_path(path), None,
                   f"{lang}: {len(copied.keys)} translation(s) are the same as in "
                   f"{copied.source}.po: this file looks made from {copied.source}.po (as "
                   f"`msginit -i {copied.source}.po` does), so they count as not translated. "
                   "Translate them into this language, or start again from the zine's .pot "
                   "template (`zine i18n add`)", "warning")
