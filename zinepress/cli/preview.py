"""`zine preview`: build a zine's variants, then write PNG pictures of every sheet side."""
from __future__ import annotations

from pathlib import Path

import click

from zinepress.cli.batch import summary
from zinepress.cli.common import _progress, _warnings, selection_options

DPI = 100


@click.command("preview")
@click.argument("slug")
@selection_options
@click.option("--draft", is_flag=True,
              help="Show untranslated or unchecked parts too, marked DRAFT.")
@click.option("--dpi", type=click.IntRange(20, 600), default=DPI, show_default=True,
              help="Resolution of the pictures.")
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Build in N processes at once (default: one per CPU).")
def command(slug, langs, regions, layouts, paper, theme, draft, dpi, workers) -> None:
    """Build SLUG and write a PNG of each sheet side, both sides, and a contact sheet per variant.

    Pictures go next to the PDFs: build/SLUG/LANG-REGION/LAYOUT-PAPER/sheet-1-front.png …, and
    build/SLUG/LANG-REGION/contact-sheet.png shows all of a variant's sheets at once.
    """
    # Imported here: PIL and PDFium would slow the start of every other `zine` command.
    from zinepress.build import build
    from zinepress.jobs import Options
    from zinepress.preview import write_previews
    from zinepress.project import find_root

    root = find_root()
    options = Options((slug,), tuple(langs), tuple(regions), tuple(layouts), paper, None, draft,
                      theme=theme, workers=workers)
    outputs, report = build(root, options, _progress)
    _warnings(report)
    for path in write_previews(outputs, root / "build", dpi):
        click.echo(_shown(path, root))
    click.echo(summary(outputs, "build"), err=True)


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
