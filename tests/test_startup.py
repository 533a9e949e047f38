"""Start-up: `zine --help` and a build with nothing to build load no renderer (issue 16).

Structural, not timed: each test runs a fresh Python and lists which of the heavy libraries
ended up in sys.modules. A top-level import that pulls one in again fails here, naming it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, copy_project

# Every library that costs start-up time; WeasyPrint alone is about half a second.
HEAVY = ("weasyprint", "pikepdf", "pypdfium2", "phonenumbers", "babel", "qrcode", "fontTools",
         "polib", "markdown_it", "jinja2", "PIL")
# A no-op build still loads and checks the project (YAML, Markdown, phone numbers, language
# names), but renders, encodes and draws nothing, opens no PDF (the guide's sides are in the
# manifest), reads no PO file (a kept output's were checked when it was built), takes no bundled
# font apart (load/sound_fonts.py) and decodes no image (the project has none).
NOT_IN_NOOP = ("weasyprint", "pikepdf", "pypdfium2", "qrcode", "jinja2", "fontTools", "polib",
               "PIL")
HELPS = [["--help"], ["build", "--help"], ["check", "--help"], ["i18n", "--help"],
         ["i18n", "status", "--help"], ["regions", "--help"], ["regions", "show", "--help"],
         ["preview", "--help"], ["serve", "--help"], ["manifest", "merge", "--help"],
         ["test-sheet", "--help"], ["list", "--help"], ["new", "--help"]]

PROBE = """
import json, sys
import zinepress.cli
for args in json.loads(sys.argv[1]):
    try:
        zinepress.cli.main(args, standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)))
"""


def loaded(commands: list[list[str]], watched: tuple[str, ...], cwd: Path) -> list[str]:
    """Run these command lines in one fresh Python; return the watched modules it loaded."""
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands), json.dumps(watched)],
                         cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[-1])


def test_help_loads_no_heavy_library() -> None:
    assert loaded(HELPS, HEAVY, ROOT) == []


def test_a_build_with_nothing_to_build_renders_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build = ["build", "unpacking-self-harm", "-l", "en", "-r", "us", "-L", "poster", "-j", "1"]
    first = subprocess.run([sys.executable, str(ROOT / "cli.py"), *build], cwd=project,
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "built 1, unchanged 0" in first.stdout
    assert loaded([build], NOT_IN_NOOP, project) == []
    again = subprocess.run([sys.executable, str(ROOT / "cli.py"), *build], cwd=project,
                           capture_output=True, text=True)
    assert "built 0, unchanged 1" in again.stdout
