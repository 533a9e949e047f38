"""`zine check`: every variant and layout checked as a build would, one grouped report, no files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from tests.test_fit import JUST_FITS, line_of, with_body

YAML = "zines/unpacking-self-harm/zine.yaml"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("check") / "p")


def test_every_language_and_region_of_the_shipped_zine_checks_clean(shipped: Path) -> None:
    run = zine(shipped, "check", "--all", "-L", "minizine")
    languages = 1 + len(list((shipped / "zines/unpacking-self-harm/locales").glob("*.po")))
    variants = languages * len(list((shipped / "regions").glob("*.yaml")))
    assert run.exit_code == 0, run.output
    # Each mini zine also gets its printing instructions: an output of its own.
    assert re.fullmatch(rf"checked 1 zine\(s\): {variants} variant\(s\) in 1 layout\(s\) "
                        r"\(minizine\), \d+ output\(s\); 0 error\(s\), \d+ warning\(s\); "
                        "nothing written", run.output.splitlines()[-1])
    assert not (shipped / "build").exists()


def test_a_variant_is_checked_in_every_layout(shipped: Path) -> None:
    run = zine(shipped, "check", "-l", "en", "-r", "us")
    assert run.exit_code == 0, run.output
    summary = re.fullmatch(r"checked 1 zine\(s\): 1 variant\(s\) in (\d+) layout\(s\) \((.*)\), "
                           r"(\d+) output\(s\); 0 error\(s\), 0 warning\(s\); nothing written",
                           run.output.splitlines()[-1])
    assert summary and int(summary[3]) >= int(summary[1])
    assert {"booklet", "minizine", "reader"} <= set(summary[2].split(", "))
    assert not (shipped / "build").exists()


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with a panel three times too long, a misspelt panel key and a misspelt layout key."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "p")
    with_body(project, "pocket-needs", 3 * JUST_FITS)
    yaml = project / YAML
    yaml.write_text(yaml.read_text().replace("    heading: Harm reduction, not pressure to stop.\n",
                                             "    heding: Harm reduction, not pressure to stop.\n"))
    layout = project / "layouts/minizine/layout.yaml"
    layout.write_text(layout.read_text() + "min_body: 8\n")
    return project


def test_problems_are_grouped_per_file_errors_first(broken: Path) -> None:
    run = zine(broken, "check", "-l", "en", "-r", "us", "-L", "minizine")
    assert run.exit_code == 1
    assert run.output.splitlines() == [
        f"== {YAML} (1 error(s), 1 warning(s))",
        f"{YAML}:{line_of(broken, 'pocket-needs')}: panel 'pocket-needs' does not fit its page (language en, region us, "
        "layout minizine on letter) even at the smallest legible size, 7.5 pt on 1.20 line "
        "spacing: it is about 30 line(s) (218 word(s)) too long; the last sentence that fits is "
        "\"It can alter our relationships with others and how they understand our "
        "experiences.\". Shorten the panel or split it into two",
        f"{YAML}:{line_of(broken, 'pocket-harm-reduction') + 1}: warning: panel "
        "'pocket-harm-reduction': unknown key 'heding': did you "
        "mean 'heading'?",
        "",
        "== layouts/minizine/layout.yaml (0 error(s), 1 warning(s))",
        "layouts/minizine/layout.yaml:19: warning: unknown key 'min_body': did you mean "
        "'min_body_pt'?",
        "",
        "checked 1 zine(s): 1 variant(s) in 1 layout(s) (minizine), 2 output(s); 1 error(s), "
        "2 warning(s); nothing written"]
    assert not (broken / "build").exists()


def test_strict_fails_on_warnings(shipped: Path) -> None:
    layout = shipped / "layouts/minizine/layout.yaml"
    before = layout.read_text()
    layout.write_text(before + "min_body: 8\n")
    try:
        assert zine(shipped, "check", "-r", "gb", "-L", "minizine").exit_code == 0
        assert zine(shipped, "check", "-r", "gb", "-L", "minizine", "--strict").exit_code == 1
    finally:
        layout.write_text(before)
    assert not (shipped / "build").exists()
