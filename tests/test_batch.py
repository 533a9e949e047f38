"""Batch builds: worker processes, unchanged outputs kept, PO edits, --force, shards, failures."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from tests.conftest import copy_project, zine
from tests.hostile.corpus import BASE
from zinepress.batch import _recorded, run_batch
from zinepress.errors import Problem, Report
from zinepress.inputs import Hasher
from zinepress.jobs import Job, Options, select_jobs
from zinepress.model import Variant
from zinepress.project import Project, load_project
from zinepress.write import Output, Stage

SLUG = "unpacking-self-harm"
BUILD = ("build", "--draft", "-L", "minizine", "-j", "2")
SPANISH = {"pocket-needs.heading": ("Self-harm can get our needs met.",
                                    "Autolesionarse puede cubrir nuestras necesidades.")}


def with_variants(project: Path, variants: str) -> Path:
    """Set the zine's variants, and give Spanish a PO file with one translation."""
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(re.sub(r"(?m)^variants: .*$", f"variants: [{variants}]", yaml.read_text()))
    write_po(project, SPANISH)
    return project


def write_po(project: Path, entries: dict[str, tuple[str, str]]) -> None:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    for key, (source, translation) in entries.items():
        po.append(polib.POEntry(msgctxt=key, msgid=source, msgstr=translation))
    path = project / "zines" / SLUG / "locales" / "es.po"
    path.parent.mkdir(exist_ok=True)
    po.save(str(path))


def manifest(folder: Path) -> dict[str, dict]:
    entries = json.loads((folder / "manifest.json").read_text())["outputs"]
    return {e["path"].split("/", 1)[1]: e for e in entries}


def stamps(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*.pdf"))}


@dataclass
class Story:
    first: str
    again: str
    after_po_edit: str
    forced: str
    before: dict[str, dict]
    after: dict[str, dict]
    files_before_again: dict[str, tuple[int, bytes]]
    files_after_again: dict[str, tuple[int, bytes]]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    """Build four variants, again unchanged, again after one PO edit, then with --force.

    Regions whose crisis lines fit the mini zine's panel keep the renders few and the test fast.
    """
    project = with_variants(copy_project(tmp_path_factory.mktemp("batch") / "project"),
                            "en-gb, en-intl, es-gb, es-intl")
    build = project / "build"
    first = zine(project, *BUILD)
    before, files = manifest(build), stamps(build)
    again = zine(project, *BUILD)
    files_again = stamps(build)
    write_po(project, {"pocket-needs.heading": (SPANISH["pocket-needs.heading"][0],
                                                "Las autolesiones pueden cubrir necesidades.")})
    edited = zine(project, *BUILD)
    after = manifest(build)
    forced = zine(project, *BUILD, "--force")
    return Story(first.output, again.output, edited.output, forced.output, before, after, files,
                 files_again)


def test_first_build_builds_every_variant(story: Story) -> None:
    # each mini zine comes with its instruction sheet
    assert story.first.splitlines()[-1] == "built 8, unchanged 0: build/"
    assert sorted(Path(path).name for path in story.before if "es-gb" in path) == \
        ["minizine-a4-instructions.pdf", "minizine-a4.pdf"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", e["inputs"]) for e in story.before.values())


def test_unchanged_build_rewrites_nothing(story: Story) -> None:
    assert story.again.splitlines()[-1] == "built 0, unchanged 8: build/"
    assert story.files_after_again == story.files_before_again


def test_po_edit_rebuilds_only_that_language(story: Story) -> None:
    assert story.after_po_edit.splitlines()[-1] == "built 4, unchanged 4: build/"
    changed = sorted(path for path, entry in story.after.items()
                     if entry["inputs"] != story.before[path]["inputs"])
    assert changed == [f"{SLUG}/{variant}/minizine-a4{extra}.pdf" for variant in ("es-gb", "es-intl")
                       for extra in ("-instructions", "")]


def test_force_rebuilds_everything(story: Story) -> None:
    assert story.forced.splitlines()[-1] == "built 8, unchanged 0: build/"


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The same selection built whole with -j 1 into whole/, and in three shards into parts/."""
    project = with_variants(copy_project(tmp_path_factory.mktemp("shards") / "project"),
                            "en-gb, en-intl, es-intl")
    select = ("build", "--draft", "-L", "minizine")
    whole = zine(project, *select, "-j", "1", "-o", "whole")
    assert whole.exit_code == 0, whole.output
    lines = []
    for part in ("1/3", "2/3", "3/3"):
        run = zine(project, *select, "--shard", part, "-o", "parts")
        assert run.exit_code == 0, run.output
        lines.append(run.output.splitlines()[-1])
    return project, lines


def test_shards_build_exactly_the_whole_set(sharded: tuple[Path, list[str]]) -> None:
    project, lines = sharded
    assert lines == ["built 2, unchanged 0: parts/"] * 3
    whole, parts = manifest(project / "whole"), manifest(project / "parts")
    assert sorted(parts) == sorted(whole) and len(whole) == 6   # with instruction sheets
    assert sorted(p.relative_to(project / "parts").as_posix()
                  for p in (project / "parts").rglob("*.pdf")) == sorted(whole)


def test_shard_manifests_merge_into_the_whole_one(sharded: tuple[Path, list[str]]) -> None:
    project, _ = sharded
    whole, parts = manifest(project / "whole"), manifest(project / "parts")
    # PDF bytes are not reproducible between runs (dates in the metadata): compare the rest.
    keys = ("zine", "edition", "lang", "region", "layout", "paper", "pages", "sheets", "inputs")
    assert {p: [e[k] for k in keys] for p, e in parts.items()} == \
        {p: [e[k] for k in keys] for p, e in whole.items()}


def test_failed_parallel_build_writes_nothing(project: Path) -> None:
    with_variants(project, "en-intl, es-intl")
    select = ("build", "--draft", "-L", "minizine", "-L", "reader", "-j", "2")
    assert zine(project, *select).exit_code == 0
    files, entries = stamps(project / "build"), (project / "build" / "manifest.json").read_bytes()
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(yaml.read_text().replace("    - pocket-harm-reduction\n", ""))
    run = zine(project, *select)
    assert run.exit_code == 1
    assert "layout 'minizine' needs exactly 8 panels, but edition 'pocket' has 7" in run.output
    assert stamps(project / "build") == files
    assert (project / "build" / "manifest.json").read_bytes() == entries


@pytest.mark.parametrize("shard", ["4/3", "0/2", "1-2", "a/b"])
def test_shard_must_be_i_of_n(empty_project: Path, shard: str) -> None:
    run = zine(empty_project, "build", "--shard", shard)
    assert run.exit_code == 2
    assert (f"Invalid value for '--shard': '{shard}' is not I/N with 1 <= I <= N, e.g. 2/3"
            in run.output)


def test_crisis_line_ageing_changes_the_input_hash(project: Path) -> None:
    report = Report()
    loaded = load_project(project, report)
    job = select_jobs(loaded.zines, loaded.layouts, loaded.regions,
                      Options(regions=("us",), layouts=("minizine",)), report)[0]
    checked = [s.verification.checked for s in loaded.regions["us"].services]
    oldest = min(c for c in checked if c)

    def digest(day: dt.date) -> str:
        return Hasher(loaded, Options(), day).job(job)

    assert digest(oldest + dt.timedelta(days=1)) == digest(oldest + dt.timedelta(days=2))
    assert digest(oldest + dt.timedelta(days=1)) != digest(oldest + dt.timedelta(days=366))


def test_an_emergency_number_going_stale_changes_the_input_hash(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    us = project / "regions" / "us.yaml"
    text = us.read_text(encoding="utf-8")
    fcc = '\n    source: "https://www.fcc.gov/text-to-911'
    us.write_text(text.replace("    checked: 2026-11-23" + fcc, "    checked: 2026-01-01" + fcc, 1),
                  encoding="utf-8")
    assert us.read_text(encoding="utf-8") != text
    report = Report()
    loaded = load_project(project, report)
    job = select_jobs(loaded.zines, loaded.layouts, loaded.regions,
                      Options(regions=("us",), layouts=("minizine",)), report)[0]

    def digest(day: dt.date) -> str:
        return Hasher(loaded, Options(), day).job(job)

    # Only the emergency number's check ages past 365 days between these two days.
    assert digest(dt.date(2026, 12, 1)) != digest(dt.date(2027, 1, 2))


@pytest.mark.parametrize("problem", [
    Problem("zines/x/zine.yaml", 12, "unknown key 'titel': did you mean 'title'?", "warning"),
    Problem("regions/us.yaml", None, "a note: with a colon", "warning"),
])
def test_recorded_warnings_are_reported_again_as_they_were(problem: Problem) -> None:
    assert _recorded(str(problem)) == problem


def test_manifests_of_shards_on_separate_machines_merge(
        sharded: tuple[Path, list[str]], tmp_path: Path) -> None:
    project, _ = sharded
    select = ("build", "--draft", "-L", "minizine")
    machines = []
    for part in ("1/2", "2/2"):
        machine = copy_project(tmp_path / part.replace("/", "-of-"))
        (machine / "zines" / SLUG / "zine.yaml").write_text(
            (project / "zines" / SLUG / "zine.yaml").read_text())
        write_po(machine, SPANISH)
        assert zine(machine, *select, "--shard", part).exit_code == 0
        machines.append(machine / "build" / "manifest.json")
    run = zine(project, "manifest", "merge", *map(str, machines), "-o", "merged.json")
    assert run.exit_code == 0, run.output
    merged = {e["path"].split("/", 1)[1]: e
              for e in json.loads((project / "merged.json").read_text())["outputs"]}
    whole = manifest(project / "whole")
    assert {p: e["inputs"] for p, e in merged.items()} == {p: e["inputs"] for p, e in whole.items()}


def test_merge_refuses_one_output_built_from_different_inputs(tmp_path: Path) -> None:
    entry = {"path": "build/z/en-us/minizine-letter.pdf", "inputs": "a"}
    for name, inputs in (("one.json", "a"), ("two.json", "b")):
        (tmp_path / name).write_text(json.dumps({"outputs": [{**entry, "inputs": inputs}]}))
    (tmp_path / "zines").mkdir()
    run = zine(tmp_path, "manifest", "merge", "one.json", "two.json")
    assert run.exit_code == 1
    assert ("two.json: 'build/z/en-us/minizine-letter.pdf' is also in one.json, built from other "
            "inputs: were the shards built with the same options, from the same files?"
            in run.output)
    assert not (tmp_path / "build").exists()


def test_a_staged_batch_holds_one_output_in_memory_at_a_time(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    report = Report()
    loaded = load_project(project, report)
    [job] = select_jobs(loaded.zines, loaded.layouts, loaded.regions, Options(), report)
    langs = ["en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "fi", "pl", "cs"]
    jobs = [dataclasses.replace(job, variant=Variant(lang, "us")) for lang in langs]
    size = 8_000_000

    def unit(project: Project, job: Job, options: Options, report: Report) -> Output:
        return Output("probe", job.edition, job.variant.lang, "us", "reader", job.paper,
                      job.path, os.urandom(size), 1, 1, sides=1)   # not a PDF to count
    stage = Stage(tmp_path / "out")
    tracemalloc.start()
    try:
        outputs = run_batch(loaded, jobs, Options(workers=1, force=True), tmp_path / "out",
                            report, unit, stage=stage)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        stage.discard()
    assert len(outputs) == 12 and all(o.data == b"" for o in outputs)
    assert peak < 3 * size        # held all at once, it would be 12 × 8 MB


def test_an_instruction_sheet_the_same_in_two_regions_is_built_once(project: Path) -> None:
    built = []
    import zinepress.build as pipeline

    def counted(project: Project, job: Job, options: Options, report: Report):
        built.append(job.path)
        return pipeline.build_job(project, job, options, report)
    report = Report()
    loaded = load_project(project, report, ("unpacking-self-harm",))
    options = Options(("unpacking-self-harm",), ("en",), ("gb", "au"), ("minizine",), workers=1)
    jobs = select_jobs(loaded.zines, loaded.layouts, loaded.regions, options, report)
    sheet = "minizine-a4-instructions.pdf"
    outputs = run_batch(loaded, jobs, options, project / "out", report, counted,
                        twin=lambda job: pipeline.same_sheet(loaded, options, job))
    assert [p.name for p in built].count(sheet) == 1 and len(built) == 3
    sheets = [o for o in outputs if o.path.name == sheet]
    assert sorted(o.region for o in sheets) == ["au", "gb"]
    assert sheets[0].content() == sheets[1].content()
    assert {o.path.parent.name for o in sheets} == {"en-gb", "en-au"}
