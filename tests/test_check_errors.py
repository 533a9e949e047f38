"""`zine check` on broken zines: every problem at once, each as path:line: message, exit 1."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import zine

GOOD = """\
title: tiny
language: en
variants: [en-intl]
layouts: {reader: full}
panels:
  - id: cover
    kind: cover
    title: tiny
  - id: one
    heading: One
    body: Some text.
"""

# (what is broken, the zine.yaml, the exact line the report must hold)
CASES = [
    ("bad indentation", GOOD.replace("    heading: One", "   heading: One"),
     "zines/tiny/zine.yaml:10: not valid YAML: this line's indentation does not line up with "
     "the lines above"),
    ("a tab", GOOD.replace("    heading: One", "\theading: One"),
     "zines/tiny/zine.yaml:10: not valid YAML: a tab: indent with spaces"),
    ("unknown key", GOOD.replace("    heading: One", "    heading: One\n    bdy: x"),
     "zines/tiny/zine.yaml:11: warning: panel 'one': unknown key 'bdy': did you mean 'body'?"),
    ("duplicate id", GOOD + "  - id: one\n    body: again\n",
     "zines/tiny/zine.yaml:12: duplicate panel id 'one' (first on line 9)"),
    ("edition names a missing panel", GOOD + "editions:\n  short: [cover, two]\n",
     "zines/tiny/zine.yaml:13: edition 'short' names panel 'two', which does not exist"),
    ("image without alt", GOOD + "  - id: pic\n    kind: image\n    src: images/dot.png\n",
     "zines/tiny/zine.yaml:12: panel 'pic': an image needs 'alt': a short description for "
     "people who cannot see it"),
    ("raw HTML in a body", GOOD.replace("body: Some text.", "body: Some <b>bold</b> text."),
     "zines/tiny/zine.yaml:11: panel 'one': raw HTML is not allowed in text: '<b>'"),
    ("unknown kind", GOOD.replace("    kind: cover", "    kind: covr"),
     "zines/tiny/zine.yaml:7: panel 'cover': unknown kind 'covr': did you mean 'cover'? (kinds: "
     "text, cover, list, quote, image, crisis-lines, sources, notes, back-cover)"),
    ("anchor", GOOD.replace("title: tiny\n", "title: &t tiny\n", 1),
     "zines/tiny/zine.yaml:1: anchors (&t) are not allowed in content files"),
    ("python tag", GOOD.replace("title: tiny\n", "title: !!python/object:os.system x\n", 1),
     "zines/tiny/zine.yaml:1: tags (!!python/object:os.system) are not allowed in content files"),
    ("image outside the zine", GOOD + "  - id: pic\n    kind: image\n    src: ../../regions/us.yaml\n"
     "    alt: x\n", "zines/tiny/zine.yaml:14: panel 'pic': image '../../regions/us.yaml' is "
     "outside the zine folder"),
    ("unknown layout", GOOD.replace("{reader: full}", "{redaer: full}"),
     "zines/tiny/zine.yaml:4: unknown layout 'redaer': did you mean 'reader'?"),
    ("unknown region", GOOD.replace("[en-intl]", "[en-xx]"),
     "zines/tiny/zine.yaml:3: variant 'en-xx': no region file regions/xx.yaml"),
]


def _write(project: Path, text: str) -> None:
    folder = project / "zines" / "tiny"
    (folder / "images").mkdir(parents=True)
    Image.new("L", (1200, 1200)).save(folder / "images" / "dot.png")  # images are checked
    (folder / "zine.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_check_reports_the_problem_with_its_line(empty_project: Path, name: str, text: str,
                                                 expected: str) -> None:
    _write(empty_project, text)
    run = zine(empty_project, "check", "--strict")
    assert run.exit_code == 1, run.output
    assert expected in run.output.splitlines(), run.output


def test_all_problems_are_reported_at_once(empty_project: Path) -> None:
    broken = GOOD.replace("    heading: One", "    heading: One\n    bdy: x") + \
        "  - id: one\n    body: again\n  - id: pic\n    kind: image\n    src: images/dot.png\n"
    _write(empty_project, broken)
    run = zine(empty_project, "check")
    assert run.exit_code == 1
    assert "2 error(s), 1 warning(s)" in run.output


def test_good_zine_checks_clean(empty_project: Path) -> None:
    _write(empty_project, GOOD)
    run = zine(empty_project, "check", "--strict")
    assert run.exit_code == 0, run.output
    assert not (empty_project / "build").exists()
