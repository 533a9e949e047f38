"""`zine check`: one grouped report of everything a build would find; nothing is written."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from zinepress.cli.common import _progress, selection_options

if TYPE_CHECKING:
    from zinepress.check import Checked
    from zinepress.errors import Problem


@click.command("check")
@click.argument("slugs", nargs=-1)
@selection_options
@click.option("--all", "every", is_flag=True,
              help="Every language the zine has, in every region, not only its variants.")
@click.option("--draft", is_flag=True, help="Check as a --draft build would.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def command(slugs, langs, regions, layouts, paper, theme, every, draft, strict) -> None:
    """Check everything a build would (content, translations, regions, fonts, fit) and write
    nothing. Exits 1 on any error, or on any warning with --strict."""
    from zinepress.check import check
    from zinepress.jobs import Options
    from zinepress.project import find_root

    options = Options(tuple(slugs), tuple(langs), tuple(regions), tuple(layouts), paper,
                      draft=draft, theme=theme)
    checked = check(find_root(), options, every, _progress)
    for line in grouped(checked.problems):
        click.echo(line)
    click.echo(summary(checked))
    if checked.errors or (strict and checked.warnings):
        raise click.exceptions.Exit(1)


def grouped(problems: tuple[Problem, ...]) -> list[str]:
    """Return the problems under one heading per file, files with errors first, then by line.

    Problem lines stay unindented `path:line: message`, so that editors can jump to them.
    """
    files: dict[str, list[Problem]] = {}
    for problem in problems:
        files.setdefault(problem.path, []).append(problem)
    order = sorted(files, key=lambda f: (not any(p.severity == "error" for p in files[f]), f))
    lines = []
    for path in order:
        found = sorted(files[path], key=lambda p: (p.severity != "error", p.line or 0))
        errors = sum(p.severity == "error" for p in found)
        lines.append(f"== {path} ({errors} error(s), {len(found) - errors} warning(s))")
        lines += [str(p) for p in found] + [""]
    return lines


def summary(checked: Checked) -> str:
    """Return the line that says what was checked and what was found."""
    return (f"checked {checked.zines} zine(s): {checked.variants} variant(s) in "
            f"{len(checked.layouts)} layout(s) ({', '.join(checked.layouts) or 'none'}), "
            f"{checked.outputs} output(s); {checked.errors} error(s), "
            f"{checked.warnings} warning(s); nothing written")
