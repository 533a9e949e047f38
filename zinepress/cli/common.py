"""What every command shares: progress on a terminal, warnings on stderr."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

if TYPE_CHECKING:
    from zinepress.errors import Report


def _progress(number: int, total: int, label: str) -> None:
    """Show progress on a terminal; stay quiet when piped."""
    if sys.stderr.isatty():
        click.echo(f"\r\033[K[{number}/{total}] {label}", err=True, nl=number == total)


def _warnings(report: Report) -> None:
    """Print the report's warnings, one per line, each once (jobs of one region share some)."""
    for problem in dict.fromkeys(report.warnings):
        click.echo(str(problem), err=True)


PAPERS = ["letter", "a4", "tabloid", "a3", "a2"]


def _remember_project(context: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        from zinepress.project import PROJECT_KEY   # loading projects: not to parse a command line

        context.meta[PROJECT_KEY] = str(value)


def project_option() -> click.Option:
    """Return the --project option that every command accepts."""
    return click.Option(["--project"], type=click.Path(exists=True, file_okay=False, path_type=Path),
                        expose_value=False, is_eager=True, callback=_remember_project,
                        help="The project folder (default: the nearest folder with zines/ at or "
                             "above the current one).")


class ZineGroup(click.Group):
    """A command group whose every command, however deep, accepts --project DIR."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not isinstance(cmd, click.Group):
            cmd.params.append(project_option())
        super().add_command(cmd, name)


def selection_options(command: Callable) -> Callable:
    """Add -l, -r, -L, -p and --theme: which languages, regions, layouts, paper and look."""
    options = [
        click.option("-l", "--lang", "langs", multiple=True, help="Language(s), e.g. -l es."),
        click.option("-r", "--region", "regions", multiple=True, help="Region(s), e.g. -r mx."),
        click.option("-L", "--layout", "layouts", multiple=True,
                     help="Layout(s), e.g. -L minizine."),
        click.option("-p", "--paper", type=click.Choice(PAPERS), default=None,
                     help="Paper size (default: the region's paper, else a4)."),
        click.option("--theme", default=None, metavar="NAME",
                     help="The look of the pages: a folder of themes/, e.g. --theme bold "
                          "(default: the zine's `theme:`, else plain)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command
