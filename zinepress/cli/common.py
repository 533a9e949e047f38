"""What every command shares: progress on a terminal, warnings on stderr."""
from __future__ import annotations

import sys

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
