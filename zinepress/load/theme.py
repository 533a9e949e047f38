"""Load themes/<name>/theme.yaml: a theme is a folder, like a layout, and works with every layout."""
from __future__ import annotations

from pathlib import Path

from zinepress.errors import Report
from zinepress.load.fields import Fields
from zinepress.load.yamlfile import Map, load_yaml
from zinepress.model import Theme

THEME_KEYS = ("description", "css", "fonts", "accent", "short")
RULES = ("top", "centre", "heading")
DEFAULT_THEME = "plain"


def load_themes(folder: Path, report: Report) -> dict[str, Theme]:
    """Return every theme folder under themes/."""
    themes = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_")):
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
    return Theme(name=folder.name, folder=folder, description=f.text("description") or "",
                 css=css, fonts=tuple(f.texts("fonts")), accent=f.text("accent"), short=short)
