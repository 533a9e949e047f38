"""Find a project and load all of it: zines, layouts, regions, fonts. Nothing is written."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from zinepress.errors import Report, did_you_mean, set_display_root
from zinepress.load.layout import load_layouts
from zinepress.load.theme import load_themes
from zinepress.load.po import EMPTY, Catalog, read_catalog
from zinepress.load.region import load_regions
from zinepress.load.zine import load_zine
from zinepress.model import Layout, Region, Theme, Zine
from zinepress.render.fonts import font_faces

T = TypeVar("T")


@dataclass
class Project:
    """Everything a build reads, loaded and validated once."""

    root: Path
    zines: dict[str, Zine]
    layouts: dict[str, Layout]
    regions: dict[str, Region]
    fonts_css: str
    themes: dict[str, Theme] = field(default_factory=dict)
    _catalogs: dict[Path, Catalog] = field(default_factory=dict)

    def catalog(self, path: Path, report: Report, key: str = "msgctxt") -> Catalog:
        """Return a PO file's translations, read once per run."""
        if path not in self._catalogs:
            self._catalogs[path] = read_catalog(path, report, key) if path.is_file() else EMPTY
        return self._catalogs[path]

    def translations(self, zine: Zine, lang: str, report: Report) -> Catalog:
        """Return a zine's translations into one language."""
        return self.catalog(zine.folder / "locales" / f"{lang}.po", report)

    def words(self, lang: str, report: Report) -> Catalog:
        """Return the layouts' own words in one language."""
        return self.catalog(self.root / "locales" / f"{lang}.po", report, key="msgid")


def find_root(start: Path | None = None) -> Path:
    """Return the nearest folder at or above `start` that has zines/ or layouts/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "zines").is_dir() or (folder / "layouts").is_dir():
            return folder
    return here


def load_project(root: Path, report: Report, slugs: tuple[str, ...] = ()) -> Project:
    """Load the project; every problem goes to the report."""
    set_display_root(root)
    layouts = _assets(root, "layouts", load_layouts, report)
    themes = _assets(root, "themes", load_themes, report)
    regions = _assets(root, "regions", load_regions, report)
    zines = {}
    for folder in _zine_folders(root, slugs, report):
        zine = load_zine(folder, report, set(layouts), set(regions), set(themes))
        if zine is not None:
            zines[zine.slug] = zine
    return Project(root, zines, layouts, regions, font_faces(root / "fonts", report), themes)


def _assets(root: Path, kind: str, loader: Callable[[Path, Report], dict[str, T]],
            report: Report) -> dict[str, T]:
    """Return the entries of one asset folder (layouts/, themes/, regions/), each by name."""
    folder = root / kind
    return loader(folder, report) if folder.is_dir() else {}


def _zine_folders(root: Path, slugs: tuple[str, ...], report: Report) -> list[Path]:
    folder = root / "zines"
    known = sorted(p.name for p in folder.iterdir() if (p / "zine.yaml").is_file()) \
        if folder.is_dir() else []
    if not slugs:
        if not known:
            report.error(folder, None, "no zines found: make one with `zine new SLUG`")
        return [folder / name for name in known]
    for slug in slugs:
        if slug not in known:
            report.error(folder / slug, None, f"no zine '{slug}'{did_you_mean(slug, known)}")
    return [folder / s for s in slugs if s in known]
