"""Instruction sheets, the duplex test sheet, the contrast lint and the print options' errors."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import polib
import pypdfium2 as pdfium
import pytest
from PIL import ImageChops

from tests.conftest import copy_project, zine
from tests.pdfs import MM, Char, Rect, all_text, chars, page_sizes, squash, text_in

SLUG = "unpacking-self-harm"
PORTRAIT_LETTER = (612.0, 792.0)
# Spanish for the words these tests look for, as a translator would put them in locales/es.po.
SPANISH = {
    "How to print and fold": "Cómo imprimir y doblar",
    "cover": "portada",
    "Fold the narrower panel, page 4, in over the middle panel. Crease it well.":
        "Dobla el panel más estrecho, la página 4, hacia dentro sobre el panel central. "
        "Marca bien el pliegue.",
    "Keep pushing until the pages fold flat, then close them like a book with page 1, the "
    "cover, on the front.": "Sigue empujando hasta que las páginas queden planas y ciérralas "
                            "como un libro, con la página 1, la portada, delante.",
    "BACK": "REVERSO",
    "Does this read the right way up? Then your printer, with these settings, flips on the "
    "short edge. Build with:": "¿Esto se lee al derecho? Entonces tu impresora, con esta "
                               "configuración, voltea por el borde corto. Genera con:",
}


def add_words(project: Path, lang: str, words: dict[str, str]) -> None:
    """Add translations of layout words to the project's locales/<lang>.po (made if missing)."""
    path = project / "locales" / f"{lang}.po"
    path.parent.mkdir(exist_ok=True)
    po = polib.pofile(str(path)) if path.is_file() else polib.POFile()
    po.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    for msgid, msgstr in words.items():
        entry = po.find(msgid)
        if entry is None:
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        else:
            entry.msgstr, entry.flags = msgstr, []
    po.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Instruction sheets in English, Spanish and Arabic, and duplex test sheets."""
    project = copy_project(tmp_path_factory.mktemp("instructions") / "project")
    add_words(project, "es", SPANISH)
    runs = [("build", SLUG, "-r", "us", "-l", "en", "-p", "letter", "-L", "minizine", "-L",
             "trifold"),
            ("build", SLUG, "-r", "us", "-l", "es", "-p", "letter", "-L", "minizine", "-L",
             "trifold", "--draft"),
            ("build", SLUG, "-r", "intl", "-l", "ar", "-p", "letter", "-L", "minizine", "-L",
             "trifold", "--draft"),
            ("test-sheet", "-p", "letter"), ("test-sheet", "-p", "a4", "-l", "es")]
    for args in runs:
        run = zine(project, *args)
        assert run.exit_code == 0, run.output
        assert "WCAG" not in run.output            # the layouts pass their own contrast lint
    return project


def sheet(project: Path, variant: str, name: str) -> Path:
    return project / "build" / SLUG / variant / f"{name}-letter-instructions.pdf"


def digits(path: Path, rect: Rect) -> list[Char]:
    """Return the page numbers drawn in a diagram, left to right."""
    return sorted((c for c in chars(path, 0) if c.text.isdigit() and rect.contains(c.x, c.y)),
                  key=lambda c: c.x)


def images(path: Path) -> int:
    """Return how many raster images the PDF's pages use, inside forms too."""
    count = 0
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                count += 1
    return count


@pytest.mark.parametrize("variant", ["en-us", "es-us", "ar-intl"])
@pytest.mark.parametrize("layout", ["minizine", "trifold"])
def test_instruction_sheet_is_one_vector_page(built: Path, variant: str, layout: str) -> None:
    path = sheet(built, variant, layout)
    assert page_sizes(path) == [PORTRAIT_LETTER]
    assert images(path) == 0
    assert f"{layout}letterpdf" in squash(all_text(path))


def test_english_and_spanish_words(built: Path) -> None:
    english = squash(all_text(sheet(built, "en-us", "trifold")))
    spanish = squash(all_text(sheet(built, "es-us", "trifold")))
    assert "howtoprintandfold" in english and "foldthenarrowerpanel" in english
    assert "cómoimprimirydoblar" in spanish and "dobla el panel más estrecho" .replace(" ", "") \
        in spanish
    assert "foldthenarrowerpanel" not in spanish
    assert "laythesheetinsideup" not in spanish
    assert "portada" in squash(all_text(sheet(built, "es-us", "minizine")))


def test_minizine_diagram_shows_the_plan(built: Path) -> None:
    diagram = Rect(0, 792 - 95 * MM, 612, 792 - 25 * MM)   # below the title, above captions
    for variant, top, bottom in (("en-us", "5432", "6781"), ("ar-intl", "2345", "1876")):
        found = digits(sheet(built, variant, "minizine"), diagram)
        assert "".join(c.text for c in found if c.angle == 180) == top
        assert "".join(c.text for c in found if c.angle == 0) == bottom


def test_trifold_diagram_shows_both_sides(built: Path) -> None:
    diagram = Rect(0, 792 - 95 * MM, 612, 792 - 25 * MM)   # below the title, above captions
    found = digits(sheet(built, "en-us", "trifold"), diagram)
    assert "".join(c.text for c in found) == "561234"          # outside, then inside
    rtl = digits(sheet(built, "ar-intl", "trifold"), diagram)
    assert "".join(c.text for c in rtl) == "432165"            # inside, then outside, mirrored


def test_duplex_test_sheet_answers_either_way_up(built: Path) -> None:
    path = built / "build" / "duplex-test-en-letter.pdf"
    assert page_sizes(path) == [(792.0, 612.0), (792.0, 612.0)]
    upper, lower = Rect(0, 306, 792, 612), Rect(0, 0, 792, 306)
    assert "flipsontheshortedge" in squash(text_in(path, 1, upper))
    assert "flipsonthelongedge" in squash(text_in(path, 1, lower))
    assert {c.angle for c in chars(path, 1) if lower.contains(c.x, c.y) and c.text.strip()} \
        == {180}
    assert {c.angle for c in chars(path, 1) if upper.contains(c.x, c.y) and c.text.strip()} \
        == {0}
    spanish = built / "build" / "duplex-test-es-a4.pdf"
    assert [(round(w / MM), round(h / MM)) for w, h in page_sizes(spanish)] == [(297, 210)] * 2
    assert "vueltaporelbordecorto" not in squash(all_text(spanish))
    assert "volteaporelbordecorto" in squash(all_text(spanish))


def test_no_instructions_makes_none(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    run = zine(project, "build", SLUG, "-r", "us", "-l", "en", "-p", "letter", "-L", "minizine",
               "--no-instructions")
    assert run.exit_code == 0, run.output
    assert [p.name for p in (project / "build" / SLUG / "en-us").iterdir()] == \
        ["minizine-letter.pdf"]


# --- contrast --------------------------------------------------------------------------------

def test_check_warns_about_low_contrast_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    (project / "zines" / "tiny").mkdir()
    (project / "zines" / "tiny" / "zine.yaml").write_text(
        "title: tiny\nlanguage: en\nvariants: [en-us]\nlayouts: {booklet: full}\npanels:\n"
        + "".join(f"  - id: p{n}\n    heading: Page {n}\n    body: Grey words.\n"
                  for n in range(1, 5)))
    with (project / "layouts" / "booklet" / "style.css").open("a") as css:
        css.write("\n.body { color: #999999; }\n")
    run = zine(project, "check", "tiny")
    assert run.exit_code == 0, run.output
    assert ('layouts/booklet/style.css: warning: text in <div class="body"> is #999999 on '
            "#ffffff: contrast 2.8:1 is below the 4.5:1 that WCAG AA asks for text, and may "
            "not survive a photocopier") in run.output
    assert run.output.count("WCAG") == 1


def test_layouts_print_in_black_and_grey_only(built: Path) -> None:
    # No --grayscale needed: every colour the layouts use is a grey (a photocopy keeps it).
    for variant in ("en-us", "ar-intl"):
        for name in ("minizine-letter", "trifold-letter", "minizine-letter-instructions"):
            path = built / "build" / SLUG / variant / f"{name}.pdf"
            for page in range(len(page_sizes(path))):
                assert colourfulness(path, page) <= 6, (name, page)


def colourfulness(path: Path, page: int) -> int:
    """Return the largest difference between two colour channels of any pixel."""
    document = pdfium.PdfDocument(str(path))
    try:
        image = document[page].render(scale=40 / 72).to_pil().convert("RGB")
    finally:
        document.close()
    red, green, blue = image.split()
    return max(ImageChops.difference(a, b).getextrema()[1]
               for a, b in ((red, green), (green, blue), (red, blue)))


# --- options that cannot be honoured ---------------------------------------------------------

@pytest.mark.parametrize("args, code, message", [
    (("-L", "booklet", "--tile", "a4"), 1,
     "--tile: --tile splits a poster across sheets, but no poster is being built: add -L poster"),
    (("-L", "minizine", "--creep", "0.1mm"), 1,
     "--creep: --creep moves pages on booklet sheets, but no booklet is being built: "
     "add -L booklet"),
    (("-L", "booklet", "--creep", "0.1mm", "--bleed", "3mm"), 1,
     "--creep: --creep with --bleed: bleed pages go to a print shop, which imposes them and "
     "applies its own creep; leave out --creep"),
    (("-L", "reader", "--bleed", "3mm"), 1,
     "--bleed: --bleed is for printed layouts, but only screen layouts are being built: "
     "add -L booklet (or another printed layout)"),
    (("-L", "poster", "-p", "a4", "--tile", "a4"), 1,
     "--tile: the a4 poster is no larger than one a4 sheet: print it at 100 % without --tile"),
    (("-L", "poster", "-p", "a2", "--tile", "a4", "--bleed", "3mm"), 2,
     "--bleed is for print shops and --tile for home printers: use one of them"),
    (("--creep", "5mm"), 2, "Invalid value for '--creep': '5mm' must be between 0 and 1mm"),
    (("--bleed", "3 furlongs"), 2,
     "Invalid value for '--bleed': '3 furlongs' is not a length such as 3mm, 0.5in or 12pt"),
])
def test_print_options_that_cannot_be_honoured(tmp_path: Path, args: tuple[str, ...],
                                               code: int, message: str) -> None:
    project = copy_project(tmp_path / "project")
    run = zine(project, "build", SLUG, "-r", "us", "-l", "en", *args)
    assert run.exit_code == code
    assert message in run.output
    assert not (project / "build").exists()
