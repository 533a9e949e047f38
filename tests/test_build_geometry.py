"""Built PDFs checked on paper geometry: sizes in mm, which text lies in which panel, and turned."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import MM, Rect, angles_in, page_sizes, squash, text_in

LETTER = (792.0, 612.0)


@pytest.fixture(scope="module")
def us_letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed zine built for the US on letter paper, once for this module."""
    project = copy_project(tmp_path_factory.mktemp("geometry") / "project")
    run = zine(project, "build", "unpacking-self-harm", "-r", "us", "-l", "en", "-p", "letter")
    assert run.exit_code == 0, run.output
    return project / "build" / "unpacking-self-harm" / "en-us"


def test_minizine_letter_is_one_landscape_sheet(us_letter: Path) -> None:
    assert page_sizes(us_letter / "minizine-letter.pdf") == [LETTER]


def test_minizine_cover_is_upright_in_the_bottom_right_panel(us_letter: Path) -> None:
    bottom_right = Rect(3 * 198, 0, 792, 306)
    assert "unpacking" in text_in(us_letter / "minizine-letter.pdf", 0, bottom_right)
    assert angles_in(us_letter / "minizine-letter.pdf", 0, bottom_right) == {0}


def test_minizine_page_5_is_turned_in_the_top_left_panel(us_letter: Path) -> None:
    top_left = Rect(0, 306, 198, 612)
    text = text_in(us_letter / "minizine-letter.pdf", 0, top_left)
    assert "relief" in text.lower()      # pocket-relief is page 5 of the pocket edition
    assert angles_in(us_letter / "minizine-letter.pdf", 0, top_left) == {180}


def test_booklet_letter_sheets_in_saddle_order(us_letter: Path) -> None:
    pdf = us_letter / "booklet-letter.pdf"
    sizes = page_sizes(pdf)
    assert len(sizes) % 2 == 0 and set(sizes) == {LETTER}
    left, right = Rect(0, 0, 396, 612), Rect(396, 0, 792, 612)
    # cover on the right (its title, set large, runs over two lines)
    assert squash("unpacking self-harm") in squash(text_in(pdf, 0, right))
    assert "Set with zinepress" in text_in(pdf, 0, left)           # back cover on the left
    assert squash("Self-harm is not the same") in squash(text_in(pdf, 1, left))   # page 2


def test_reader_has_one_page_per_panel_at_half_letter(us_letter: Path) -> None:
    sizes = page_sizes(us_letter / "reader-letter.pdf")
    assert len(sizes) == 12
    assert {(round(w / MM), round(h / MM)) for w, h in sizes} == {(140, 216)}
