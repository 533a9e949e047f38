"""Bring a PO file up to date with its source strings, by key and never by text similarity.

A changed source keeps its translation, marked fuzzy with the previous msgid (unless the change
is declared trivial); a removed key becomes an obsolete entry; nothing a translator wrote is
dropped. The entries follow the source order, obsolete ones last, so diffs stay small.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import polib

from zinepress.i18n.extract import Entry

# Flags zinepress sets from the source; a translator's own flags are left alone.
MANAGED_FLAGS = ("python-brace-format",)
SUMMARY = (("new", "new"), ("fuzzy", "fuzzy"), ("updated", "updated"), ("trivial", "trivial"),
           ("obsolete", "obsolete"), ("removed", "removed"), ("revived", "back from obsolete"),
           ("described", "with new notes or references"))
KeyOf = Callable[[polib.POEntry], "str | None"]


@dataclass
class Changes:
    """What an update did to one PO file, by key."""

    new: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)      # source changed: review the translation
    updated: list[str] = field(default_factory=list)    # source changed, nothing to review
    trivial: list[str] = field(default_factory=list)    # source changed, declared trivial
    obsolete: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)    # gone from the source, never translated
    revived: list[str] = field(default_factory=list)
    described: list[str] = field(default_factory=list)  # note, reference or flags refreshed
    unkeyed: list[int] = field(default_factory=list)    # lines of entries without a key

    def summary(self) -> str:
        """Return e.g. '2 new, 1 fuzzy, 1 obsolete', or 'up to date'."""
        parts = [f"{len(getattr(self, name))} {label}" for name, label in SUMMARY
                 if getattr(self, name)]
        return ", ".join(parts) or "up to date"


def by_context(entry: polib.POEntry) -> str | None:
    """Return a zine entry's key: its msgctxt."""
    return entry.msgctxt


def by_msgid(entry: polib.POEntry) -> str | None:
    """Return a layout word's key: its msgid."""
    return entry.msgid or None


def merge(po: polib.POFile, sources: list[Entry], key_of: KeyOf,
          trivial: frozenset[str] = frozenset()) -> Changes:
    """Update the PO file in place from the source strings; return what changed."""
    changes = Changes()
    active, dormant, unkeyed = _index(po, key_of, changes)
    result = []
    for source in sources:
        entry = active.pop(source.key, None) or dormant.pop(source.key, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=source.key if key_of is by_context else None,
                                  msgid=source.msgid, msgstr="")
            changes.new.append(source.key)
        else:
            if entry.obsolete:
                entry.obsolete = False
                changes.revived.append(source.key)
            _apply_source(entry, source.msgid, source.key in trivial, changes, source.key)
        described = _describe(entry, source)
        if described and source.key not in {*changes.new, *changes.fuzzy, *changes.updated,
                                            *changes.trivial}:
            changes.described.append(source.key)
        result.append(entry)
    for key, entry in active.items():
        if entry.msgstr or entry.tcomment:        # a translator's work is kept, obsolete
            entry.obsolete = True
            dormant[key] = entry
            changes.obsolete.append(key)
        else:
            changes.removed.append(key)
    po[:] = result + unkeyed + list(dormant.values())
    return changes


def _index(po: polib.POFile, key_of: KeyOf, changes: Changes):
    active: dict[str, polib.POEntry] = {}
    dormant: dict[str, polib.POEntry] = {}
    unkeyed: list[polib.POEntry] = []
    for entry in po:
        key = key_of(entry)
        place = dormant if entry.obsolete else active
        if key is None or key in place:
            # Kept as it is, where a translator can still see it; reported by the caller.
            unkeyed.append(entry)
            changes.unkeyed.append(entry.linenum)
            continue
        place[key] = entry
    for key in list(dormant):
        if key in active:                         # an obsolete twin of a live entry: keep it
            unkeyed.append(dormant.pop(key))
    return active, dormant, unkeyed


def _apply_source(entry: polib.POEntry, msgid: str, trivial: bool, changes: Changes,
                  key: str) -> None:
    if entry.msgid == msgid:
        if trivial and entry.fuzzy and entry.previous_msgid is not None:
            # Fuzzy from an earlier update that should have been trivial: accept it now.
            _unfuzzy(entry)
            changes.trivial.append(key)
        return
    previous, entry.msgid = entry.msgid, msgid
    if not entry.msgstr:
        entry.previous_msgid = None
        changes.updated.append(key)
    elif trivial:
        changes.trivial.append(key)
    else:
        if not entry.fuzzy:
            entry.flags.insert(0, "fuzzy")
            entry.previous_msgid = previous
        elif entry.previous_msgid is None:
            entry.previous_msgid = previous
        # An entry already fuzzy keeps the msgid its translation was made from.
        changes.fuzzy.append(key)


def _unfuzzy(entry: polib.POEntry) -> None:
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.previous_msgid = None
    entry.previous_msgctxt = None


def _describe(entry: polib.POEntry, source: Entry) -> bool:
    before = (entry.comment, list(entry.occurrences), list(entry.flags))
    entry.comment = source.comment
    entry.occurrences = list(source.occurrences)
    kept = [f for f in entry.flags if f not in MANAGED_FLAGS]
    entry.flags = kept + [f for f in source.flags if f not in kept]
    return before != (entry.comment, entry.occurrences, entry.flags)
