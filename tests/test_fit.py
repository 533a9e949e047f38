"""The fit stage, on real renders: a panel that runs over is shrunk (and says so) or fails clearly."""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import Rect, all_text, squash, text_in

YAML = Path("zines/unpacking-self-harm/zine.yaml")
BUILD = Path("build/unpacking-self-harm/en-us")
MINIZINE = ("build", "unpacking-self-harm", "-l", "en", "-r", "us", "-L", "minizine", "-p",
            "letter")
JUST_FITS = 138          # words of the pocket-needs panel that just fit its mini zine page
# Mini zine on letter: 4 x 2 panels of 198 x 306 pt; page 3 is the top row's third column.
PAGE_3, PAGE_4 = Rect(396, 306, 594, 612), Rect(198, 306, 396, 612)
FOLIO_LEFT, FOLIO_RIGHT = Rect(0, 0, 396, 50), Rect(396, 0, 792, 50)


def with_body(project: Path, panel_id: str, words: int) -> str:
    """Give a panel a body of `words` words, its own sentences repeated; return the body."""
    path = project / YAML
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"  - id: {panel_id}\n(?:    .*\n)*?    body: \|\n((?:      .*\n)+)", text)
    body = " ".join((match.group(1).split() * 10)[:words])
    path.write_text(text.replace(match.group(1), f"      {body}\n"), encoding="utf-8")
    return body


def line_of(project: Path, panel_id: str) -> int:
    """Return the line of zine.yaml on which a panel starts."""
    lines = (project / YAML).read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - id: {panel_id}") + 1


def sizes(pdf_path: Path, rect: Rect) -> collections.Counter:
    """Return how many characters inside the rectangle have each font size, in pt."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0].get_textpage()
        found = collections.Counter()
        for i in range(page.count_chars()):
            left, bottom, right, top = page.get_charbox(i)
            if rect.contains((left + right) / 2, (bottom + top) / 2) and page.get_text_range(i, 1).strip():
                # WeasyPrint draws in CSS px under a 0.75 scale; pdfium gives the size before it.
                found[round(raw.FPDFText_GetFontSize(page, i) * 0.75, 1)] += 1
        return found
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def just_fits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("fits") / "p")
    with_body(project, "pocket-needs", JUST_FITS)
    run = zine(project, *MINIZINE)
    assert run.exit_code == 0, run.output
    return project, run.output


@pytest.fixture(scope="module")
def longer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The same panel 30 % longer, and the booklet's 'needs' panel long enough to run over."""
    project = copy_project(tmp_path_factory.mktemp("longer") / "p")
    body = with_body(project, "pocket-needs", round(JUST_FITS * 1.3))
    with_body(project, "needs", 416)
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "us", "-L", "minizine",
               "-L", "booklet", "-p", "letter")
    assert run.exit_code == 0, run.output
    return project, run.output, body


def test_a_panel_that_just_fits_keeps_the_layout_size(just_fits: tuple[Path, str]) -> None:
    project, output = just_fits
    assert "to fit its page" not in output
    assert sizes(project / BUILD / "minizine-letter.pdf", PAGE_3).most_common(1)[0][0] == 8.5


def test_a_panel_30_percent_longer_is_set_smaller_with_a_warning(longer: tuple[Path, str, str]) -> None:
    project, output, _ = longer
    assert (f"{YAML}:{line_of(project, 'pocket-needs')}: warning: panel 'pocket-needs' set at 7.8 pt on 1.20 line spacing "
            "instead of 8.5 pt on 1.30 line spacing to fit its page (language en, region us, "
            "layout minizine on letter)") in output.splitlines()
    pdf = project / BUILD / "minizine-letter.pdf"
    assert sizes(pdf, PAGE_3).most_common(1)[0][0] == 7.8
    # Only that panel shrinks; its neighbour grows, within the mini zine's max_size_ratio (1.4).
    assert 8.5 < sizes(pdf, PAGE_4).most_common(1)[0][0] <= round(7.8 * 1.4, 1)


def test_the_shrunk_panel_keeps_all_its_words(longer: tuple[Path, str, str]) -> None:
    project, _, body = longer
    assert squash(body) in squash(text_in(project / BUILD / "minizine-letter.pdf", 0, PAGE_3))


def test_a_booklet_panel_tightens_spacing_then_shrinks(longer: tuple[Path, str, str]) -> None:
    project, output, _ = longer
    assert (f"{YAML}:{line_of(project, 'needs')}: warning: panel 'needs' set at 9.6 pt on 1.30 line spacing instead of "
            "10.0 pt on 1.42 line spacing to fit its page (language en, region us, layout "
            "booklet on letter)") in output.splitlines()


def test_booklet_pages_keep_their_numbers_after_a_panel_is_refitted(longer: tuple[Path, str, str]) -> None:
    project, _, _ = longer
    pdf = project / BUILD / "booklet-letter.pdf"
    # 12 pages on 3 sheets: [12|1] [2|11] / [10|3] [4|9] / [8|5] [6|7]; neither cover has a
    # number (issue 15: the back cover was numbered, the front one not).
    folios = [(text_in(pdf, side, FOLIO_LEFT).strip(), text_in(pdf, side, FOLIO_RIGHT).strip())
              for side in range(6)]
    assert [(left[-2:].strip(), right[-2:].strip()) for left, right in folios] == [
        ("", ""), ("2", "11"), ("10", "3"), ("4", "9"), ("8", "5"), ("6", "7")]


def test_a_panel_three_times_too_long_fails_with_what_to_cut(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    with_body(project, "pocket-needs", 3 * JUST_FITS)
    run = zine(project, *MINIZINE)
    assert run.exit_code == 1
    assert run.output.splitlines() == [
        f"{YAML}:{line_of(project, 'pocket-needs')}: panel 'pocket-needs' does not fit its page (language en, region us, layout "
        "minizine on letter) even at the smallest legible size, 7.5 pt on 1.20 line spacing: it "
        "is about 30 line(s) (218 word(s)) too long; the last sentence that fits is \"It can "
        "alter our relationships with others and how they understand our experiences.\". "
        "Shorten the panel or split it into two",
        "1 error(s), 0 warning(s)"]
    assert not (project / "build").exists()


def test_crisis_lines_are_not_left_out_when_the_panel_has_room(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "us", "-L", "booklet")
    assert run.exit_code == 0, run.output
    assert "More lines" not in all_text(project / BUILD / "booklet-letter.pdf")


def test_notes_pages_keep_the_lines_that_fit(empty_project: Path) -> None:
    assert zine(empty_project, "new", "starter").exit_code == 0
    run = zine(empty_project, "build", "starter", "-L", "booklet")
    assert run.exit_code == 0, run.output
    assert "Notes" in all_text(empty_project / "build/starter/en-intl/booklet-a4.pdf")


def test_a_layout_that_cannot_apply_sizes_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    with_body(project, "pocket-needs", round(JUST_FITS * 1.3))
    template = project / "layouts/_shared/document.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('{% if panel.fit_style %} style="{{ panel.fit_style }}"'
                                     '{% endif %}', ""), encoding="utf-8")
    run = zine(project, *MINIZINE)
    assert run.exit_code == 1
    assert run.output.splitlines()[0] == (
        "layouts/minizine/pages.html: panel 'pocket-needs' does not fit its page (language en, "
        "region us, layout minizine on letter), and this layout cannot make it smaller: its "
        "template must put style=\"{{ panel.fit_style }}\" on the panel's <section> (see "
        "layouts/_shared/document.html)")
