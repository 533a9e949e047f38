"""Themes: folders under themes/, chosen in zine.yaml or with --theme, each usable with every
layout in both directions; the cover picture every theme shows; the errors, pinned."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from PIL import Image

from tests.conftest import copy_project, zine
from tests.pdfs import all_text, squash

YAML = "zines/unpacking-self-harm/zine.yaml"
OUT = Path("build/unpacking-self-harm")
# Each theme's own faces, as the PDF names them (fonts/fonts.yaml's family and the style).
FACES = {"plain": {"Zine-Display-Bold"}, "bold": {"Zine-Spartan-Heavy"},
         "handmade": {"Zine-Typewriter", "Zine-Sketch-Bold"}}


def fonts_of(pdf_path: Path) -> set[str]:
    """Return the base names of every font the PDF uses, its forms' fonts included."""
    names = set()
    with pikepdf.open(pdf_path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" \
                    and "/BaseFont" in obj:
                names.add(str(obj.BaseFont).split("+")[-1].lstrip("/"))
    return names


def images_on(pdf_path: Path) -> int:
    """Return how many images the PDF's first sheet draws, inside its forms too."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return len(list(pdf[0].get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=6)))
    finally:
        pdf.close()


def set_top(project: Path, text: str) -> None:
    """Add top-level keys to the shipped zine.yaml, after its credits line (line 13)."""
    path = project / YAML
    source = path.read_text(encoding="utf-8")
    credits = next(line for line in source.splitlines(keepends=True) if line.startswith("credits:"))
    path.write_text(source.replace(credits, credits + text, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with a cover picture, built in every theme: mini zine and tri-fold, en and ar."""
    project = copy_project(tmp_path_factory.mktemp("themes") / "p")
    (project / "zines/unpacking-self-harm/images").mkdir()
    Image.new("L", (900, 600), 128).save(project / "zines/unpacking-self-harm/images/cover.png")
    set_top(project, "cover: {image: images/cover.png, alt: A grey square}\n")
    for theme in FACES:
        run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-l", "ar", "-r", "intl",
                   "-L", "minizine", "-L", "trifold", "-p", "a4", "--theme", theme,
                   "--no-instructions", "-o", f"out-{theme}", "-j", "1")
        assert run.exit_code == 0, run.output
        assert "warning" not in run.output, run.output     # no contrast, glyph or fit warning
    return project


@pytest.mark.parametrize("theme", list(FACES))
@pytest.mark.parametrize("variant", ["en-intl", "ar-intl"])
@pytest.mark.parametrize("layout", ["minizine", "trifold"])
def test_every_theme_prints_in_its_own_faces_in_both_directions(
        themed: Path, theme: str, variant: str, layout: str) -> None:
    pdf = themed / f"out-{theme}" / "unpacking-self-harm" / variant / f"{layout}-a4.pdf"
    used = fonts_of(pdf)
    others = set().union(*(faces for name, faces in FACES.items() if name != theme))
    assert not others & used
    if variant == "ar-intl":     # Arabic text in Noto Naskh in every theme, upright
        assert {"Zine-Arabic", "Zine-Arabic-Bold"} <= used
        assert not [name for name in used if name.startswith("Zine-Arabic-") and "Bold" not in name]
    else:
        assert FACES[theme] <= used, used


@pytest.mark.parametrize("theme", list(FACES))
def test_every_theme_shows_the_cover_picture(themed: Path, theme: str) -> None:
    pdf = themed / f"out-{theme}" / "unpacking-self-harm" / "en-intl" / "minizine-a4.pdf"
    assert images_on(pdf) == 1


@pytest.mark.parametrize("theme", list(FACES))
def test_the_back_cover_has_the_title_a_line_and_the_sources(themed: Path, theme: str) -> None:
    text = squash(all_text(themed / f"out-{theme}" / "unpacking-self-harm" / "en-intl"
                           / "trifold-a4.pdf"))
    for printed in ("understanding what it is and why it helps", "Sources",
                    "How Pain Can Make You Feel Better"):
        assert squash(printed) in text


def test_the_zines_theme_is_used_when_no_theme_is_asked_for(project: Path) -> None:
    set_top(project, "theme: bold\n")
    run = zine(project, "build", "-l", "en", "-r", "us", "-L", "trifold", "--no-instructions")
    assert run.exit_code == 0, run.output
    assert "Zine-Spartan-Heavy" in fonts_of(project / "build/unpacking-self-harm/en-us/trifold-letter.pdf")


@pytest.mark.parametrize("top, theme_yaml, expected", [
    ("theme: fancy\n", None,
     [f"{YAML}:14: unknown theme 'fancy' (themes: bold, handmade, plain)"]),
    ("cover: {image: images/nope.png}\n", None,
     [f"{YAML}:14: cover: a cover image needs 'alt': a short description for people who "
      "cannot see it", f"{YAML}:14: cover: image 'images/nope.png' does not exist"]),
    ("cover: {image: ../../fonts/OFL.txt, alt: x}\n", None,
     [f"{YAML}:14: cover: image '../../fonts/OFL.txt' is outside the zine folder"]),
    ("", "short: middle\n",
     ["themes/odd/theme.yaml:1: 'css' names a .css file in odd/ ('theme.css')",
      "themes/odd/theme.yaml:1: 'short' is one or more of top, centre, heading ('middle')"]),
])
def test_theme_and_cover_errors_name_file_and_line(project: Path, top: str,
                                                   theme_yaml: str | None,
                                                   expected: list[str]) -> None:
    set_top(project, top)
    if theme_yaml:
        (project / "themes/odd").mkdir()
        (project / "themes/odd/theme.yaml").write_text(theme_yaml, encoding="utf-8")
    run = zine(project, "build", "-l", "en", "-r", "us", "-L", "minizine")
    assert run.exit_code == 1
    assert [line for line in run.output.splitlines() if ": " in line and "error(s)" not in line] \
        == expected


def test_an_unknown_theme_option_suggests_the_nearest(project: Path) -> None:
    run = zine(project, "check", "-l", "en", "-r", "us", "-L", "minizine", "--theme", "bolt")
    assert run.exit_code == 1
    assert "--theme: no theme 'bolt': did you mean 'bold'?" in run.output.splitlines()
    assert "themes: no theme" not in run.output


def test_zine_list_themes_names_each_with_its_description(project: Path) -> None:
    run = zine(project, "list", "themes")
    assert run.exit_code == 0
    assert [line.split("\t")[0] for line in run.output.splitlines()] == ["bold", "handmade", "plain"]
