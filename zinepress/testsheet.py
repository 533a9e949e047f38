"""The duplex test sheet: one sheet that shows which --duplex a printer's settings need.

The back carries two messages, one turned 180°: whichever reads the right way up after the
sheet is turned like a book page names the flip. Its back is laid out as a booklet's or a
tri-fold's back is for `--duplex short`, so the answer holds for those layouts.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from zinepress.assets import Assets
from zinepress.errors import Report, fail
from zinepress.load.po import read_catalog
from zinepress.localize import Words, direction, paper_word
from zinepress.render.document import render, write_pdf
from zinepress.render.fetch import ConfinedFetcher
from zinepress.render.fonts import project_fonts
from zinepress.render.templates import environment

MM = 72 / 25.4
SHEETS = {"letter": (792.0, 612.0), "a4": (297 * MM, 210 * MM)}
TEMPLATE = "duplex-test.html"


def test_sheet(root: Path, paper: str, lang: str, report: Report) -> bytes:
    """Return the two-page test sheet PDF for a paper, in a language."""
    assets = Assets(root)
    shared = next((s for s in assets.shared() if (s / TEMPLATE).is_file()),
                  root / "layouts" / "_shared")
    if not (shared / TEMPLATE).is_file():
        raise fail(shared / TEMPLATE, None, "the test sheet's template is missing: run this in a "
                   "zinepress project (a folder with layouts/ and fonts/)")
    po = assets.words(lang)
    words = read_catalog(po, report, key="msgid").translated
    fonts = project_fonts(assets, report)
    report.raise_if_failed()
    html = environment(shared, assets.shared()).get_template(TEMPLATE).render(
        lang=lang, dir=direction(lang), t=Words(dict(words)), fonts=Markup(fonts.css),
        sheet=SHEETS[paper], paper_name=paper_word(Words(dict(words)), paper))
    document, warnings = render(html, shared, ConfinedFetcher(fonts.files))
    for message in warnings:
        if ".notdef" in message or "glyph" in message.lower():
            raise fail(shared / TEMPLATE, None, f"a character has no glyph in the bundled "
                       f"fonts ({message})")
    return write_pdf(document, None)


def sheet_path(out: Path, paper: str, lang: str) -> Path:
    """Return where the test sheet of this paper and language is written."""
    return out / f"duplex-test-{lang}-{paper}.pdf"
