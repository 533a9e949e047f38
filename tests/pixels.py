"""Read built PDFs as pictures: render a page, find marks, compare sides (Pillow only)."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageStat

MM = 72 / 25.4
DARK = 160  # a grey level below this is ink


def picture(path: Path, page: int, dpi: float) -> Image.Image:
    """Return one page (0-based) rendered in greyscale at dpi, its whole MediaBox."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page].render(scale=dpi / 72, may_draw_forms=False).to_pil().convert("L")
    finally:
        pdf.close()


def px(mm: float, dpi: float) -> int:
    """Return a length in mm as a whole number of pixels."""
    return round(mm / 25.4 * dpi)


def dark_columns(image: Image.Image, top_mm: float, bottom_mm: float, dpi: float) -> list[float]:
    """Return the x (mm) of each run of columns that is ink all the way from top to bottom."""
    band = image.crop((0, px(top_mm, dpi), image.width, px(bottom_mm, dpi)))
    data, width = band.tobytes(), band.width
    runs, start = [], None
    for x in range(width + 1):
        inked = x < width and max(data[x::width]) < DARK
        if inked and start is None:
            start = x
        if not inked and start is not None:
            runs.append((start + x - 1) / 2)
            start = None
    return [round((r + 0.5) / dpi * 25.4, 2) for r in runs]


def has_ink(image: Image.Image, box_mm: tuple[float, float, float, float], dpi: float) -> bool:
    """Tell whether any pixel in the box (left, top, right, bottom, mm from top-left) is ink."""
    left, top, right, bottom = (px(v, dpi) for v in box_mm)
    return image.crop((left, top, right, bottom)).getextrema()[0] < DARK


def ink_share(image: Image.Image, x_mm: float, top_mm: float, bottom_mm: float,
              dpi: float) -> float:
    """Return the share of the pixels of one column, between two heights, that are ink."""
    x = px(x_mm, dpi)
    column = image.crop((x, px(top_mm, dpi), x + 1, px(bottom_mm, dpi)))
    return sum(column.histogram()[:DARK]) / column.height


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Return the mean absolute grey difference of two same-size pictures (0–255)."""
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def changed(a: Image.Image, b: Image.Image, level: int = 100) -> int:
    """Return how many pixels differ by more than `level` grey levels (edge smoothing is less)."""
    return sum(ImageChops.difference(a, b).histogram()[level + 1:])


def turned(image: Image.Image) -> Image.Image:
    """Return the picture turned 180°."""
    return image.rotate(180)
