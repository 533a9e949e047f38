"""Upkeep: `zine regions due`, the 60-day warning, and `zine regions recheck`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from tests.test_regions import set_checked
from zinepress.errors import Report
from zinepress.load.region import load_regions
from zinepress.upkeep import due

TODAY = dt.date.today()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", zines=False)


def test_due_within_400_days_lists_every_line_grouped_by_region(project: Path) -> None:
    report = Report()
    regions = load_regions(project / "regions", report)
    run = zine(project, "regions", "due", "--within", "400")
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    entries = due(regions, TODAY, 400)
    written = sum(1 for r in regions.values() for s in r.services if s.path == r.path)
    assert len({(e.region, e.what) for e in entries if e.what != "emergency"}) == written
    assert lines[-1] == f"{len(entries)} verification(s) expire within 400 day(s)"
    assert [line[:-1] for line in lines if line.endswith(":")] == sorted(regions)
    mx = lines.index("mx:")
    assert lines[mx + 1].startswith("  mx-linea-de-la-vida (corroborated): checked 2026-11-23")
    assert any("https://www.cronica.com.mx/" in line for line in lines[mx:mx + 9])


def test_due_by_default_lists_only_what_expires_within_60_days(project: Path) -> None:
    soon = TODAY - dt.timedelta(days=365 - 30)
    line = set_checked(project, "gb", "gb-samaritans", soon)
    run = zine(project, "regions", "due")
    assert run.exit_code == 0, run.output
    expires = soon + dt.timedelta(days=365)
    assert run.output.splitlines()[:3] == [
        "gb:",
        f"  gb-samaritans (first-party): checked {soon}, expires in 30 day(s) on {expires}  "
        f"[gb.yaml:{line}]",
        "    https://samaritans.org/branches/coventry/coventry-branch-news/coventry-samaritans-"
        "will-be-open-usual-over-christmas"]
    check = zine(project, "regions", "check")
    assert check.exit_code == 0, check.output
    assert (f"regions/gb.yaml:{line}: warning: service 'gb-samaritans' stops printing on "
            f"{expires} (checked {soon}): re-read its source, then run `zine regions recheck gb "
            "gb-samaritans`") in check.output.splitlines()


def test_recheck_records_today_and_keeps_the_file_as_written(project: Path) -> None:
    path = project / "regions" / "ie.yaml"
    before = path.read_text(encoding="utf-8")
    run = zine(project, "regions", "recheck", "ie", "ie-samaritans", "--yes")
    assert run.exit_code == 0, run.output
    after = path.read_text(encoding="utf-8")
    old, new = before.splitlines(), after.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    assert len(old) == len(new) and len(changed) == 2          # the service's and its contact's
    for i in changed:
        assert new[i] == old[i].replace("2026-11-23", TODAY.isoformat())
    assert "https://www.oireachtas.ie/en/debates/question/2013-12-10/505/" in run.output


def test_recheck_asks_first_and_refuses_unknown_services(project: Path) -> None:
    path = project / "regions" / "mx.yaml"
    before = path.read_text(encoding="utf-8")
    run = zine(project, "regions", "recheck", "mx", "mx-linea-de-la-vida")   # no answer: no
    assert run.exit_code == 1 and path.read_text(encoding="utf-8") == before
    run = zine(project, "regions", "recheck", "mx", "mx-linea-de-la-vid", "--yes")
    assert run.exit_code == 1
    assert ("regions/mx.yaml: no service 'mx-linea-de-la-vid' in this file: did you mean "
            "'mx-linea-de-la-vida'?") in run.output
    run = zine(project, "regions", "recheck", "mx", "emergency", "--yes")
    assert run.exit_code == 0, run.output
    assert f"checked: {TODAY.isoformat()}" in path.read_text(encoding="utf-8")


def test_a_build_warns_once_when_a_printed_line_expires_within_60_days(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    soon = TODAY - dt.timedelta(days=365 - 59)
    line = set_checked(project, "gb", "gb-samaritans", soon)
    run = zine(project, "build", "unpacking-self-harm", "-l", "en", "-r", "gb", "-L", "minizine",
               "-L", "cards")
    assert run.exit_code == 0, run.output
    warning = (f"regions/gb.yaml:{line}: warning: service 'gb-samaritans' stops printing on "
               f"{soon + dt.timedelta(days=365)} (checked {soon}): re-read its source, then run "
               "`zine regions recheck gb gb-samaritans`")
    assert run.output.splitlines().count(warning) == 1
