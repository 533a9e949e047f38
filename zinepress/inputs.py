"""The input hash of an output: everything that can change its bytes, so unchanged ones are kept.

An output depends on its zine folder (zine.yaml, images: every file but other languages' PO
files, which count only when its language has a PO file: a translation copied from one of them
counts as untranslated), its language's PO files (the zine's and the layouts' words in
locales/), its region file and the files it inherits from, its layout folder and the shared
layout parts, the fonts, the tool itself (its version, its source files, Python's version and
the versions of the libraries that render and check), the options that change what is drawn,
and today's date where it matters: whether each crisis line's check is older than the maximum
age decides whether a build prints it, fails or marks it DRAFT.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import zinepress
from zinepress.job import Job, Options
from zinepress.load.files import Refused, read_confined
from zinepress.model import Region
from zinepress.project import Project
from zinepress.verify import contact_check, emergency_check

MAX_HASHED = 64 * 1024 * 1024     # bytes; every loader's own limit is lower
# The libraries whose version can change an output's bytes or what a build reports about its
# inputs (a kept output's input files are not checked again: zinepress.batch.read_catalogs):
# the renderers and what they draw with, and the readers and checkers of the inputs.
LIBRARIES = frozenset({
    "weasyprint", "pydyf", "tinyhtml5", "tinycss2", "cssselect2", "pyphen", "fonttools",
    "brotli", "zopfli", "pillow", "pikepdf", "pypdfium2", "qrcode", "jinja2", "markupsafe",
    "markdown_it_py", "mdurl", "polib", "babel", "phonenumbers", "pyyaml"})
# Options that choose what to build or how to run, not what an output looks like. `strict` only
# turns warnings into failures: an unchanged output's recorded warnings are reported again.
NOT_INPUTS = frozenset({"slugs", "langs", "regions", "layouts", "out", "workers", "shard",
                        "force", "strict"})


class Hasher:
    """Hash the inputs of jobs; each file is read once per build."""

    def __init__(self, project: Project, options: Options, today: dt.date) -> None:
        self.project = project
        self.today = today
        self._files: dict[Path, str] = {}
        self._trees: dict[tuple[Path, bool | None], list[str]] = {}
        self._regions: dict[str, list[str]] = {}
        self._langs: dict[str, str] = {}
        self._states: dict[str, str] = {}
        self._fonts = project.assets.folders("fonts")
        self._common = _digest([tool_fingerprint(), _options_text(options)])

    def job(self, job: Job) -> str:
        """Return the job's input hash."""
        parts = [self._common, str(job.path), job.edition, job.theme]
        lang, zine = job.variant.lang, job.zine.folder
        own = zine / "locales" / f"{lang}.po"
        # Other languages' PO files only where a translation is compared with them: a copied
        # one counts as untranslated (i18n/copied.py).
        parts += self._tree(zine, zine_po=own.exists())
        parts += [self._file(own), self._words(lang)]
        parts += self._region_files(job.variant.region)
        layout, theme = job.layout, self.project.themes.get(job.theme)
        themes = [theme.folder] if theme is not None else []
        for folder in [*layout.overlay, layout.folder, *layout.shared, *themes, *self._fonts]:
            parts += self._tree(folder)
        parts.append(self._ages(job.variant.region))
        return _digest(parts)

    def _words(self, lang: str) -> str:
        """Return what the layout words' PO file of the language hashes to."""
        if lang not in self._langs:
            self._langs[lang] = self._file(self.project.assets.words(lang))
        return self._langs[lang]

    def _tree(self, folder: Path, zine_po: bool | None = None) -> list[str]:
        """Return what the files in a folder hash to; in a zine's folder, its locales/ PO files
        with `zine_po`, and no other file of its locales/ (the .pot template)."""
        if (folder, zine_po) not in self._trees:
            locales = folder / "locales"
            self._trees[folder, zine_po] = [
                self._file(p) for p in _tree(folder)
                if zine_po is None or p.parent != locales or (zine_po and p.suffix == ".po")]
        return self._trees[folder, zine_po]

    def _region_files(self, code: str) -> list[str]:
        """Return what the region's file and the files it inherits from hash to."""
        if code not in self._regions:
            files, seen = [], set()
            region = self.project.regions.get(code)
            while region is not None and region.code not in seen:
                seen.add(region.code)
                files.append(self._file(region.path))
                region = self.project.regions.get(region.inherits) if region.inherits else None
            self._regions[code] = files
        return self._regions[code]

    def _file(self, path: Path) -> str:
        if path not in self._files:
            try:
                content = hashlib.sha256(read_confined(path, MAX_HASHED, self._home(path)))
                digest = content.hexdigest()
            except Refused as exc:
                # Missing, a link out of the project, too large: never read it here. The build
                # refuses such a file, so what says why is all its output can depend on.
                digest = f"not read: {exc.message}"
            self._files[path] = f"{_relative(path, self.project.root)}={digest}"
        return self._files[path]

    def _home(self, path: Path) -> Path:
        """Return the tree a file must really lie in: the project's, or zinepress's own assets."""
        builtin = self.project.assets.builtin
        listed_in_builtin = path.absolute().is_relative_to(builtin.absolute())
        return builtin if listed_in_builtin else self.project.root

    def _ages(self, code: str) -> str:
        """Return what today's date decides for the region: which facts print, which are stale."""
        if code not in self._states:
            self._states[code] = _states(self.project.regions[code], self.today)
        return self._states[code]


def _states(region: Region, today: dt.date) -> str:
    """Return which of the region's facts print on this day and which are stale.

    Computed by the very rule the build applies (verify.py), for every contact and for the
    emergency number, so that a kept output is never one whose facts went stale since.
    """
    states = [contact_check(s, c, today).state for s in region.services for c in s.contacts]
    if region.emergency is not None:
        states.append("emergency " + emergency_check(region.emergency, today).state)
    return "states:" + ",".join(states)


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """Return a hash of zinepress's version and source files, Python's and its libraries'."""
    package = Path(zinepress.__file__).parent
    sources = sorted(package.rglob("*.py"))
    parts = [zinepress.__version__, sys.version, *libraries(LIBRARIES)]
    parts += [f"{_relative(p, package)}={hashlib.sha256(p.read_bytes()).hexdigest()}"
              for p in sources]
    return _digest(parts)


def libraries(names: frozenset[str]) -> list[str]:
    """Return 'name-version' of each installed distribution so named, from sys.path.

    Read from the names of the `name-version.dist-info` folders (the wheel standard): neither
    importing the libraries nor parsing their metadata, which a build with nothing to do would
    pay for (issue 16).
    """
    found = set()
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            name, _, version = entry.removesuffix(".dist-info").partition("-")
            if entry.endswith(".dist-info") and _normal(name) in names:
                found.add(f"{_normal(name)}-{version}")
    return sorted(found)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _options_text(options: Options) -> str:
    values = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)
              if f.name not in NOT_INPUTS}
    return json.dumps(values, sort_keys=True, default=str)


def _tree(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith("."))


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _digest(parts: list[str]) -> str:
    # surrogateescape: a file name that is not UTF-8 is hashed as its bytes, not an error.
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
