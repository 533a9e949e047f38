"""Applying plans to PDF pages: sizes, where each page's text lands, rotation and clipping."""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from zinepress.impose.apply import impose, overlay
from zinepress.impose.plans import Plan, Side, Slot, booklet, minizine

MM = 72 / 25.4
A4 = (297 * MM, 210 * MM)
PANEL = (74.25 * MM, 105 * MM)


def source_pdf(count: int, size: tuple[float, float] = PANEL, word: str = "P") -> pikepdf.Pdf:
    """Return a PDF whose page n shows the word Pn near its top-left corner."""
    pdf = pikepdf.Pdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for n in range(1, count + 1):
        page = pdf.add_blank_page(page_size=size)
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        text = f"BT /F1 24 Tf 10 {size[1] - 40:.2f} Td ({word}{n}) Tj ET"
        page.obj.Contents = pdf.make_stream(text.encode())
    return pdf


def words(pdf: pikepdf.Pdf, tmp_path: Path) -> list[dict[str, tuple[float, float, float, float]]]:
    """Return per page each word's box in mm, from the sheet's top-left corner (y down)."""
    path = tmp_path / "sheets.pdf"
    pdf.save(path)
    document = pdfium.PdfDocument(str(path))
    try:
        return [_page_words(document[i]) for i in range(len(document))]
    finally:
        document.close()


def _page_words(page: pdfium.PdfPage) -> dict[str, tuple[float, float, float, float]]:
    """Return the words of one page with their boxes in mm (y down), joining adjacent glyphs."""
    height = page.get_size()[1]
    textpage = page.get_textpage()
    found: dict[str, tuple[float, float, float, float]] = {}
    word, boxes = "", []
    for i in range(textpage.count_chars() + 1):
        char = textpage.get_text_range(i, 1) if i < textpage.count_chars() else " "
        if char.strip():
            word += char
            boxes.append(textpage.get_charbox(i))
            continue
        if word:
            left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
            right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
            found[word] = (left / MM, (height - top) / MM, right / MM, (height - bottom) / MM)
        word, boxes = "", []
    return found


def inside(box: tuple[float, ...], left: float, top: float, right: float, bottom: float) -> bool:
    """Tell whether a word box (mm, y down) lies within a rectangle."""
    x0, y0, x1, y1 = box
    return left <= x0 and x1 <= right and top <= y0 and y1 <= bottom


def num(value: float) -> str:
    """Return a number as the content stream writes it (4 decimals, no trailing zeros)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def mediabox_mm(page: pikepdf.Page) -> list[float]:
    """Return a page's MediaBox in mm, rounded."""
    return [round(float(v) / MM, 2) for v in page.mediabox]


def test_minizine_sheet_size_and_panels(tmp_path: Path) -> None:
    sheets = impose(source_pdf(8), minizine(*A4))
    assert len(sheets.pages) == 1
    assert mediabox_mm(sheets.pages[0]) == [0, 0, 297, 210]
    found = words(sheets, tmp_path)[0]
    assert sorted(found) == [f"P{n}" for n in range(1, 9)]
    # Page 1: bottom-right panel, upright: its word near the panel's top-left corner.
    assert inside(found["P1"], 222.75, 105, 222.75 + 37, 105 + 52)
    # Page 5: top-left panel, turned 180°: its word near the panel's bottom-right corner.
    assert inside(found["P5"], 37, 52, 74.25, 105)
    assert inside(found["P2"], 222.75 + 37, 52, 297, 105)


def test_turned_panel_matrix_and_clip() -> None:
    sheets = impose(source_pdf(8), minizine(*A4))
    content = sheets.pages[0].obj.Contents.read_bytes().decode()
    w, h = A4[0] / 4, A4[1] / 2
    # Top-left slot, turned: clipped to its rectangle, x' = -x + 2·centre.
    turned = f"q 0 {num(h)} {num(w)} {num(h)} re W n -1 0 0 -1 {num(w)} {num(2 * h)} cm /Fx5 Do Q"
    upright = f"q {num(3 * w)} 0 {num(w)} {num(h)} re W n 1 0 0 1 {num(3 * w)} 0 cm /Fx1 Do Q"
    assert turned in content and upright in content
    assert content.count(" re W n ") == 8


def test_booklet_sides_blanks_and_reuse() -> None:
    source = source_pdf(6, (148.5 * MM, 210 * MM))
    sheets = impose(source, booklet(6, *A4))
    assert len(sheets.pages) == 4
    assert all(mediabox_mm(p) == [0, 0, 297, 210] for p in sheets.pages)
    drawn = [re.findall(r"/Fx(\d+) Do", p.obj.Contents.read_bytes().decode()) for p in sheets.pages]
    assert drawn == [["6", "1"], ["2"], ["3"], ["4", "5"]]  # blanks at positions 6 and 7


def test_each_source_page_is_converted_once() -> None:
    w, h = PANEL
    plan = Plan(w, h, tuple(Side(k, "front", (Slot(1, 0, 0, w, h),)) for k in (1, 2)))
    sheets = impose(source_pdf(1), plan)
    first, second = (p.obj.Resources.XObject.Fx1 for p in sheets.pages)
    assert first.objgen == second.objgen


def test_long_edge_backs_are_turned(tmp_path: Path) -> None:
    source = source_pdf(4, (148.5 * MM, 210 * MM))
    found = words(impose(source, booklet(4, *A4, duplex="long")), tmp_path)
    # Outside upright: P4 left, P1 right, each word near its half's top-left corner.
    assert inside(found[0]["P4"], 0, 0, 74, 105) and inside(found[0]["P1"], 148.5, 0, 223, 105)
    # Inside turned: P2 (left page) now in the right half, word near the bottom-right corner.
    assert inside(found[1]["P2"], 223, 105, 297, 210)
    assert inside(found[1]["P3"], 74, 105, 148.5, 210)


def test_creep_shift_moves_content_not_clip() -> None:
    w, h = PANEL
    plan = Plan(2 * w, h, (Side(1, "front", (Slot(1, 0, 0, w, h, rotation=180, shift=-2),)),))
    sheets = impose(source_pdf(1), plan)
    content = sheets.pages[0].obj.Contents.read_bytes().decode()
    assert content == f"q 0 0 {num(w)} {num(h)} re W n -1 0 0 -1 {num(w - 2)} {num(h)} cm /Fx1 Do Q"


def test_oversized_page_is_scaled_to_fit() -> None:
    w, h = PANEL
    plan = Plan(w, h, (Side(1, "front", (Slot(1, 0, 0, w, h),)),))
    sheets = impose(source_pdf(1, (2 * w, 2 * h)), plan)
    content = sheets.pages[0].obj.Contents.read_bytes()
    assert b" re W n 0.5 0 0 0.5 0 0 cm " in content


def test_missing_page_is_refused() -> None:
    message = "sheet 1 front wants page 8, but the document has 7 pages"
    with pytest.raises(ValueError, match=message):
        impose(source_pdf(7), minizine(*A4))


def test_overlay_draws_marks_on_top(tmp_path: Path) -> None:
    sheets = impose(source_pdf(8), minizine(*A4))
    overlay(sheets, source_pdf(1, A4, word="M"))
    found = words(sheets, tmp_path)[0]
    assert inside(found["M1"], 0, 0, 30, 20)  # the mark, at the sheet's corner
    assert len(found) == 9


def test_overlay_refuses_mismatches() -> None:
    sheets = impose(source_pdf(8), minizine(*A4))
    with pytest.raises(ValueError, match="2 pages of marks for 1 sheet sides"):
        overlay(sheets, source_pdf(2, A4))
    with pytest.raises(ValueError, match=r"marks page 1 is 595\.28 × 841\.89 pt"):
        overlay(sheets, source_pdf(1, (A4[1], A4[0])))
