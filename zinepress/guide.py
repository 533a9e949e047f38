"""What to print: the lines that end a build, saying per variant which files go on paper and how.

A build that ends with a file count leaves a person to guess which of eight PDFs to print, on
what paper, and whether to flip the sheets on the long or the short edge (issue 15). The sheet's
orientation comes from layout.yaml, the sides from the layout and the build's options.
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from zinepress.jobs import Options
from zinepress.model import Layout
from zinepress.press import INSTRUCTIONS, NOT_PRINTED
from zinepress.write import Output

# What each layout's instruction sheet explains (the pieces are not all folded or cut).
HOW = {"minizine": "how to print, fold and cut", "booklet": "how to print, fold and staple",
       "trifold": "how to print and fold", "cards": "how to print and cut"}


def print_guide(outputs: list[Output], layouts: dict[str, Layout], options: Options,
                out: Path | str) -> list[str]:
    """Return the 'what to print' lines of a build: a heading per variant, a line per file."""
    lines = []
    variant = lambda o: (o.zine, o.lang, o.region)  # noqa: E731 - a sort and group key
    for (zine, lang, region), group in groupby(sorted(outputs, key=variant), key=variant):
        files = [(o.path.name, how) for o in sorted(group, key=_order)
                 if (how := how_to_print(o, layouts.get(o.layout), options))]
        if not files:
            continue
        lines.append(f"Print at 100 % (actual size), from {out}/{zine}/{lang}-{region}/:")
        width = max(len(name) for name, _ in files)
        lines += [f"  {name.ljust(width)}  {how}" for name, how in files]
    return lines


def how_to_print(output: Output, layout: Layout | None, options: Options) -> str | None:
    """Return how one file is printed, or None when it is not for paper (screens)."""
    if layout is None or layout.imposition in NOT_PRINTED:
        return None
    name = output.path.stem
    if name.endswith("-bleed"):
        return "for a print shop: trimmed pages with bleed and crop marks"
    paper = output.paper.upper() if output.paper.startswith("a") else output.paper
    if name.endswith(INSTRUCTIONS):
        return f"{_sheets(1)} of {paper}, one-sided: {HOW.get(output.layout, HOW['minizine'])}"
    if "-tiles-" in name:
        tile = name.rsplit("-", 1)[-1]
        tile = tile.upper() if tile.startswith("a") else tile
        return f"{_sheets(output.sheets)} of {tile}, one-sided: cut and tape them together"
    sheet = layout.papers[output.paper].sheet if output.paper in layout.papers else (0, 0)
    orientation = " landscape" if sheet[0] > sheet[1] else ""
    # Two PDF pages a sheet (output.sides, counted when it was built): a duplex layout, or a
    # mini zine with the crisis-lines poster on its back (poster.py).
    if output.sides == 2:
        sides = f"two-sided, flip on the {options.duplex} edge"
    else:
        sides = "one-sided"
    return f"{_sheets(output.sheets)} of {paper}{orientation}, {sides}"


def _order(output: Output) -> tuple[str, bool, str]:
    # Each piece, then its instruction sheet.
    return output.layout, output.path.stem.endswith(INSTRUCTIONS), output.path.name


def _sheets(count: int) -> str:
    return "1 sheet" if count == 1 else f"{count} sheets"
