"""Extract what translators translate: a zine's texts by key, and the layouts' own words."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.ext import extract_from_ast

import zinepress
from zinepress.assets import Assets
from zinepress.i18n.notes import edition_note, zine_text_panels
from zinepress.load.files import Refused, read_confined
from zinepress.model import ZINE_TEXT_FIELDS, Zine

CRITICAL_NOTE = ("Critical: a print build in your language needs this translated and not fuzzy.")
# The words of the crisis-lines panel: from crisis.py and the template macros named crisis_….
CRISIS_MODULE = "crisis.py"
CRISIS_MACRO = "crisis"
CRISIS_NOTE = ("Printed on the crisis-lines panel: a print build in your language needs it "
               "translated.")
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Entry:
    """One string to translate, as a PO entry shows it."""

    key: str                        # msgctxt of a zine string; the msgid of a layout word
    msgid: str
    comment: str = ""               # `#.` for translators: the panel's note, what to keep
    occurrences: tuple[tuple[str, str], ...] = ()    # `#:` places (path, line or "")
    flags: tuple[str, ...] = ()
    crisis: bool = False            # a layout word of the crisis-lines panel


def zine_entries(zine: Zine, root: Path) -> list[Entry]:
    """Return the zine's strings in file order: its own texts, then each panel's fields.

    A `#:` reference names the file and the panel (zine.yaml#not-suicide), never a line: a line
    added above would otherwise rewrite every reference in every language's file.
    """
    where = _shown(zine.yaml_path, root)
    covers = zine_text_panels(zine)
    entries = [Entry(f"zine.{name}", text, edition_note(zine, covers, text, name), ((where, ""),))
               for name in ZINE_TEXT_FIELDS if (text := zine.text.get(name))]
    for panel in zine.panels:
        fields = [(name, text) for name, text in panel.text.items()]
        fields += [(f"items.{i}", item) for i, item in enumerate(panel.items)]
        for name, text in fields:
            comment = "\n".join(filter(None, [panel.note,
                                               CRITICAL_NOTE if panel.critical else "",
                                               edition_note(zine, {panel.id}, text,
                                                            name.split(".")[0])]))
            entries.append(Entry(f"{panel.id}.{name}", text, comment,
                                 ((f"{where}#{panel.id}", ""),)))
    return entries


def edition_keys(zine: Zine, editions: set[str]) -> set[str]:
    """Return the keys the given editions print (the zine's own texts included)."""
    panel_ids = {i for name in editions for i in zine.editions.get(name, ())}
    return {e.key for e in zine_entries(zine, zine.folder)
            if e.key.startswith("zine.") or e.key.split(".")[0] in panel_ids}


MAX_TEMPLATE_BYTES = 1_000_000


def layout_words(root: Path) -> list[Entry]:
    """Return the layouts' own words: t("…") in layouts/**/*.html, N_/words("…") in the code."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for path, layouts in _templates(root):
        for msgid, crisis in _template_words(path, layouts):
            found.setdefault(msgid, []).append((_shown(path, layouts.parent), crisis))
    package = Path(zinepress.__file__).resolve().parent
    for path in sorted(package.glob("**/*.py")):
        for msgid in _python_words(path):
            shown = _shown(path, package.parent)
            found.setdefault(msgid, []).append((shown, path.name == CRISIS_MODULE))
    entries = [_word_entry(msgid, places) for msgid, places in found.items()]
    return sorted(entries, key=lambda e: (e.occurrences[0][0], e.msgid.lower(), e.msgid))


def crisis_words(root: Path) -> frozenset[str]:
    """Return the layout words printed on the crisis-lines panel."""
    return frozenset(e.msgid for e in _cached_words(root.resolve(), _stamp(root)) if e.crisis)


def all_words(root: Path) -> tuple[str, ...]:
    """Return every layout word, in template order."""
    return tuple(e.msgid for e in _cached_words(root.resolve(), _stamp(root)))


@lru_cache(maxsize=8)
def _cached_words(root: Path, stamp: tuple[float, ...]) -> tuple[Entry, ...]:
    return tuple(layout_words(root))


def _stamp(root: Path) -> tuple[float, ...]:
    return tuple(path.stat().st_mtime for path, _ in _templates(root))


def _templates(root: Path) -> list[tuple[Path, Path]]:
    """Return every template of the built-in layouts and the project's, with its layouts/ folder."""
    return [(path, folder) for folder in reversed(Assets(root).folders("layouts"))
            for path in sorted(folder.glob("**/*.html"))]


def placeholders(text: str) -> list[str]:
    """Return the names of a word's {placeholders}, sorted."""
    return sorted(set(PLACEHOLDER_RE.findall(text)))


def _word_entry(msgid: str, places: list[tuple[str, bool]]) -> Entry:
    crisis = any(c for _, c in places)
    names = list(dict.fromkeys(PLACEHOLDER_RE.findall(msgid)))
    notes = [CRISIS_NOTE if crisis else ""]
    if names:
        shown = ", ".join("{" + n + "}" for n in names)
        notes.append(f"Keep {shown} as written: zinepress puts the value there.")
    files = tuple(dict.fromkeys(path for path, _ in places))
    return Entry(msgid, msgid, "\n".join(filter(None, notes)), tuple((f, "") for f in files),
                 ("python-brace-format",) if names else (), crisis)


def _template_words(path: Path, layouts: Path) -> list[tuple[str, bool]]:
    try:  # a template linked from outside layouts/ is never read; the render reports it
        text = read_confined(path, MAX_TEMPLATE_BYTES, layouts).decode("utf-8")
    except (Refused, UnicodeDecodeError):
        return []
    tree = jinja2.Environment().parse(text)
    crisis = {m for macro in tree.find_all(nodes.Macro) if macro.name.startswith(CRISIS_MACRO)
              for m in _messages(macro)}
    return [(m, m in crisis) for m in _messages(tree)]


def _messages(node: nodes.Node) -> list[str]:
    result = []
    for _, _, strings in extract_from_ast(node, gettext_functions=("t",), babel_style=False):
        first = strings[0] if isinstance(strings, tuple) else strings
        if isinstance(first, str):
            result.append(first)
    return result


def _python_words(path: Path) -> list[str]:
    result = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else \
            node.func.attr if isinstance(node.func, ast.Attribute) else ""
        first = node.args[0]
        if name in ("N_", "words") and isinstance(first, ast.Constant) \
                and isinstance(first.value, str):
            result.append(first.value)
    return result


def _shown(path: Path, root: Path) -> str:
    path = path.resolve()
    return path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) \
        else path.as_posix()
