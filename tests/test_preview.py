"""`zine preview`: PNG pictures of every sheet side, with the guides drawn, and a contact sheet."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import copy_project, zine

VARIANT = Path("build/unpacking-self-harm/en-us")


@pytest.fixture(scope="module")
def previewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The US variant previewed as a mini zine and a booklet, once for this module."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    run = zine(project, "preview", "unpacking-self-harm", "-l", "en", "-r", "us",
               "-L", "minizine", "-L", "booklet")
    assert run.exit_code == 0, run.output
    return project, run.output.splitlines()


def test_prints_the_path_of_every_picture(previewed: tuple[Path, list[str]]) -> None:
    project, lines = previewed
    booklet = [f"{VARIANT}/booklet-letter/sheet-{n}-{side}.png"
               for n in (1, 2, 3) for side in ("front", "back")]
    pictures = [line for line in lines if line.endswith(".png")]
    assert pictures == [f"{VARIANT}/minizine-letter/sheet-1-front.png",
                        f"{VARIANT}/minizine-letter-instructions/sheet-1-front.png", *booklet,
                        f"{VARIANT}/booklet-letter-instructions/sheet-1-front.png",
                        f"{VARIANT}/contact-sheet.png"]
    assert all((project / line).is_file() for line in pictures)
    assert "built 4, unchanged 0: build/" in lines


def test_sheets_are_pictured_at_paper_size(previewed: tuple[Path, list[str]]) -> None:
    project, _ = previewed
    with Image.open(project / VARIANT / "minizine-letter" / "sheet-1-front.png") as image:
        assert image.size == (1100, 850)        # letter landscape at 100 dpi


def test_minizine_picture_shows_the_cut_between_the_inner_columns_only(
        previewed: tuple[Path, list[str]]) -> None:
    project, _ = previewed
    with Image.open(project / VARIANT / "minizine-letter" / "sheet-1-front.png") as image:
        grey = image.convert("L")
        rows = range(415, 436)                  # around the horizontal centre, y = 425

        def inked(x0: int, x1: int) -> int:
            return max(sum(grey.getpixel((x, y)) < 160 for x in range(x0, x1)) for y in rows)

        assert inked(285, 815) > 150            # a dashed line from W/4 to 3W/4
        assert inked(20, 265) == 0 and inked(835, 1080) == 0


def test_contact_sheet_holds_every_side(previewed: tuple[Path, list[str]]) -> None:
    project, _ = previewed
    with Image.open(project / VARIANT / "contact-sheet.png") as sheet:
        # three labelled rows (booklet: 6 sides in one row; minizine and its instructions: 1),
        # thumbnails 260 px high
        assert sheet.height > 3 * 260 and sheet.width > 6 * 260
