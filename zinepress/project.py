"""Find a project and load all of it: zines, layouts, regions, fonts. Nothing is written."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zinepress.assets import Assets
from zinepress.errors import Report, did_you_mean, set_display_root
from zinepress.load.layout import load_layouts
from zinepress.load.theme import load_themes
from zinepress.load.region import load_region_files
from zinepress.load.zine import load_zine
from zinepress.model import Layout, Region, Theme, Zine
from zinepress.render.fonts import project_fonts

# PO files are read when a job is built or checked (polib, Babel): a build with nothing to build
# reads none (zinepress.batch.read_catalogs), and so imports neither (issue 16).
if TYPE_CHECKING:
    from zinepress.i18n.copied import Copied
    from zinepress.load.po import Catalog
    from zinepress.render.fetch import ConfinedFetcher

PROJECT_KEY = "zinepress.project"



@dataclass
class Project:
    """Everything a build reads, loaded and validated once."""

    root: Path
    assets: Assets
    zines: dict[str, Zine]
    layouts: dict[str, Layout]
    regions: dict[str, Region]
    fonts_css: str
    font_files: dict[str, bytes] = field(default_factory=dict)   # fonts.Fonts.files
    themes: dict[str, Theme] = field(default_factory=dict)
    _catalogs: dict[Path, Catalog] = field(default_factory=dict)
    _copied: dict[Path, Copied | None] = field(default_factory=dict)

    def catalog(self, path: Path, report: Report, key: str = "msgctxt") -> Catalog:
        """Return a PO file's translations, read once per run."""
        from zinepress.load.po import EMPTY, read_catalog

        if path not in self._catalogs:
            self._catalogs[path] = read_catalog(path, report, key) if path.is_file() else EMPTY
        return self._catalogs[path]

    def fetcher(self, zine: Zine | None = None, theme: Theme | None = None) -> ConfinedFetcher:
        """Return a URL fetcher that serves the fonts, the theme's ornaments and the zine's
        images, each as it was read and checked at load."""
        from zinepress.render.fetch import ConfinedFetcher   # WeasyPrint's: only to render

        return ConfinedFetcher({**self.font_files, **(dict(theme.files) if theme else {}),
                                **(zine.images() if zine else {})})

    def translations(self, zine: Zine, lang: str, report: Report) -> Catalog:
        """Return a zine's translations into one language, without any copied from another."""
        from zinepress.i18n.copied import copied_problem, find_copied, without_copies

        path = zine.folder / "locales" / f"{lang}.po"
        catalog = self.catalog(path, report)
        if path not in self._copied:   # reads every sibling PO file: once per run, not per job
            self._copied[path] = find_copied(path.parent, lang, catalog)
        copied = self._copied[path]
        if copied is not None:
            warning = copied_problem(path, lang, copied)
            if warning not in report.problems:
                report.problems.append(warning)
        return without_copies(catalog, copied)

    def words(self, lang: str, report: Report) -> Catalog:
        """Return the layouts' own words in one language."""
        return self.catalog(self.assets.words(lang), report, key="msgid")


def find_root(start: Path | None = None) -> Path:
    """Return the project: `--project DIR`, else the nearest folder at or above `start` with zines/.

    Like git and MkDocs, any folder below a project works; with none above, the current folder
    is the project (`zine new` makes its zines/ there).
    """
    chosen = project_option()
    if chosen is not None:
        return chosen
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "zines").is_dir():
            return folder
    return here


def project_option() -> Path | None:
    """Return the folder given with --project to the running command, if any."""
    context = click.get_current_context(silent=True)
    chosen = context.meta.get(PROJECT_KEY) if context is not None else None
    return Path(chosen).resolve() if chosen else None


def load_project(root: Path, report: Report, slugs: tuple[str, ...] = ()) -> Project:
    """Load the project with the built-in assets beneath it; every problem goes to the report."""
    set_display_root(root)
    assets = Assets(root)
    layouts = load_layouts(assets, report)
    themes = load_themes(assets, report)
    regions = load_region_files(assets.entries("regions").values(), report)
    zines = {}
    for folder in _zine_folders(root, slugs, report):
        zine = load_zine(folder, report, set(layouts), set(regions), set(themes))
        if zine is not None:
            zines[zine.slug] = zine
    fonts = project_fonts(assets, report)
    return Project(root, assets, zines, layouts, regions, fonts.css, fonts.files, themes)



def _zine_folders(root: Path, slugs: tuple[str, ...], report: Report) -> list[Path]:
    folder = root / "zines"
    known = sorted(p.name for p in folder.iterdir() if (p / "zine.yaml").is_file()) \
        if folder.is_dir() else []
    if not slugs:
        if not folder.is_dir():
            report.error(root, None, "no zinepress project here: no zines/ folder in this folder "
                         "or above it; make one with `zine new SLUG`, or name the project with "
                         "--project DIR")
        elif not known:
            report.error(folder, None, "no zines found: make one with `zine new SLUG`")
        return [folder / name for name in known]
    for slug in slugs:
        if slug not in known:
            report.error(folder / slug, None, f"no zine '{slug}'{did_you_mean(slug, known)}")
    return [folder / s for s in slugs if s in known]
