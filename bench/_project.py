"""Helpers the benchmarks share (`./dev bench` runs bench/*.py but not these _*.py helpers)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("layouts", "themes", "fonts", "regions", "zines", "locales")
SLUG = "unpacking-self-harm"


def copy_project(target: Path) -> Path:
    """Copy the project's inputs (not build/) into target and return it."""
    for part in PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, target / part)
    return target


def set_variants(project: Path, variants: list[str]) -> None:
    """Make the seed zine list these variants (language-region pairs)."""
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(re.sub(r"(?m)^variants: .*$", f"variants: [{', '.join(variants)}]",
                           yaml.read_text()))


def zine_layouts(project: Path) -> list[str]:
    """Return the layouts the seed zine lists, in its order."""
    text = (project / "zines" / SLUG / "zine.yaml").read_text()
    block = re.search(r"(?m)^layouts:\n((?:[ \t]+\S.*\n)+)", text)
    return re.findall(r"(?m)^[ \t]+([\w-]+):", block[1]) if block else []


def zine_command(*args: str) -> list[str]:
    """Return the command line that runs `zine ARGS` from this checkout."""
    return [sys.executable, str(ROOT / "cli.py"), *args]


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    """Run a command; return its wall time in seconds and its output. Stop on failure."""
    start = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"failed ({run.returncode}): {' '.join(command)}\n{run.stdout}{run.stderr}")
    return seconds, run.stdout + run.stderr


def summary(output: str) -> str:
    """Return the build's summary line ("built N, unchanged M: …")."""
    lines = [line for line in output.splitlines() if line.startswith("built ")]
    return lines[-1] if lines else "(no summary line)"
