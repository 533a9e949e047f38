"""Every problem a user can cause, reported as `path:line: message`, never as a traceback."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal

import click

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with its place."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "warning: " if self.severity == "warning" else ""
        return _printable(f"{place}: {prefix}{self.message}")


# Messages quote content; a hostile file must not move the terminal's cursor, forge a line of
# output or reorder what is shown (control and bidi characters are shown as \uXXXX).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass
class Report:
    """Collects every problem of one run so that all are shown at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str | Path, line: int | None, message: str) -> None:
        """Record an error."""
        self.problems.append(Problem(display_path(path), line, message, "error"))

    def warning(self, path: str | Path, line: int | None, message: str) -> None:
        """Record a warning."""
        self.problems.append(Problem(display_path(path), line, message, "warning"))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add problems found elsewhere."""
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        """Tell whether the run must stop: any error, or any warning under --strict."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def raise_if_failed(self, strict: bool = False) -> None:
        """Stop the run with every problem found so far."""
        if self.failed(strict):
            raise ZineError(self.problems)


class ZineError(click.ClickException):
    """A content, data or build problem: exit status 1, one line per problem."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("zine", None, problems)]
        self.problems = _unique(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        lines = [str(p) for p in self.problems]
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        lines.append(f"{errors} error(s), {warnings} warning(s)")
        click.echo("\n".join(lines), err=True)


def fail(path: str | Path, line: int | None, message: str) -> ZineError:
    """Return an error for a single problem, to raise."""
    return ZineError([Problem(display_path(path), line, message)])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ", did you mean 'x'?" for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


_ROOT: list[Path] = []


def set_display_root(root: Path) -> None:
    """Show paths relative to this folder (the project root)."""
    _ROOT[:] = [root.resolve()]


def display_path(path: str | Path) -> str:
    """Return the path as the user should see it: relative to the project when inside it."""
    p = Path(path)
    if _ROOT and p.is_absolute():
        # The folder resolved but not the file: a symbolic link is named where it lies.
        for candidate in (p.parent.resolve() / p.name, p.resolve()):
            if candidate.is_relative_to(_ROOT[0]):
                return str(candidate.relative_to(_ROOT[0]))
    return str(p)


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: dict[Problem, None] = {}
    for problem in problems:
        seen.setdefault(problem, None)
    return list(seen)
