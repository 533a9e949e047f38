"""zinepress as a tool: the wheel, installed in a new venv, makes and builds a project anywhere.

The wheel is built from this checkout and installed without its dependencies into a new venv
whose path also holds this test environment's packages (already installed from the lock), so
nothing is downloaded. The project is an empty temporary folder, far from the checkout.
"""
from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

ROOT = Path(__file__).resolve().parents[1]
NAVY = (0, 0, 153)
CUSTOM_CSS = "h1, h2, p, li { color: rgb(0, 0, 153) !important; }\n"
ZZ_REGION = """\
code: zz
name: Testland
paper: a4
emergency: null
services:
  - id: zz-directory
    name: findahelpline.com
    topics: [mental-health]
    audience: everyone
    contact:
      - type: web
        url: "https://findahelpline.com"
    verification:
      status: first-party
      checked: {today}
      source: "https://findahelpline.com"
      quote: "findahelpline.com"
"""


@pytest.fixture(scope="module")
def zine(tmp_path_factory: pytest.TempPathFactory):
    """Return a function that runs the installed `zine` in an empty project folder."""
    tmp = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(tmp / "dist")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                "get_paths()['purelib'])"], check=True, capture_output=True,
                               text=True).stdout.strip())
    (site / "zz_lock_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    project = tmp / "project"
    project.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(venv / "bin" / "zine"), *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=600)

    run.project = project
    run.python = python
    return run


def _build_wheel(dist: Path) -> Path:
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "-o", str(dist),
                    str(ROOT)], check=True, capture_output=True)
    [wheel] = dist.glob("zinepress-*.whl")
    return wheel


def test_the_installed_package_is_the_wheel(zine) -> None:
    found = subprocess.run([str(zine.python), "-c", "import zinepress, zinepress.assets as a; "
                            "print(zinepress.__file__); print(a.builtin_root())"],
                           cwd=zine.project, capture_output=True, text=True, check=True)
    module, builtin = found.stdout.splitlines()
    assert not Path(module).is_relative_to(ROOT)
    assert Path(builtin).name == "_builtin" and (Path(builtin) / "layouts/minizine").is_dir()


def test_new_build_and_check_in_an_empty_folder(zine) -> None:
    made = zine("new", "demo")
    assert made.returncode == 0, made.stderr
    built = zine("build", "demo")
    assert built.returncode == 0, built.stderr
    pdfs = sorted(p.name for p in (zine.project / "build/demo/en-intl").glob("*.pdf"))
    assert {"booklet-a4.pdf", "minizine-a4.pdf", "reader-a4.pdf"} <= set(pdfs)
    manifest = json.loads((zine.project / "build/manifest.json").read_text())
    assert all(not Path(o["path"]).is_absolute() for o in manifest["outputs"])
    checked = zine("check", "demo")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_project_stylesheet_customizes_the_builtin_layout(zine) -> None:
    assert zine("build", "demo", "-L", "minizine", "--no-instructions").returncode == 0
    pdf = zine.project / "build/demo/en-intl/minizine-a4.pdf"
    assert NAVY not in text_colours(pdf)
    custom = zine.project / "layouts/minizine"
    custom.mkdir(parents=True)
    (custom / "style.css").write_text(CUSTOM_CSS)
    listed = zine("list", "layouts")
    assert "minizine\tletter, a4\tbuilt-in" in listed.stdout
    built = zine("build", "demo", "-L", "minizine", "--no-instructions")
    assert built.returncode == 0, built.stderr
    assert NAVY in text_colours(pdf)


def test_a_project_region_adds_to_the_builtin_ones(zine) -> None:
    (zine.project / "regions").mkdir(exist_ok=True)
    (zine.project / "regions/zz.yaml").write_text(
        ZZ_REGION.format(today=__import__("datetime").date.today().isoformat()))
    checked = zine("regions", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rows = {line.split()[0]: line for line in checked.stdout.splitlines() if line.strip()}
    assert "zz" in rows and "Testland" in rows["zz"] and "gb" in rows
    listed = zine("list", "regions")
    assert "zz\tTestland\ta4\t1 service(s)\tproject\tregions/zz.yaml" in listed.stdout
    assert "\tbuilt-in\t" in next(l for l in listed.stdout.splitlines() if l.startswith("gb\t"))


def text_colours(path: Path) -> set[tuple[int, int, int]]:
    """Return the fill colours of every character in the PDF."""
    document = pdfium.PdfDocument(str(path))
    colours = set()
    try:
        for page in document:
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                r, g, b, a = (ctypes.c_uint() for _ in range(4))
                if raw.FPDFText_GetFillColor(textpage, i, r, g, b, a):
                    colours.add((r.value, g.value, b.value))
    finally:
        document.close()
    return colours
