"""Every shipped output, read back from its PDF: addresses whole, no print under 6 pt, no ink
within 5 mm of a sheet's edge (issue 15). One build of the real project serves every test."""
from __future__ import annotations

import ctypes
import math
import re
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.conftest import ROOT, copy_project, zine
from zinepress.build import build
from zinepress.errors import Report
from zinepress.jobs import Options
from zinepress.load.region import project_regions

SLUG = "unpacking-self-harm"
EDGE_MM = 5.0
DPI = 150         # a pixel is 0.17 mm: the band checked reaches 4.91 mm
SMALLEST_PT = 6.0


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Build what `./dev build` builds, plus tiles and a back poster; return every PDF."""
    root = copy_project(tmp_path_factory.mktemp("shipped"))
    runs = [Options(out=root / "build"),
            Options(regions=("gb",), layouts=("poster",), paper="a3", tile="a4",
                    out=root / "tiles"),
            Options(regions=("us",), layouts=("minizine",), back_poster=True,
                    out=root / "back")]
    for options in runs:
        outputs, report = build(root, options)
        assert not report.errors, report.errors
    pdfs = sorted(root.glob("*/**/*.pdf"))
    assert any(p.name.endswith("-tiles-a4.pdf") for p in pdfs)
    return pdfs


def hosts() -> set[str]:
    """Return the host of every web address the regions can print, and findahelpline.com."""
    found = {"findahelpline.com"}
    for path in (ROOT / "regions").glob("*.yaml"):
        found |= set(re.findall(r'url:\s*"?https?://([^/"\s]+)', path.read_text("utf-8")))
    return found


def lines(page: pdfium.PdfPage) -> list[str]:
    text = page.get_textpage()
    try:
        return [line.strip() for line in text.get_text_range().splitlines() if line.strip()]
    finally:
        text.close()


def broken(text_lines: list[str], host: str) -> list[str]:
    """Return each pair of lines that splits the host between them (with a hyphen or not)."""
    found = []
    for a, b in zip(text_lines, text_lines[1:]):
        if host in a or host in b:
            continue
        if host in a + b or host in a.rstrip("-‐") + b:
            found.append(f"{a!r} / {b!r}")
    return found


def test_every_address_prints_whole(shipped: list[Path]) -> None:
    problems, seen = [], set()
    for path in shipped:
        pdf = pdfium.PdfDocument(str(path))
        for number, page in enumerate(pdf, start=1):
            text_lines = lines(page)
            for host in hosts():
                if any(host in line for line in text_lines):
                    seen.add(host)
                problems += [f"{path.name} p{number}: {host}: {pair}"
                             for pair in broken(text_lines, host)]
        pdf.close()
    assert not problems, "\n".join(problems[:20])
    assert {"988lifeline.org", "findahelpline.com"} <= seen


def test_broken_finds_a_hyphenated_host() -> None:
    assert broken(["Chat at 988life-", "line.org · open"], "988lifeline.org")
    assert broken(["findahelpline.co", "m"], "findahelpline.com")
    assert not broken(["Chat at 988lifeline.org", "open 24/7"], "988lifeline.org")


def smallest_chars(page: pdfium.PdfPage) -> list[tuple[float, str]]:
    """Return (size in pt, character) for each printed character under SMALLEST_PT."""
    text = page.get_textpage()
    small = []
    try:
        for i in range(text.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
            if char.isspace() or not char.isprintable():
                continue
            # The font size is in text space; the character's matrix scales it onto the page
            # (WeasyPrint sets text in px under a 0.75 matrix; imposition may turn it).
            matrix = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            size = pdfium_c.FPDFText_GetFontSize(text.raw, i) * scale
            if size < SMALLEST_PT - 0.05:
                small.append((round(size, 2), char))
    finally:
        text.close()
    return small


def every_page(paths: list[Path], check: Callable[[pdfium.PdfPage], str | None]) -> list[str]:
    """Return what `check` finds on each page of these PDFs, named by file and page."""
    problems = []
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for number, page in enumerate(pdf, start=1):
            found = check(page)
            if found:
                problems.append(f"{path.relative_to(path.parents[2])} p{number}: {found}")
        pdf.close()
    return problems


def test_no_character_is_under_6_pt(shipped: list[Path]) -> None:
    def small(page: pdfium.PdfPage) -> str | None:
        found = smallest_chars(page)
        text = "".join(c for _, c in found)[:40]
        return f"{min(s for s, _ in found)} pt: {text!r}" if found else None
    problems = every_page(shipped, small)
    assert not problems, "\n".join(problems)


def ink_near_edge(page: pdfium.PdfPage) -> list[str]:
    """Return which edges have ink in the pixels that lie wholly within EDGE_MM of them."""
    image = page.render(scale=DPI / 72, may_draw_forms=False).to_pil().convert("L")
    band = int(EDGE_MM / 25.4 * DPI)             # whole pixels inside the band
    width, height = image.size
    boxes = {"left": (0, 0, band, height), "right": (width - band, 0, width, height),
             "top": (0, 0, width, band), "bottom": (0, height - band, width, height)}
    return [edge for edge, box in boxes.items() if image.crop(box).getextrema()[0] < 245]


def test_no_ink_within_5_mm_of_any_sheet_edge(shipped: list[Path]) -> None:
    def ink(page: pdfium.PdfPage) -> str | None:
        edges = ink_near_edge(page)
        return str(edges) if edges else None
    problems = every_page(shipped, ink)
    assert not problems, "\n".join(problems)


def test_the_build_says_what_to_print(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    run = zine(project, "build", SLUG, "-r", "gb")
    assert run.exit_code == 0, run.output
    assert run.output.splitlines()[-11:] == [
        f"Print at 100 % (actual size), from build/{SLUG}/en-gb/:",
        "  booklet-a4.pdf                3 sheets of A4 landscape, two-sided, flip on the short edge",
        "  booklet-a4-instructions.pdf   1 sheet of A4, one-sided: how to print, fold and staple",
        "  cards-a4.pdf                  1 sheet of A4, two-sided, flip on the short edge",
        "  cards-a4-instructions.pdf     1 sheet of A4, one-sided: how to print and cut",
        "  minizine-a4.pdf               1 sheet of A4 landscape, one-sided",
        "  minizine-a4-instructions.pdf  1 sheet of A4, one-sided: how to print, fold and cut",
        "  poster-a4.pdf                 1 sheet of A4, one-sided",
        "  trifold-a4.pdf                1 sheet of A4 landscape, two-sided, flip on the short edge",
        "  trifold-a4-instructions.pdf   1 sheet of A4, one-sided: how to print and fold",
        "built 10, unchanged 0: build/",
    ]


def qr_sizes(page: pdfium.PdfPage) -> list[float]:
    """Return the side (mm) of every square path on the page: the QR codes' dark modules."""
    sizes = []
    for obj in page.get_objects(max_depth=5):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            width, height = (right - left) / 72 * 25.4, (top - bottom) / 72 * 25.4
            if abs(width - height) < 0.5 and width > 8:
                sizes.append(width)
    return sizes


ITALIC = 0x40      # the PDF font descriptor's Italic flag (PDF 32000-1, table 123)


def line_starts(page: pdfium.PdfPage) -> tuple[list[tuple[str, float]], str]:
    """Return the first letter of each upright line with its size (pt), and the page's text."""
    text = page.get_textpage()
    try:
        starts, at_start = [], True
        for i in range(text.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
            if char in "\r\n":
                at_start = True
            elif at_start and char.isalnum():
                matrix = pdfium_c.FS_MATRIX()
                pdfium_c.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                flags = ctypes.c_int()
                pdfium_c.FPDFText_GetFontInfo(text.raw, i, None, 0, ctypes.byref(flags))
                if not flags.value & ITALIC:    # a service's note: fine print, not a line
                    starts.append((char, pdfium_c.FPDFText_GetFontSize(text.raw, i) * scale))
                at_start = False
        return starts, text.get_text_range()
    finally:
        text.close()


def test_posters_carry_qr_codes_of_30_mm_or_more(shipped: list[Path]) -> None:
    posters = [p for p in shipped if re.fullmatch(r"poster-[a-z0-9]+\.pdf", p.name)]
    assert posters
    for path in posters:
        pdf = pdfium.PdfDocument(str(path))
        sizes = qr_sizes(pdf[0])
        pdf.close()
        assert all(size >= 30 for size in sizes), (path, sizes)


REGIONS = project_regions(ROOT, Report())


def test_wallet_cards_front_lines_at_7_pt_back_emergency_date_and_qr(shipped: list[Path]) -> None:
    cards = [p for p in shipped if re.fullmatch(r"cards-[a-z0-9]+\.pdf", p.name)]
    assert len(cards) >= 8
    for path in cards:
        pdf = pdfium.PdfDocument(str(path))
        front, _ = line_starts(pdf[0])
        _, text = line_starts(pdf[1])
        backs_qr = qr_sizes(pdf[1])
        pdf.close()
        # Every line that starts a contact, a service or the heading (capitalised; a wrapped
        # detail goes on in lower case) is 7 pt or more.
        small = [(c, round(size, 2)) for c, size in front if c.isupper() and size < 7]
        assert front and not small, (path, small[:5])
        region = REGIONS[path.parent.name.split("-", 1)[1]]
        if region.emergency is not None:        # intl has none; Lebanon's is not confirmed yet
            assert region.emergency.dial.text in text, path
            assert re.search(r"(emergency|emergencia|طوارئ)", text, re.IGNORECASE), path
        assert re.search(r"(checked|verificados|تم التحقق)", text, re.IGNORECASE), path
        assert backs_qr and min(backs_qr) >= 14, (path, backs_qr)
