"""No missing glyphs: every character a build prints must be in a bundled font, checked before
rendering against the fonts' character maps (fontTools), so a box never reaches paper."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from fontTools.ttLib import TTFont, TTLibError

from zinepress.crisis import CrisisView
from zinepress.errors import Report
from zinepress.load.files import Refused, read_confined
from zinepress.load.po import Catalog
from zinepress.load.yamlfile import Seq, load_yaml
from zinepress.localize import Localized
from zinepress.model import Panel, Zine
from zinepress.render.templates import MAX_CSS_BYTES

# Characters that are never drawn: controls, format marks (LRI/PDI, ZWJ, soft hyphen), separators.
INVISIBLE = ("Cc", "Cf", "Zl", "Zp")
CSS_STRING_RE = re.compile(r"""(["'])(.*?)\1""")


@dataclass(frozen=True)
class Text:
    """A string a build prints, with where it comes from."""

    text: str
    what: str                  # "panel 'support'", "layout word 'Call {number}'", "service 'x'"
    path: Path
    line: int | None


def check_glyphs(loc: Localized, zine: Zine, panels: tuple[Panel, ...],
                 crisis: CrisisView | None, catalog: Catalog, words: Catalog,
                 fonts: tuple[Path, ...], layout: Path, report: Report) -> None:
    """Report every character of the build's text that no bundled font has."""
    covered = coverage(fonts)
    seen = set()
    texts = [*_texts(loc, zine, panels, crisis, catalog, words), *_css_texts(layout)]
    for item in texts:
        for char in dict.fromkeys(item.text):
            if ord(char) in covered or unicodedata.category(char) in INVISIBLE:
                continue
            if (item.path, item.line, char) in seen:
                continue
            seen.add((item.path, item.line, char))
            report.error(item.path, _line_of(item, char),
                         f"{item.what} ({loc.lang}): the character {describe(char)} is in no "
                         "bundled font; replace it, or add a font that has it to fonts/")


def _line_of(item: Text, char: str) -> int | None:
    # A YAML block scalar (`body: |`) starts on the line after its key.
    if item.line is None or item.path.suffix not in (".yaml", ".yml") or "\n" not in item.text:
        return item.line
    return item.line + 1 + item.text[:item.text.index(char)].count("\n")


def describe(char: str) -> str:
    """Return "'☃' (U+2603 SNOWMAN)"."""
    name = unicodedata.name(char, "")
    return f"'{char}' (U+{ord(char):04X}{' ' + name if name else ''})"


def coverage(folders: tuple[Path, ...]) -> frozenset[int]:
    """Return the code points the fonts listed in these folders' fonts.yaml can draw."""
    files = tuple(sorted(p for fonts in folders for p in _font_files(fonts)))
    return _coverage(files, tuple(p.stat().st_mtime for p in files))


@lru_cache(maxsize=4)
def _coverage(files: tuple[Path, ...], stamps: tuple[float, ...]) -> frozenset[int]:
    points: set[int] = set()
    for path in files:
        try:
            with TTFont(path, lazy=True) as font:
                points.update(font.getBestCmap() or {})
        except (TTLibError, OSError, AssertionError):
            continue        # an unreadable font file is reported when the fonts are loaded
    return frozenset(points)


def _font_files(fonts: Path) -> list[Path]:
    manifest = fonts / "fonts.yaml"
    entries = load_yaml(manifest, Report()) if manifest.is_file() else None
    names = [e.get("file") for e in entries if isinstance(e, dict)] \
        if isinstance(entries, Seq) else []
    paths = [(fonts / n).resolve() for n in names if isinstance(n, str)]
    return [p for p in paths if p.is_relative_to(fonts.resolve()) and p.is_file()]


def _texts(loc: Localized, zine: Zine, panels: tuple[Panel, ...], crisis: CrisisView | None,
           catalog: Catalog, words: Catalog) -> Iterator[Text]:
    untranslated = set(loc.fallbacks)      # fuzzy translations are printed: they are in the PO

    def place(key: str, line: int | None) -> tuple[Path, int | None]:
        if loc.lang != zine.language and key not in untranslated and key in catalog.lines:
            return catalog.path or zine.yaml_path, catalog.lines[key]
        return zine.yaml_path, line

    for name, text in loc.zine.text.items():
        yield Text(text, f"the zine's {name}", *place(f"zine.{name}", zine.lines.get(name)))
    for source in loc.zine.sources:
        yield Text(source.title, "a source", zine.yaml_path, zine.lines.get("sources"))
    for panel in panels:
        fields = list(panel.text.items()) + [(f"items.{i}", t) for i, t in enumerate(panel.items)]
        for name, text in fields:
            yield Text(text, f"panel '{panel.id}'",
                       *place(f"{panel.id}.{name}", panel.lines.get(name) or panel.line or None))
    for msgid, text in words.translated.items():
        yield Text(text, f"layout word '{msgid}'", words.path or Path("locales"),
                   words.lines.get(msgid))
    if crisis is not None:
        yield from _crisis_texts(loc, crisis)


def _css_texts(layout: Path) -> Iterator[Text]:
    # Strings a stylesheet prints: list markers, `content:` of page margins.
    for path in (layout.parent / "_shared" / "base.css", layout / "style.css"):
        try:  # a stylesheet linked from outside layouts/ is never read; the render reports it
            text = read_confined(path, MAX_CSS_BYTES, layout.parent).decode("utf-8")
        except (Refused, UnicodeDecodeError):
            continue
        if text:
            for number, line in enumerate(text.splitlines(), 1):
                for match in CSS_STRING_RE.finditer(line):
                    yield Text(match.group(2), "a string in the stylesheet", path, number)


def _crisis_texts(loc: Localized, crisis: CrisisView) -> Iterator[Text]:
    region = loc.region
    lines = {s.id: s.line or None for s in region.services}
    for service in crisis.services:
        where, line = f"service '{service.id}'", lines.get(service.id)
        for text in (service.name, service.purpose, service.note or ""):
            yield Text(text, where, region.path, line)
        for c in service.contacts:
            for text in (c.number, c.keyword, c.url, c.address, c.press, c.draft, *c.details):
                yield Text(text or "", where, region.path, line)
    for text in (*crisis.emergency, crisis.emergency_draft or "", crisis.checked or "",
                 crisis.region_name):
        yield Text(text, f"region '{region.code}'", region.path, None)
