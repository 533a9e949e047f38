"""Growing text to fill its page, without laying anything out: the shape of a panel's text
predicts its height (fit/shape.py), and each panel gets a plan (fit/grow.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import weasyprint

from zinepress.fit.grow import (HEADING_MAX, SHORT, TARGET, Base, Plan, _cap, _largest, _plan,
                                grow)
from zinepress.fit.measure import placements
from zinepress.fit.shape import Block, Shape, shape, wrapped
from zinepress.model import Layout, Panel

LAYOUT = Layout(name="test", folder=Path("."), description="", papers={}, min_body_pt=8.0,
                max_body_pt=12.0, max_line_height=1.5, max_size_ratio=1.4)
# A paragraph of 1000 pt of text in lines 200 pt wide, 90 % full: 6 lines of 11 pt.
PARAGRAPH = Block(text=1000.0, width=200.0, lines=6, line=11.0, fullness=0.9, heading=False)
HEADING = Block(text=150.0, width=200.0, lines=1, line=13.0, fullness=0.92, heading=True)
TEXT = Shape((HEADING, PARAGRAPH), spaces=10.0, heading_spaces=6.0, fixed=0.0)
# Laid out at 8.5 pt on 1.30: 13 + 66 + 10 + 6 = 95 pt of a 300 pt page.
SHORT_PANEL = Base(size=8.5, line_height=1.3, heading_em=1.3, shape=TEXT, available=300.0)


def test_the_plan_is_inline_css_for_the_panels_section() -> None:
    assert Plan(10.0, 1.4, 1.8, 12.0).css() == ("font-size: 10.00pt; line-height: 1.400; "
                                                "--heading: 1.800em; padding-top: 12.0pt;")
    assert Plan(9.5).css() == "font-size: 9.50pt;"


def test_a_paragraph_at_a_larger_size_wraps_into_more_lines_each_taller() -> None:
    assert PARAGRAPH.height(1.0) == pytest.approx(66.0)
    # 1.5 x the text over lines 90 % full: ceil(1500 / 180) = 9 lines of 16.5 pt.
    assert PARAGRAPH.height(1.5) == pytest.approx(9 * 16.5)
    assert PARAGRAPH.height(1.0, spacing=1.2) == pytest.approx(66.0 * 1.2)
    assert HEADING.height(1.0, spacing=1.2) == pytest.approx(13.0)   # headings keep theirs


def test_margins_scale_with_the_text_and_pictures_keep_their_size() -> None:
    pictured = replace(TEXT, fixed=40.0)
    assert pictured.height(1.0) == pytest.approx(95.0 + 40.0)
    assert pictured.height(2.0) - TEXT.height(2.0) == pytest.approx(40.0)
    # A heading twice as large wraps into 2 lines, each twice as tall, its margins twice as deep.
    assert TEXT.height(1.0, heading=2.0) == pytest.approx(TEXT.height(1.0) + 4 * 13.0 - 13.0 + 6.0)


def test_the_largest_size_that_is_predicted_to_fit() -> None:
    size = _largest(SHORT_PANEL, 30.0, 200.0)
    assert SHORT_PANEL.height(size) <= 200.0 < SHORT_PANEL.height(size + 0.1)
    assert _largest(SHORT_PANEL, 11.0, 300.0) == 11.0                 # never past the limit
    assert _largest(SHORT_PANEL, 11.0, 50.0) == 8.5                   # never below its own


def test_the_cap_keeps_an_editions_sizes_within_the_layouts_ratio() -> None:
    dense = replace(SHORT_PANEL, available=100.0)          # can hardly grow: about 8.5 pt
    cap = _cap({"short": SHORT_PANEL, "dense": dense}, LAYOUT, {})
    assert cap["short"] == pytest.approx(round(_largest(dense, 12.0, TARGET * 100.0) * 1.4, 2))
    assert _cap({"short": SHORT_PANEL}, LAYOUT, {"shrunk": 7.5})["short"] == pytest.approx(10.5)
    assert _cap({"short": SHORT_PANEL}, LAYOUT, {})["short"] == 12.0   # the layout's max_body_pt


def test_line_spacing_opens_when_there_is_room_and_never_past_the_layouts_limit() -> None:
    assert _plan(SHORT_PANEL, 12.0, LAYOUT, ("top",)).line_height == 1.5
    crowded = replace(SHORT_PANEL, available=120.0)
    plan = _plan(crowded, 12.0, LAYOUT, ("top",))
    assert crowded.height(plan.size, plan.line_height) <= TARGET * 120.0


@pytest.mark.parametrize("rule", [("top",), ("heading",), ("centre",), ("heading", "centre")])
def test_a_short_panel_is_placed_by_the_themes_rules(rule: tuple[str, ...]) -> None:
    plan = _plan(SHORT_PANEL, 10.0, LAYOUT, rule)
    assert plan.predicted < SHORT * 300.0 or "heading" in rule
    assert (plan.heading is not None) == ("heading" in rule)
    assert (plan.pad > 0) == ("centre" in rule)
    if plan.heading:
        assert 1.3 < plan.heading <= 1.3 * HEADING_MAX + 1e-9


def test_a_panel_that_runs_over_at_its_plan_keeps_its_first_size() -> None:
    page = ('<style>@page { size: 80mm 120mm; margin: 5mm } html { font-size: %s; '
            'line-height: 1.3 }</style><section class="panel" id="panel-x"><p>'
            + "Some words that wrap across the page, line after line. " * 4 + '</p></section>')
    first = weasyprint.HTML(string=page % "8pt").render()
    ran_over = weasyprint.HTML(string=page % "40pt").render()     # a prediction far too large
    asked = []

    def relayout(styles: dict[str, str], only: frozenset[str], tries: list) -> weasyprint.Document:
        asked.append((set(styles), only))
        return ran_over
    pages, laid, _ = grow(first, (Panel(id="x", kind="text"),), LAYOUT, relayout, ("top",), {})
    assert (asked, laid) == ([({"x"}, frozenset({"x"}))], ran_over)      # one layout, no search
    assert len(ran_over.pages) > 1 and len(pages.pages) == 1
    assert pages.pages[0] is first.pages[0]


def test_a_heading_is_predicted_word_by_word() -> None:
    # Three words of 60 pt (with their spaces) in lines of 100 pt: one word a line. Smaller,
    # the lines hold more of them: at 0.8 two (96 pt), at 0.5 all three (90 pt).
    heading = Block(text=180.0, width=100.0, lines=3, line=13.0, fullness=0.6, heading=True,
                    words=(60.0, 60.0, 60.0))
    assert heading.height(1.0) == pytest.approx(3 * 13.0)
    assert heading.height(0.8) == pytest.approx(2 * 13.0 * 0.8)
    assert heading.height(0.5) == pytest.approx(1 * 13.0 * 0.5)
    assert (wrapped((30.0, 30.0, 30.0), 100.0), wrapped((60.0, 50.0), 100.0)) == (1, 2)


def test_the_shape_read_from_a_layout_predicts_its_height() -> None:
    html = ('<style>@page { size: 80mm 120mm; margin: 5mm } html { font-size: 9pt; '
            'line-height: 1.3; hyphens: auto } h2 { font-size: 1.3em; line-height: 1.15 }'
            '</style><section id="panel-x"><h2>A heading of a few words</h2><p>'
            + "Some words that wrap across the page, line after line. " * 6 + '</p></section>')
    small = weasyprint.HTML(string=html).render()
    large = weasyprint.HTML(string=html.replace("font-size: 9pt", "font-size: 12pt")).render()
    needed = placements(small, ["x"])["x"].needed
    predicted = shape(small.pages[0], "x", needed).height(12 / 9)
    assert predicted == pytest.approx(placements(large, ["x"])["x"].needed, rel=0.08)
