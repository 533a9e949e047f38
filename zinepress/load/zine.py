"""Load and validate zines/<slug>/zine.yaml."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from zinepress.errors import Report, did_you_mean
from zinepress.load.chars import MAX_TEXT_CHARS
from zinepress.load.fields import Fields
from zinepress.load.languages import known_language, language_layouts
from zinepress.load.files import undecodable_names
from zinepress.load.images import read_image
from zinepress.load.yamlfile import Map, Seq, load_yaml
from zinepress.model import PANEL_KINDS, TEXT_FIELDS, Cover, Panel, Source, Variant, Zine
from zinepress.render import markdown

# Each variant is several PDFs of a few seconds each: 5,000 variants was hours with no bound.
MAX_VARIANTS = 100
TOP_KEYS = ("title", "subtitle", "language", "variants", "layouts", "content_note", "license",
            "credits", "sources", "panels", "editions", "poster", "back_poster",
            "languages", "theme", "cover")
PANEL_KEYS = {
    "text": ("heading", "body"),
    "cover": ("title", "subtitle", "body"),
    "list": ("heading", "body", "items"),
    "quote": ("body", "attribution"),
    "image": ("heading", "src", "alt", "caption"),
    "crisis-lines": ("heading", "body"),
    "sources": ("heading",),
    "notes": ("heading",),
    "back-cover": ("heading", "body"),
}
COMMON_KEYS = ("id", "kind", "note", "critical")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
VARIANT_RE = re.compile(r"^[a-z]{2,3}-[a-z]{2,4}(-[a-z0-9]{1,3})?$")
# Bounds that keep one zine's render to seconds (bench/bounds.py measures the worst case).
MAX_PANELS = 200
MAX_ITEMS = 50
MAX_ITEM_CHARS = 1_000
MAX_SOURCES = 200


def load_zine(folder: Path, report: Report, layouts: set[str], regions: set[str],
              themes: set[str] | None = None) -> Zine | None:
    """Return the zine in this folder, reporting every problem; None when it cannot be used."""
    path = folder / "zine.yaml"
    if not _inside_zines(folder, report):
        return None
    if not path.is_file():
        report.error(folder, None, "a zine folder needs a zine.yaml")
        return None
    odd = undecodable_names(folder)
    for name in odd:
        report.error(name, None, "the file name is not UTF-8 text; rename the file")
    data = load_yaml(path, report) if not odd else None
    if data is None:
        return None
    if not isinstance(data, Map):
        report.error(path, 1, "zine.yaml must be a mapping of keys such as 'title' and 'panels'")
        return None
    top = Fields(data, path, report)
    top.unknown(TOP_KEYS)
    for key in ("title", "subtitle", "content_note", "credits", "license"):
        _check_length(top, key, MAX_TEXT_CHARS)  # the zine's own texts print too
    panels = _panels(top, folder)
    ids = [p.id for p in panels]
    editions = _editions(top, ids)
    layouts_of_zine = _layouts(top, layouts, editions)
    zine = Zine(
        slug=folder.name,
        folder=folder,
        language=_language(top),
        text={k: v for k in ("title", "subtitle", "content_note", "credits")
              if (v := top.text(k, required=k == "title"))},
        license=top.text("license") or "",
        sources=_sources(top),
        panels=tuple(panels),
        editions=editions,
        variants=_variants(top, regions),
        layouts=layouts_of_zine,
        language_layouts=language_layouts(top, layouts_of_zine),
        yaml_path=path,
        lines=dict(data.lines),
        back_poster=top.flag("back_poster"),
        theme=_theme(top, themes),
        cover=_cover(top, folder),
    )
    _warn_orphans(top, zine)
    return zine


def _theme(top: Fields, themes: set[str] | None) -> str | None:
    name = top.text("theme")
    if name and themes is not None and name not in themes:
        top.error("theme", f"unknown theme '{name}'{did_you_mean(name, themes)}"
                           f" (themes: {', '.join(sorted(themes))})")
        return None
    return name


def _cover(top: Fields, folder: Path) -> Cover | None:
    """Return the cover's picture: a file in the zine folder, with its description."""
    raw = top.mapping("cover")
    if raw is None:
        return None
    f = Fields(raw, top.path, top.report, "cover")
    f.unknown(("image", "alt"))
    src, alt = f.text("image", required=True), f.text("alt")
    if src and not alt:
        f.error(None, "a cover image needs 'alt': a short description for people who cannot "
                      "see it")
    data, problem = read_image(folder, src) if src else (None, None)
    if problem:
        f.error("image", problem)
    return Cover(src, alt, data) if src and alt and data is not None else None


def _inside_zines(folder: Path, report: Report) -> bool:
    """Refuse a zine folder that is a link to elsewhere: everything in it would be read."""
    if folder.resolve().is_relative_to(folder.parent.resolve()):
        return True
    report.error(folder, None, "the zine folder is a link to a place outside "
                               f"{folder.parent.name}/; only folders inside it are read")
    return False


def _panels(top: Fields, folder: Path) -> list[Panel]:
    items = top.items("panels", required=True)
    if len(items) > MAX_PANELS:
        top.error("panels", f"the zine has {len(items):,} panels; the limit is {MAX_PANELS}")
        return []
    panels, seen = [], {}
    for i, raw in enumerate(items):
        line = items.line_of(i)
        if not isinstance(raw, Map):
            top.report.error(top.path, line, f"panel {i + 1} must be a mapping with an 'id'")
            continue
        panel = _panel(Fields(raw, top.path, top.report, f"panel {i + 1}"), folder)
        if panel is None:
            continue
        if panel.id in seen:
            top.report.error(top.path, panel.line,
                             f"duplicate panel id '{panel.id}' (first on line {seen[panel.id]})")
            continue
        seen[panel.id] = panel.line
        panels.append(panel)
    return panels


def _panel(f: Fields, folder: Path) -> Panel | None:
    panel_id = f.text("id", required=True)
    if not panel_id:
        return None
    if not ID_RE.match(panel_id):
        f.error("id", f"panel id '{panel_id}' must be lower-case letters, digits and hyphens")
    elif panel_id == "zine":
        f.error("id", "panel id 'zine' is reserved for the zine's own texts (zine.title …)")
    f.where = f"panel '{panel_id}': "
    kind = f.text("kind", default="text") or "text"
    if kind not in PANEL_KINDS:
        f.error("kind", f"unknown kind '{kind}'{did_you_mean(kind, PANEL_KINDS)}"
                        f" (kinds: {', '.join(PANEL_KINDS)})")
        kind = "text"
    f.unknown(COMMON_KEYS + PANEL_KEYS[kind])
    text = {k: v for k in TEXT_FIELDS if k in PANEL_KEYS[kind] and (v := f.text(k))}
    for name, value in text.items():
        if _check_length(f, name, MAX_TEXT_CHARS) and name != "alt":
            _check_markdown(f, name, value)
    _check_items(f)
    panel = Panel(id=panel_id, kind=kind, text=text, items=tuple(f.texts("items")),
                  note=f.text("note"), critical=f.flag("critical"),
                  src=f.text("src", required=kind == "image"), line=f.line or 0,
                  lines={**{k: f.line_of(k) or 0 for k in f.data}, **_item_lines(f)})
    if kind == "image":
        panel = dataclasses.replace(panel, image=_check_image(f, panel, folder))
    if kind == "list" and not panel.items:
        f.error(None, "a list panel needs 'items'")
    return panel


def _item_lines(f: Fields) -> dict[str, int]:
    items = f.data.get("items")
    return {f"items.{i}": items.line_of(i) for i in range(len(items))} \
        if isinstance(items, Seq) else {}


def _check_markdown(f: Fields, name: str, text: str) -> None:
    base = f.line_of(name) or 0
    # A block scalar (`|`) starts on the line after its key.
    start = base + (1 if "\n" in text else 0)
    seen = set()
    for offset, message in markdown.problems(text):
        if offset not in seen:
            seen.add(offset)
            f.report.error(f.path, start + offset, f.where + message)


def _check_length(f: Fields, key: str, limit: int) -> bool:
    """Report a text longer than the limit; return whether it is within it."""
    value = f.data.get(key)
    if isinstance(value, str) and len(value) > limit:
        f.error(key, f"'{key}' is {len(value):,} characters long; the limit is {limit:,}")
        return False
    return True


def _check_items(f: Fields) -> None:
    items = f.data.get("items")
    if not isinstance(items, Seq):
        return
    if len(items) > MAX_ITEMS:
        f.error("items", f"'items' has {len(items):,} entries; the limit is {MAX_ITEMS}")
        return
    for i, item in enumerate(items):
        if not isinstance(item, str):
            continue
        if len(item) > MAX_ITEM_CHARS:
            f.report.error(f.path, items.line_of(i), f"{f.where}item {i + 1} is {len(item):,} "
                           f"characters long; the limit is {MAX_ITEM_CHARS:,}")
        else:
            for _, message in markdown.problems(item):
                f.report.error(f.path, items.line_of(i), f.where + message)


def _check_image(f: Fields, panel: Panel, folder: Path) -> bytes | None:
    """Return the image's checked bytes (what the PDF embeds), or None after reporting why not."""
    if not panel.get("alt").strip():
        f.error(None, "an image needs 'alt': a short description for people who cannot see it")
    data, problem = read_image(folder, panel.src) if panel.src else (None, None)
    if problem:
        f.error("src", problem)
    return data


def _sources(top: Fields) -> tuple[Source, ...]:
    items = top.items("sources")
    if len(items) > MAX_SOURCES:
        top.error("sources", f"'sources' has {len(items):,} entries; the limit is {MAX_SOURCES}")
        return ()
    sources = []
    for i, raw in enumerate(items):
        if isinstance(raw, str):
            sources.append(Source(raw))
            continue
        f = Fields(raw, top.path, top.report, f"source {i + 1}")
        if not isinstance(raw, Map):
            f.report.error(top.path, items.line_of(i), f"source {i + 1} must be a title or a mapping")
            continue
        f.unknown(("title", "url"))
        url = f.text("url")
        if url and not url.startswith(("https://", "http://")):
            f.error("url", f"a source's url must start with https:// or http:// ({url!r})")
        sources.append(Source(f.text("title", required=True) or "", url))
    return tuple(sources)


def _editions(top: Fields, ids: list[str]) -> dict[str, tuple[str, ...]]:
    raw = top.mapping("editions") or Map()
    f = Fields(raw, top.path, top.report)
    editions = {"full": tuple(ids)}
    for name in raw:
        members = f.items(name)
        for i, panel_id in enumerate(members):
            if panel_id not in ids:
                top.report.error(top.path, members.line_of(i),
                                 f"edition '{name}' names panel '{panel_id}', which does not exist"
                                 f"{did_you_mean(str(panel_id), ids)}")
        editions[str(name)] = tuple(str(p) for p in members if p in ids)
    return editions


def _language(top: Fields) -> str:
    """Return the zine's language: a BCP 47 language code Babel knows, as in variants (en, es)."""
    lang = top.text("language", default="en") or "en"
    if LANGUAGE_RE.match(lang) and known_language(lang):
        return lang
    shown = lang if len(lang) <= 40 else lang[:40] + "…"
    top.error("language", f"language {shown!r} must be a language code such as en, es or ar "
                          "(BCP 47, lower-case, as in variants; the region goes in variants)")
    return "en"


def _variants(top: Fields, regions: set[str]) -> tuple[Variant, ...]:
    items = top.items("variants")
    if len(items) > MAX_VARIANTS:
        top.error("variants", f"'variants' lists {len(items):,} variants; the limit is "
                  f"{MAX_VARIANTS} (build others with -l and -r)")
        return ()
    names = top.texts("variants")
    result = []
    for i, name in enumerate(names):
        line = items.line_of(i)
        if not VARIANT_RE.match(name):
            top.report.error(top.path, line, f"variant '{name}' must be language-region, e.g. es-mx")
            continue
        variant = Variant.parse(name)
        if regions and variant.region not in regions:
            top.report.error(top.path, line, f"variant '{name}': no region file "
                             f"regions/{variant.region}.yaml{did_you_mean(variant.region, regions)}")
            continue
        result.append(variant)
    return tuple(result)


def _layouts(top: Fields, layouts: set[str], editions: dict) -> dict[str, str]:
    raw = top.mapping("layouts")
    if raw is None:
        return {"reader": "full", "booklet": "full"}
    f = Fields(raw, top.path, top.report)
    result = {}
    for name, edition in raw.items():
        if layouts and name not in layouts:
            f.error(name, f"unknown layout '{name}'{did_you_mean(str(name), layouts)}")
        elif str(edition or "full") not in editions:
            f.error(name, f"layout '{name}' prints edition '{edition}', which does not exist"
                          f"{did_you_mean(str(edition), editions)}")
        else:
            result[str(name)] = str(edition or "full")
    return result


def _warn_orphans(top: Fields, zine: Zine) -> None:
    used = {p for members in zine.editions.values() for p in members}
    explicit_full = "full" in (top.mapping("editions") or {})
    for panel in zine.panels:
        if explicit_full and panel.id not in used:
            top.report.warning(top.path, panel.line, f"panel '{panel.id}' is in no edition")
