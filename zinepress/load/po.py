"""Read gettext PO files as data: zine translations by msgctxt, layout words by msgid.

A PO file comes from a volunteer and is checked like any content: UTF-8, bounded, inside its
project; every translation passes the same checks as the source text (characters, Markdown), and
a layout word's placeholders ({number}) must be exactly the source's, since they are filled in
with str.format, which would otherwise read attributes ({number.__class__}) or fail.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter

import polib

from zinepress.errors import Report
from zinepress.i18n import numbers
from zinepress.i18n.marks import unbalanced_marks
from zinepress.load.chars import MAX_TEXT_CHARS, refused_character
from zinepress.load.files import read_input
from zinepress.render import markdown

MAX_PO_BYTES = 2_000_000
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CHARSET = re.compile(r"charset=([^\s;]+)", re.IGNORECASE)
_UTF8 = ("utf-8", "utf8", "charset")
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf"^\s*(#.*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+{_QUOTED}\s*|{_QUOTED}\s*)?$")


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


def read_catalog(path: Path, report: Report, key: str = "msgctxt",
                 inside: Path | None = None) -> Catalog:
    """Return a PO file's entries keyed by msgctxt (zines) or msgid (layout words)."""
    if not path.is_file():
        return EMPTY
    po = parse_po(path, report, inside)
    if po is None:
        return EMPTY
    translated, fuzzy, sources, lines = {}, {}, {}, {}
    seen: dict[str, int] = {}
    for entry in po:
        name = entry.msgctxt if key == "msgctxt" else entry.msgid
        if entry.obsolete or name is None:
            continue
        if name in seen:
            report.error(path, entry.linenum, f"{_label(name, key)} is given twice "
                                              f"(first on line {seen[name]})")
            continue
        seen[name] = lines[name] = entry.linenum
        if entry.msgstr and _usable(entry, name, key, path, report):
            (fuzzy if entry.fuzzy else translated)[name] = entry.msgstr
            sources[name] = entry.msgid
    return Catalog(translated, fuzzy, dict(po.metadata), sources, lines, path)


def parse_po(path: Path, report: Report, inside: Path | None = None) -> polib.POFile | None:
    """Return the PO file parsed as data, or None after reporting why it cannot be used.

    `inside` is the folder the file must really be in: by default the one above locales/ (the
    zine's folder, or the project for layout words).
    """
    text = _read_text(path, report, inside or path.parent.parent)
    if text is None:
        return None
    bad_line = next((n for n, line in enumerate(text.splitlines(), 1) if not _LINE.match(line)),
                    None)
    if bad_line:
        # polib is lenient: an unclosed "string loses its last character without a word.
        report.error(path, bad_line, "not a valid PO file: a line must be a keyword (msgid, "
                                     "msgstr …) with a \"quoted string\", a \"quoted string\" or a "
                                     "# comment")
        return None
    # polib takes a string naming an existing file for that file's path; with a line break at
    # its end, and every line checked above, the text cannot name a file outside the project.
    try:
        po = polib.pofile(text if text.endswith("\n") else text + "\n", encoding="utf-8",
                          wrapwidth=0)
    except Exception as exc:  # noqa: BLE001 - polib parses untrusted text; any failure means invalid
        report.error(path, _line(exc), f"not a valid PO file: {_reason(exc)}")
        return None
    for name, value in po.metadata.items():  # the colophon prints the translators' names
        refused = refused_character(f"{name}{value}")
        if refused:
            report.error(path, None, f"the header's {name} contains {refused[1]}")
            return None
    for message in numbers.header_problems(po.metadata):
        report.error(path, None, message)
    charset = _CHARSET.search(po.metadata.get("Content-Type", ""))
    if charset and charset[1].lower() not in _UTF8:
        report.error(path, None, f"the header says charset={charset[1]}; PO files are read as "
                                 "UTF-8: save the file as UTF-8 and set charset=UTF-8")
        return None
    return po


def _read_text(path: Path, report: Report, inside: Path) -> str | None:
    raw = read_input(path, report, MAX_PO_BYTES, inside)
    if raw is None:
        return None
    # Windows editors (Notepad) start UTF-8 files with a byte-order mark; it is not text.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(path, raw.count(b"\n", 0, exc.start) + 1,
                     f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        return None


def _usable(entry: polib.POEntry, name: str, key: str, path: Path, report: Report) -> bool:
    """Report what is wrong with an entry's translation; return whether it may be used."""
    problems = []
    for text in [entry.msgstr, *entry.msgstr_plural.values()]:
        refused = refused_character(text)
        if len(text) > MAX_TEXT_CHARS:   # checked first: Markdown on megabytes takes minutes
            problems.append(f"the translation is {len(text):,} characters long; the limit is "
                            f"{MAX_TEXT_CHARS:,}")
        elif refused:
            problems.append(f"the translation contains {refused[1]}")
        elif key == "msgctxt":
            found = [message for _, message in markdown.problems(text)]
            # A refused link prints as text, marks and all: say only why it was refused.
            problems += found or unbalanced_marks(entry.msgid, text)
        else:
            problems += placeholder_problems(entry.msgid, text)
        if not refused:
            problems += numbers.changes(entry.msgid, text)
    for message in dict.fromkeys(problems):
        report.error(path, entry.linenum, f"{_label(name, key)}: {message}")
    return not problems


def placeholder_problems(source: str, translation: str) -> list[str]:
    """Return why a translation's {placeholders} are not plain names, as str.format would read them.

    Which names it keeps is checked in the build (zinepress.i18n.checks); here, what must never
    reach str.format: a lone brace, or a field that reads attributes or items ({n.__class__}).
    """
    wanted = _fields(source)
    if not wanted or not all(_NAME.match(f) for f in wanted):
        return []  # Words formats only texts with placeholders: other braces print as written
    found = _fields(translation)
    if found is None:
        return ["a brace stands alone: write a literal brace as {{ or }}"]
    bad = [f for f in found if not _NAME.match(f)]
    if bad:
        return [f"uses {{{bad[0]}}}: a placeholder is a plain name in braces, exactly as in "
                "the source"]
    return []


def _fields(text: str) -> list[str] | None:
    """Return a format string's placeholders as written ('number', 'n.x', 'n:>3'), or None."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return None
    return [field + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "")
            for _, field, spec, conv in parsed if field is not None]


def _label(name: str, key: str) -> str:
    return f"'{name}'" if key == "msgctxt" else f"the translation of {name!r}"


def _line(exc: Exception) -> int | None:
    found = re.search(r"\(line (\d+)\)", str(exc))
    return int(found[1]) if found else None


def _reason(exc: Exception) -> str:
    return re.sub(r" \S*\.po\b| \(line \d+\)", "", str(exc))[:200] or type(exc).__name__
