"""zinepress: YAML panels to print-ready folded zines, booklets and handouts."""
from __future__ import annotations

__version__ = "0.1.0"
