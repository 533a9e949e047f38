"""Imposition plans, checked as data: no PDF is made here."""
from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from zinepress.impose.plans import (
    CARD,
    PLANS,
    Plan,
    booklet,
    cards,
    cards_grid,
    flip_axis,
    with_back,
    make_plan,
    minizine,
    minizine_grid,
    minizine_is_foldable,
    pad_order,
    saddle_order,
    saddle_positions,
    single,
)

MM = 72 / 25.4
LETTER = (279.4 * MM, 215.9 * MM)
A4 = (297 * MM, 210 * MM)


def mm(value: float) -> float:
    """Return points as millimetres, rounded for comparison."""
    return round(value / MM, 3)


# --- mini zine -------------------------------------------------------------------------------

def test_minizine_grid_ltr() -> None:
    assert minizine_grid("ltr") == ((5, 4, 3, 2), (6, 7, 8, 1))


def test_minizine_grid_rtl_reverses_columns() -> None:
    assert minizine_grid("rtl") == ((2, 3, 4, 5), (1, 8, 7, 6))


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_minizine_grid_is_foldable(direction: str) -> None:
    assert minizine_is_foldable(*minizine_grid(direction))


@pytest.mark.parametrize(
    "top, bottom, why",
    [
        ((4, 3, 2, 1), (5, 6, 7, 8), "published wrong layout: covers not facing"),
        ((5, 4, 3, 2), (7, 6, 8, 1), "a swapped pair in the upright row"),
        ((5, 3, 4, 2), (6, 7, 8, 1), "a swapped pair in the turned row"),
        ((2, 4, 3, 5), (6, 7, 8, 1), "turned row reversed"),
        ((6, 5, 4, 3), (7, 8, 1, 2), "a ring, but the covers straddle the W/2 fore-edge fold"),
        ((1, 8, 7, 6), (2, 3, 4, 5), "covers turned: the usual sheet upside down (by convention)"),
        ((5, 4, 3, 2), (6, 7, 8, 8), "a page twice"),
        ((5, 4, 3), (6, 7, 8, 1), "a short row"),
    ],
)
def test_minizine_rule_rejects_bad_layouts(
    top: tuple[int, ...], bottom: tuple[int, ...], why: str
) -> None:
    assert not minizine_is_foldable(top, bottom), why


def test_minizine_rule_accepts_exactly_the_four_foldable_layouts() -> None:
    # The LTR and RTL grids, and each one relabelled p -> 9 - p (the folded zine read from the
    # back) with its columns mirrored: the same sheet, its covers on the other spine fold.
    grids = ((p[:4], p[4:]) for p in itertools.permutations(range(1, 9)))
    found = [grid for grid in grids if minizine_is_foldable(*grid)]
    assert sorted(found) == sorted(
        [
            minizine_grid("ltr"),
            minizine_grid("rtl"),
            ((7, 6, 5, 4), (8, 1, 2, 3)),
            ((4, 5, 6, 7), (3, 2, 1, 8)),
        ]
    )


@pytest.mark.parametrize(
    "paper, direction, expected_x_mm",
    [
        (LETTER, "ltr", {5: 0, 4: 69.85, 3: 139.7, 2: 209.55, 6: 0, 7: 69.85, 8: 139.7, 1: 209.55}),
        (A4, "ltr", {5: 0, 4: 74.25, 3: 148.5, 2: 222.75, 6: 0, 7: 74.25, 8: 148.5, 1: 222.75}),
        (A4, "rtl", {2: 0, 3: 74.25, 4: 148.5, 5: 222.75, 1: 0, 8: 74.25, 7: 148.5, 6: 222.75}),
    ],
)
def test_minizine_slots(
    paper: tuple[float, float], direction: str, expected_x_mm: dict[int, float]
) -> None:
    plan = minizine(*paper, direction=direction)
    assert (plan.width, plan.height) == paper
    (side,) = plan.sides
    assert (side.sheet, side.face) == (1, "front")
    slots = {slot.page: slot for slot in side.slots}
    assert sorted(slots) == list(range(1, 9))
    half = mm(paper[1]) / 2
    for page, slot in slots.items():
        assert mm(slot.x) == pytest.approx(expected_x_mm[page])
        assert (mm(slot.width), mm(slot.height)) == pytest.approx((mm(paper[0]) / 4, half))
        turned = page in minizine_grid(direction)[0]
        assert mm(slot.y) == pytest.approx(half if turned else 0)
        assert slot.rotation == (180 if turned else 0)
        assert slot.shift == 0


# --- saddle order ----------------------------------------------------------------------------

def test_pad_order_puts_blanks_before_the_back_cover() -> None:
    assert pad_order(5) == [1, 2, 3, 4, None, None, None, 5]
    assert pad_order(8) == list(range(1, 9))
    assert pad_order(2) == [1, None, None, 2]
    assert pad_order(1) == [1, None, None, None]


def test_eight_pages_match_printing_md() -> None:
    assert saddle_order(8) == [((8, 1), (2, 7)), ((6, 3), (4, 5))]
    assert saddle_order(8, "rtl") == [((1, 8), (7, 2)), ((3, 6), (5, 4))]


@pytest.mark.parametrize("total", range(4, 41, 4))
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_every_side_sums_to_p_plus_one(total: int, direction: str) -> None:
    sheets = saddle_positions(total, direction)
    assert len(sheets) == total // 4
    for outside, inside in sheets:
        assert sum(outside) == sum(inside) == total + 1


@pytest.mark.parametrize("pages", range(1, 41))
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_saddle_order(pages: int, direction: str) -> None:
    sheets = saddle_order(pages, direction)
    total = -(-pages // 4) * 4
    assert len(sheets) == total // 4
    placed = [p for sheet in sheets for side in sheet for p in side]
    assert sorted(p for p in placed if p is not None) == list(range(1, pages + 1))
    assert placed.count(None) == total - pages
    # Reading order = positions 1..P; blanks only between the last inner page and the back cover.
    order = pad_order(pages)
    blanks = [i for i, p in enumerate(order) if p is None]
    if pages > 1:
        assert order[-1] == pages
        assert blanks == list(range(pages - 1, total - 1))
    cover_side = sheets[0][0]
    back_cover = None if pages == 1 else pages
    expected = (back_cover, 1) if direction == "ltr" else (1, back_cover)
    assert cover_side == expected


@pytest.mark.parametrize("pages", [0, -4])
def test_saddle_order_refuses_empty(pages: int) -> None:
    with pytest.raises(ValueError, match="at least one page"):
        saddle_order(pages)


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError, match="'ltr' or 'rtl'"):
        saddle_order(8, "ttb")


# --- booklet plan ----------------------------------------------------------------------------

def pages_by_side(plan: Plan) -> list[tuple[int, str, tuple[int | None, ...]]]:
    """Return (sheet, face, pages left to right) for each side."""
    return [
        (s.sheet, s.face, tuple(slot.page for slot in sorted(s.slots, key=lambda sl: sl.x)))
        for s in plan.sides
    ]


def test_booklet_short_edge() -> None:
    plan = booklet(8, *A4)
    assert pages_by_side(plan) == [
        (1, "front", (8, 1)),
        (1, "back", (2, 7)),
        (2, "front", (6, 3)),
        (2, "back", (4, 5)),
    ]
    for side in plan.sides:
        assert [mm(s.width) for s in side.slots] == [148.5, 148.5]
        assert [mm(s.height) for s in side.slots] == [210, 210]
        assert all(s.rotation == 0 and s.y == 0 for s in side.slots)


def test_booklet_long_edge_turns_every_back() -> None:
    plan = booklet(8, *A4, duplex="long")
    assert pages_by_side(plan) == [
        (1, "front", (8, 1)),
        (1, "back", (7, 2)),
        (2, "front", (6, 3)),
        (2, "back", (5, 4)),
    ]
    for side in plan.sides:
        assert {s.rotation for s in side.slots} == ({180} if side.face == "back" else {0})


def test_booklet_rtl_binds_on_the_right() -> None:
    assert pages_by_side(booklet(6, *LETTER, direction="rtl"))[:2] == [
        (1, "front", (1, 6)),
        (1, "back", (None, 2)),
    ]


def test_booklet_refuses_unknown_duplex() -> None:
    with pytest.raises(ValueError, match="'short' or 'long'"):
        booklet(8, *A4, duplex="both")


@pytest.mark.parametrize("duplex", ["short", "long"])
def test_creep_shifts_toward_the_spine(duplex: str) -> None:
    creep = 0.6 * MM
    plan = booklet(16, *A4, duplex=duplex, creep=creep)
    centre = plan.width / 2
    for side in plan.sides:
        expected = creep * (side.sheet - 1) / 3
        assert {(s.width, s.height) for s in side.slots} == {(plan.width / 2, plan.height)}
        for slot in side.slots:
            toward_spine = 1 if slot.x + slot.width / 2 < centre else -1
            assert slot.shift == pytest.approx(toward_spine * expected)
    assert [abs(s.shift) for s in plan.sides[0].slots] == [0, 0]
    assert [abs(s.shift) for s in plan.sides[-1].slots] == pytest.approx([creep, creep])


def test_creep_on_one_sheet_is_nothing() -> None:
    plan = booklet(4, *A4, creep=2.0)
    assert all(slot.shift == 0 for side in plan.sides for slot in side.slots)


# --- single and registry ---------------------------------------------------------------------

def test_single_is_identity() -> None:
    plan = single(3, *A4)
    assert [(s.sheet, s.face, [sl.page for sl in s.slots]) for s in plan.sides] == [
        (1, "front", [1]),
        (1, "back", [2]),
        (2, "front", [3]),
    ]
    slot = plan.sides[0].slots[0]
    assert (slot.x, slot.y, slot.width, slot.height, slot.rotation) == (0, 0, *A4, 0)


def test_registry_names_and_uniform_call() -> None:
    assert set(PLANS) == {"minizine", "booklet", "single", "cards", "trifold", "poster"}
    assert make_plan("minizine", 8, *A4, direction="rtl") == minizine(*A4, "rtl")
    assert make_plan("booklet", 8, *A4, duplex="long") == booklet(8, *A4, duplex="long")
    assert make_plan("single", 2, *A4, direction="rtl") == single(2, *A4)


def test_registry_refuses_unknowns() -> None:
    with pytest.raises(ValueError, match="unknown imposition 'zigzag'; known: booklet, cards, minizine"):
        make_plan("zigzag", 8, *A4)
    with pytest.raises(ValueError, match="exactly 8 pages, not 12"):
        make_plan("minizine", 12, *A4)
    with pytest.raises(TypeError):
        make_plan("minizine", 8, *A4, creep=1.0)


def test_plans_import_no_pdf_library() -> None:
    code = "import sys, zinepress.impose.plans; assert 'pikepdf' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)


# --- wallet cards ----------------------------------------------------------------------------

LETTER_LANDSCAPE, A4_PORTRAIT = LETTER, (210 * MM, 297 * MM)


@pytest.mark.parametrize("sheet, grid", [
    (LETTER_LANDSCAPE, (3, 3)), (A4_PORTRAIT, (2, 5)),
    ((215.9 * MM, 279.4 * MM), (2, 4)), ((297 * MM, 210 * MM), (3, 3)),
])
def test_cards_grid_is_as_many_as_fit(sheet: tuple[float, float], grid: tuple[int, int]) -> None:
    assert cards_grid(*sheet) == grid


@pytest.mark.parametrize("sheet", [LETTER_LANDSCAPE, A4_PORTRAIT])
def test_cards_are_credit_card_size_centred_and_inside_the_margin(sheet) -> None:
    plan = cards(2, *sheet)
    front = plan.sides[0].slots
    assert {(mm(s.width), mm(s.height)) for s in front} == {(85.6, 54.0)}
    left, right = min(s.x for s in front), max(s.x + s.width for s in front)
    bottom, top = min(s.y for s in front), max(s.y + s.height for s in front)
    assert mm(left) == mm(sheet[0] - right) and mm(bottom) == mm(sheet[1] - top)
    assert min(mm(left), mm(bottom)) >= 11
    assert len({(round(s.x, 3), round(s.y, 3)) for s in front}) == len(front)


def seen_after_turning(slot, sheet, axis: str) -> tuple[float, float, float, float]:
    """Return where a front rectangle lies on the back, as the back is seen after turning."""
    x = sheet[0] - slot.x - slot.width if axis == "vertical" else slot.x
    y = slot.y if axis == "vertical" else sheet[1] - slot.y - slot.height
    return round(x, 3), round(y, 3), round(slot.width, 3), round(slot.height, 3)


@pytest.mark.parametrize("sheet", [LETTER_LANDSCAPE, A4_PORTRAIT])
@pytest.mark.parametrize("duplex", ["short", "long"])
def test_each_back_lies_behind_its_front(sheet, duplex: str) -> None:
    plan = cards(2, *sheet, duplex=duplex)
    front, back = plan.sides
    assert (front.face, back.face) == ("front", "back") and {s.page for s in back.slots} == {2}
    axis = flip_axis(*sheet, duplex)
    behind = [seen_after_turning(s, sheet, axis) for s in front.slots]
    printed = [(round(b.x, 3), round(b.y, 3), round(b.width, 3), round(b.height, 3))
               for b in back.slots]
    assert behind == printed          # slot by slot, not only as a set
    # Turned about the horizontal axis the back is printed upside down, so that the card,
    # turned over like a page, reads upright on both faces.
    assert {b.rotation for b in back.slots} == ({0} if axis == "vertical" else {180})


def test_flip_axis_follows_the_sheet_orientation() -> None:
    assert flip_axis(*LETTER_LANDSCAPE, "short") == "vertical"
    assert flip_axis(*LETTER_LANDSCAPE, "long") == "horizontal"
    assert flip_axis(*A4_PORTRAIT, "long") == "vertical"
    assert flip_axis(*A4_PORTRAIT, "short") == "horizontal"


def test_cards_refuse_what_is_not_a_card() -> None:
    assert cards(2, *A4_PORTRAIT, direction="rtl") == cards(2, *A4_PORTRAIT)
    with pytest.raises(ValueError, match="exactly 2 pages"):
        cards(3, *A4_PORTRAIT)
    with pytest.raises(ValueError, match="no 242.6 × 153.1 pt card fits"):
        cards(2, 100 * MM, 100 * MM)
    assert make_plan("cards", 2, *A4_PORTRAIT, duplex="long") == cards(2, *A4_PORTRAIT, "ltr", "long")
    assert CARD == (85.6 * MM, 54 * MM)


def test_with_back_puts_a_full_sheet_page_behind_the_minizine() -> None:
    plan = with_back(minizine(*LETTER), 9)
    assert [side.face for side in plan.sides] == ["front", "back"]
    (poster,) = plan.sides[1].slots
    assert (poster.page, poster.x, poster.y, poster.width, poster.height, poster.rotation) == \
        (9, 0.0, 0.0, LETTER[0], LETTER[1], 0)
    with pytest.raises(ValueError, match="already prints on the back"):
        with_back(plan, 10)
