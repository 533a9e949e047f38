"""Imposition plans: which rendered page goes where on which sheet side, with no PDF in sight.

Coordinates are PDF points with the origin at the sheet's bottom-left corner. Facts and rules
are those of docs/layouts.md (the mini zine's grid, the saddle-stitched booklet's order).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Callable

DIRECTIONS = ("ltr", "rtl")
DUPLEX_EDGES = ("short", "long")

Pair = tuple[int | None, int | None]


@dataclass(frozen=True)
class Slot:
    """One page's place on a sheet side; `page` is 1-based, None leaves the slot blank."""

    page: int | None
    x: float
    y: float
    width: float
    height: float
    rotation: int = 0  # 0 or 180, about the slot's centre
    shift: float = 0.0  # horizontal content shift in sheet coordinates (creep), + = right
    # Show this part of the page (left, bottom, right, top from its trim box's bottom-left
    # corner) at 100 % instead of fitting the whole page: a poster tile.
    window: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Side:
    """One printed face of one sheet."""

    sheet: int
    face: str  # "front" or "back"
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Plan:
    """Every sheet side of an imposed document, in printing order."""

    width: float
    height: float
    sides: tuple[Side, ...]

    @property
    def sheets(self) -> int:
        """Return the number of sheets of paper."""
        return max((side.sheet for side in self.sides), default=0)


def _check_direction(direction: str) -> None:
    """Refuse a reading direction other than ltr or rtl."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'ltr' or 'rtl', not {direction!r}")


# --- mini zine -------------------------------------------------------------------------------

def minizine_grid(direction: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the (top row, bottom row) page numbers, columns left to right."""
    _check_direction(direction)
    top, bottom = (5, 4, 3, 2), (6, 7, 8, 1)
    if direction == "rtl":  # printing.md: same rotations, columns reversed
        return top[::-1], bottom[::-1]
    return top, bottom


def minizine_is_foldable(top: tuple[int, ...], bottom: tuple[int, ...]) -> bool:
    """Return whether a 4 × 2 grid (top row turned) folds into a zine reading 1 to 8."""
    if len(top) != 4 or len(bottom) != 4 or sorted((*top, *bottom)) != list(range(1, 9)):
        return False
    # printing.md: round the ring U4 U3 U2 U1 R1 R2 R3 R4 the pages run 1..8 in one direction.
    ring = (*bottom[::-1], *top)
    steps = {(b - a) % 8 for a, b in zip(ring, ring[1:] + ring[:1])}
    if steps not in ({1}, {7}):
        return False
    # The covers must face each other across a spine fold (W/4 or 3W/4) of the upright row.
    # The W/2 fold is a fore-edge, so 7 8 1 2 over 6 5 4 3 is a ring but does not fold.
    return {1, 8} in ({bottom[0], bottom[1]}, {bottom[2], bottom[3]})


def minizine(width: float, height: float, direction: str = "ltr") -> Plan:
    """Return the one-sheet plan: 8 panels of width/4 × height/2, the top row turned 180°."""
    top, bottom = minizine_grid(direction)
    w, h = width / 4, height / 2
    slots = tuple(Slot(p, i * w, h, w, h, rotation=180) for i, p in enumerate(top)) + tuple(
        Slot(p, i * w, 0.0, w, h) for i, p in enumerate(bottom)
    )
    return Plan(width, height, (Side(1, "front", slots),))


# --- saddle-stitched booklet -----------------------------------------------------------------

def padded(pages: int) -> int:
    """Return the page count rounded up to a multiple of 4."""
    if pages < 1:
        raise ValueError(f"a booklet needs at least one page, not {pages}")
    return 4 * math.ceil(pages / 4)


def pad_order(n: int) -> list[int | None]:
    """Return the page at each position 1..P: blanks go before the back cover (page n)."""
    total = padded(n)
    if n == 1:  # a lone cover has no back cover to keep last
        return [1] + [None] * (total - 1)
    order: list[int | None] = list(range(1, n))
    return order + [None] * (total - n) + [n]


def saddle_positions(total: int, direction: str = "ltr") -> list[tuple[Pair, Pair]]:
    """Return per sheet (1 = outermost) the (outside, inside) position pairs, left to right."""
    _check_direction(direction)
    if total < 4 or total % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {total}")
    sheets: list[tuple[Pair, Pair]] = []
    for k in range(1, total // 4 + 1):
        outside: Pair = (total - 2 * (k - 1), 2 * k - 1)
        inside: Pair = (2 * k, total - 2 * k + 1)
        if direction == "rtl":  # printing.md: swap left and right on both sides
            outside, inside = outside[::-1], inside[::-1]
        sheets.append((outside, inside))
    return sheets


def saddle_order(pages: int, direction: str = "ltr") -> list[tuple[Pair, Pair]]:
    """Return per sheet (1 = outermost) the (outside, inside) page pairs; None is a blank."""
    order = pad_order(pages)

    def page(position: int | None) -> int | None:
        return order[position - 1] if position is not None else None

    return [
        ((page(ol), page(or_)), (page(il), page(ir)))
        for (ol, or_), (il, ir) in saddle_positions(len(order), direction)
    ]


def creep_shift(sheet: int, sheets: int, creep: float) -> float:
    """Return how far sheet k's content moves toward the spine: c·(k−1)/(S−1)."""
    if creep < 0:
        raise ValueError(f"creep must not be negative, not {creep}")
    return creep * (sheet - 1) / (sheets - 1) if sheets > 1 else 0.0


def _spread(pair: Pair, width: float, height: float, shift: float) -> tuple[Slot, Slot]:
    """Return the left and right half-sheet slots, each shifted toward the centre fold."""
    half = width / 2
    left, right = pair
    return Slot(left, 0.0, 0.0, half, height, shift=shift), Slot(
        right, half, 0.0, half, height, shift=-shift
    )


def turned(slot: Slot, width: float, height: float) -> Slot:
    """Return the slot turned 180° about the centre of a width × height sheet."""
    return replace(
        slot,
        x=width - slot.x - slot.width,
        y=height - slot.y - slot.height,
        rotation=(slot.rotation + 180) % 360,
        shift=-slot.shift,
    )


def booklet(
    pages: int,
    width: float,
    height: float,
    direction: str = "ltr",
    duplex: str = "short",
    creep: float = 0.0,
) -> Plan:
    """Return a saddle-stitched plan: front = outside, back = inside, two pages per side."""
    if duplex not in DUPLEX_EDGES:
        raise ValueError(f"duplex must be 'short' or 'long', not {duplex!r}")
    order = saddle_order(pages, direction)
    sides: list[Side] = []
    for k, (outside, inside) in enumerate(order, start=1):
        shift = creep_shift(k, len(order), creep)
        back = _spread(inside, width, height, shift)
        if duplex == "long":  # printing.md: a long-edge flip needs every back turned
            back = tuple(turned(slot, width, height) for slot in back)
        sides.append(Side(k, "front", _spread(outside, width, height, shift)))
        sides.append(Side(k, "back", tuple(back)))
    return Plan(width, height, tuple(sides))


# --- tri-fold, roll fold ----------------------------------------------------------------------

def trifold_order(direction: str = "ltr") -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Return the (outside, inside) page numbers, left to right, with the backs not turned."""
    _check_direction(direction)
    # printing.md: outside [folded-in flap | back | front cover], inside [2 | 3 | 4]; we number
    # the flap 5 (it is read after the inside spread) and the back 6.
    outside, inside = (5, 6, 1), (2, 3, 4)
    if direction == "rtl":  # the cover opens to the right: mirror both sides
        return outside[::-1], inside[::-1]
    return outside, inside


def trifold_widths(width: float, tuck: float) -> tuple[float, float]:
    """Return (flap, full) panel widths: the flap is `tuck` narrower so it folds in cleanly."""
    if not 0 <= tuck < width / 3:
        raise ValueError(f"the folded-in panel cannot be {tuck:.2f} pt narrower on a sheet "
                         f"{width:.2f} pt wide")
    full = (width + tuck) / 3
    return full - tuck, full


def trifold(pages: int, width: float, height: float, direction: str = "ltr",
            duplex: str = "short", tuck: float = 0.0) -> Plan:
    """Return the roll-fold plan: front = outside, back = inside, three panels per side."""
    if pages != 6:
        raise ValueError(f"a tri-fold has exactly 6 pages, not {pages}")
    if duplex not in DUPLEX_EDGES:
        raise ValueError(f"duplex must be 'short' or 'long', not {duplex!r}")
    flap, full = trifold_widths(width, tuck)
    outside, inside = trifold_order(direction)
    # The flap's two faces (page 5 outside, page 4 inside) lie back to back: a short-edge flip
    # mirrors x, so the narrow slot is leftmost outside and rightmost inside (LTR).
    narrow_out = 0 if direction == "ltr" else 2
    sides = []
    for face, order, narrow in (("front", outside, narrow_out), ("back", inside, 2 - narrow_out)):
        widths = [flap if i == narrow else full for i in range(3)]
        xs = [sum(widths[:i]) for i in range(3)]
        slots = tuple(Slot(p, x, 0.0, w, height) for p, x, w in zip(order, xs, widths))
        if face == "back" and duplex == "long":  # a long-edge flip needs the back turned
            slots = tuple(turned(slot, width, height) for slot in slots)
        sides.append(Side(1, face, slots))
    return Plan(width, height, tuple(sides))


# --- not imposed -----------------------------------------------------------------------------

def single(pages: int, width: float, height: float) -> Plan:
    """Return one page per sheet side, in page order (odd pages on fronts)."""
    if pages < 1:
        raise ValueError(f"a document needs at least one page, not {pages}")
    return Plan(
        width,
        height,
        tuple(
            Side((p + 1) // 2, "front" if p % 2 else "back", (Slot(p, 0.0, 0.0, width, height),))
            for p in range(1, pages + 1)
        ),
    )


# --- wallet cards ----------------------------------------------------------------------------

MM = 72 / 25.4
CARD = (85.6 * MM, 54 * MM)      # ISO/IEC 7810 ID-1, the size of a credit card
CARD_MARGIN = 11 * MM            # 5 mm a home printer cannot print + 6 mm for the crop marks


def cards_grid(width: float, height: float, card: tuple[float, float] = CARD,
               margin: float = CARD_MARGIN) -> tuple[int, int]:
    """Return how many cards fit across and down a sheet, inside the margin."""
    columns = math.floor((width - 2 * margin) / card[0] + 1e-9)
    rows = math.floor((height - 2 * margin) / card[1] + 1e-9)
    if columns < 1 or rows < 1:
        raise ValueError(f"no {card[0]:.1f} × {card[1]:.1f} pt card fits on a "
                         f"{width:.1f} × {height:.1f} pt sheet with {margin:.1f} pt margins")
    return columns, rows


def flip_axis(width: float, height: float, duplex: str) -> str:
    """Return the axis, as the sheet lies on screen, that the sheet turns about between sides."""
    if duplex not in DUPLEX_EDGES:
        raise ValueError(f"duplex must be 'short' or 'long', not {duplex!r}")
    short_edge_is_vertical = width >= height
    return "vertical" if (duplex == "short") == short_edge_is_vertical else "horizontal"


def card_back(slot: Slot, width: float, height: float, axis: str) -> Slot:
    """Return where a card's back goes so that it lies behind the card when the sheet is turned.

    Turned about the vertical axis, the back mirrors left and right and stays upright. Turned
    about the horizontal axis, it mirrors top and bottom and is printed upside down, so that
    the card, turned over like a page, still reads upright on both faces.
    """
    if axis == "vertical":
        return replace(slot, page=2, x=width - slot.x - slot.width)
    return replace(slot, page=2, y=height - slot.y - slot.height, rotation=180)


def cards(pages: int, width: float, height: float, direction: str = "ltr",
          duplex: str = "short", card: tuple[float, float] = CARD,
          margin: float = CARD_MARGIN) -> Plan:
    """Return as many copies of a two-page card (front, back) as fit, centred, backs aligned."""
    _check_direction(direction)  # the copies are identical: the reading direction changes nothing
    if pages != 2:
        raise ValueError(f"a wallet card has exactly 2 pages (front and back), not {pages}")
    columns, rows = cards_grid(width, height, card, margin)
    x0 = (width - columns * card[0]) / 2
    y0 = (height - rows * card[1]) / 2
    fronts = tuple(Slot(1, x0 + c * card[0], y0 + r * card[1], *card)
                   for r in reversed(range(rows)) for c in range(columns))
    axis = flip_axis(width, height, duplex)
    backs = tuple(card_back(slot, width, height, axis) for slot in fronts)
    return Plan(width, height, (Side(1, "front", fronts), Side(1, "back", backs)))


def with_back(plan: Plan, page: int) -> Plan:
    """Return a one-sided plan with a full-sheet page on the back of its first sheet (a poster)."""
    if any(side.face == "back" for side in plan.sides):
        raise ValueError("the plan already prints on the back")
    back = Side(1, "back", (Slot(page, 0.0, 0.0, plan.width, plan.height),))
    return Plan(plan.width, plan.height, (*plan.sides, back))


# --- registry: layout.yaml's `imposition:` names one of these --------------------------------

def _minizine_plan(pages: int, width: float, height: float, direction: str = "ltr") -> Plan:
    """Return the mini zine plan for exactly 8 pages."""
    if pages != 8:
        raise ValueError(f"a mini zine has exactly 8 pages, not {pages}")
    return minizine(width, height, direction)


def _single_plan(pages: int, width: float, height: float, direction: str = "ltr") -> Plan:
    """Return the single plan; the reading direction does not change page order."""
    _check_direction(direction)
    return single(pages, width, height)


def _poster_plan(pages: int, width: float, height: float, direction: str = "ltr") -> Plan:
    """Return the one-page poster plan (tiling for home printers is impose/tiles.py)."""
    _check_direction(direction)
    if pages != 1:
        raise ValueError(f"a poster has exactly 1 page, not {pages}")
    return single(pages, width, height)


# Uniform call: PLANS[name](pages, width, height, direction=..., **plan_options).
# Options a plan does not know raise TypeError rather than being ignored.
PLANS: dict[str, Callable[..., Plan]] = {
    "minizine": _minizine_plan,
    "booklet": booklet,
    "single": _single_plan,
    "cards": cards,
    "trifold": trifold,
    "poster": _poster_plan,
}


def make_plan(name: str, pages: int, width: float, height: float, **options: Any) -> Plan:
    """Return the plan registered under name; ValueError names the known plans."""
    if name not in PLANS:
        raise ValueError(f"unknown imposition {name!r}; known: {', '.join(sorted(PLANS))}")
    return PLANS[name](pages, width, height, **options)
