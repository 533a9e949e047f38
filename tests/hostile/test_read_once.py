"""Each input file is read once: what was checked is what the PDF embeds (issue 12, item 4)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from tests.conftest import copy_project
from tests.hostile.corpus import BASE, GENERATORS, make_outside
from zinepress import build as pipeline
from zinepress.errors import ZineError
from zinepress.jobs import Options
from zinepress.load.images import read_image


def _probe(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    return project


def _after_loading(monkeypatch: pytest.MonkeyPatch, change) -> None:
    """Run `change` once the project is loaded and checked, before anything is rendered."""
    select = pipeline.select_jobs

    def select_then_change(*args, **kwargs):
        jobs = select(*args, **kwargs)
        change()
        return jobs
    monkeypatch.setattr(pipeline, "select_jobs", select_then_change)


def _images(pdf: Path) -> list[tuple[int, int, str]]:
    """Return each image's width, height and colour space as the PDF embeds it."""
    with pikepdf.open(pdf) as document:
        return sorted({(int(image.Width), int(image.Height), str(image.ColorSpace))
                       for page in document.pages for image in page.get_images().values()})


def _pixels(pdf: Path) -> Image.Image:
    """Return the PDF's first image as the PDF holds it, decoded."""
    with pikepdf.open(pdf) as document:
        image = next(i for page in document.pages for i in page.get_images().values())
        return pikepdf.PdfImage(image).as_pil_image().convert("L")


def test_an_image_swapped_for_a_link_after_the_check_is_not_what_is_printed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _probe(tmp_path)
    outside = make_outside(tmp_path / "outside")       # canary.png is red
    dot = project / "zines" / "probe" / "images" / "dot.png"
    checked = Image.open(io.BytesIO(dot.read_bytes()))

    def swap() -> None:
        dot.unlink()
        dot.symlink_to(outside / "canary.png")
    _after_loading(monkeypatch, swap)
    outputs, _ = pipeline.build(project, Options(slugs=("probe",)))
    # The checked dot (1200 × 1200 grey), not the red 4 × 4 canary the link points at: its
    # size, and its pixels (WeasyPrint used to read them again from the path when writing).
    pdf = project / "build" / "probe" / "en-us" / "reader-letter.pdf"
    assert _images(pdf) == [(1200, 1200, "/DeviceGray")]
    assert _pixels(pdf).tobytes() == checked.convert("L").tobytes()


def test_a_zine_folder_deleted_mid_build_is_built_from_what_was_read_or_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _probe(tmp_path)
    _after_loading(monkeypatch, lambda: shutil.rmtree(project / "zines" / "probe"))
    try:
        outputs, _ = pipeline.build(project, Options(slugs=("probe",)))
    except ZineError as exc:      # a clean error is fine too; a traceback is not
        assert exc.problems
    else:
        assert [o.built for o in outputs] == [True]
        assert (project / "build" / "probe" / "en-us" / "reader-letter.pdf").is_file()


def test_a_16_bit_grey_png_prints_grey_not_black(tmp_path: Path) -> None:
    project = _probe(tmp_path)
    images = project / "zines" / "probe" / "images"
    GENERATORS["png-16bit-grey"](images / "grey.png")
    data, problem = read_image(images.parent, "images/grey.png")
    assert problem is None
    with Image.open(io.BytesIO(data)) as image:
        assert (image.mode, image.getpixel((0, 0))) == ("L", round(50_000 / 257))
    zine_yaml = project / "zines" / "probe" / "zine.yaml"
    zine_yaml.write_text(zine_yaml.read_text().replace("images/dot.png", "images/grey.png"))
    pipeline.build(project, Options(slugs=("probe",)))
    # Every pixel: a stream read again from the 16-bit file decodes to black and grey stripes.
    assert _pixels(project / "build" / "probe" / "en-us" / "reader-letter.pdf").getextrema() \
        == (195, 195)
