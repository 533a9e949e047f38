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


@dataclass(frozen=True)
class Line:
    """A thin straight mark (a crop mark, a rule), in pt on the page."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def vertical(self) -> bool:
        return self.top - self.bottom > self.right - self.left


def thin_lines(path: Path, page: int, thickness: float = 1.0, min_length: float = 5.0) -> list[Line]:
    """Return the page's thin straight paths, at any depth of forms, in page coordinates."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        found = []
        for obj in pdf[page].get_objects(max_depth=8):
            if obj.type != raw.FPDF_PAGEOBJ_PATH:
                continue
            left, bottom, right, top = _on_page(obj)
            short, long = sorted((right - left, top - bottom))
            if short <= thickness and long >= min_length:
                found.append(Line(left, bottom, right, top))
        return found
    finally:
        pdf.close()


def _on_page(obj) -> tuple[float, float, float, float]:
    """Return an object's bounds mapped through the matrices of the forms that hold it."""
    left, bottom, right, top = obj.get_bounds()
    corners = [(left, bottom), (left, top), (right, bottom), (right, top)]
    container = obj.container
    while container is not None:
        a, b, c, d, e, f = container.get_matrix().get()
        corners = [(a * x + c * y + e, b * x + d * y + f) for x, y in corners]
        container = container.container
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def form_offsets(path: Path, page: int) -> list[tuple[float, ...]]:
    """Return the (a, b, c, d, e, f) matrix of every form drawn directly on the page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [tuple(obj.get_matrix().get()) for obj in pdf[page].get_objects(max_depth=0)
                if obj.type == raw.FPDF_PAGEOBJ_FORM]
    finally:
        pdf.close()


def link_uris(path: Path) -> list[str]:
    """Return the URI of every link annotation in the document."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        return [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A]
