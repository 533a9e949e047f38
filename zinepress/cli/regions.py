"""`zine regions check | show`: the crisis-line database, checked and read as a handout would."""
from __future__ import annotations

import datetime as dt

import click

from zinepress.cli.common import ZineGroup, _warnings
from zinepress.cli.upkeep import due_command, recheck_command
from zinepress.errors import Report, did_you_mean, set_display_root
from zinepress.verify import MAX_AGE_DAYS


@click.group("regions", cls=ZineGroup)
def group() -> None:
    """Check the crisis-line database in regions/ and see what a handout would say."""


@group.command("check")
@click.option("--max-age", type=click.IntRange(min=0), default=MAX_AGE_DAYS, show_default=True,
              help="Days after which a checked number counts as stale.")
def check_command(max_age: int) -> None:
    """Check every region file; list how many services each region prints; exit 1 on a problem."""
    from zinepress.project import find_root
    from zinepress.regions import check_regions, summary_table

    root = find_root()
    set_display_root(root)
    report = Report()
    summaries = check_regions(root, dt.date.today(), max_age, report)
    for line in summary_table(summaries):
        click.echo(line)
    _warnings(report)
    report.raise_if_failed()
    click.echo(f"{len(summaries)} region(s) checked, no problems")


@group.command("show")
@click.argument("code")
@click.option("-l", "--lang", default="en", show_default=True,
              help="The language the handout is in.")
@click.option("--max-age", type=click.IntRange(min=0), default=MAX_AGE_DAYS, show_default=True,
              help="Days after which a checked number counts as stale.")
def show_command(code: str, lang: str, max_age: int) -> None:
    """Print a table of what a handout for region CODE would say, and what it leaves out."""
    from zinepress.load.region import project_regions
    from zinepress.project import find_root
    from zinepress.regions import reader, show

    root = find_root()
    set_display_root(root)
    report = Report()
    regions = project_regions(root, report)
    if code not in regions:
        raise click.BadParameter(f"no region '{code}'{did_you_mean(code, regions)}",
                                 param_hint="CODE")
    for line in show(reader(root, regions[code], lang, report), dt.date.today(), max_age):
        click.echo(line)
    _warnings(report)
    report.raise_if_failed()


group.add_command(due_command)
group.add_command(recheck_command)
