"""The build end to end: the seed text complete, outputs atomic, the manifest, exit codes."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, set_body, zine
from tests.pdfs import MM, all_text, page_sizes, squash

# The authors' text as they gave it: the zine must keep every sentence of it.
SEED = ROOT / "tests" / "seed" / "unpacking-self-harm.txt"


def seed_sentences() -> list[str]:
    """Return every sentence of the seed text (Markdown marks and link syntax removed)."""
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text).replace("*", "")
    sentences = []
    for line in text.splitlines():
        line = line.strip().lstrip("- ").rstrip(":")
        if line and line.lower() != "sources":
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", line) if s]
    return sentences


@pytest.fixture(scope="module")
def intl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the seed zine built for en-intl on A4."""
    project = copy_project(tmp_path_factory.mktemp("build") / "project")
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "intl", "-p", "a4")
    assert run.exit_code == 0, run.output
    return project


def test_reader_holds_every_sentence_of_the_seed(intl: Path) -> None:
    text = squash(all_text(intl / "build/unpacking-self-harm/en-intl/reader-a4.pdf"))
    missing = [s for s in seed_sentences() if squash(s) not in text]
    assert len(seed_sentences()) > 40
    assert missing == []


def test_crisis_lines_are_left_out_only_when_they_do_not_fit(intl: Path) -> None:
    reader = all_text(intl / "build/unpacking-self-harm/en-intl/reader-a4.pdf")
    assert "findahelpline.com" in reader and "Befrienders Worldwide" in reader
    assert "More lines" not in reader


def test_reader_is_one_a5_page_per_panel_of_the_full_edition(intl: Path) -> None:
    sizes = page_sizes(intl / "build/unpacking-self-harm/en-intl/reader-a4.pdf")
    assert len(sizes) == 12
    assert {(round(w / MM), round(h / MM)) for w, h in sizes} == {(148, 210)}


def test_manifest_lists_every_output_with_its_hash(intl: Path) -> None:
    manifest = json.loads((intl / "build/manifest.json").read_text())["outputs"]
    assert {m["layout"] for m in manifest} == {"reader", "booklet", "minizine", "cards", "trifold",
                                               "poster"}
    for entry in manifest:
        data = (intl / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["zine"] == "unpacking-self-harm" and entry["region"] == "intl"
    booklet = next(m for m in manifest
                   if m["layout"] == "booklet" and not m["path"].endswith("-instructions.pdf"))
    assert booklet["pages"] == 12 and booklet["sheets"] == 3 and booklet["edition"] == "full"


def test_a_panel_that_cannot_fit_fails_and_leaves_earlier_outputs(intl: Path) -> None:
    out = intl / "build/unpacking-self-harm/en-intl"
    before = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    manifest = (intl / "build/manifest.json").read_bytes()
    path = intl / "zines/unpacking-self-harm/zine.yaml"
    original = path.read_text(encoding="utf-8")
    set_body(path, "pocket-needs", " ".join(["word"] * 900))
    try:
        run = zine(intl, "build", "unpacking-self-harm", "-l", "en", "-r", "intl", "-p", "a4")
    finally:
        path.write_text(original, encoding="utf-8")
    assert run.exit_code == 1
    assert "panel 'pocket-needs' does not fit its page (language en, region intl, layout " \
           "minizine on a4) even at the smallest legible size" in run.output
    assert {p.name: p.read_bytes() for p in out.glob("*.pdf")} == before
    assert (intl / "build/manifest.json").read_bytes() == manifest
    assert not list(out.glob(".*.tmp"))


def test_new_zine_builds_as_it_is(empty_project: Path) -> None:
    assert zine(empty_project, "new", "my-first-zine").exit_code == 0
    run = zine(empty_project, "build", "my-first-zine")
    assert run.exit_code == 0, run.output
    built = sorted(p.name for p in (empty_project / "build/my-first-zine/en-intl").glob("*.pdf"))
    assert built == ["booklet-a4-instructions.pdf", "booklet-a4.pdf",
                     "minizine-a4-instructions.pdf", "minizine-a4.pdf", "reader-a4.pdf"]


def test_new_refuses_an_existing_zine(empty_project: Path) -> None:
    zine(empty_project, "new", "twice")
    run = zine(empty_project, "new", "twice")
    assert run.exit_code == 1
    assert "zines/twice: already exists; choose another name" in run.output


def test_usage_errors_exit_2(project: Path) -> None:
    assert zine(project, "build", "--paper", "b5").exit_code == 2
    assert zine(project, "new", "Not A Slug").exit_code == 2


def test_unknown_zine_is_named(project: Path) -> None:
    run = zine(project, "build", "unpacking-self-harn")
    assert run.exit_code == 1
    assert "zines/unpacking-self-harn: no zine 'unpacking-self-harn': did you mean " \
           "'unpacking-self-harm'?" in run.output
