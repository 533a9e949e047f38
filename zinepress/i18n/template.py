"""POT templates: a zine's strings (zines/<slug>/locales/<slug>.pot) and the layout words'.

A template is what Weblate, Poedit and msginit start a new language from. Its header is marked
fuzzy as xgettext's is, but holds no placeholder that `msgfmt --check` warns about: no
translator yet ("none", as msginit --no-translator writes), the source language as Language.
Its dates change only when its entries do, so an unchanged template stays byte for byte.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib

import zinepress
from zinepress.i18n.extract import Entry
from zinepress.i18n.merge import KeyOf, merge
from zinepress.model import Zine

GENERATOR = f"zinepress {zinepress.__version__}"
DATE_FORMAT = "%Y-%m-%d %H:%M%z"


def template_path(zine: Zine) -> Path:
    """Return where a zine's POT file sits: beside its PO files, named after the zine."""
    return zine.folder / "locales" / f"{zine.slug}.pot"


def now() -> str:
    """Return the current time as PO headers write it (2026-12-01 05:40+0000)."""
    return dt.datetime.now(dt.timezone.utc).strftime(DATE_FORMAT)


def make_template(project: str, header: str, entries: list[Entry], key_of: KeyOf,
                  old: polib.POFile | None, lang: str) -> polib.POFile:
    """Return the template of these entries, keeping the old creation date if nothing changed."""
    pot = polib.POFile(wrapwidth=0)
    pot.header = header
    pot.metadata_is_fuzzy = ["fuzzy"]
    merge(pot, entries, key_of)
    same = old is not None and _entries(old) == _entries(pot)
    created = (old.metadata.get("POT-Creation-Date") if same and old is not None else None) or now()
    pot.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "none",
        "Language-Team": "none",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
    }
    return pot


def _entries(po: polib.POFile) -> list[tuple]:
    return [(e.msgctxt, e.msgid, e.comment, tuple(e.occurrences), tuple(e.flags))
            for e in po if not e.obsolete]
