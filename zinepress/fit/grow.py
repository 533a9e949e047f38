"""Grow text to fill its page: each panel as large as fits, within the layout's and the edition's
bounds, from one measurement, one prediction and at most one correction (no search by layout).

From the first layout (the reference) each panel's text shape is read (shape.py) and its size
predicted to fill TARGET of its page, capped by the layout's `max_body_pt` and by the edition's
smallest size times `max_size_ratio` (so pages look like one publication); its line spacing then
opens up to `max_line_height` where there is room. A panel that stays short at its cap is placed
by the theme's rules: `top` leaves it, `heading` sets its heading larger, `centre` centres it on
the page. The panels are laid out once in those sizes, each with a smaller fallback beside it as
a try (tries.py), in the same layout: a panel that runs over takes its fallback, and if that runs
over too, keeps its first size, which fit. One layout, never a search.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import weasyprint

from zinepress.fit.measure import PX, Measure, base_style, placements, section
from zinepress.fit.shape import Shape, shape
from zinepress.fit.tries import Try, measured
from zinepress.model import Layout, Panel

GROWN_KINDS = ("text", "list", "quote", "crisis-lines")
TARGET = 0.9          # of the page: room for the estimate's error of a line or so
RETRY = 0.85          # of the page, for a panel's fallback: more room for the estimate's error
MISS = 1.12           # the fallback's plan assumes the panel takes this much more than predicted
SHORT = 0.8           # under this at its cap, the theme's rules place the panel
HEADING_MAX = 1.7     # the `heading` rule sets a heading at most this much larger
STEP = 0.1            # pt

Relayout = Callable[..., weasyprint.Document]     # (styles, only, tries) -> the pages


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
         relayout: Relayout, rule: tuple[str, ...], fixed: dict[str, float],
         held: frozenset[str] = frozenset(), tries: Sequence[Try] = (),
         movable: Callable[[int], bool] = lambda index: False
         ) -> tuple[weasyprint.Document, weasyprint.Document | None, dict[str, Measure]]:
    """Return the pages with every panel that fits grown to fill its page, the layout made,
    and every try measured in it (the caller's too), by key.

    fixed: body sizes of panels the fit stage shrank (they count towards the edition's ratio);
    held: panels laid out again by the caller, left as they are; tries: the caller's own tries,
    laid out in the same layout; movable: a try's page may stand in for the panel's own.
    """
    ids, kinds = [p.id for p in panels], {p.id: p.kind for p in panels}
    placed = placements(document, ids)
    grown = [p.id for p in panels if p.kind in GROWN_KINDS and p.id in placed
             and placed[p.id].fits and p.id not in fixed and p.id not in held]
    plans: dict[str, Plan] = {}
    fallbacks: dict[str, Plan] = {}
    if layout.max_body_pt is not None and grown:
        bases = {i: _base(document.pages[placed[i].first], placed[i], i) for i in grown}
        # A held panel keeps its size (the crisis lines, cut to fit): the others stay near it.
        kept = {i: base_style(document.pages[placed[i].first], i).size for i in held
                if i in placed and kinds.get(i) in GROWN_KINDS}
        cap = _cap(bases, layout, fixed | kept)
        plans = {i: _plan(b, cap[i], layout, rule) for i, b in bases.items()}
        plans = {i: p for i, p in plans.items()
                 if replace(p, predicted=0.0) != Plan(bases[i].size)}
        fallbacks = {i: _plan(bases[i], cap[i], layout, rule, MISS, RETRY) for i in plans}
        fallbacks = {i: f for i, f in fallbacks.items()
                     if f.css() != plans[i].css() and f.size <= plans[i].size}
    if not plans and not tries:
        return document, None, {}
    fallback_tries = [Try(f"fit-{i}", i, f.css()) for i, f in fallbacks.items()]
    first = relayout({i: p.css() for i, p in plans.items()}, frozenset(plans),
                     [*tries, *fallback_tries])
    chosen: dict[str, tuple[Plan, weasyprint.Page | None]] = {}
    _measure(first, plans, chosen, placed, movable)
    found = measured(first, [*tries, *fallback_tries])     # the page scanned once for all
    for attempt in fallback_tries:
        where = found.get(attempt.key)
        if attempt.panel_id not in chosen and where is not None and where.fits:
            page = first.pages[where.first] if movable(placed[attempt.panel_id].first) else None
            chosen[attempt.panel_id] = (fallbacks[attempt.panel_id], page)
    pages = _settle(chosen, relayout)
    return document.copy([pages.get(i) or document.pages[placed[i].first]
                          for i in ids if i in placed]), first, found


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


def _measure(trial: weasyprint.Document, plans: dict[str, Plan], chosen: dict,
             placed: dict[str, Measure], movable: Callable[[int], bool]) -> None:
    """Keep each plan that fits in the trial, with its page when it is usable where it goes."""
    for panel_id, where in placements(trial, list(plans)).items():
        if where.fits:
            # A panel before it that ran over moves it by a page: without `movable`, keep
            # the page only on the same side (left or right), which page styles may depend on.
            same_side = movable(placed[panel_id].first) \
                or (where.first - placed[panel_id].first) % 2 == 0
            chosen[panel_id] = (plans[panel_id], trial.pages[where.first] if same_side else None)


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
