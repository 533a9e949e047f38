"""Print-production options of `zine build`, and `zine test-sheet`."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

import click

from zinepress.press import MAX_BLEED, MAX_CALIPER
from zinepress.units import mm, to_pt


class Length(click.ParamType):
    """A length such as 3mm, 0.125in or 9pt, given in points, from 0 up to a bound."""

    name = "length"

    def __init__(self, most: float) -> None:
        self.most = most

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        try:
            points = to_pt(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if not 0 <= points <= self.most:
            self.fail(f"'{value}' must be between 0 and {mm(self.most):g}mm", param, ctx)
        return points


def press_options(command: Callable) -> Callable:
    """Add the print-production options to `zine build`."""
    options = [
        click.option("--bleed", type=Length(MAX_BLEED), default=None, metavar="LEN",
                     help="For a print shop: pages at trim size with this bleed (e.g. 3mm), "
                          "crop marks and TrimBox/BleedBox. Booklets and posters come as "
                          "single pages, folded sheets as one piece. Files end in -bleed.pdf."),
        click.option("--creep", type=Length(MAX_CALIPER), default=None, metavar="LEN",
                     help="Booklets: the paper's thickness (80 gsm is about 0.1mm). Pages on "
                          "inner sheets move this much closer to the spine per sheet outside "
                          "them, so the trimmed fore-edges line up."),
        click.option("--tile", type=click.Choice(["letter", "a4"]), default=None,
                     help="Posters: split a large poster across sheets of this paper, with "
                          "10 mm overlap, cut and alignment marks. Files end in -tiles-a4.pdf."),
        click.option("--instructions/--no-instructions", default=True,
                     help="Also make an instruction sheet (print, fold, cut) for each folded "
                          "layout that has one, e.g. minizine-a4-instructions.pdf (default: on)."),
    ]
    command = _exclusive(command)
    for option in reversed(options):
        command = option(command)
    return command


def _exclusive(command: Callable) -> Callable:
    """Refuse --bleed with --tile: one is for print shops, the other for home printers."""

    @functools.wraps(command)
    def check(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("bleed") is not None and kwargs.get("tile"):
            raise click.UsageError("--bleed is for print shops and --tile for home printers: "
                                   "use one of them")
        return command(*args, **kwargs)

    return check


@click.command("test-sheet")
@click.option("-p", "--paper", type=click.Choice(["letter", "a4"]), default="a4",
              help="Paper size (default: a4).")
@click.option("-l", "--lang", default="en", help="Language of the sheet's words, e.g. -l es.")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/).")
def test_sheet_command(paper: str, lang: str, out: Path | None) -> None:
    """Make a one-sheet test that shows which --duplex your printer's settings need."""
    from zinepress.errors import Report
    from zinepress.project import find_root
    from zinepress.testsheet import sheet_path, test_sheet
    from zinepress.write import atomic_write

    root = find_root()
    data = test_sheet(root, paper, lang, Report())
    path = sheet_path(out or root / "build", paper, lang)
    atomic_write(path, data)
    click.echo(f"made {path}: print both of its pages on one sheet, turn it over like a page "
               "and read the back")
