"""Unbalanced Markdown marks in a translation: an unclosed ** prints as two asterisks.

A translation is compared with its source: a mark (**, *, _) that the source uses for emphasis
but the translation leaves as literal text means it was not closed (or not opened). Marks the
source itself prints as written (a lone * or a snake_case name) are the translator's to keep.
"""
from __future__ import annotations

from zinepress.render.markdown import literal_text

MARKS = ("**", "*", "_")


def literal_marks(text: str) -> dict[str, int]:
    """Return how many of each emphasis mark a Markdown text prints as written."""
    runs = "\n".join(literal_text(text))
    counts = {"**": runs.count("**")}
    runs = runs.replace("**", "")
    counts.update({"*": runs.count("*"), "_": runs.count("_")})
    return counts


def unbalanced_marks(source: str, translation: str) -> list[str]:
    """Return why a translation's emphasis marks would print as written, or []."""
    want, got = literal_marks(source), literal_marks(translation)
    return [f"a {mark} is not closed (or not opened): it would print as written; mark the "
            f"emphasis as the source does ({_example(mark)})"
            for mark in MARKS if got[mark] > want[mark]]


def _example(mark: str) -> str:
    return f"{mark}words{mark}"
