"""Growing text to fill its page, without rendering: the plan each panel gets (fit/grow.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from zinepress.fit.grow import HEADING_MAX, SHORT, TARGET, Base, Plan, _cap, _plan, _power, _size
from zinepress.model import Layout

LAYOUT = Layout(name="test", folder=Path("."), description="", papers={}, min_body_pt=8.0,
                max_body_pt=12.0, max_line_height=1.5, max_size_ratio=1.4)
# A panel laid out at 8.5 pt on 1.30 that needs 40 % of its 300 pt page; its heading takes 30 pt.
SHORT_PANEL = Base(size=8.5, line_height=1.3, heading_em=1.3, heading_pt=30.0, needed=120.0,
                   available=300.0)


def test_the_plan_is_inline_css_for_the_panels_section() -> None:
    assert Plan(10.0, 1.4, 1.8, 12.0).css() == ("font-size: 10.00pt; line-height: 1.400; "
                                                "--heading: 1.800em; padding-top: 12.0pt;")
    assert Plan(9.5).css() == "font-size: 9.50pt;"


def test_the_size_is_predicted_to_fill_the_target_share_of_the_page() -> None:
    # The height goes with the square of the size: sqrt(0.93 * 300 / 120) = 1.52 times larger.
    assert _size(SHORT_PANEL, 120.0, 2.0, None) == pytest.approx(8.5 * 1.525, abs=0.1)


def test_the_size_stays_between_the_panels_own_and_its_limit() -> None:
    assert _size(SHORT_PANEL, 120.0, 2.0, 11.0) == 11.0
    assert _size(SHORT_PANEL, 500.0, 2.0, 11.0) == 8.5     # never smaller than a size that fits


def test_the_cap_keeps_an_editions_sizes_within_the_layouts_ratio() -> None:
    dense = replace(SHORT_PANEL, needed=290.0)             # can hardly grow: about 8.5 pt
    cap = _cap({"short": SHORT_PANEL, "dense": dense}, LAYOUT, {})
    assert cap["short"] == pytest.approx(8.5 * 1.4)
    assert _cap({"short": SHORT_PANEL}, LAYOUT, {"shrunk": 7.5})["short"] == pytest.approx(10.5)
    assert _cap({"short": SHORT_PANEL}, LAYOUT, {})["short"] == 12.0   # the layout's max_body_pt


def test_a_panel_that_fills_its_page_gets_no_rule() -> None:
    plan = _plan(SHORT_PANEL, 13.0, LAYOUT, ("heading", "centre"))
    assert plan.heading is None and plan.pad == 0.0


def test_line_spacing_opens_up_to_the_layouts_limit_when_there_is_room() -> None:
    assert _plan(SHORT_PANEL, 9.0, LAYOUT, ("top",)).line_height == 1.5


@pytest.mark.parametrize("rule", [("top",), ("heading",), ("centre",), ("heading", "centre")])
def test_a_short_panel_is_placed_by_the_themes_rule(rule: tuple[str, ...]) -> None:
    tiny = replace(SHORT_PANEL, needed=40.0)
    plan = _plan(tiny, 9.0, LAYOUT, rule)
    assert (plan.heading is not None) == ("heading" in rule)
    assert (plan.pad > 0) == ("centre" in rule)
    if plan.heading:
        assert 1.3 < plan.heading <= 1.3 * HEADING_MAX


def test_a_measured_height_replaces_the_estimate() -> None:
    # Laid out at 12 pt it took 150 pt with its heading at 1.5 em, 40 pt tall: short, so the
    # heading grows from what was measured, and the centring leaves room for it.
    plan = _plan(SHORT_PANEL, 12.0, LAYOUT, ("heading", "centre"), (150.0, 1.5, 40.0))
    assert 1.5 < plan.heading <= 1.3 * HEADING_MAX
    assert 0 < plan.pad < (300.0 - 150.0) / 2
    assert 150.0 < SHORT * 300.0 and TARGET < 1


def test_the_growth_power_comes_from_two_measurements() -> None:
    assert _power(SHORT_PANEL, 17.0, 480.0) == pytest.approx(2.0)    # twice the size, 4 x height
    assert _power(SHORT_PANEL, 17.0, 130.0) == 1.2                   # clamped
    assert _power(SHORT_PANEL, 8.5, 130.0) == 2.0                    # no second size: unsure
