"""Dial strings as values: what the loader accepts prints, links and encodes the same digits.

The property tests generate dial strings, keywords and menu options in every form issue 12 lists
(separators, area codes, vanity letters, a leading + * #, second numbers, notes, lookalike
letters, bidi and zero-width marks, digits of other scripts) and check, for each one the loader
accepts, that the digits on the page, in the link annotation and in the decoded QR code agree.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pikepdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import copy_project, zine
from tests.pdfs import all_text
from zinepress.crisis import ContactView
from zinepress.errors import Report
from zinepress.load.dial import Refused, parse_dial, parse_keyword, parse_press
from zinepress.load.region import load_regions

# Numbers the phone lint accepts in the United States, as digits (the region of the test zine).
CORES = ("988", "741741", "838255", "4357", "18002738255", "8002738255", "18006686868")
KEYPAD = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV",
          "9": "WXYZ"}
HOSTILE = ("\u200f", "\u061c", "\u200e", "\u200b", "\u2060", "\u0669", "\u06f9", "\uff19", "O",
           "l", ",", ";", " (free)", " or 988", "#", "*", "+1 ", "\u00a0", "\u0421")


@st.composite
def dial_strings(draw: st.DrawFn) -> str:
    """Return a dial string as a publisher, a careless editor or a hostile one may write it."""
    core = draw(st.sampled_from(CORES))
    cuts = sorted(draw(st.sets(st.integers(1, len(core) - 1), max_size=3)))
    groups = [core[a:b] for a, b in zip([0, *cuts], [*cuts, len(core)])]
    if len(groups) > 1 and draw(st.booleans()):
        groups[0] = f"({groups[0]})"
    text = groups[0] + "".join(draw(st.sampled_from(" -./")) + g for g in groups[1:])
    if draw(st.booleans()) and not set(groups[-1]) & {"0", "1", "(", ")"}:
        letters = "".join(draw(st.sampled_from(KEYPAD[d])) for d in groups[-1])
        text = text[:len(text) - len(groups[-1])] + letters + f" ({groups[-1]})"
    if len(core) == 11 and draw(st.booleans()):
        text = "+" + text
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    return text


keywords = st.one_of(st.sampled_from(["HOME", "HELP", "TALK", "SHOUT"]),
                     st.text(st.sampled_from("HOMEhome0123\u041d\u200b!"), min_size=1,
                             max_size=6))
presses = st.one_of(st.sampled_from(["1", "2", "0", "*", "#9"]),
                    st.text(st.sampled_from("0123456789*#\u0662 "), min_size=1, max_size=5))


def accepted(parse, text: str):
    """Return the parsed value, or None when the loader refuses the text."""
    try:
        return parse(text)
    except Refused:
        return None


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


@settings(max_examples=300, deadline=None)
@given(dial_strings(), keywords)
def test_printed_linked_and_encoded_digits_are_one_value(text: str, keyword: str) -> None:
    dial = accepted(parse_dial, text)
    if dial is None:
        return
    assert dial.text == text                                  # printed exactly as written
    assert text.isascii() and not re.search(r"[,;\u200b-\u200f]", text)
    shown = re.sub(r"[A-Za-z]+ ", "", text)                   # a vanity word's keys are in brackets
    view = ContactView("sms", dial, accepted(parse_keyword, keyword), None, None, (), None)
    assert digits(shown) == digits(dial.keys) == digits(unquote(view.code.split("?")[0]))


@settings(max_examples=200, deadline=None)
@given(keywords, presses)
def test_keywords_and_options_are_ascii_or_refused(keyword: str, press: str) -> None:
    word, option = accepted(parse_keyword, keyword), accepted(parse_press, press)
    assert word is None or re.fullmatch(r"[A-Za-z0-9]{1,20}", word)
    assert option is None or re.fullmatch(r"[0-9*#]{1,4}", option)


@pytest.mark.parametrize("text, keys", [
    ("988", "988"), ("1-800-273-TALK (8255)", "18002738255"), ("(011) 5275-1135", "01152751135"),
    ("0800/1110222", "08001110222"), ("+44 808 164 0123", "+448081640123"), ("#988", "#988"),
    ("9-1-1", "911")])
def test_accepted_dial_strings(text: str, keys: str) -> None:
    assert parse_dial(text).keys == keys


def test_a_hash_is_escaped_in_the_link() -> None:
    assert parse_dial("#988").link("phone") == "tel:%23988"
    assert parse_dial("741741").link("sms", "HOME") == "sms:741741?body=HOME"


def test_an_edition_prints_the_readers_digits_from_the_same_value() -> None:
    assert parse_dial("(011) 5275-1135").printed("٠١٢٣٤٥٦٧٨٩") == "(٠١١) ٥٢٧٥-١١٣٥"


def test_every_shipped_dial_string_loads_unchanged() -> None:
    report = Report()
    regions = load_regions(Path(__file__).resolve().parent.parent / "regions", report)
    assert report.problems == []
    dials = [c.dial for r in regions.values() for s in r.services for c in s.contacts if c.dial]
    assert dials and all(parse_dial(d.text) == d for d in dials)


# The PDF property: a tiny project whose one crisis line is the generated contact, built in a
# layout that prints each dialled contact's QR code (made from ContactView.code) beside its text.
LAYOUT = """\
description: One page with the crisis lines and a QR code for each dialled contact (tests only).
imposition: single
template: pages.html
links: true
papers:
  letter: {sheet: [5.5in, 8.5in], page: [5.5in, 8.5in]}
"""
PAGES = """\
{% from "panels.html" import crisis_services %}
<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}"><head><meta charset="utf-8"><title>{{ zine.title }}</title>
<style>{{ fonts }} @page { size: {{ paper.page[0]|pt }} {{ paper.page[1]|pt }}; } {{ css }}
.qr-code { width: 45mm; height: 45mm; }</style></head>
<body>{% for panel in panels %}<section class="panel" id="panel-{{ panel.id }}">
{% if crisis and panel.kind == "crisis-lines" %}{{ crisis_services(crisis, t, links) }}
{% for s in crisis.services %}{% for c in s.contacts %}{% if c.code %}{{ c.code|qr }}{% endif %}
{% endfor %}{% endfor %}{% endif %}</section>{% endfor %}</body></html>
"""
ZINE = """\
title: dial
language: en
variants: [en-us]
layouts: {qrcheck: full}
license: CC0
panels:
  - id: lines
    kind: crisis-lines
    heading: Lines
"""
REGION = """\
code: us
name: United States
paper: letter
emergency:
  dial: "911"
  verification: {{status: government, checked: {day}, source: "https://example.org/e"}}
services:
  - id: us-test-line
    name: A line
    topics: [crisis]
    contact:
      - {contact}
    verification: {{status: first-party, checked: {day}, source: "https://example.org/s"}}
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the test layout, the us region only, and a one-panel zine."""
    root = copy_project(tmp_path_factory.mktemp("dial") / "project", zines=False)
    for region in (root / "regions").glob("*.yaml"):
        region.unlink()
    (root / "layouts" / "qrcheck").mkdir()
    (root / "layouts" / "qrcheck" / "layout.yaml").write_text(LAYOUT, encoding="utf-8")
    (root / "layouts" / "qrcheck" / "pages.html").write_text(PAGES, encoding="utf-8")
    (root / "zines" / "dial").mkdir()
    (root / "zines" / "dial" / "zine.yaml").write_text(ZINE, encoding="utf-8")
    return root


def build(root: Path, contact: dict[str, str]) -> tuple[int, Path]:
    """Write the region with one contact, build the zine, and return (exit code, PDF)."""
    day = dt.date.today() - dt.timedelta(days=1)
    (root / "regions" / "us.yaml").write_text(REGION.format(day=day, contact=json.dumps(contact)),
                                             encoding="utf-8")
    shutil.rmtree(root / "build", ignore_errors=True)
    run = zine(root, "build", "dial", "-L", "qrcheck")
    return run.exit_code, root / "build" / "dial" / "en-us" / "qrcheck-letter.pdf"


def page_facts(pdf: Path) -> tuple[str, list[str], list[str]]:
    """Return the PDF's text, its link URIs and the payload of every QR code on its pages."""
    with pikepdf.open(pdf) as doc:
        links = [str(a.A.URI) for page in doc.pages for a in page.get("/Annots", [])
                 if "/A" in a and "/URI" in a.A]
    document = pdfium.PdfDocument(str(pdf))
    try:
        codes = [code.text for i in range(len(document))
                 for code in zxingcpp.read_barcodes(document[i].render(scale=4).to_pil())]
    finally:
        document.close()
    return all_text(pdf), links, codes


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(dial=dial_strings(), kind=st.sampled_from(["phone", "sms"]), keyword=keywords,
       press=presses)
def test_the_pdf_prints_links_and_encodes_the_same_digits(tiny: Path, dial: str, kind: str,
                                                          keyword: str, press: str) -> None:
    contact = {"type": kind, "dial": dial, **({"keyword": keyword} if kind == "sms" else
                                              {"press": press})}
    code, pdf = build(tiny, contact)
    loaded = accepted(parse_dial, dial) and (
        accepted(parse_keyword, keyword) if kind == "sms" else accepted(parse_press, press))
    event("built" if code == 0 else "refused")
    if code != 0:
        return                                  # refused (by the parser or the phone lint)
    assert loaded, f"the build accepted {contact}, which the parser refuses"
    text, links, codes = page_facts(pdf)
    value = parse_dial(dial)
    assert value.text.replace(" ", "") in text.replace(" ", "").replace("\u00a0", "")
    printed = digits(re.sub(r"[A-Za-z]+ ", "", value.text))
    dialled = [u for u in links if u.startswith(("tel:", "sms:"))]
    assert len(dialled) == 1 and len(codes) == 1, (links, codes)
    assert dialled == codes                                  # link and QR code: one payload
    assert digits(unquote(dialled[0].split("?")[0])) == printed
    if kind == "sms":
        assert dialled[0].endswith(f"?body={keyword}") and keyword in text
    else:
        assert f"press {press}" in text


def test_reader_digits_follow_cldrs_default_numbering_system() -> None:
    from babel import Locale

    from zinepress.load.dial import reader_digits
    assert reader_digits(Locale.parse("ar_EG")) == "٠١٢٣٤٥٦٧٨٩"
    assert reader_digits(Locale.parse("ar")) == "0123456789"   # CLDR: Latin digits for ar
    assert parse_dial("988").link("phone") == "tel:988"          # links stay ASCII
