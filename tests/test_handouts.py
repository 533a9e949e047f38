"""Regional handouts as printed: the crisis panel, wallet cards, the back poster, region papers."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import (MM, Rect, all_text, angles_in, chars, form_offsets, link_uris, page_sizes,
                        squash, text_in, thin_lines)
from tests.test_regions import STALE, set_checked
from zinepress.errors import Report
from zinepress.jobs import Options, select_jobs
from zinepress.model import Variant
from zinepress.project import load_project

LETTER = (792.0, 612.0)
A4_LANDSCAPE, A4_PORTRAIT = (297 * MM, 210 * MM), (210 * MM, 297 * MM)
SLUG = "unpacking-self-harm"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed zine for en-us and en-gb: mini zine, reader and wallet cards, plus a poster."""
    project = copy_project(tmp_path_factory.mktemp("handouts") / "project")
    run = zine(project, "build", SLUG, "-l", "en", "-r", "us", "-r", "gb",
               "-L", "minizine", "-L", "reader", "-L", "cards")
    assert run.exit_code == 0, run.output
    run = zine(project, "build", SLUG, "-l", "en", "-r", "us", "-L", "minizine",
               "--back-poster", "-o", "poster")
    assert run.exit_code == 0, run.output
    return project


def out(project: Path, variant: str, name: str, folder: str = "build") -> Path:
    return project / folder / SLUG / variant / name


def crisis_panel(width: float, height: float) -> Rect:
    """Return the mini zine's panel 7 (the crisis lines): bottom row, second column."""
    return Rect(width / 4, 0, width / 2, height / 2)


# --- the crisis-lines panel --------------------------------------------------------------------

def test_en_gb_minizine_carries_samaritans_and_the_checked_date(built: Path) -> None:
    pdf = out(built, "en-gb", "minizine-a4.pdf")
    assert [(round(w / MM), round(h / MM)) for w, h in page_sizes(pdf)] == [(297, 210)]
    panel = squash(text_in(pdf, 0, crisis_panel(*A4_LANDSCAPE)))
    assert squash("Call 116 123") in panel and squash("In an emergency, call 999.") in panel
    assert squash("Numbers checked on 23 November 2026.") in panel
    assert squash("0808 164 0123") not in squash(all_text(pdf))   # the unconfirmed Welsh line


def test_en_us_minizine_is_letter_and_says_when_numbers_were_checked(built: Path) -> None:
    pdf = out(built, "en-us", "minizine-letter.pdf")
    assert page_sizes(pdf) == [LETTER]
    panel = squash(text_in(pdf, 0, crisis_panel(*LETTER)))
    assert squash("Numbers checked on November 23, 2026.") in panel
    assert squash("741741") not in squash(all_text(pdf))          # Crisis Text Line: unconfirmed


def test_reader_prints_menu_options_and_dialable_links_only(built: Path) -> None:
    reader = out(built, "en-us", "reader-letter.pdf")
    text = squash(all_text(reader))
    assert squash("Veterans Crisis Line · crisis support, for veterans") in text
    assert squash("Call 988, then press 1") in text and squash("Call 988, then press 2") in text
    links = link_uris(reader)
    assert {"tel:988", "sms:988", "sms:838255", "tel:18002738255",
            "https://988lifeline.org", "https://veteranscrisisline.net/Chat"} <= set(links)
    assert not [u for u in links if u.startswith("tel:+")]       # never a made-up international form
    for print_edition in ("minizine-letter.pdf", "cards-letter.pdf"):
        assert link_uris(out(built, "en-us", print_edition)) == []


def qr_squares(pdf: Path, page: int) -> list:
    """Return the square paths of a QR code's size: 25 of the 29 modules its 14 mm box holds."""
    return [line for line in thin_lines(pdf, page, thickness=20 * MM, min_length=11 * MM)
            if abs((line.right - line.left) - (line.top - line.bottom)) < 0.1
            and 11.5 * MM < line.right - line.left < 12.6 * MM]


def test_qr_codes_are_vector(built: Path) -> None:
    pdf = out(built, "en-us", "minizine-letter.pdf")
    assert qr_squares(pdf, 0), "no square path of a QR code's size on the sheet"
    # The reader edition has live links instead (an untagged SVG figure breaks PDF/UA).
    reader = out(built, "en-us", "reader-letter.pdf")
    assert "If you want to talk to someone" in text_in(reader, 9, Rect(0, 0, 396, 612))
    assert qr_squares(reader, 9) == []
    import pikepdf

    with pikepdf.open(pdf) as doc:
        images = [k for page in doc.pages for form in page.Resources.get("/XObject", {}).values()
                  for k, v in form.get("/Resources", {}).get("/XObject", {}).items()
                  if v.get("/Subtype") == "/Image"]
    assert images == []


# --- wallet cards ------------------------------------------------------------------------------

CARDS = [("en-us", "cards-letter.pdf", LETTER, (3, 3), "vertical"),
         ("en-gb", "cards-a4.pdf", A4_PORTRAIT, (2, 5), "horizontal")]


def cut_lines(pdf: Path) -> tuple[list[float], list[float]]:
    """Return the x of every vertical cut and the y of every horizontal cut the marks show."""
    marks = thin_lines(pdf, 0, thickness=0.5, min_length=3 * MM)
    xs = sorted({round((m.left + m.right) / 2, 2) for m in marks if m.vertical})
    ys = sorted({round((m.bottom + m.top) / 2, 2) for m in marks if not m.vertical})
    return xs, ys


@pytest.mark.parametrize("variant, name, sheet, grid, axis", CARDS)
def test_cards_are_exactly_credit_card_size_with_marks_at_every_corner(
        built: Path, variant: str, name: str, sheet, grid, axis: str) -> None:
    pdf = out(built, variant, name)
    assert [(round(w, 1), round(h, 1)) for w, h in page_sizes(pdf)] == \
        [(round(sheet[0], 1), round(sheet[1], 1))] * 2
    xs, ys = cut_lines(pdf)
    assert (len(xs) - 1, len(ys) - 1) == grid
    assert {round((b - a) / MM, 2) for a, b in zip(xs, xs[1:])} == {85.6}
    assert {round((b - a) / MM, 2) for a, b in zip(ys, ys[1:])} == {54.0}
    marks = thin_lines(pdf, 0, thickness=0.5, min_length=3 * MM)
    for x in xs:   # every vertical cut is marked above and below the cards, outside them
        ends = [m for m in marks if m.vertical and abs((m.left + m.right) / 2 - x) < 0.1]
        assert min(m.bottom for m in ends) < ys[0] - 1 * MM and max(m.top for m in ends) > ys[-1]
        assert all(m.top <= ys[0] or m.bottom >= ys[-1] for m in ends)
    for y in ys:
        ends = [m for m in marks if not m.vertical and abs((m.bottom + m.top) / 2 - y) < 0.1]
        assert min(m.left for m in ends) < xs[0] - 1 * MM and max(m.right for m in ends) > xs[-1]
    inside = Rect(5 * MM, 5 * MM, sheet[0] - 5 * MM, sheet[1] - 5 * MM)
    assert all(inside.contains(m.left, m.bottom) and inside.contains(m.right, m.top) for m in marks)
    # Every card is drawn at full size: only translations, no scaling.
    cards = [m for m in form_offsets(pdf, 0) if abs(m[4]) + abs(m[5]) > 0.01]  # not the marks
    assert len(cards) == grid[0] * grid[1] and {m[:4] for m in cards} == {(1, 0, 0, 1)}


def card_cell(x: float, y: float, xs: list[float], ys: list[float]) -> tuple[int, int]:
    column = next(i for i in range(len(xs) - 1) if xs[i] <= x <= xs[i + 1])
    row = next(i for i in range(len(ys) - 1) if ys[i] <= y <= ys[i + 1])
    return column, row


def starts(pdf: Path, page: int, word: str) -> list:
    """Return the first character of every occurrence of word on the page."""
    found = chars(pdf, page)
    text = "".join(c.text for c in found)
    return [found[i] for i in range(len(text)) if text.startswith(word, i)]


@pytest.mark.parametrize("variant, name, sheet, grid, axis", CARDS)
def test_each_cards_back_lies_behind_its_front(built: Path, variant: str, name: str, sheet,
                                               grid, axis: str) -> None:
    """Turn the sheet as its instruction sheet says: each back lies behind a front, upright."""
    pdf = out(built, variant, name)
    xs, ys = cut_lines(pdf)
    edge = "short" if (axis == "vertical") == (sheet[0] > sheet[1]) else "long"
    assert f"flip on the {edge} edge" in all_text(out(built, variant, name.replace(".pdf", "-instructions.pdf")))
    assert "flip on" not in all_text(pdf)          # no printer's note on the cards' sheet
    fronts = {card_cell(c.x, c.y, xs, ys) for c in starts(pdf, 0, "If you want")}
    backs = starts(pdf, 1, "In an emergency")
    seen = set()
    for c in backs:   # where the back is, seen from the front through the sheet
        column, row = card_cell(c.x, c.y, xs, ys)
        if axis == "vertical":
            seen.add((grid[0] - 1 - column, row))
        else:
            seen.add((column, grid[1] - 1 - row))
    assert fronts == seen and len(fronts) == grid[0] * grid[1]
    assert {c.angle for c in chars(pdf, 1) if c.text.strip()} == \
        ({0} if axis == "vertical" else {180})


# --- the mini zine's back poster ---------------------------------------------------------------

def test_back_poster_is_a_second_side_that_reads_upright(built: Path) -> None:
    """A printer set to the edge the instruction sheet names prints side 2 so that it reads
    upright when the sheet is turned over that edge; so side 2 itself must be upright (angle 0)."""
    pdf = out(built, "en-us", "minizine-letter.pdf", folder="poster")
    assert page_sizes(pdf) == [LETTER, LETTER]
    assert "flip on the short edge" in all_text(
        out(built, "en-us", "minizine-letter-instructions.pdf", folder="poster"))
    assert "flip on" not in all_text(pdf)          # no printer's note on the zine's pages
    poster = squash(text_in(pdf, 1, Rect(0, 0, *LETTER)))
    assert squash("If you want to talk to someone") in poster
    assert squash("Call 988, then press 1") in poster and squash("In an emergency, call 911.") in poster
    assert squash("Numbers checked on November 23, 2026.") in poster
    assert angles_in(pdf, 1, Rect(0, 0, *LETTER)) == {0}
    assert angles_in(pdf, 0, crisis_panel(*LETTER)) == {0}      # the zine itself is unchanged
    assert page_sizes(out(built, "en-us", "minizine-letter.pdf")) == [LETTER]


def test_back_poster_from_zine_yaml_and_long_edge(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "zines" / SLUG / "zine.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\ncredits: ", "\nback_poster: true\ncredits: "),
        encoding="utf-8")
    run = zine(project, "build", SLUG, "-l", "en", "-r", "gb", "-L", "minizine",
               "--duplex", "long")
    assert run.exit_code == 0, run.output
    pdf = out(project, "en-gb", "minizine-a4.pdf")
    assert len(page_sizes(pdf)) == 2
    assert "flip on the long edge" in all_text(out(project, "en-gb", "minizine-a4-instructions.pdf"))
    assert angles_in(pdf, 1, Rect(0, 0, *A4_LANDSCAPE)) == {0}
    run = zine(project, "build", SLUG, "-l", "en", "-r", "gb", "-L", "minizine",
               "--no-back-poster")
    assert run.exit_code == 0, run.output
    assert len(page_sizes(pdf)) == 1


# --- staleness in a print build ----------------------------------------------------------------

def test_a_stale_service_stops_the_print_build_and_draft_marks_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = set_checked(project, "gb", "gb-samaritans", STALE)
    run = zine(project, "build", SLUG, "-l", "en", "-r", "gb", "-L", "minizine")
    assert run.exit_code == 1
    assert (f"regions/gb.yaml:{line}: service 'gb-samaritans' was checked on {STALE}, more than "
            "365 days ago: check it against https://samaritans.org/branches/coventry/"
            "coventry-branch-news/coventry-samaritans-will-be-open-usual-over-christmas and "
            "update 'checked', or build with --draft") in run.output.splitlines()
    assert not (project / "build" / SLUG).exists()                # nothing written
    run = zine(project, "build", SLUG, "-l", "en", "-r", "gb", "-L", "minizine", "--draft")
    assert run.exit_code == 0, run.output
    pdf = out(project, "en-gb", "minizine-a4.pdf")
    panel = squash(text_in(pdf, 0, crisis_panel(*A4_LANDSCAPE)))
    stamp = dt.date(STALE.year, STALE.month, STALE.day).strftime("%-d %B %Y")
    assert squash("Call 116 123") in panel and squash(f"DRAFT: checked on {stamp}") in panel
    assert "DRAFT: not for distribution" in all_text(pdf)


# --- Mexico and region papers ------------------------------------------------------------------

@pytest.mark.parametrize("variant, name, size, number, checked", [
    ("es-mx", "minizine-letter.pdf", LETTER, "Llama al 800-911-2000", "23 de noviembre de 2026"),
    ("es-es", "minizine-a4.pdf", A4_LANDSCAPE, "Llama al 024", "23 de noviembre de 2026"),
    ("ar-lb", "minizine-a4.pdf", A4_LANDSCAPE, "\u0661\u0665\u0666\u0664", "2026"),
])
def test_print_builds_carry_the_regions_line_and_when_it_was_checked(
        tmp_path: Path, variant: str, name: str, size: tuple[float, float], number: str,
        checked: str) -> None:
    project = copy_project(tmp_path / "project")
    lang, region = variant.split("-", 1)
    run = zine(project, "build", SLUG, "-l", lang, "-r", region, "-L", "minizine")
    assert run.exit_code == 0, run.output
    pdf = out(project, variant, name)
    assert [tuple(map(round, s)) for s in page_sizes(pdf)] == [tuple(map(round, size))]
    text = squash(all_text(pdf))
    assert squash(number) in text and squash(checked) in text
    assert "DRAFT" not in all_text(pdf) and "BORRADOR" not in all_text(pdf)


def test_a_region_with_no_printable_helpline_stops_the_cards(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "regions" / "mx.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("services:")] + "services: []\n", encoding="utf-8")
    run = zine(project, "build", SLUG, "-l", "es", "-r", "mx", "-L", "cards")
    assert run.exit_code == 1
    assert ("regions/mx.yaml: region 'mx' has no helpline a print build can print: it lists no "
            "helpline; build with --draft to print it marked DRAFT, or confirm a line "
            "(regions/README.md: verification) and record the day you read its source"
            ) in run.output.splitlines()
    assert not (project / "build" / SLUG).exists()                # nothing written
    run = zine(project, "build", SLUG, "-l", "es", "-r", "mx", "-L", "cards", "--draft")
    assert run.exit_code == 0, run.output
    assert "regions/mx.yaml: warning: region 'mx' prints no helpline: it lists no helpline" \
        in run.output


def test_papers_follow_the_regions(built: Path) -> None:
    report = Report()
    project = load_project(built, report)
    wanted = {"us": "letter", "ca": "letter", "mx": "letter", "co-dc": "letter", "ph": "letter",
              "cl": "letter"}
    assert {code: region.paper for code, region in project.regions.items()} == \
        {code: wanted.get(code, "a4") for code in project.regions}
    zine_ = project.zines[SLUG]
    jobs = select_jobs({SLUG: zine_}, project.layouts, project.regions,
                       Options(layouts=("minizine",)), report)
    assert {j.variant.name: j.paper for j in jobs} == {
        "en-us": "letter", "en-gb": "a4", "en-ie": "a4", "en-ca": "letter", "en-au": "a4",
        "en-nz": "a4", "en-intl": "a4", "es-us": "letter", "es-mx": "letter", "ar-intl": "a4",
        "es-es": "a4", "es-pe": "a4", "es-co-dc": "letter", "ar-lb": "a4"}
