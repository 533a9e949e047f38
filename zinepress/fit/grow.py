"""Grow text to fill its page: each panel as large as fits, within the layout's and the edition's
bounds, from one measurement, one prediction and at most one correction (no search).

The height a panel needs goes roughly with the square of its text size (lines get both longer
and taller) and with its line spacing. From the first layout (the reference) each panel's size
is predicted to fill TARGET of its page, capped by the layout's `max_body_pt` and by the
edition's smallest size times `max_size_ratio` (so pages look like one publication). The panels
are laid out once at those sizes; a panel that ran over, or fell well short without reaching its
cap, is predicted again from its two measurements and laid out once more. A panel that is still
short at its cap is placed by the theme's rules: `top` leaves it, `heading` sets its heading
larger, `centre` centres it on the page (after `heading`, when a theme names both).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.fit.measure import PX, Measure, base_style, placements, section, used_height
from zinepress.model import Layout, Panel

GROWN_KINDS = ("text", "list", "quote", "crisis-lines")
TARGET = 0.93        # of the page: room for the estimate's error of about a line
CORRECT_BELOW = 0.85  # a panel filling less than this, under its cap, is predicted again
SHORT = 0.8          # under this at its cap, the theme's rule places the panel
HEADING_MAX = 1.7    # the `heading` rule sets a heading at most this much larger
PAD_ROOM = 1.06      # the `centre` rule leaves this much room for the estimate's error

Relayout = Callable[[dict[str, str], frozenset[str]], weasyprint.Document]


@dataclass(frozen=True)
class Plan:
    """A panel's sizes: body text, line spacing, heading (em of the body), space above."""

    size: float
    line_height: float | None = None
    heading: float | None = None
    pad: float = 0.0

    def css(self) -> str:
        """Return the inline CSS that sets this plan on a panel's section."""
        css = f"font-size: {self.size:.2f}pt;"
        if self.line_height:
            css += f" line-height: {self.line_height:.3f};"
        if self.heading:
            css += f" --heading: {self.heading:.3f}em;"
        if self.pad:
            css += f" padding-top: {self.pad:.1f}pt;"
        return css


@dataclass(frozen=True)
class Base:
    """A panel as the reference layout measured it."""

    size: float
    line_height: float | None
    heading_em: float | None      # its heading's size, in em of its body
    heading_pt: float             # pt of height its heading takes
    needed: float                 # pt of height it needs
    available: float


def grow(document: weasyprint.Document, panels: tuple[Panel, ...], layout: Layout,
         relayout: Relayout, rule: tuple[str, ...], fixed: dict[str, float]) -> weasyprint.Document:
    """Return the pages with every panel that fits grown to fill its page.

    fixed: body sizes of panels the fit stage shrank (they count towards the edition's ratio).
    """
    ids = [p.id for p in panels]
    placed = placements(document, ids)
    grown = [p.id for p in panels if p.kind in GROWN_KINDS and p.id in placed
             and placed[p.id].fits and p.id not in fixed]
    if layout.max_body_pt is None or not grown:
        return document
    bases = {i: _base(document.pages[placed[i].first], placed[i], i) for i in grown}
    cap = _cap(bases, layout, fixed)
    plans = {i: _plan(b, _size(b, b.needed, 2.0, cap[i]), layout, rule) for i, b in bases.items()}
    chosen = {i: (bases[i], None) for i in grown}     # panel -> (what fits, its page)
    first = relayout({i: p.css() for i, p in plans.items()}, frozenset(grown))
    again = _measure(first, plans, bases, chosen, placed, cap, layout)
    second_plans = {i: _plan(bases[i], size, layout, rule, known)
                    for i, (size, known) in again.items()}
    again = {i: v for i, v in again.items() if v[1] is None or second_plans[i] != plans[i]}
    if again:
        second_plans = {i: second_plans[i] for i in again}
        second = relayout({i: p.css() for i, p in second_plans.items()}, frozenset(again))
        _measure(second, second_plans, bases, chosen, placed, {}, layout)
    stale = {i: plan for i, (plan, page) in chosen.items()
             if isinstance(plan, Plan) and page is None}
    if stale:     # measured where a neighbour's extra page moved it: laid out again in place
        third = relayout({i: p.css() for i, p in stale.items()}, frozenset(stale))
        for panel_id, where in placements(third, list(stale)).items():
            if where.fits:
                chosen[panel_id] = (stale[panel_id], third.pages[where.first])
    pages = {i: page for i, (_, page) in chosen.items() if page is not None}
    return document.copy([pages.get(i) or document.pages[placed[i].first]
                          for i in ids if i in placed])


def _base(page: weasyprint.Page, where: Measure, panel_id: str) -> Base:
    """Return what the reference layout tells of one panel."""
    style = base_style(page, panel_id)
    em, height = _heading(page, panel_id, style.size)
    return Base(style.size, style.line_height, em, height, where.needed, where.available)


def _heading(page: weasyprint.Page, panel_id: str, size: float) -> tuple[float | None, float]:
    """Return a panel's heading size (em of its body) and the pt of height it takes."""
    heading = next((b for b in section(page, panel_id).descendants()
                    if b.element_tag == "h2"), None)
    if heading is None:
        return None, 0.0
    return round(heading.style["font_size"] * PX / size, 4), heading.margin_height() * PX


def _cap(bases: dict[str, Base], layout: Layout, fixed: dict[str, float]) -> dict[str, float]:
    """Return each panel's largest size: the layout's, and the edition's smallest times its ratio."""
    wanted = {i: max(b.size, min(_size(b, b.needed, 2.0, None), layout.max_body_pt))
              for i, b in bases.items()}
    smallest = min([*wanted.values(), *fixed.values()])
    limit = min(layout.max_body_pt, smallest * layout.max_size_ratio)
    return {i: max(b.size, limit) for i, b in bases.items()}


def _size(base: Base, needed: float, power: float, limit: float | None, at: float = 0.0,
          fill: float = TARGET) -> float:
    """Return the size predicted to fill `fill` of the page, from the height needed at `at`."""
    at = at or base.size
    size = math.floor(at * (fill * base.available / max(needed, 1.0)) ** (1 / power) * 10) / 10
    return size if limit is None else max(base.size, min(size, limit))


Known = tuple[float, float | None, float]   # measured: height, heading em, heading height


def _plan(base: Base, size: float, layout: Layout, rule: tuple[str, ...],
          known: Known | None = None) -> Plan:
    """Return a panel's plan at a size: line spacing opened, and the theme's rule if short.

    known: what a layout at this size and spacing measured, when there is one (else predicted).
    """
    scale = (size / base.size) ** 2
    predicted = base.needed * scale
    spacing = base.line_height
    room = TARGET * base.available / predicted
    if spacing and layout.max_line_height and room > 1:
        spacing = round(min(layout.max_line_height, spacing * room), 3)
        predicted *= spacing / base.line_height
    em, heading = base.heading_em, base.heading_pt * scale
    if known is not None:
        predicted, em, heading = known
    plan = Plan(size, spacing if spacing != base.line_height else None)
    if predicted >= SHORT * base.available:
        return plan
    if "heading" in rule and em and heading:
        factor = math.sqrt(1 + (TARGET * base.available - predicted) / heading)
        factor = min(factor, HEADING_MAX * base.heading_em / em)
        plan = replace(plan, heading=round(em * factor, 3))
        predicted += heading * (factor ** 2 - 1)
    if "centre" in rule:
        plan = replace(plan, pad=max(0.0, (base.available - predicted * PAD_ROOM) / 2))
    return plan


def _measure(trial: weasyprint.Document, plans: dict[str, Plan], bases: dict[str, Base],
             chosen: dict, placed: dict[str, Measure], cap: dict[str, float],
             layout: Layout) -> dict[str, tuple[float, Known | None]]:
    """Keep each plan that fits; return what to try again: a size, and the height measured at
    it when the size stays (a panel short at its cap, placed again by the theme's rule)."""
    again = {}
    for panel_id, where in placements(trial, list(plans)).items():
        plan, base = plans[panel_id], bases[panel_id]
        page = trial.pages[where.first]
        needed = used_height(page, panel_id) - plan.pad if where.fits else where.needed
        if where.fits:
            same_side = (where.first - placed[panel_id].first) % 2 == 0
            chosen[panel_id] = (plan, page if same_side else None)
        if not cap or plan.size <= base.size:
            continue
        short = needed < CORRECT_BELOW * base.available and plan.size < cap[panel_id]
        if where.fits and not short and needed < SHORT * base.available:
            # At its cap and still short: the rule placed it from an estimate; now it is known.
            again[panel_id] = (plan.size, (needed, *_heading(page, panel_id, plan.size)))
        elif not where.fits or short:
            power = _power(base, plan.size, needed)
            size = _size(base, needed, power, cap[panel_id], plan.size,
                         TARGET - (0.03 if not where.fits else 0))
            if size != plan.size and (where.fits or size < plan.size):
                again[panel_id] = (size, None)
    return again


def _power(base: Base, size: float, needed: float) -> float:
    """Return how the height grew with the size between two measurements (2 when unsure)."""
    if size <= base.size or needed <= base.needed:
        return 2.0
    return min(3.0, max(1.2, math.log(needed / base.needed) / math.log(size / base.size)))
