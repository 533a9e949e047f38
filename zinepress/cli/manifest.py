"""`zine manifest merge`: join the manifests of shards built on separate machines."""
from __future__ import annotations

from pathlib import Path

import click

from zinepress import manifest
from zinepress.cli.common import ZineGroup
from zinepress.errors import Report
from zinepress.write import atomic_write


@click.group("manifest", cls=ZineGroup)
def group() -> None:
    """Work with build/manifest.json."""


@group.command("merge")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the merged manifest (default: build/manifest.json).")
def merge_command(files: tuple[Path, ...], out: Path | None) -> None:
    """Merge the manifests of `zine build --shard I/N` runs made on separate machines.

    Copy every shard's PDFs into one build/ folder, then merge their manifest.json files, e.g.
    zine manifest merge shard-1/manifest.json shard-2/manifest.json shard-3/manifest.json
    """
    report = Report()
    entries = manifest.join(files, report)
    report.raise_if_failed()
    from zinepress.project import find_root

    target = out or find_root() / "build" / manifest.NAME
    atomic_write(target, manifest.render(entries))
    click.echo(f"merged {len(entries)} output(s) from {len(files)} manifest(s) into {target}")
