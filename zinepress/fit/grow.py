"""Grow text to fill its page: each panel as large as fits, within the layout's and the edition's
bounds, from one measurement, one prediction and at most one correction (no search by layout).

From the first layout (the reference) each panel's text shape is read (shape.py) and its size
predicted to fill TARGET of its page, capped by the layout's `max_body_pt` and by the edition's
smallest size times `max_size_ratio` (so pages look like one publication); its line spacing then
opens up to `max_line_height` where there is room. A panel that stays short at its cap is placed
by the theme's rules: `top` leaves it, `heading` sets its heading larger, `centre` centres it on
the page. The panels are laid out once in those sizes. Only a panel that ran over, or came out
far from its prediction, is predicted again (with the error measured) and laid out once more.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable

import weasyprint

from zinepress.fit.measure import PX, Measure, base_style, placements, section, used_height
from zinepress.fit.shape import Shape, shape
from zinepress.model import Layout, Panel

GROWN_KINDS = ("text", "list", "quote", "crisis-lines")
TARGET = 0.9          # of the page: room for the estimate's error of a line or so
RETRY = 0.85          # of the page, for a panel that ran over: more room the second time
SHORT = 0.8           # under this at its cap, the theme's rules place the panel
OFF = 0.07            # a layout this far (of the page) from its prediction is predicted again
HEADING_MAX = 1.7     # the `heading` rule sets a heading at most this much larger
STEP = 0.1            # pt

Relayout = Callable[[dict[str, str], frozenset[str]], weasyprint.Document]


@dataclass(frozen=True)
class Plan:
    """A panel's sizes: body text, line spacing, heading (em of the body), space above."""

    size: float
    line_height: float | None = None
    heading: float | None = None
    pad: float = 0.0
    predicted: float = 0.0        # pt of height it is expected to need, the pad left out

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
    shape: Shape
    available: float

    def height(self, size: float, line_height: float | None = None,
               heading: float | None = None) -> float:
        """Return the height predicted at this size, line spacing and heading size."""
        spacing = line_height / self.line_height if line_height and self.line_height else 1.0
        factor = heading / self.heading_em if heading and self.heading_em else 1.0
        return self.shape.height(size / self.size, spacing, factor)


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
    plans = {i: _plan(b, cap[i], layout, rule) for i, b in bases.items()}
    plans = {i: p for i, p in plans.items() if replace(p, predicted=0.0) != Plan(bases[i].size)}
    chosen: dict[str, tuple[Plan, weasyprint.Page | None]] = {}
    if plans:
        first = relayout({i: p.css() for i, p in plans.items()}, frozenset(plans))
        again = _measure(first, plans, bases, chosen, placed, cap, layout, rule)
        # With them, the panels a neighbour's extra page moved (_settle): one layout for both.
        again |= {i: plan for i, (plan, page) in chosen.items() if page is None and i not in again}
        if again:
            second = relayout({i: p.css() for i, p in again.items()}, frozenset(again))
            _measure(second, again, bases, chosen, placed, {}, layout, rule)
    pages = _settle(chosen, relayout)
    return document.copy([pages.get(i) or document.pages[placed[i].first]
                          for i in ids if i in placed])


def _base(page: weasyprint.Page, where: Measure, panel_id: str) -> Base:
    """Return what the reference layout tells of one panel."""
    style = base_style(page, panel_id)
    heading = next((b for b in section(page, panel_id).descendants()
                    if b.element_tag == "h2"), None)
    em = round(heading.style["font_size"] * PX / style.size, 4) if heading is not None else None
    return Base(style.size, style.line_height, em, shape(page, panel_id, where.needed),
                where.available)


def _cap(bases: dict[str, Base], layout: Layout, fixed: dict[str, float]) -> dict[str, float]:
    """Return each panel's largest size: the layout's, and the edition's smallest times its ratio."""
    wanted = {i: _largest(b, layout.max_body_pt, TARGET * b.available) for i, b in bases.items()}
    smallest = min([*wanted.values(), *fixed.values()])
    limit = min(layout.max_body_pt, smallest * layout.max_size_ratio)
    return {i: max(b.size, round(limit, 2)) for i, b in bases.items()}


def _largest(base: Base, limit: float, room: float) -> float:
    """Return the largest size, from the panel's own up to `limit`, predicted to fit `room`."""
    size = base.size
    while size + STEP <= limit + 1e-9 and base.height(size + STEP) <= room:
        size = round(size + STEP, 2)
    return size


def _plan(base: Base, cap: float, layout: Layout, rule: tuple[str, ...],
          error: float = 1.0, target: float = TARGET) -> Plan:
    """Return a panel's plan: its size, line spacing opened, and the theme's rules if short.

    error: how much more than predicted the panel took when last laid out.
    """
    room = target * base.available / error
    size = _largest(base, cap, room)
    spacing = base.line_height
    if spacing and layout.max_line_height and layout.max_line_height > spacing:
        spread = base.height(size, layout.max_line_height) - base.height(size)
        extra = (room - base.height(size)) / spread if spread > 0 else 0.0
        spacing = math.floor((spacing + max(0.0, min(1.0, extra))
                              * (layout.max_line_height - spacing)) * 1000) / 1000
    plan = Plan(size, spacing if spacing != base.line_height else None)
    predicted = base.height(size, spacing) * error
    if predicted < SHORT * base.available and "heading" in rule and base.heading_em:
        heading = base.heading_em
        while heading * 1.02 <= base.heading_em * HEADING_MAX \
                and base.height(size, spacing, heading * 1.02) <= room:
            heading *= 1.02
        if heading > base.heading_em:
            plan = replace(plan, heading=round(heading, 3))
            predicted = base.height(size, spacing, heading) * error
    if predicted < SHORT * base.available and "centre" in rule:
        plan = replace(plan, pad=round(max(0.0, (base.available - predicted) / 2 - 2.0), 1))
    return replace(plan, predicted=predicted)


def _measure(trial: weasyprint.Document, plans: dict[str, Plan], bases: dict[str, Base],
             chosen: dict, placed: dict[str, Measure], cap: dict[str, float],
             layout: Layout, rule: tuple[str, ...]) -> dict[str, Plan]:
    """Keep each plan that fits; return the plans to try again (none when no cap is given)."""
    again = {}
    for panel_id, where in placements(trial, list(plans)).items():
        plan, base = plans[panel_id], bases[panel_id]
        page = trial.pages[where.first]
        needed = used_height(page, panel_id) - plan.pad if where.fits else where.needed
        if where.fits:
            same_side = (where.first - placed[panel_id].first) % 2 == 0
            chosen[panel_id] = (plan, page if same_side else None)
        short = needed < min(plan.predicted - OFF * base.available, SHORT * base.available)
        if cap and (not where.fits or short):
            error = needed / plan.predicted if plan.predicted else 1.0
            better = _plan(base, cap[panel_id], layout, rule, max(error, 0.5),
                           TARGET if where.fits else RETRY)
            if better != plan and (where.fits or better.size <= plan.size):
                again[panel_id] = better
    return again


def _settle(chosen: dict, relayout: Relayout) -> dict[str, weasyprint.Page]:
    """Return each grown panel's page, laying out again those measured on the wrong side.

    A panel before it that ran over in a trial moves it by a page; page styles may differ
    between left and right pages, so such a page is not used as it is.
    """
    stale = {i: plan for i, (plan, page) in chosen.items() if page is None}
    pages = {i: page for i, (_, page) in chosen.items() if page is not None}
    if stale:
        trial = relayout({i: p.css() for i, p in stale.items()}, frozenset(stale))
        for panel_id, where in placements(trial, list(stale)).items():
            if where.fits:
                pages[panel_id] = trial.pages[where.first]
    return pages
