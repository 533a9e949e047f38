"""Print-production plans as data: the tri-fold, poster tiles, creep and what each job makes."""
from __future__ import annotations

from pathlib import Path

import pytest

from zinepress.impose.plans import booklet, make_plan, trifold, trifold_order, trifold_widths
from zinepress.instructions import diagram
from zinepress.impose.tiles import MARGIN, OVERLAP, count, orientation, tile
from zinepress.jobs import Job, Options
from zinepress.model import Layout, Paper, Variant, Zine
from zinepress.press import extra, plan_options, with_instructions

MM = 72 / 25.4
LETTER = (279.4 * MM, 215.9 * MM)
A4_PORTRAIT, A2 = (210 * MM, 297 * MM), (420 * MM, 594 * MM)
LETTER_PAGE = Paper("letter", LETTER, (91.8 * MM, 215.9 * MM))


def mm(value: float) -> float:
    return round(value / MM, 3)


def layout(imposition: str, folder: Path = Path("/nowhere"), **kw: object) -> Layout:
    return Layout(imposition, folder, "", {"letter": LETTER_PAGE}, imposition=imposition, **kw)


# --- tri-fold --------------------------------------------------------------------------------

def test_trifold_roll_fold_order() -> None:
    # printing.md: outside [flap | back | cover], inside [2 | 3 | 4]; flap = 5, back = 6.
    assert trifold_order("ltr") == ((5, 6, 1), (2, 3, 4))
    assert trifold_order("rtl") == ((1, 6, 5), (4, 3, 2))


def test_letter_layout_makes_the_flap_2_mm_narrower() -> None:
    tuck = plan_options(layout("trifold"), LETTER_PAGE, 6, Options(), "ltr")["tuck"]
    assert mm(tuck) == 2.0
    flap, full = trifold_widths(LETTER[0], tuck)
    assert (mm(flap), mm(full)) == (91.8, 93.8)


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_trifold_slots_tile_the_sheet_with_the_flap_back_to_back(direction: str) -> None:
    plan = trifold(6, *LETTER, direction=direction, tuck=2 * MM)
    front, back = plan.sides
    for side in (front, back):
        xs = sorted((s.x, s.x + s.width) for s in side.slots)
        assert xs[0][0] == 0 and abs(xs[-1][1] - LETTER[0]) < 1e-9
        assert all(abs(a[1] - b[0]) < 1e-9 for a, b in zip(xs, xs[1:]))
    # A short-edge flip mirrors x: each front slot has its back-to-back partner at W - x.
    behind = {p: q for p, q in ((5, 4), (6, 3), (1, 2))}
    for slot in front.slots:
        partner = next(s for s in back.slots if s.page == behind[slot.page])
        assert abs(partner.x - (LETTER[0] - slot.x - slot.width)) < 1e-9
        assert partner.width == slot.width
    narrow = min(front.slots, key=lambda s: s.width)
    assert narrow.page == 5 and mm(narrow.width) == 91.8


def test_trifold_rtl_mirrors_ltr() -> None:
    ltr, rtl = trifold(6, *LETTER, tuck=2 * MM), trifold(6, *LETTER, "rtl", tuck=2 * MM)
    for a, b in zip(ltr.sides, rtl.sides):
        mirrored = {s.page: round(LETTER[0] - s.x - s.width, 6) for s in a.slots}
        assert mirrored == {s.page: round(s.x, 6) for s in b.slots}


def test_trifold_long_edge_turns_the_inside_only() -> None:
    short, long = trifold(6, *LETTER, tuck=2 * MM), trifold(6, *LETTER, duplex="long", tuck=2 * MM)
    assert short.sides[0] == long.sides[0]
    assert {s.rotation for s in long.sides[1].slots} == {180}
    turned = {s.page: round(LETTER[0] - s.x - s.width, 6) for s in short.sides[1].slots}
    assert turned == {s.page: round(s.x, 6) for s in long.sides[1].slots}


def test_trifold_refuses_other_page_counts_and_impossible_tucks() -> None:
    with pytest.raises(ValueError, match="exactly 6 pages, not 8"):
        make_plan("trifold", 8, *LETTER)
    with pytest.raises(ValueError, match="cannot be 300.00 pt narrower"):
        trifold(6, *LETTER, tuck=300)


# --- poster tiles ----------------------------------------------------------------------------

def test_a2_on_a4_needs_eight_landscape_tiles() -> None:
    assert orientation(A2, A4_PORTRAIT) == (297 * MM, 210 * MM)
    tiling = tile(A2, A4_PORTRAIT)
    assert (tiling.rows, tiling.columns, len(tiling.tiles)) == (4, 2, 8)
    assert mm(tiling.overlap) == 10.0
    assert [(t.row, t.column) for t in tiling.tiles][:3] == [(1, 1), (1, 2), (2, 1)]


def test_tiles_cover_the_poster_and_neighbours_overlap_by_10_mm() -> None:
    tiling = tile(A2, A4_PORTRAIT)
    windows = {(t.row, t.column): t.window for t in tiling.tiles}
    assert min(w[0] for w in windows.values()) == 0
    assert max(w[2] for w in windows.values()) >= A2[0]
    assert max(w[3] for w in windows.values()) == A2[1]
    assert min(w[1] for w in windows.values()) <= 0
    assert mm(windows[1, 1][2] - windows[1, 2][0]) == 10.0      # side by side
    assert mm(windows[1, 1][1] - windows[2, 1][3]) == -10.0     # one above the other
    for slot in (s.slots[0] for s in tiling.plan.sides):
        assert (slot.x, slot.y) == (MARGIN, MARGIN) and slot.window is not None


def test_alignment_line_lies_where_the_next_tile_is_cut() -> None:
    tiling = tile(A2, A4_PORTRAIT)
    first, second = tiling.tiles[0], tiling.tiles[1]
    vertical = [s for s in first.aligns if s[0] == s[2]]
    assert len(vertical) == 1
    # In poster coordinates the line is where tile (1, 2) starts: its cut (left art) edge.
    assert abs(vertical[0][0] - MARGIN + first.window[0] - second.window[0]) < 1e-9
    assert any(s[0] == s[2] == MARGIN for s in second.cuts)
    last = tiling.tiles[-1]
    assert last.aligns == ()


def test_tile_count_rule() -> None:
    assert count(100, 120, 10) == 1
    assert count(230, 120, 10) == 2     # 120 + 110
    assert count(231, 120, 10) == 3
    assert OVERLAP == 10 * MM


# --- creep and what each job makes ------------------------------------------------------------

def test_creep_is_the_caliper_times_the_sheets_outside_the_innermost() -> None:
    options = Options(creep=0.1 * MM)
    total = plan_options(layout("booklet", duplex=True), LETTER_PAGE, 40, options, "ltr")["creep"]
    assert mm(total) == 0.9                              # 10 sheets: (10 - 1) x 0.1 mm
    plan = booklet(40, *LETTER, creep=total)
    shifts = [mm(side.slots[0].shift) for side in plan.sides if side.face == "front"]
    assert shifts == [round(0.1 * k, 3) for k in range(10)]


def test_what_each_layout_makes_with_print_options() -> None:
    bleed, tiles = Options(bleed=3 * MM), Options(tile="a4")
    assert extra(layout("booklet"), bleed) == "bleed"
    assert extra(layout("single"), bleed) == ""           # the reader is for screens
    assert extra(layout("poster"), tiles) == "tiles-a4"
    assert extra(layout("booklet"), tiles) == ""
    assert extra(layout("minizine"), Options()) == ""


def test_instruction_jobs_come_from_layout_folders() -> None:
    root = Path(__file__).resolve().parent.parent / "layouts"
    zine = Zine("z", Path("z"), "en", {}, "", (), (), {}, (), {})
    for name, expected in (("minizine", 2), ("trifold", 2), ("reader", 1)):
        job = Job(zine, Variant("en", "us"), layout(name, root / name), "full", "letter")
        jobs = with_instructions(job)
        assert len(jobs) == expected
        assert jobs[-1].name == (f"{name}-letter-instructions" if expected == 2
                                 else f"{name}-letter")


def test_instruction_diagram_is_the_plan_scaled() -> None:
    sheet = diagram(trifold(6, *LETTER, tuck=2 * MM), 88 * MM)
    outside, inside = sheet["sides"]
    scale = 88 / 279.4
    assert [round(s["width"] / MM / scale, 2) for s in outside["slots"]] == [91.8, 93.8, 93.8]
    assert [s["page"] for s in inside["slots"]] == [2, 3, 4]
    assert [round(x / MM / scale, 2) for x in outside["folds_x"]] == [91.8, 185.6]
    assert [round(x / MM / scale, 2) for x in inside["folds_x"]] == [93.8, 187.6]
    assert outside["folds_y"] == []
    assert round(sheet["height"] / MM, 2) == round(88 * 215.9 / 279.4, 2)
