"""Read built PDFs by structure: page sizes in mm, the text inside a rectangle and its angle."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MM = 72 / 25.4


@dataclass(frozen=True)
class Rect:
    """A rectangle on a page, in pt from the bottom-left corner (PDF coordinates)."""

    left: float
    bottom: float
    right: float
    top: float

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


@dataclass(frozen=True)
class Char:
    text: str
    x: float            # centre, pt
    y: float
    angle: float        # degrees, 0 = upright, 180 = turned


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Return every page's (width, height) in pt."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


def chars(path: Path, page: int) -> list[Char]:
    """Return the characters of one page (0-based) with their centres and angles."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        textpage = pdf[page].get_textpage()
        result = []
        for i in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(i)
            angle = math.degrees(raw.FPDFText_GetCharAngle(textpage, i)) % 360
            result.append(Char(textpage.get_text_range(i, 1), (left + right) / 2,
                               (bottom + top) / 2, round(angle)))
        return result
    finally:
        pdf.close()


def text_in(path: Path, page: int, rect: Rect) -> str:
    """Return the text whose characters lie inside the rectangle, in reading order of the file."""
    return "".join(c.text for c in chars(path, page) if rect.contains(c.x, c.y))


def angles_in(path: Path, page: int, rect: Rect) -> set[int]:
    """Return the angles of the visible characters inside the rectangle."""
    return {c.angle for c in chars(path, page) if rect.contains(c.x, c.y) and c.text.strip()}


def all_text(path: Path) -> str:
    """Return the whole document's text."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def squash(text: str) -> str:
    """Return only letters and digits, lower-cased: compare text across line breaks and hyphens."""
    return re.sub(r"[\W_]+", "", text).lower()
