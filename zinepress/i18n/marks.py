"""Unbalanced Markdown marks in a translation: an unclosed ** prints as two asterisks.

A translation is compared with its source: a mark (**, *, _) that the source uses for emphasis
but the translation leaves as literal text means it was not closed (or not opened). Marks the
source itself prints as written (a lone * or a snake_case name) are the translator's to keep.
"""
from __future__ import annotations

from functools import lru_cache

from zinepress.render.markdown import literal_text

MARKS = ("**", "*", "_")


def literal_marks(text: str) -> dict[str, int]:
    """Return how many of each emphasis mark a Markdown text prints as written."""
    return dict(zip(MARKS, _counts(text)))


# Every language's PO file repeats the same sources, and every build checks every PO file
# (issue 16): each source is parsed once per run, not once per language.
@lru_cache(maxsize=2048)
def _counts(text: str) -> tuple[int, int, int]:
    runs = "\n".join(literal_text(text))
    double = runs.count("**")
    runs = runs.replace("**", "")
    return double, runs.count("*"), runs.count("_")


def unbalanced_marks(source: str, translation: str) -> list[str]:
    """Return why a translation's emphasis marks would print as written, or []."""
    want, got = literal_marks(source), literal_marks(translation)
    return [f"a {mark} is not closed (or not opened): it would print as written; mark the "
            f"emphasis as the source does ({_example(mark)})"
            for mark in MARKS if got[mark] > want[mark]]


def _example(mark: str) -> str:
    return f"{mark}words{mark}"
