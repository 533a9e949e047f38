"""What every command shares: progress on a terminal, warnings on stderr."""
from __future__ import annotations

import sys

from typing import Callable

import click

from zinepress.errors import Report


def _progress(number: int, total: int, label: str) -> None:
    """Show progress on a terminal; stay quiet when piped."""
    if sys.stderr.isatty():
        click.echo(f"\r\033[K[{number}/{total}] {label}", err=True, nl=number == total)


def _warnings(report: Report) -> None:
    """Print the report's warnings, one per line."""
    for problem in report.warnings:
        click.echo(str(problem), err=True)


PAPERS = ["letter", "a4", "tabloid", "a3", "a2"]


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
