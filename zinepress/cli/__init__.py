"""The `zine` command: parse the options, call the library, print what happened.

Each command group lives in a module of this package and is registered at the bottom. Command
bodies import the library they call: `zine --help` and parsing a command line load none of
WeasyPrint, pikepdf, pypdfium2, phonenumbers, Babel or qrcode (issue 16, tests/test_startup.py).
"""
from __future__ import annotations

import logging
from pathlib import Path

import click

from zinepress import __version__
from zinepress.cli.batch import batch_options, summary
from zinepress.cli.common import ZineGroup, _progress, _warnings, project_option, selection_options
from zinepress.cli.press import press_options


@click.group(cls=ZineGroup, context_settings={"help_option_names": ["-h", "--help"]},
             params=[project_option()])
@click.version_option(__version__, prog_name="zine")
def main() -> None:
    """Make print-ready zines, booklets and handouts from the YAML panels in zines/."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")


@main.command("build")
@click.argument("slugs", nargs=-1)
@selection_options
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/).")
@click.option("--draft", is_flag=True, help="Build even with untranslated or unchecked parts, marked DRAFT.")
@click.option("--strict", is_flag=True, help="Treat every warning as an error.")
@click.option("--duplex", type=click.Choice(["short", "long"]), default="short",
              help="Which edge your printer flips on for two-sided sheets (default: short). "
                   "Not sure? Print `zine test-sheet` first.")
@click.option("--back-poster/--no-back-poster", default=None,
              help="Print the region's crisis lines as a poster on the back of the mini zine "
                   "(default: the zine's back_poster setting).")
@press_options
@batch_options
def build_command(slugs, langs, regions, layouts, paper, theme, out, draft, strict, duplex,
                  back_poster, bleed, creep, tile, instructions, workers, shard, force) -> None:
    """Build zines into PDFs under build/ (all zines and their variants by default)."""
    from zinepress.assets import Assets
    from zinepress.build import build
    from zinepress.errors import Report
    from zinepress.guide import print_guide
    from zinepress.jobs import Options
    from zinepress.load.layout import load_layouts
    from zinepress.project import find_root

    options = Options(tuple(slugs), tuple(langs), tuple(regions), tuple(layouts), paper, out,
                      draft, strict, duplex, back_poster, bleed, creep or 0.0, tile,
                      instructions, theme=theme, workers=workers, shard=shard, force=force)
    root = find_root()
    outputs, report = build(root, options, _progress)
    _warnings(report)
    for line in print_guide(outputs, load_layouts(Assets(root), Report()), options,
                            options.out or "build"):
        click.echo(line)
    click.echo(summary(outputs, options.out or "build"))


@main.command("list")
@click.argument("what", type=click.Choice(["zines", "layouts", "regions", "themes", "languages"]),
                default="zines")
def list_command(what: str) -> None:
    """List the zines, layouts, regions, themes or languages of this project.

    Layouts, regions and themes say where each comes from: built into zinepress, or the
    project's own folder of that name (which adds to them and replaces them by name).
    """
    from zinepress.errors import Report
    from zinepress.project import find_root, load_project

    report = Report()
    project = load_project(find_root(), report)
    for line in _listing(project, what):
        click.echo(line)
    _warnings(report)
    report.raise_if_failed()


def _listing(project, what: str) -> list[str]:
    from zinepress.errors import display_path

    if what == "zines":
        return [f"{z.slug}\t{z.title}\t{' '.join(v.name for v in z.variants)}"
                for z in project.zines.values()]
    origin, shown = project.assets.origin, display_path
    if what == "layouts":
        return [f"{l.name}\t{', '.join(l.papers)}\t{origin(l.folder)}\t{shown(l.folder)}"
                for l in project.layouts.values()]
    if what == "regions":
        return [f"{r.code}\t{r.name}\t{r.paper}\t{len(r.services)} service(s)\t"
                f"{origin(r.path)}\t{shown(r.path)}" for r in project.regions.values()]
    if what == "themes":
        return [f"{name}\t{origin(path)}\t{shown(path)}"
                for name, path in project.assets.entries("themes").items()]
    langs = {z.language for z in project.zines.values()}
    for zine in project.zines.values():
        langs |= {p.stem for p in (zine.folder / "locales").glob("*.po")}
    return sorted(langs)


@main.command("new")
@click.argument("slug")
def new_command(slug: str) -> None:
    """Make a starter zine in zines/SLUG that builds as it is."""
    from zinepress.assets import builtin_root
    from zinepress.project import find_root
    from zinepress.scaffold import new_zine

    folder = new_zine(find_root(), slug)
    reference = builtin_root() / "docs" / "zine-yaml.md"
    click.echo(f"made {folder}/zine.yaml: edit it (every key is described in {reference}), "
               f"then run `zine check {slug}` and `zine build {slug}`")


# Command groups that live in modules of their own are registered here, e.g.:
#   from zinepress.cli import i18n
#   main.add_command(i18n.group)

from zinepress.cli import press as _press  # noqa: E402 - registered after main exists
from zinepress.cli import regions as _regions  # noqa: E402 - registered after main exists

main.add_command(_regions.group)
main.add_command(_press.test_sheet_command)

from zinepress.cli import i18n  # noqa: E402 - registered after `main` exists

main.add_command(i18n.group)

from zinepress.cli import check  # noqa: E402

main.add_command(check.command)

from zinepress.cli import manifest as _manifest, preview as _preview, serve as _serve  # noqa: E402

main.add_command(_preview.command)
main.add_command(_serve.command)
main.add_command(_manifest.group)
