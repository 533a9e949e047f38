"""Load themes/<name>/theme.yaml: a theme is a folder, like a layout, and works with every layout."""
from __future__ import annotations

import re
from pathlib import Path

from zinepress.assets import Assets
from zinepress.errors import Report
from zinepress.load.fields import Fields
from zinepress.load.files import Refused, read_confined
from zinepress.load.images import read_image
from zinepress.load.yamlfile import Map, load_yaml
from zinepress.model import Theme

THEME_KEYS = ("description", "css", "fonts", "accent", "short")
RULES = ("top", "centre", "heading")
MAX_CSS_BYTES = 1_000_000
# An ornament is an SVG file beside the theme's CSS, named in it as url("tape.svg").
ORNAMENT_URL = re.compile(r"""url\(\s*(["']?)([A-Za-z0-9_-]+\.svg)\1\s*\)""")


def load_themes(assets: Assets, report: Report) -> dict[str, Theme]:
    """Return every theme, the project's replacing built-in ones by name."""
    themes = {}
    for sub in assets.entries("themes").values():
        theme = load_theme(sub, report)
        if theme is not None:
            themes[theme.name] = theme
    return themes


def load_theme(folder: Path, report: Report) -> Theme | None:
    """Return one theme, or None after reporting why it cannot be used."""
    path = folder / "theme.yaml"
    data = load_yaml(path, report) if path.is_file() else None
    if not isinstance(data, Map):
        report.error(path if path.is_file() else folder, 1 if path.is_file() else None,
                     "a theme folder needs a theme.yaml with at least 'description'")
        return None
    f = Fields(data, path, report)
    f.unknown(THEME_KEYS)
    css = f.text("css", default="theme.css") or "theme.css"
    if "/" in css or "\\" in css or not css.endswith(".css") or not (folder / css).is_file():
        f.error("css", f"'css' names a .css file in {folder.name}/ ({css!r})")
    raw = f.get("short", (str, list), default="top")
    short = tuple(str(r) for r in (raw if isinstance(raw, list) else [raw]))
    if not short or any(r not in RULES for r in short):
        f.error("short", f"'short' is one or more of {', '.join(RULES)} ({raw!r})")
        short = ("top",)
    text, files = _read_css(folder, css, f)
    return Theme(name=folder.name, folder=folder, description=f.text("description") or "",
                 css=css, fonts=tuple(f.texts("fonts")), accent=f.text("accent"), short=short,
                 css_text=text, files=files)


def _read_css(folder: Path, css: str, f: Fields) -> tuple[str, tuple[tuple[str, bytes], ...]]:
    """Return the theme's CSS and its ornaments' checked bytes, each file read once, here."""
    path = folder / css
    try:
        text = read_confined(path, MAX_CSS_BYTES, folder).decode("utf-8")
    except (Refused, UnicodeDecodeError) as exc:
        if path.is_file() or path.is_symlink():
            f.error("css", f"{css}: {getattr(exc, 'message', 'the file is not UTF-8 text')}")
        return "", ()
    files = []
    for name in dict.fromkeys(m.group(2) for m in ORNAMENT_URL.finditer(text)):
        data, problem = read_image(folder, name)
        if problem:
            f.error("css", f"{css}: ornament {problem}")
        else:
            files.append((str(folder / name), data))
    return text, tuple(files)
