"""Copy-shop pages: trim size plus bleed, correct page boxes, and crop marks of our own.

WeasyPrint's own crop marks are drawn under the artwork inside the bleed and in RGB, so with art
bleeding 3 mm they vanish. Ours are drawn last, outside the BleedBox, on
white (the artwork is clipped to the BleedBox), in the registration colour that prints on every
plate.
"""
from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

MM = 72 / 25.4
GAP = 1 * MM        # between the bleed's edge and a crop mark
LENGTH = 5 * MM     # of a crop mark
END = 1 * MM        # white past the end of a mark
ROOM = GAP + LENGTH + END
LINE = 0.3          # pt, a usual crop-mark weight

Box = tuple[float, float, float, float]

# /Separation /All paints on every separation: the registration colour of crop marks.
_REGISTRATION = [Name.Separation, Name.All, Name.DeviceCMYK,
                 Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1)]


def add_bleed(data: bytes, bleed: float) -> bytes:
    """Return the PDF with every page set on trim + bleed + room for marks, marks drawn."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        registration = pdf.make_indirect(Array(_REGISTRATION))
        for page in pdf.pages:
            _finish_page(pdf, page, bleed, registration)
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def _finish_page(pdf: pikepdf.Pdf, page: pikepdf.Page, bleed: float,
                 registration: pikepdf.Object) -> None:
    """Move the page's trim box in by bleed + ROOM, clip the art to the bleed, draw the marks."""
    x0, y0, x1, y1 = (float(v) for v in page.trimbox)
    margin = bleed + ROOM
    dx, dy = margin - x0, margin - y0
    trim = (margin, margin, margin + x1 - x0, margin + y1 - y0)
    bleed_box = (trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed)
    clip = " ".join(_num(v) for v in (*bleed_box[:2], x1 - x0 + 2 * bleed, y1 - y0 + 2 * bleed))
    page.contents_add(pdf.make_stream(
        f"q {clip} re W n 1 0 0 1 {_num(dx)} {_num(dy)} cm\n".encode()), prepend=True)
    if Name.Resources not in page.obj:
        page.obj.Resources = Dictionary()
    if Name.ColorSpace not in page.obj.Resources:
        page.obj.Resources.ColorSpace = Dictionary()
    page.obj.Resources.ColorSpace.ZpRegistration = registration
    page.contents_add(pdf.make_stream(f"\nQ\n{crop_marks(trim, bleed)}".encode()))
    _move_annotations(page, dx, dy)
    media = Array([0, 0, trim[2] + margin, trim[3] + margin])
    page.obj.MediaBox = media
    page.obj.CropBox = media
    page.obj.BleedBox = Array([round(v, 4) for v in bleed_box])
    page.obj.TrimBox = Array([round(v, 4) for v in trim])
    if Name.ArtBox in page.obj:
        del page.obj[Name.ArtBox]


def crop_marks(trim: Box, bleed: float) -> str:
    """Return the operators of eight crop marks, two at each corner, outside the bleed."""
    x0, y0, x1, y1 = trim
    near, far = bleed + GAP, bleed + GAP + LENGTH
    lines = []
    for x, out_x in ((x0, -1), (x1, 1)):
        for y, out_y in ((y0, -1), (y1, 1)):
            lines.append((x + out_x * near, y, x + out_x * far, y))     # along the horizontal edge
            lines.append((x, y + out_y * near, x, y + out_y * far))     # along the vertical edge
    path = " ".join(f"{_num(a)} {_num(b)} m {_num(c)} {_num(d)} l" for a, b, c, d in lines)
    return f"q /ZpRegistration CS 1 SCN {LINE} w 0 J {path} S Q\n"


def _move_annotations(page: pikepdf.Page, dx: float, dy: float) -> None:
    """Move link rectangles with the content they belong to."""
    for annot in page.obj.get(Name.Annots, Array()):
        if Name.Rect in annot and (dx or dy):
            a, b, c, d = (float(v) for v in annot.Rect)
            annot.Rect = Array([a + dx, b + dy, c + dx, d + dy])


def _num(value: float) -> str:
    """Return a compact PDF number."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
