"""Arabic end to end: mirrored mini zine, booklet bound on the right, logical text, LTR numbers."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pikepdf
import pytest

from tests.conftest import copy_project, zine
from tests.pdfs import Rect, angles_in, chars, page_sizes, squash, text_in

SLUG = "unpacking-self-harm"
TITLE = "تفكيك إيذاء النفس"                 # cover.title in zines/…/locales/ar.po
SUPPORT = "إن أردت التحدث إلى أحد"          # support.heading
REVIEW = "لم يراجع هذه الترجمة متحدث أصلي باللغة العربية بعد."   # locales/ar.po
MACHINE = "بمساعدة الترجمة الآلية"      # "… a machine-assisted draft" (locales/ar.po), one line
NOT_SUICIDE = "إيذاء النفس ليس هو نفسه التفكير في الانتحار"     # not-suicide.heading


def letters(text: str) -> str:
    """Return the text without spaces, punctuation or Arabic marks (which PDF readers move)."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ar as the zine ships it (ar-intl), then ar for Great Britain in both print layouts."""
    project = copy_project(tmp_path_factory.mktemp("rtl") / "project")
    default = zine(project, "build", SLUG, "-l", "ar")
    assert default.exit_code == 0, default.output
    manifest = json.loads((project / "build" / "manifest.json").read_text())["outputs"]
    (project / "default-outputs.json").write_text(json.dumps([o["path"] for o in manifest]))
    run = zine(project, "build", SLUG, "-l", "ar", "-r", "gb", "-L", "minizine", "-L", "booklet")
    assert run.exit_code == 0, run.output
    return project


def quarter(path: Path, column: int, row: int) -> Rect:
    """Return a panel rectangle of the mini zine: columns 0-3 from the left, row 0 = bottom."""
    width, height = page_sizes(path)[0]
    return Rect(column * width / 4, row * height / 2, (column + 1) * width / 4,
                (row + 1) * height / 2)


def test_ar_builds_every_layout_by_default(built: Path) -> None:
    paths = json.loads((built / "default-outputs.json").read_text())
    pdfs = sorted(p.rsplit("/", 1)[1] for p in paths if "instructions" not in p)
    # ar-intl and ar-lb (Lebanon, issue 13), each in every layout (the whole zine is translated).
    assert {p.split("/")[-2] for p in paths} == {"ar-intl", "ar-lb"}
    assert pdfs == sorted(["booklet-a4.pdf", "cards-a4.pdf", "minizine-a4.pdf", "poster-a4.pdf",
                           "reader-a4.pdf", "trifold-a4.pdf"] * 2)


def test_minizine_front_cover_is_in_the_bottom_left_panel(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "minizine-a4.pdf"
    assert letters(TITLE) in letters(text_in(pdf, 0, quarter(pdf, 0, 0)))
    assert angles_in(pdf, 0, quarter(pdf, 0, 0)) == {0}


def test_minizine_back_cover_is_beside_it(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "minizine-a4.pdf"
    back = text_in(pdf, 0, quarter(pdf, 1, 0))
    assert "CC BY" not in back                                 # the author states no licence
    assert letters(REVIEW) in letters(back)
    assert letters(MACHINE) in letters(back)
    assert letters(SUPPORT) in letters(text_in(pdf, 0, quarter(pdf, 2, 0)))   # page 7


def test_minizine_top_row_runs_2_3_4_5_turned(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "minizine-a4.pdf"
    page2 = letters("إيذاء النفس يختلف عن محاولة الانتحار")        # pocket-not-suicide
    page5 = letters("الإصابة الجسدية قد تمنح راحة مؤقتة")         # pocket-relief
    assert page2 in letters(text_in(pdf, 0, quarter(pdf, 0, 1)))
    assert page5 in letters(text_in(pdf, 0, quarter(pdf, 3, 1)))
    assert angles_in(pdf, 0, quarter(pdf, 0, 1)) == {180}


def test_arabic_text_is_extracted_in_logical_order(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "minizine-a4.pdf"
    cover = letters(text_in(pdf, 0, quarter(pdf, 0, 0)))
    assert cover.startswith(letters(TITLE))
    assert letters(TITLE)[::-1] not in cover


def test_a_phone_numbers_digits_come_out_in_order(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "minizine-a4.pdf"
    panel = quarter(pdf, 2, 0)
    assert "116\u00a0123" in text_in(pdf, 0, panel)              # as a PDF reader copies it
    lines: dict[int, list] = {}
    for c in chars(pdf, 0):
        if panel.contains(c.x, c.y) and c.text.isdigit():
            lines.setdefault(round(c.y), []).append(c)
    on_paper = ["".join(c.text for c in sorted(line, key=lambda c: c.x))
                for line in lines.values()]
    assert "116123" in on_paper                                # left to right on paper
    assert "123116" not in on_paper


def test_booklet_first_sheet_outside_has_the_front_cover_on_the_left(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "booklet-a4.pdf"
    width, height = page_sizes(pdf)[0]
    left, right = Rect(0, 0, width / 2, height), Rect(width / 2, 0, width, height)
    assert letters(TITLE) in letters(text_in(pdf, 0, left))
    assert "CC BY" not in text_in(pdf, 0, right)               # the back cover
    assert letters(REVIEW) in letters(text_in(pdf, 0, right))
    assert letters(NOT_SUICIDE) in letters(text_in(pdf, 1, right))   # page 2, in Arabic


def test_an_english_fallback_in_an_arabic_draft_reads_left_to_right(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "zines" / SLUG / "locales" / "ar.po"
    text = po.read_text(encoding="utf-8")
    heading = f'msgstr "{NOT_SUICIDE} أو محاولة الانتحار."'
    assert text.count(heading) == 1
    po.write_text(text.replace(heading, 'msgstr ""'), encoding="utf-8")
    run = zine(project, "build", SLUG, "-l", "ar", "-r", "intl", "-L", "reader", "--draft")
    assert run.exit_code == 0, run.output
    page2 = " ".join(text_in(project / "build" / SLUG / "ar-intl" / "reader-a4.pdf", 1,
                             Rect(0, 0, 2000, 2000)).split())
    assert "Self-harm is not the same as suicidal ideation or an attempt." in page2


def test_the_pdf_says_its_language(built: Path) -> None:
    for name in ("minizine-a4.pdf", "booklet-a4.pdf"):
        with pikepdf.open(built / "build" / SLUG / "ar-gb" / name) as pdf:
            assert str(pdf.Root.Lang) == "ar"


def test_the_printing_notes_are_arabic_too(built: Path) -> None:
    pdf = built / "build" / SLUG / "ar-gb" / "booklet-a4.pdf"
    width, top = page_sizes(pdf)[0]
    # Sheet 2's outside names itself along the spine fold, where the crease hides it.
    note = text_in(pdf, 2, Rect(width / 2 - 8, 0, width / 2 + 8, top))
    assert letters("الورقة 2 من 3") in letters(note)
    assert re.search(r"[A-Za-z]{3,}", note) is None
