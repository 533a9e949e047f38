"""Built-in layouts, themes, fonts, regions and layout words, and a project's own, by name.

zinepress ships its assets inside the package (`zinepress/_builtin/`, mapped from the repository's
top-level folders when the wheel is built). A project's folder of the same name adds entries and
replaces built-in ones by name, the way a MkDocs theme's `custom_dir` does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import zinepress

KINDS = ("layouts", "themes", "fonts", "regions", "locales")
PATTERNS = {"layouts": "*/", "themes": "*/", "regions": "*.yaml", "locales": "*.po"}
BUILTIN = "built-in"
PROJECT = "project"


def builtin_root() -> Path:
    """Return the folder that holds the built-in assets: the package's, or the checkout's."""
    package = Path(zinepress.__file__).resolve().parent
    packaged = package / "_builtin"
    return packaged if packaged.is_dir() else package.parent


@dataclass(frozen=True)
class Assets:
    """Where a project's assets come from: its own folders first, then the built-in ones."""

    project: Path
    builtin: Path = field(default_factory=builtin_root)

    def folders(self, kind: str) -> tuple[Path, ...]:
        """Return the kind's existing folders, the project's first (once, in a checkout)."""
        found = []
        for root in (self.project, self.builtin):
            folder = root / kind
            if folder.is_dir() and all(folder.resolve() != f.resolve() for f in found):
                found.append(folder)
        return tuple(found)

    def entries(self, kind: str) -> dict[str, Path]:
        """Return every entry of a kind by name; a project's entry replaces a built-in one."""
        chosen: dict[str, Path] = {}
        for folder in reversed(self.folders(kind)):
            chosen.update(_entries(folder, kind))
        return dict(sorted(chosen.items()))

    def builtin_entries(self, kind: str) -> dict[str, Path]:
        """Return the entries zinepress itself ships, whatever the project adds."""
        folder = self.builtin / kind
        return _entries(folder, kind) if folder.is_dir() else {}

    def find(self, kind: str, name: str) -> Path | None:
        """Return the project's file or folder of that name, else the built-in one, else None."""
        for folder in self.folders(kind):
            if (folder / name).exists():
                return folder / name
        return None

    def words(self, lang: str) -> Path:
        """Return the layout words' PO file of a language: the project's, else the built-in one
        (a path that may not exist: a language without layout words)."""
        return self.find("locales", f"{lang}.po") or self.project / "locales" / f"{lang}.po"

    def shared(self, kind: str = "layouts") -> tuple[Path, ...]:
        """Return the `_shared` parts of a kind, the project's first, then the built-in ones."""
        return tuple(f / "_shared" for f in self.folders(kind) if (f / "_shared").is_dir())

    def origin(self, path: Path) -> str:
        """Say whether an entry is the project's own or built into zinepress."""
        inside_project = path.resolve().is_relative_to(self.project.resolve())
        same = self.project.resolve() == self.builtin.resolve()
        return PROJECT if inside_project and not same else BUILTIN


def _entries(folder: Path, kind: str) -> dict[str, Path]:
    pattern = PATTERNS[kind]
    found = {}
    for path in sorted(folder.glob(pattern)):
        name = path.name if pattern.endswith("/") else path.stem
        if not name.startswith(("_", ".")):
            found[name] = path
    return found
