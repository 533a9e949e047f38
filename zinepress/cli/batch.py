"""The build options of batch runs (-j, --shard, --force) and the summary line."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

if TYPE_CHECKING:
    from zinepress.write import Output


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    from zinepress.batch import parse_shard

    part = parse_shard(value)
    if part is None:
        raise click.BadParameter(f"'{value}' is not I/N with 1 <= I <= N, e.g. 2/3")
    return part


def batch_options(command: Callable) -> Callable:
    """Add -j, --shard and --force to a command."""
    command = click.option(
        "--force", is_flag=True,
        help="Rebuild every output, even those whose inputs did not change.")(command)
    command = click.option(
        "--shard", callback=_shard, metavar="I/N", default=None,
        help="Build only part I of N of the outputs (the same split on every machine), e.g. "
             "--shard 2/3; the parts' entries merge into one build/manifest.json.")(command)
    return click.option(
        "-j", "--jobs", "workers", type=click.IntRange(min=1), default=None, metavar="N",
        help="Build in N processes at once (default: one per CPU).")(command)


def summary(outputs: list[Output], out: Path | str) -> str:
    """Return the line that ends a build: how many outputs were built and how many kept."""
    built = sum(o.built for o in outputs)
    return f"built {built}, unchanged {len(outputs) - built}: {out}/"
