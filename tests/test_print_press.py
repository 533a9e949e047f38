"""Copy-shop bleed and crop marks, booklet creep, and duplex backs, on rendered pages."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import MM, chars, page_sizes
from tests.pixels import changed, picture, px, turned

SLUG = "unpacking-self-harm"
US = ("-r", "us", "-l", "en")
VISIBLE = 200   # grey level: a hairline at 100 dpi is partly covered pixels, still plainly seen


def boxes(path: Path, page: int) -> dict[str, list[float]]:
    """Return a page's boxes in mm."""
    with pikepdf.open(path) as pdf:
        obj = pdf.pages[page].obj
        return {name: [round(float(v) / MM, 2) for v in obj[f"/{name}"]]
                for name in ("MediaBox", "BleedBox", "TrimBox")}


def darkest(image, box_mm: tuple[float, float, float, float], dpi: float) -> int:
    """Return the darkest grey in a box given in mm from the top-left."""
    return image.crop(tuple(px(v, dpi) for v in box_mm)).getextrema()[0]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, with a 40-page zine next to the seed zine."""
    project = copy_project(tmp_path_factory.mktemp("press") / "project")
    lines = ["title: forty pages", "language: en", "variants: [en-us]", "layouts:",
             "  booklet: full", "panels:"]
    for n in range(1, 41):
        lines += [f"  - id: p{n}", f"    heading: Page {n}", f"    body: The text of page {n}."]
    (project / "zines" / "forty").mkdir()
    (project / "zines" / "forty" / "zine.yaml").write_text("\n".join(lines) + "\n")
    return project


@pytest.fixture(scope="module")
def bleed(project: Path) -> Path:
    run = zine(project, "build", SLUG, *US, "-p", "a4", "-L", "booklet", "-L", "minizine",
               "--bleed", "3mm", "--no-instructions", "-o", "bleed")
    assert run.exit_code == 0, run.output
    return project / "bleed" / SLUG / "en-us"


# --- bleed -----------------------------------------------------------------------------------

def test_bleed_booklet_pages_have_trim_bleed_and_media_boxes(bleed: Path) -> None:
    path = bleed / "booklet-a4-bleed.pdf"
    assert len(page_sizes(path)) == 12                      # pages, for the shop to impose
    for page in range(12):
        b = boxes(path, page)
        x0, y0, x1, y1 = b["TrimBox"]
        assert (round(x1 - x0, 1), round(y1 - y0, 1)) == (148.5, 210.0)      # A5
        assert b["BleedBox"] == [x0 - 3, y0 - 3, x1 + 3, y1 + 3]
        # MediaBox: TrimBox + 3 mm bleed + 7 mm for the marks (1 mm gap, 5 mm mark, 1 mm).
        assert b["MediaBox"] == [x0 - 10, y0 - 10, x1 + 10, y1 + 10]


def test_crop_marks_show_at_every_trim_corner_and_never_inside(bleed: Path) -> None:
    dpi, path = 100, bleed / "booklet-a4-bleed.pdf"
    image = picture(path, 0, dpi)
    # In mm from the media's top-left: the trim runs from 10 to 158.5 across, 10 to 220 down.
    for x, out_x in ((10, -1), (158.5, 1)):
        for y, out_y in ((10, -1), (220, 1)):
            along_x = sorted((x + out_x * 4.5, x + out_x * 8.5))     # the horizontal mark
            assert darkest(image, (along_x[0], y - 0.6, along_x[1], y + 0.6), dpi) < VISIBLE
            along_y = sorted((y + out_y * 4.5, y + out_y * 8.5))     # the vertical mark
            assert darkest(image, (x - 0.6, along_y[0], x + 0.6, along_y[1]), dpi) < VISIBLE
            inside = sorted((x - out_x * 0.5, x - out_x * 6))
            inside_y = sorted((y - out_y * 0.5, y - out_y * 6))
            assert darkest(image, (inside[0], inside_y[0], inside[1], inside_y[1]), dpi) > 250


def test_imposed_sheet_with_bleed_keeps_the_sheet_as_its_trim(bleed: Path) -> None:
    b = boxes(bleed / "minizine-a4-bleed.pdf", 0)
    x0, y0, x1, y1 = b["TrimBox"]
    assert (round(x1 - x0, 1), round(y1 - y0, 1)) == (297.0, 210.0)
    assert b["BleedBox"] == [x0 - 3, y0 - 3, x1 + 3, y1 + 3]


def test_backgrounds_bleed_and_marks_stay_on_white(project: Path, tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "grey")
    with (copy / "layouts" / "booklet" / "style.css").open("a") as css:
        css.write("\n@page { background: #c0c0c0; }\n")
    run = zine(copy, "build", SLUG, *US, "-p", "a4", "-L", "booklet", "--bleed", "3mm",
               "--no-instructions")
    assert run.exit_code == 0, run.output
    dpi = 100
    image = picture(copy / "build" / SLUG / "en-us" / "booklet-a4-bleed.pdf", 0, dpi)
    grey = darkest(image, (60, 8.5, 90, 9.5), dpi)              # 1 mm outside the trim's top
    assert 180 < grey < 200
    assert darkest(image, (60, 1, 90, 6), dpi) > 250            # past the 3 mm bleed: white
    assert darkest(image, (3, 9.7, 5, 10.3), dpi) < VISIBLE     # a crop mark, on white


# --- creep -----------------------------------------------------------------------------------

def test_creep_shifts_inner_sheets_toward_the_spine(project: Path) -> None:
    for out, extra in (("flat", ()), ("creep", ("--creep", "0.1mm"))):
        run = zine(project, "build", "forty", "-p", "letter", "-o", out, *extra)
        assert run.exit_code == 0, run.output
    flat = project / "flat" / "forty" / "en-us" / "booklet-letter.pdf"
    crept = project / "creep" / "forty" / "en-us" / "booklet-letter.pdf"
    sizes = page_sizes(crept)
    assert len(sizes) == 20 and set(sizes) == {(792.0, 612.0)}     # 10 sheets, all alike
    for sheet in range(1, 11):
        left, right = _shifts(flat, crept, 2 * (sheet - 1))
        expected = round(0.1 * (sheet - 1), 3)                      # (k - 1) x caliper
        assert left == {expected} and right == {-expected}, sheet
    # The innermost sheet (10 of 10): 9 x 0.1 mm = 0.9 mm toward the spine, on both pages.


def _shifts(flat: Path, crept: Path, page: int) -> tuple[set[float], set[float]]:
    """Return how far each page's letters moved (mm, + = right), left and right of the spine."""
    body = 564.0   # below the sheet's head: only the pages' own text
    # The sheet-order marker runs along the spine fold itself, which creep does not move.
    own = lambda c: c.text.strip() and c.y < body and abs(c.x - 396) > 3 * MM  # noqa: E731
    a = [c for c in chars(flat, page) if own(c)]
    b = [c for c in chars(crept, page) if own(c)]
    assert [c.text for c in a] == [c.text for c in b] and a
    left = {round((y.x - x.x) / MM, 3) for x, y in zip(a, b) if x.x < 396}
    right = {round((y.x - x.x) / MM, 3) for x, y in zip(a, b) if x.x > 396}
    return left, right


# --- duplex ----------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["booklet", "trifold"])
def test_long_edge_turns_every_back_by_180_degrees(project: Path, layout: str) -> None:
    paths = {}
    for duplex in ("short", "long"):
        out = f"duplex-{duplex}"
        run = zine(project, "build", SLUG, *US, "-p", "letter", "-L", layout, "--duplex", duplex,
                   "--no-instructions", "-o", out)
        assert run.exit_code == 0, run.output
        paths[duplex] = project / out / SLUG / "en-us" / f"{layout}-letter.pdf"
    count = len(page_sizes(paths["short"]))
    assert count == len(page_sizes(paths["long"])) and count % 2 == 0
    for page in range(count):
        short, long = picture(paths["short"], page, 40), picture(paths["long"], page, 40)
        if page % 2 == 0:   # fronts are the same
            assert changed(short, long) == 0
        else:               # backs: long is short turned round (the flip note's words aside)
            assert changed(turned(short), long) < 20
            assert changed(short, long) > 500
