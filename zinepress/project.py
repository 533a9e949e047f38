"""Find a project and load all of it: zines, layouts, regions, fonts. Nothing is written."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zinepress.errors import Report, did_you_mean, set_display_root
from zinepress.load.layout import load_layouts
from zinepress.load.po import EMPTY, Catalog, read_catalog
from zinepress.load.region import load_regions
from zinepress.load.zine import load_zine
from zinepress.model import Layout, Region, Zine
from zinepress.render.fetch import ConfinedFetcher
from zinepress.render.fonts import font_faces


@dataclass
class Project:
    """Everything a build reads, loaded and validated once."""

    root: Path
    zines: dict[str, Zine]
    layouts: dict[str, Layout]
    regions: dict[str, Region]
    fonts_css: str
    font_files: dict[str, bytes] = field(default_factory=dict)   # fonts.Fonts.files
    _catalogs: dict[Path, Catalog] = field(default_factory=dict)

    def catalog(self, path: Path, report: Report, key: str = "msgctxt") -> Catalog:
        """Return a PO file's translations, read once per run."""
        if path not in self._catalogs:
            self._catalogs[path] = read_catalog(path, report, key) if path.is_file() else EMPTY
        return self._catalogs[path]

    def fetcher(self, zine: Zine | None = None) -> ConfinedFetcher:
        """Return a URL fetcher that serves the fonts and the zine's images as they were checked."""
        return ConfinedFetcher({**self.font_files, **(zine.images() if zine else {})})

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
    layouts = load_layouts(root / "layouts", report) if (root / "layouts").is_dir() else {}
    regions = load_regions(root / "regions", report) if (root / "regions").is_dir() else {}
    zines = {}
    for folder in _zine_folders(root, slugs, report):
        zine = load_zine(folder, report, set(layouts), set(regions))
        if zine is not None:
            zines[zine.slug] = zine
    fonts = font_faces(root / "fonts", report)
    return Project(root, zines, layouts, regions, fonts.css, fonts.files)


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
