"""PO files as the workflow reads and writes them: unwrapped, atomically, only when changed."""
from __future__ import annotations

import os
from pathlib import Path

import polib
from babel import Locale, UnknownLocaleError

from zinepress.errors import Report
from zinepress.i18n.plurals import plural_forms
from zinepress.i18n.template import GENERATOR, now
from zinepress.load.po import parse_po
from zinepress.write import atomic_write

NEEDS_REVIEW = "needs-native-review"


def read_po(path: Path, report: Report) -> polib.POFile | None:
    """Return the PO file, or None after reporting why it cannot be used."""
    return parse_po(path, report)


def new_po(lang: str, project: str, header: str) -> polib.POFile:
    """Return an empty PO file for one language, marked as not yet reviewed.

    The header is the one msginit writes (its plural forms, its fields), with the translator's
    name left for the translator's editor to fill in.
    """
    po = polib.POFile(wrapwidth=0)
    po.header = header
    po.metadata = {
        "Project-Id-Version": project,
        "PO-Revision-Date": now(),
        "Last-Translator": "",
        "Language-Team": english_name(lang),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang),
        "X-Generator": GENERATOR,
        "X-Review-State": NEEDS_REVIEW,
    }
    return po


def complete_header(po: polib.POFile) -> None:
    """Add the header fields gettext's msgfmt --check wants and a file lacks; change none."""
    lang = po.metadata.get("Language", "")
    wanted = {"PO-Revision-Date": now(), "X-Generator": GENERATOR,
              "Plural-Forms": plural_forms(lang) if lang else ""}
    for name, value in wanted.items():
        if value and not po.metadata.get(name):
            po.metadata[name] = value


def english_name(lang: str) -> str:
    """Return the language's English name ('Spanish'), or the code when CLDR has none."""
    try:
        return Locale.parse(lang).get_display_name("en") or lang
    except (UnknownLocaleError, ValueError):
        return lang


def known_language(lang: str) -> bool:
    """Tell whether CLDR (Babel) knows the language code."""
    try:
        Locale.parse(lang)
        return True
    except (UnknownLocaleError, ValueError):
        return False


def text_of(po: polib.POFile) -> str:
    """Return the file's text as zinepress writes it (no wrapping, final newline)."""
    text = po.__unicode__()
    return text if text.endswith("\n") else text + "\n"


def signature(po: polib.POFile) -> tuple:
    """Return what a PO file says, independent of how its lines are wrapped."""
    entries = tuple(
        (e.obsolete, e.msgctxt, e.msgid, e.msgstr, tuple(e.flags), e.tcomment,
         None if e.obsolete else e.comment, None if e.obsolete else tuple(e.occurrences),
         e.previous_msgid, e.previous_msgctxt)
        for e in po)
    return po.header, tuple(po.metadata.items()), entries


def save_if_changed(path: Path, po: polib.POFile, before: tuple | None) -> bool:
    """Write the file atomically when its content changed; return whether it was written.

    A file whose entries and header say the same as before is left byte for byte as it was,
    however its translator's editor wrapped it.
    """
    if before is not None and signature(po) == before:
        return False
    text = text_of(po)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
    atomic_write(path, text.encode("utf-8"))
    os.chmod(path, mode)
    return True
