"""Tiling plan: one large poster page split across home-printer sheets, with no PDF in sight.

Each tile prints a window of the poster inside a white margin (home printers cannot print to
the edge). Neighbouring windows overlap by OVERLAP, so a tile can be cut along its left and top
art edges and laid over its neighbours with room for glue or tape. Coordinates are PDF points,
origin at the bottom-left; rows are counted from the top, columns from the left, both from 1.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from zinepress.impose.plans import Plan, Side, Slot

MM = 72 / 25.4
# White border: home printers leave about 5 mm unprinted, so every mark and label keeps EDGE
# from the sheet's edge (issue 15), with room for the label and the printing note inside it.
MARGIN = 13 * MM
EDGE = 5.5 * MM
# Cut ticks stop GAP short of the art and are TICK long: 8 to 11.5 mm from the edge, clear of
# the printing note and the label, which sit from EDGE inwards.
GAP = 1.5 * MM
TICK = 3.5 * MM
OVERLAP = 10 * MM   # art shared by neighbours: the glue strip, and slack for lining up

Box = tuple[float, float, float, float]
Segment = tuple[float, float, float, float]


@dataclass(frozen=True)
class Tile:
    """One sheet of the tiled poster and the marks printed on it (in tile coordinates)."""

    row: int
    column: int
    window: Box                        # the poster area it prints: left, bottom, right, top
    cuts: tuple[Segment, ...]          # ticks in the margin along the edges to cut
    aligns: tuple[Segment, ...]        # lines under the overlap where a neighbour's edge goes
    label: tuple[float, float]         # where the "row r, column c" label starts


@dataclass(frozen=True)
class Tiling:
    """Every tile of a poster, and the plan that places the poster page on them."""

    plan: Plan
    tiles: tuple[Tile, ...]
    rows: int
    columns: int
    overlap: float


def count(length: float, window: float, overlap: float) -> int:
    """Return how many overlapping windows cover a length."""
    if length <= window:
        return 1
    return math.ceil((length - window) / (window - overlap)) + 1


def orientation(poster: tuple[float, float], sheet: tuple[float, float],
                margin: float = MARGIN, overlap: float = OVERLAP) -> tuple[float, float]:
    """Return the tile size, portrait or landscape, that needs fewer sheets (portrait on a tie)."""
    short, long = sorted(sheet)

    def sheets(width: float, height: float) -> int:
        return (count(poster[0], width - 2 * margin, overlap)
                * count(poster[1], height - 2 * margin, overlap))

    return (long, short) if sheets(long, short) < sheets(short, long) else (short, long)


def tile(poster: tuple[float, float], sheet: tuple[float, float],
         margin: float = MARGIN, overlap: float = OVERLAP) -> Tiling:
    """Return the tiling of a poster on sheets of the given paper, at 100 %."""
    width, height = orientation(poster, sheet, margin, overlap)
    window = (width - 2 * margin, height - 2 * margin)
    if min(window) <= 2 * overlap:
        raise ValueError("the tile paper is too small for its margins and overlap")
    columns = count(poster[0], window[0], overlap)
    rows = count(poster[1], window[1], overlap)
    tiles = tuple(_tile(r, c, rows, columns, poster, (width, height), margin, overlap)
                  for r in range(1, rows + 1) for c in range(1, columns + 1))
    sides = tuple(Side(n, "front", (Slot(1, margin, margin, *window, window=t.window),))
                  for n, t in enumerate(tiles, start=1))
    return Tiling(Plan(width, height, sides), tiles, rows, columns, overlap)


def _tile(row: int, column: int, rows: int, columns: int, poster: tuple[float, float],
          size: tuple[float, float], margin: float, overlap: float) -> Tile:
    """Return one tile: its window on the poster and its marks."""
    width, height = size
    step_x, step_y = width - 2 * margin - overlap, height - 2 * margin - overlap
    left = (column - 1) * step_x
    top = poster[1] - (row - 1) * step_y
    window = (left, top - (height - 2 * margin), left + width - 2 * margin, top)
    # Cut along the left and top art edges; the last column and row also at the poster's edge.
    cut_x = [margin] + ([margin + poster[0] - left] if column == columns else [])
    cut_y = [height - margin] + ([margin - window[1]] if row == rows else [])
    cuts = tuple(s for x in cut_x for s in _vticks(x, height, margin)) + tuple(
        s for y in cut_y for s in _hticks(y, width, margin))
    # The next tile's cut edge lands one step along: a line there is hidden once it is on.
    aligns = []
    if column < columns:
        aligns.append((margin + step_x, margin, margin + step_x, height - margin))
    if row < rows:
        aligns.append((margin, height - margin - step_y, width - margin, height - margin - step_y))
    return Tile(row, column, window, cuts, tuple(aligns), (margin + 4 * MM, EDGE))


def _vticks(x: float, height: float, margin: float) -> tuple[Segment, Segment]:
    """Return the two margin ticks that mark a vertical cut at x."""
    return (x, margin - GAP - TICK, x, margin - GAP), (x, height - margin + GAP, x,
                                                        height - margin + GAP + TICK)


def _hticks(y: float, width: float, margin: float) -> tuple[Segment, Segment]:
    """Return the two margin ticks that mark a horizontal cut at y."""
    return (margin - GAP - TICK, y, margin - GAP, y), (width - margin + GAP, y,
                                                        width - margin + GAP + TICK, y)
