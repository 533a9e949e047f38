"""The tri-fold and the poster, built from the seed zine and read as paper: sizes, panels, tiles."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib
import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import MM, Rect, angles_in, chars, page_sizes, squash, text_in
from tests.pixels import dark_columns, has_ink, ink_share, picture

LETTER = (792.0, 612.0)
FLAP, FULL = 91.8 * MM, 93.8 * MM          # layouts/trifold/layout.yaml: 2.0 mm narrower
W, H = LETTER
SLUG = "unpacking-self-harm"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed zine's tri-folds and posters, built once for this module."""
    project = copy_project(tmp_path_factory.mktemp("trifold") / "project")
    runs = [
        ("-r", "us", "-l", "en", "-p", "letter", "-L", "trifold", "-L", "poster"),
        ("-r", "us", "-l", "en", "-p", "a2", "-L", "poster", "-o", "a2"),
        ("-r", "us", "-l", "en", "-p", "a2", "-L", "poster", "--tile", "a4", "-o", "a2"),
        # Arabic reads right to left (--draft: the translation awaits review).
        ("-r", "intl", "-l", "ar", "-p", "letter", "-L", "trifold", "--draft", "-o", "rtl"),
    ]
    for args in runs:
        run = zine(project, "build", SLUG, *args)
        assert run.exit_code == 0, run.output
    return project


def pdf(project: Path, out: str, variant: str, name: str) -> Path:
    return project / out / SLUG / variant / name


def words_in(path: Path, page: int, rect: Rect) -> str:
    """Return the squashed text inside a rectangle: line breaks and punctuation left out."""
    return squash(text_in(path, page, rect))


def test_trifold_letter_is_two_landscape_letter_pages(built: Path) -> None:
    assert page_sizes(pdf(built, "build", "en-us", "trifold-letter.pdf")) == [LETTER, LETTER]


def test_trifold_panels_in_roll_fold_order(built: Path) -> None:
    path = pdf(built, "build", "en-us", "trifold-letter.pdf")
    flap, back, cover = Rect(0, 0, FLAP, H), Rect(FLAP, 0, FLAP + FULL, H), Rect(W - FULL, 0, W, H)
    assert "ifyouwanttotalk" in words_in(path, 0, flap)                   # 5: the crisis lines
    assert "setwithzinepress" in words_in(path, 0, back)                  # 6: the back cover
    assert "unpackingselfharm" in words_in(path, 0, cover)                # 1: the cover
    inside = [Rect(0, 0, FULL, H), Rect(FULL, 0, 2 * FULL, H), Rect(2 * FULL, 0, W, H)]
    expected = ["notthesameasasuicide", "needsmet", "harmreduction"]      # 2, 3, 4
    for rect, words in zip(inside, expected):
        assert words in words_in(path, 1, rect)
    assert angles_in(path, 1, Rect(0, 0, W, H)) == {0}                   # short edge: upright


def test_folded_in_panel_is_narrower_by_the_stated_2_mm(built: Path) -> None:
    path = pdf(built, "build", "en-us", "trifold-letter.pdf")
    dpi = 300
    # The fold ticks stand 6 to 9 mm in from the sheet's top edge, on both sides.
    outside = dark_columns(picture(path, 0, dpi), 6.3, 8.7, dpi)
    inside = dark_columns(picture(path, 1, dpi), 6.3, 8.7, dpi)
    assert len(outside) == len(inside) == 2
    flap, full = outside[0], outside[1] - outside[0]
    assert abs(flap - 91.8) < 0.1 and abs(full - 93.8) < 0.1
    assert abs((full - flap) - 2.0) < 0.1
    # Inside, the narrow panel is the last one: folds at 93.8 and 187.6 mm.
    assert abs(inside[0] - 93.8) < 0.1 and abs(inside[1] - 187.6) < 0.1


def arabic(built: Path, key: str) -> str:
    """Return the zine's Arabic for a msgctxt, squashed (or its English when untranslated)."""
    po = polib.pofile(str(built / "zines" / SLUG / "locales" / "ar.po"))
    entry = next(e for e in po if e.msgctxt == key)
    return squash(entry.msgstr or entry.msgid)


def test_trifold_rtl_is_mirrored(built: Path) -> None:
    path = pdf(built, "rtl", "ar-intl", "trifold-letter.pdf")
    cover, back, flap = Rect(0, 0, FULL, H), Rect(FULL, 0, 2 * FULL, H), Rect(W - FLAP, 0, W, H)
    assert arabic(built, "cover.title") in words_in(path, 0, cover)
    assert "zinepress" in words_in(path, 0, back)
    assert arabic(built, "support.heading") in words_in(path, 0, flap)
    assert arabic(built, "pocket-not-suicide.heading") in words_in(path, 1,
                                                                 Rect(W - FULL, 0, W, H))
    assert arabic(built, "pocket-harm-reduction.heading") in words_in(path, 1,
                                                                    Rect(0, 0, FLAP, H))


def test_poster_a2_is_420_by_594_mm(built: Path) -> None:
    (width, height), = page_sizes(pdf(built, "a2", "en-us", "poster-a2.pdf"))
    assert (round(width / MM, 1), round(height / MM, 1)) == (420.0, 594.0)
    assert "ifyouwanttotalk" in words_in(pdf(built, "a2", "en-us", "poster-a2.pdf"), 0,
                                         Rect(0, height / 2, width, height))


def test_a2_poster_tiles_on_a4_with_labels(built: Path) -> None:
    path = pdf(built, "a2", "en-us", "poster-a2-tiles-a4.pdf")
    sizes = page_sizes(path)
    assert len(sizes) == 8
    assert {(round(w / MM), round(h / MM)) for w, h in sizes} == {(297, 210)}
    labels = [(r, c) for r in range(1, 5) for c in range(1, 3)]
    for page, (row, column) in enumerate(labels):
        foot = text_in(path, page, Rect(0, 0, 297 * MM, 9 * MM))
        assert f"row {row}, column {column}" in foot


def test_neighbouring_tiles_share_10_mm_of_the_poster(built: Path) -> None:
    path = pdf(built, "a2", "en-us", "poster-a2-tiles-a4.pdf")
    art = Rect(13 * MM, 13 * MM, 284 * MM, 197 * MM)            # inside the 13 mm white margin
    left = [c for c in chars(path, 0) if art.contains(c.x, c.y) and c.text.strip()]
    right = [c for c in chars(path, 1) if art.contains(c.x, c.y) and c.text.strip()]
    # The heading runs across both tiles: the same letters sit one step apart.
    shifts = Counter(round((a.x - b.x) / MM, 1) for a in left for b in right
                     if a.text == b.text and abs(a.y - b.y) < 0.01)
    step = shifts.most_common(1)[0][0]
    assert step == 261.0                          # 297 - 2 x 13 mm margin - 10 mm overlap
    shared = [a for a in left if a.x >= 13 * MM + step * MM]
    assert shared and all(any(b.text == a.text and abs(b.x - (a.x - step * MM)) < 0.2
                              for b in right) for a in shared)
    overlap = (284 - 13) - step
    assert overlap == 10.0


def test_tiles_carry_cut_ticks_and_an_alignment_line(built: Path) -> None:
    path, dpi = pdf(built, "a2", "en-us", "poster-a2-tiles-a4.pdf"), 200
    first = picture(path, 0, dpi)
    # Tile (1, 2) is cut at its left art edge (13 mm in); on tile (1, 1) a line lies where
    # that edge goes: 13 + 261 mm, under the overlap.
    assert ink_share(first, 274, 14, 196, dpi) > 0.9
    assert ink_share(first, 271, 14, 196, dpi) < 0.2 and ink_share(first, 277, 14, 196, dpi) < 0.2
    second = picture(path, 1, dpi)
    assert has_ink(second, (12.5, 6, 13.5, 11), dpi)            # cut tick in the top margin
    assert has_ink(second, (12.5, 199, 13.5, 204), dpi)         # and in the bottom margin
