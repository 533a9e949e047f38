"""Read gettext PO files as data: zine translations by msgctxt, layout words by msgid."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from zinepress.errors import Report

MAX_PO_BYTES = 2_000_000


@dataclass(frozen=True)
class Catalog:
    """The usable translations of one PO file."""

    translated: dict[str, str]        # key -> translation (not fuzzy)
    fuzzy: dict[str, str]             # key -> translation that needs review
    header: dict[str, str]
    sources: dict[str, str] = field(default_factory=dict)   # key -> the msgid it translates
    lines: dict[str, int] = field(default_factory=dict)     # key -> line of the entry
    path: Path | None = None


EMPTY = Catalog({}, {}, {})


def read_catalog(path: Path, report: Report, key: str = "msgctxt") -> Catalog:
    """Return a PO file's entries keyed by msgctxt (zines) or msgid (layout words)."""
    if not path.is_file():
        return EMPTY
    if path.stat().st_size > MAX_PO_BYTES:
        report.error(path, None, f"the file is over {MAX_PO_BYTES:,} bytes")
        return EMPTY
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        report.error(path, _line(exc), f"not a valid PO file: {_reason(exc)}")
        return EMPTY
    translated, fuzzy, sources, lines = {}, {}, {}, {}
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        name = entry.msgctxt if key == "msgctxt" else entry.msgid
        if name is None:
            continue
        (fuzzy if entry.fuzzy else translated)[name] = entry.msgstr
        sources[name], lines[name] = entry.msgid, entry.linenum
    return Catalog(translated, fuzzy, dict(po.metadata), sources, lines, path)


def _line(exc: Exception) -> int | None:
    text = str(exc)
    marker = "line "
    if marker in text:
        digits = "".join(ch for ch in text.split(marker, 1)[1][:8] if ch.isdigit())
        return int(digits) if digits else None
    return None


def _reason(exc: Exception) -> str:
    return str(exc).split(" (line")[0][:200]
