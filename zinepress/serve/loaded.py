"""The project as the preview keeps it loaded: a save in one zine's folder reads that zine again.

A whole load costs about 0.2 s (most of it checking the fonts); a zine alone a few hundredths.
Layouts, themes, regions, fonts and the layouts' words are read again whole when one changes.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from zinepress.errors import Problem, Report, ZineError
from zinepress.load.zine import load_zine
from zinepress.project import Project, load_project

SHARED = ""     # the owner of problems that are no one zine's


@dataclass(frozen=True)
class Loaded:
    """A loaded project (None when it could not be loaded) and its problems by zine."""

    project: Project | None
    problems: dict[str, tuple[Problem, ...]]     # by slug; SHARED: the rest

    def problems_of(self, slug: str) -> tuple[Problem, ...]:
        """Return the problems a view of this zine shows: the project's and the zine's own."""
        return self.problems.get(SHARED, ()) + self.problems.get(slug, ())

    def every_problem(self) -> tuple[Problem, ...]:
        """Return every problem, the project's first."""
        return tuple(p for owner in sorted(self.problems) for p in self.problems[owner])


def load_all(root: Path) -> Loaded:
    """Load the whole project."""
    report = Report()
    try:
        project = load_project(root, report)
    except ZineError as exc:
        return Loaded(None, _by_owner(report.problems + list(exc.problems), set()))
    return Loaded(project, _by_owner(report.problems, set(project.zines) | _folders(root)))


def reload_zine(loaded: Loaded, slug: str) -> Loaded:
    """Return the project with one zine read again; the rest is kept as it was."""
    project = loaded.project
    assert project is not None     # the caller loads everything when nothing was loaded
    report = Report()
    zine = load_zine(project.root / "zines" / slug, report, set(project.layouts),
                     set(project.regions), set(project.themes))
    zines = {name: z for name, z in project.zines.items() if name != slug}
    if zine is not None:
        zines[slug] = zine
    # A new Project, not an edited one: a render running meanwhile keeps the one it started
    # with. Its PO files are read again when asked for (a few ms each).
    fresh = dataclasses.replace(project, zines=dict(sorted(zines.items())), _catalogs={})
    return Loaded(fresh, {**loaded.problems, slug: tuple(report.problems)})


def _by_owner(problems: list[Problem], slugs: set[str]) -> dict[str, tuple[Problem, ...]]:
    owners: dict[str, list[Problem]] = {}
    for problem in problems:
        parts = Path(problem.path).parts
        owner = parts[1] if len(parts) >= 2 and parts[0] == "zines" and parts[1] in slugs \
            else SHARED
        owners.setdefault(owner, []).append(problem)
    return {owner: tuple(found) for owner, found in owners.items()}


def _folders(root: Path) -> set[str]:
    folder = root / "zines"
    return {p.name for p in folder.iterdir() if (p / "zine.yaml").is_file()} \
        if folder.is_dir() else set()
