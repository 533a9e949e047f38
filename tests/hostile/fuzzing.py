"""Property checks over the loaders and a small build, shared by the test suite and scripts/fuzz.py.

Each target is a Hypothesis strategy of hostile-ish input and a check that feeds it to zinepress.
The property: the code returns (having reported what is wrong) or raises ZineError, our own error
class; any other exception is a crash. Some checks also assert what must hold of what was
accepted (no refused character in a loaded text, no tag outside the Markdown subset).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pikepdf
import yaml
from hypothesis import strategies as st

from tests.conftest import copy_project
from zinepress.build import build
from zinepress.errors import Report, ZineError
from zinepress.jobs import Options
from zinepress.load.chars import refused_character
from zinepress.load.images import read_image
from zinepress.load.po import read_catalog
from zinepress.load.region import load_regions
from zinepress.load.yamlfile import parse_yaml
from zinepress.load.zine import load_zine
from zinepress.model import PANEL_KINDS
from zinepress.render import markdown

BASE = Path(__file__).resolve().parent / "base"

# Pieces that have broken parsers before: YAML syntax, tags, anchors, odd scalars, controls, bidi.
YAML_PIECES = ["a: ", "- ", "[", "]", "{", "}", ", ", ": ", "\n", "  ", "\t", "&x ", "*x", "? ",
               "!!python/object/apply:os.system ", "!t ", "!!binary ", "<<: ", "= ", "|", ">-",
               "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "2026-02-30", "1" * 60, "0x1F",
               "0o17", "1:20:30", "1e999", ".nan", "~", "null", "yes", "\\u202e", "\\ud800",
               "\\x07", "\\e", "\x00", "\x07", "\x85", "\u2028", "\u202e", "\ufeff", "é", "ⅷ"]
MD_PIECES = ["*", "**", "_", "[", "]", "(", ")", "![", "<", ">", "`", "\\", "- ", "1. ", "  ",
             "\n", "\n\n", "#", "> ", "|", "http://127.0.0.1:9/x", "file:///etc/passwd",
             "javascript:alert(1)", "mailto:a@b.c", "tel:+1", "<img src=x>", "<a href=y>",
             "<!-- -->", "&amp;", "&#x202e;", "{{ 7*7 }}", "{% x %}", "{number}", "word"]
PO_PIECES = ['msgid "', 'msgstr "', 'msgctxt "', 'msgid_plural "', 'msgstr[0] "', 'msgstr[x] "',
             '"', '"\n', "\n", "#, fuzzy\n", "#~ ", "#| ", "#. note\n", "#: zine.yaml:3\n", "\\",
             "\\n", '\\"', "{", "}", "{license}", "{license.__class__}", "{0}", "words.heading",
             "Licence: {license}", "charset=latin-1", "charset=UTF-8", "\x00", "\u202e", "é"]
ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br", "code", "span"}


def pieces(words: list[str], text_size: int = 6) -> st.SearchStrategy[str]:
    """Return texts made of known-tricky pieces mixed with arbitrary text."""
    piece = st.one_of(st.sampled_from(words), st.text(max_size=text_size))
    return st.lists(piece, max_size=40).map("".join)


def texts() -> st.SearchStrategy[str]:
    """Return short texts of any characters, or of Markdown's tricky pieces."""
    return st.one_of(st.text(max_size=40), pieces(MD_PIECES, 4))


def values() -> st.SearchStrategy[Any]:
    """Return any YAML-representable value, nested a little."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts(),
                        st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def either(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Return mostly plausible values, sometimes anything."""
    return st.one_of(good, good, values())


def panels() -> st.SearchStrategy[dict]:
    """Return panel mappings, plausible or not."""
    return st.fixed_dictionaries(
        {"id": either(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True))},
        optional={"kind": either(st.sampled_from(PANEL_KINDS + ("bogus",))),
                  "heading": either(texts()), "title": either(texts()),
                  "body": either(pieces(MD_PIECES)), "items": either(st.lists(texts(), max_size=4)),
                  "src": either(st.sampled_from(["images/dot.png", "../x.png", "/etc/passwd",
                                                 "file:///etc/passwd", "images", "", "a?b",
                                                 "images/none.png", "data:image/png,x"])),
                  "alt": either(texts()), "critical": values(), "note": texts(),
                  "caption": either(texts()), "attribution": texts(), "titel": values()})


def zine_documents() -> st.SearchStrategy[str]:
    """Return zine.yaml texts: generated mappings dumped as YAML, sometimes with a piece spliced in."""
    doc = st.fixed_dictionaries({}, optional={
        "title": either(texts()), "subtitle": texts(), "language": either(st.just("en")),
        "variants": either(st.lists(st.sampled_from(["en-us", "es-mx", "xx-yy", "en-zz",
                                                     "../x", "EN-US"]), max_size=3)),
        "layouts": either(st.dictionaries(st.sampled_from(["reader", "booklet", "nope"]),
                                          st.sampled_from(["full", "pocket", None]), max_size=2)),
        "panels": either(st.lists(panels(), max_size=5)),
        "editions": either(st.dictionaries(st.sampled_from(["pocket", "full"]),
                                           st.lists(st.text(max_size=6), max_size=3), max_size=2)),
        "sources": either(st.lists(st.one_of(texts(), st.fixed_dictionaries(
            {"title": texts()}, optional={"url": either(st.sampled_from(
                ["https://a.example", "file:///etc/passwd", "ftp://x"]))})), max_size=3)),
        "license": texts(), "credits": texts(), "unknown": values()})
    return st.tuples(doc, st.integers(0, 10_000), st.sampled_from(["", ""] + YAML_PIECES)).map(
        lambda t: _splice(yaml.safe_dump(t[0], allow_unicode=True), t[1], t[2]))


def region_documents() -> st.SearchStrategy[str]:
    """Return regions/zz.yaml texts."""
    contact = st.fixed_dictionaries({}, optional={
        "type": either(st.sampled_from(["phone", "sms", "chat", "web", "email", "fax"])),
        "dial": either(st.text(alphabet="0123456789 +-()./#*,;OlTALK\u202e\u200f\u200b\u0669\u00a0",
                               max_size=24)),
        "press": either(st.text(alphabet="0129*# \u0662", max_size=5)),
        "url": either(st.sampled_from(["https://a.example", "file:///etc/passwd", "x"])),
        "hours": either(st.fixed_dictionaries({}, optional={
            "always": values(), "daily": either(st.lists(st.sampled_from(
                ["19:00", "24:00", "25:61", "x"]), max_size=3)), "text": texts()})),
        "cost": either(st.sampled_from(["free", "standard-rates", "dear"])), "keyword": texts(),
        "languages": either(st.lists(st.text(max_size=3), max_size=2))})
    verification = st.fixed_dictionaries({}, optional={
        "status": either(st.sampled_from(["first-party", "government", "secondary",
                                          "unconfirmed", "rumour"])),
        "checked": either(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))),
        "source": texts(), "published": values()})
    service = st.fixed_dictionaries({"id": either(st.text(max_size=10))}, optional={
        "name": either(texts()), "contact": either(st.lists(contact, max_size=3)),
        "verification": either(verification), "topics": values(), "audience": texts()})
    doc = st.fixed_dictionaries({}, optional={
        "code": either(st.sampled_from(["zz", "ZZ", "zz-1", "x", "us", "gb-eng"])),
        "name": either(texts()),
        "paper": either(st.sampled_from(["a4", "letter", "a3"])), "inherits": values(),
        "hide": values(), "emergency": either(st.fixed_dictionaries({}, optional={
            "dial": either(st.text(max_size=5)), "also": values()})),
        "services": either(st.lists(service, max_size=3))})
    return st.tuples(doc, st.integers(0, 10_000), st.sampled_from(["", ""] + YAML_PIECES)).map(
        lambda t: _splice(yaml.safe_dump(t[0], allow_unicode=True), t[1], t[2]))


def po_texts() -> st.SearchStrategy[str]:
    """Return PO files: generated entries, or pieces of PO syntax thrown together."""
    quoted = pieces(PO_PIECES[16:] + MD_PIECES, 8).map(
        lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n"))
    entry = st.tuples(st.sampled_from(["", "#, fuzzy\n", "#~ "]),
                      st.sampled_from(["words.heading", "words.body", "cover.title", "zine.title"]),
                      st.sampled_from(["Words", "Licence: {license}", "DRAFT"]), quoted).map(
        lambda e: f'{e[0]}msgctxt "{e[1]}"\nmsgid "{e[2]}"\nmsgstr "{e[3]}"\n\n')
    generated = st.lists(entry, max_size=5).map(
        lambda es: 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(es))
    return st.one_of(generated, pieces(PO_PIECES, 8))


def image_bytes() -> st.SearchStrategy[bytes]:
    """Return image files: a real format's first bytes followed by anything."""
    magic = st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"RIFF\0\0\0\0WEBP",
                             b"<svg xmlns='http://www.w3.org/2000/svg'>", b""])
    return st.tuples(magic, st.binary(max_size=200)).map(lambda t: t[0] + t[1])


def _splice(text: str, at: int, piece: str) -> str:
    at %= len(text) + 1
    return text[:at] + piece + text[at:]


@dataclass
class Workspace:
    """A scratch project for one fuzz run: the probe zine and a copy of the project's parts."""

    root: Path

    @classmethod
    def make(cls) -> "Workspace":
        root = Path(tempfile.mkdtemp(prefix="zine-fuzz-")) / "project"
        copy_project(root, zines=False)
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        return cls(root)

    @property
    def zine(self) -> Path:
        return self.root / "zines" / "probe"

    def remove(self) -> None:
        shutil.rmtree(self.root.parent, ignore_errors=True)


def check_yaml(ws: Workspace, text: str) -> None:
    """Parse any text as YAML."""
    parse_yaml(text, ws.zine / "zine.yaml", Report())


def check_zine(ws: Workspace, text: str) -> None:
    """Load a zine.yaml; what is accepted has no refused character and stays in the folder."""
    (ws.zine / "zine.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    report = Report()
    zine = load_zine(ws.zine, report, {"reader", "booklet"}, {"us", "mx"})
    if zine is None:
        return
    for panel in zine.panels:
        for value in [*panel.text.values(), *panel.items]:
            assert refused_character(value) is None or report.errors, value
        if panel.src and not report.errors:
            assert (ws.zine / panel.src).resolve().is_relative_to(ws.zine.resolve())


def check_region(ws: Workspace, text: str) -> None:
    """Load a region file with the phone lint and inheritance, beside a parent it may inherit."""
    folder = ws.root / "fuzz-regions"
    folder.mkdir(exist_ok=True)
    (folder / "zz.yaml").write_text("code: zz\nname: Parent\ninherits: zz-1\nservices: []\n",
                                    encoding="utf-8")
    path = folder / "zz-1.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_regions(folder, Report())
    finally:
        path.unlink()


def check_po(ws: Workspace, text: str) -> None:
    """Read a PO file both ways; every accepted translation has no refused character."""
    path = ws.zine / "locales" / "fuzz.po"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    for key in ("msgctxt", "msgid"):
        catalog = read_catalog(path, Report(), key)
        for value in [*catalog.translated.values(), *catalog.fuzzy.values()]:
            assert refused_character(value) is None, value


def check_markdown(ws: Workspace, text: str) -> None:
    """Render any text; only the subset's tags come out, and links only when nothing was refused."""
    problems = markdown.problems(text)
    for html in (str(markdown.to_html(text, True)), str(markdown.inline(text, True)),
                 str(markdown.to_html(text, False))):
        assert set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)) <= ALLOWED_TAGS, html
        if not problems:
            for href in re.findall(r'href="([^"]*)"', html):
                assert href.lower().startswith(("http://", "https://", "mailto:", "tel:",
                                                "sms:")), href


def check_image(ws: Workspace, data: bytes) -> None:
    """Check any bytes as an image file, under a raster and an SVG name."""
    for name in ("fuzz.png", "fuzz.svg"):
        (ws.zine / "images" / name).write_bytes(data)
        read_image(ws.zine, f"images/{name}")


def check_build(ws: Workspace, text: str) -> None:
    """Build the probe zine with generated panels; whatever is built opens as a PDF."""
    (ws.zine / "zine.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        outputs, _ = build(ws.root, Options(slugs=("probe",), out=ws.root / "build"))
    except ZineError:
        return
    for output in outputs:
        with pikepdf.open(io.BytesIO(output.content())) as pdf:
            assert len(pdf.pages) == output.pages


def build_documents() -> st.SearchStrategy[str]:
    """Return zine.yaml texts for the probe zine: sound structure, hostile-ish words."""
    # Characters the loader refuses stop a build before the render: leave them to check_zine.
    words = st.one_of(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
                      pieces(MD_PIECES, 0))
    panel = st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c", "d"]),
                                   "kind": st.sampled_from(["text", "list", "quote", "cover",
                                                            "notes", "back-cover"]),
                                   "items": st.lists(words, min_size=1, max_size=3)},
                                  optional={"heading": words, "body": words,
                                            "attribution": words})
    doc = st.fixed_dictionaries({"title": words.filter(str.strip), "language": st.just("en"),
                                 "variants": st.just(["en-us"]),
                                 "layouts": st.just({"reader": "full"}),
                                 "panels": st.lists(panel, min_size=1, max_size=3,
                                                    unique_by=lambda p: p["id"])})
    return doc.map(lambda d: yaml.safe_dump(d, allow_unicode=True))


TARGETS: dict[str, tuple[Callable[[], st.SearchStrategy[Any]], Callable[[Workspace, Any], None]]] = {
    "yaml": (lambda: st.one_of(st.text(), pieces(YAML_PIECES)), check_yaml),
    "zine": (zine_documents, check_zine),
    "region": (region_documents, check_region),
    "po": (po_texts, check_po),
    "markdown": (lambda: st.one_of(st.text(), pieces(MD_PIECES)), check_markdown),
    "image": (image_bytes, check_image),
    "build": (build_documents, check_build),
}


def run_check(check: Callable[[Workspace, Any], None], ws: Workspace, value: Any) -> None:
    """Run one check; ZineError is an answer, anything else propagates as a crash."""
    try:
        check(ws, value)
    except ZineError:
        pass
