"""The legibility lint, on real renders: small text, long lines and coarse images are warned about."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import copy_project, zine
from tests.test_fit import line_of

YAML = "zines/unpacking-self-harm/zine.yaml"
IMAGE_PANEL = """
  - id: drawing
    kind: image
    heading: A drawing
    src: images/drawing.png
    alt: A hand-drawn spiral.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Build a copy whose mini zine text is 7 pt, whose booklet allows 60-character lines and
    whose full edition has a 300 px image; return it and the build's output lines."""
    project = copy_project(tmp_path_factory.mktemp("lint") / "p")
    css = project / "layouts/minizine/style.css"
    css.write_text(css.read_text() + "html { font-size: 7pt; }\n")
    # Text that grows to fill its page would no longer be small or long-lined: keep the sizes.
    for name in ("minizine", "booklet"):
        path = project / "layouts" / name / "layout.yaml"
        path.write_text("\n".join(line for line in path.read_text().splitlines()
                                  if not line.startswith("max_body_pt:")) + "\n")
    layout = project / "layouts/booklet/layout.yaml"
    layout.write_text(layout.read_text().replace("max_line_chars: 80", "max_line_chars: 60"))
    folder = project / "zines/unpacking-self-harm"
    (folder / "images").mkdir()
    # 300 px printed as wide as the booklet page's text (123 mm on A5): 62 dpi.
    Image.new("L", (300, 300), 255).save(folder / "images/drawing.png")
    yaml = folder / "zine.yaml"
    text = yaml.read_text().replace("\n  - id: sources\n", IMAGE_PANEL + "\n  - id: sources\n")
    yaml.write_text(text.replace("    - support\n    - sources\n", "    - support\n    - drawing\n    - sources\n"))
    (project / "layouts/booklet/style.css").write_text(
        (project / "layouts/booklet/style.css").read_text() + "figure img { width: 100%; }\n")
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "gb")
    assert run.exit_code == 0, run.output
    return project, run.output.splitlines()


def warning(built: tuple[Path, list[str]], panel_id: str, message: str) -> bool:
    """Tell whether the build warned about a panel, at its line in zine.yaml."""
    project, lines = built
    return f"{YAML}:{line_of(project, panel_id)}: warning: panel '{panel_id}' {message}" in lines


def test_text_below_the_layout_minimum_is_warned_about(built: tuple[Path, list[str]]) -> None:
    assert warning(built, "pocket-not-suicide", "(en-gb, layout minizine on a4): its text is "
                   "7.0 pt, below this layout's smallest legible size, 7.5 pt")


def test_fine_print_below_the_layout_minimum_is_warned_about(built: tuple[Path, list[str]]) -> None:
    assert warning(built, "back", "(en-gb, layout minizine on a4): \"Text from the zine "
                   "unpacking self-harm.…\" is 5.6 pt, below the smallest print this layout "
                   "allows, 6 pt")


def test_long_lines_are_warned_about_in_the_booklet(built: tuple[Path, list[str]]) -> None:
    assert warning(built, "needs", "(en-gb, layout booklet on a4): its lines run to 68 "
                   "characters on average, more than about 60 is hard to follow: make the text "
                   "larger or the margins wider in the layout")
    assert not any("layout reader" in w and "characters" in w for w in built[1])


def test_a_coarse_image_is_warned_about(built: tuple[Path, list[str]]) -> None:
    assert warning(built, "drawing", "(en-gb, layout booklet on a4): image 'images/drawing.png' "
                   "prints at 62 dpi (300 px across 123 mm); use one at least 723 px wide for "
                   "150 dpi")


def test_nothing_is_warned_about_in_the_shipped_zine(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "us")
    assert run.exit_code == 0
    assert "warning" not in run.output
