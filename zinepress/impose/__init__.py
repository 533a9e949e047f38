"""Impose rendered pages on sheets: pure plans (plans.py) applied to PDF pages (apply.py)."""
from __future__ import annotations

from zinepress.impose.plans import (
    PLANS,
    Plan,
    Side,
    Slot,
    booklet,
    cards,
    make_plan,
    minizine,
    minizine_grid,
    minizine_is_foldable,
    pad_order,
    saddle_order,
    single,
)

__all__ = [
    "PLANS",
    "Plan",
    "Side",
    "Slot",
    "booklet",
    "cards",
    "make_plan",
    "minizine",
    "minizine_grid",
    "minizine_is_foldable",
    "pad_order",
    "saddle_order",
    "single",
]
