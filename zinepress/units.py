"""Lengths: CSS-style strings ('297mm', '8.5in', '12pt') to PDF points and back."""
from __future__ import annotations

import re

PT_PER = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "px": 0.75}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm|px)\s*$")


def to_pt(text: str | float | int) -> float:
    """Return a length in points; raise ValueError naming the accepted units."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    match = _LENGTH.match(str(text))
    if not match:
        raise ValueError(f"'{text}' is not a length such as 3mm, 0.5in or 12pt")
    return float(match[1]) * PT_PER[match[2]]


def mm(pt: float) -> float:
    """Return points as millimetres."""
    return pt * 25.4 / 72
