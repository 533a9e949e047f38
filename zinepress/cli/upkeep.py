"""`zine regions due | recheck`: what must be re-read soon, and recording that it was."""
from __future__ import annotations

import datetime as dt

import click

from zinepress.cli.common import _warnings
from zinepress.errors import Report, did_you_mean, fail, set_display_root
from zinepress.upkeep import WARN_DAYS, due, due_lines, recheck_targets, record_checked
from zinepress.verify import MAX_AGE_DAYS


@click.command("due")
@click.option("--within", type=click.IntRange(min=0), default=WARN_DAYS, show_default=True,
              help="List what stops printing within this many days.")
@click.option("--max-age", type=click.IntRange(min=0), default=MAX_AGE_DAYS, show_default=True,
              help="Days after which a checked number counts as stale.")
def due_command(within: int, max_age: int) -> None:
    """List every line and emergency number whose check expires soon, by region, with sources."""
    from zinepress.load.region import load_regions
    from zinepress.project import find_root

    root = find_root()
    set_display_root(root)
    report = Report()
    today = dt.date.today()
    entries = due(load_regions(root / "regions", report), today, within, max_age)
    for line in due_lines(entries, today):
        click.echo(line)
    _warnings(report)
    report.raise_if_failed()
    click.echo(f"{len(entries)} verification(s) expire within {within} day(s)")


@click.command("recheck")
@click.argument("code")
@click.argument("service")
@click.option("--yes", is_flag=True, help="Do not ask: you have re-read every source listed.")
def recheck_command(code: str, service: str, yes: bool) -> None:
    """Record today as the day SERVICE of region CODE (or 'emergency') was checked again.

    Run it only after reading each listed source again and finding the same number there.
    """
    from zinepress.load.region import load_region
    from zinepress.project import find_root

    root = find_root()
    set_display_root(root)
    report = Report()
    path = root / "regions" / f"{code}.yaml"
    region = load_region(path, report) if path.is_file() else None
    report.raise_if_failed()
    if region is None:
        names = [p.stem for p in (root / "regions").glob("*.yaml")]
        raise click.BadParameter(f"no region '{code}'{did_you_mean(code, names)}",
                                 param_hint="CODE")
    targets = recheck_targets(region, service)
    if not targets:
        ids = [s.id for s in region.services] + ["emergency"]
        raise fail(path, None, f"no service '{service}' in this file{did_you_mean(service, ids)}")
    for verification in targets:
        click.echo(f"{verification.status}, checked {verification.checked}:")
        for url in [c.url for c in verification.sources] or [verification.source or "(no source)"]:
            click.echo(f"  {url}")
    if not yes:
        click.confirm("Have you read each source again today and found the same number?",
                      abort=True)
    record_checked(path, [v.line for v in targets], dt.date.today())
    click.echo(f"{path.name}: {service} checked on {dt.date.today()}")
    _warnings(report)
