"""`zine regions check | show` on the shipped database and on broken copies of it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine

STALE = dt.date.today() - dt.timedelta(days=3 * 365 + 1)   # "checked three years ago"


def add_contact(project: Path, region: str, service: str, contact: str) -> int:
    """Insert a contact line first in a service's contacts; return its line number."""
    path = project / "regions" / f"{region}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {service}\n")
    at = next(i for i in range(start, len(lines)) if lines[i] == "    contact:\n") + 1
    lines.insert(at, f"      - {contact}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def set_checked(project: Path, region: str, service: str, day: dt.date) -> int:
    """Set a service's own `checked` date; return its line number."""
    path = project / "regions" / f"{region}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {service}\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:")),
               len(lines))
    at = max(i for i in range(start, end) if lines[i].startswith("      checked:"))
    lines[at] = f"      checked: {day.isoformat()}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untouched copy of the project, shared by the tests that only read it."""
    return copy_project(tmp_path_factory.mktemp("regions") / "project", zines=False)


def test_check_passes_on_shipped_data_and_lists_counts(shipped: Path) -> None:
    run = zine(shipped, "regions", "check")
    assert run.exit_code == 0, run.output
    rows = [line.split() for line in run.output.splitlines()]
    assert rows[0] == ["region", "name", "paper", "services", "printed", "printed", "by",
                       "status", "emergency"]
    by_code = {row[0]: row for row in rows[1:-1]}
    assert set(by_code) == {"ar", "ar-b", "ar-c", "at", "au", "be", "br", "ca", "ch", "cl",
                            "co-dc", "de", "es", "fr", "gb", "ie", "in", "intl", "lb", "mx", "nl",
                            "nz", "pe", "ph", "pl", "pt", "se", "sg", "us"}
    statuses = ("first-party", "government", "corroborated")     # a helpline printed everywhere
    assert all(any(s in line for s in statuses) for line in run.output.splitlines()[1:-1])
    assert by_code["gb"][-6:] == ["a4", "2", "2", "first-party", "2", "999"]
    assert by_code["us"][-8:] == ["letter", "3", "3", "first-party", "1,", "government", "2",
                                  "911"]
    assert by_code["mx"][-6:] == ["letter", "1", "1", "corroborated", "1", "9-1-1"]
    assert by_code["es"][-6:] == ["a4", "2", "1", "corroborated", "1", "112"]
    assert by_code["lb"][-6:] == ["a4", "1", "1", "government", "1", "none"]
    assert by_code["ar-c"][-6:] == ["1", "corroborated", "1", "not", "printed", "(unconfirmed)"]
    assert run.output.splitlines()[-1] == "29 region(s) checked, no problems"


def test_show_prints_what_a_handout_says(shipped: Path) -> None:
    run = zine(shipped, "regions", "show", "us")
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert lines[0] == "United States (us) · paper letter · language en"
    veterans = next(line for line in lines if line.startswith("Veterans Crisis Line"))
    assert veterans.split("  ")[0] == "Veterans Crisis Line · crisis support, for veterans"
    assert "Call 988, then press 1" in veterans and "open 24/7" in veterans
    text_line = next(line for line in lines if "Text AYUDA to 741741" in line)
    assert text_line.endswith("first-party, checked 2026-12-01") and "Spanish" in text_line
    assert "Text HOME" not in run.output       # partner keywords vary: none is printed
    end = lines.index("Sources:")
    assert lines[end - 3] == "In an emergency, call 911.  [government, checked 2026-11-23]"
    assert lines[end - 2] == "Numbers checked on November 23, 2026."
    assert lines[-2:] == ["  emergency: government, checked 2026-11-23",
                          "      https://www.fcc.gov/text-to-911"]


def test_show_gives_hours_past_midnight_in_the_readers_format(shipped: Path) -> None:
    run = zine(shipped, "regions", "show", "fr")
    chat = next(line for line in run.output.splitlines() if "chat-accueil.org" in line)
    assert "daily 13:00 to 03:00 the next day" in chat


def test_show_refuses_an_unknown_region(shipped: Path) -> None:
    run = zine(shipped, "regions", "show", "gbr")
    assert run.exit_code == 2
    assert "no region 'gbr': did you mean 'gb'?" in run.output


def test_a_service_checked_three_years_ago_fails_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    line = set_checked(project, "gb", "gb-samaritans", STALE)
    run = zine(project, "regions", "check")
    assert run.exit_code == 1
    assert (f"regions/gb.yaml:{line}: service 'gb-samaritans' was checked on {STALE}, more than "
            "365 days ago: check it against https://samaritans.org/branches/coventry/"
            "coventry-branch-news/coventry-samaritans-will-be-open-usual-over-christmas and "
            "update 'checked'") in run.output.splitlines()
    assert zine(project, "regions", "check", "--max-age", "2000").exit_code == 0


# (what is added to gb-samaritans, the message after "regions/gb.yaml:<line>: ")
LINT = [
    ('{type: phone, dial: "988"}',
     "service 'gb-samaritans': '988' is not a valid number or short code in GB for the "
     "phonenumbers library; if the number is real, add phonenumbers_override with a reason and "
     "a source"),
    ('{type: phone, dial: "999"}',
     "service 'gb-samaritans': '999' is an emergency number in GB; it belongs under "
     "'emergency:', never as a helpline"),
    ('{type: sms, dial: "112", phonenumbers_override: {reason: "it is real", source: '
     '"https://example.org"}}',
     "service 'gb-samaritans': '112' is an emergency number in GB; it belongs under "
     "'emergency:', never as a helpline"),
    ('{type: phone, dial: "116 123", phonenumbers_override: {reason: "x", source: '
     '"https://example.org"}}',
     "warning: service 'gb-samaritans': '116 123' passes the phone lint; remove its "
     "phonenumbers_override"),
    ('{type: phone, dial: "988", phonenumbers_override: {reason: "a test"}}',
     "service 'gb-samaritans': 'source' is required"),
    ('{type: sms, dial: "85258", press: "1"}',
     "service 'gb-samaritans': 'press' is a menu option after dialling; a sms contact has none"),
    ('{type: phone, dial: "116 123", hours: {daily: ["19:00", "24:30"]}}',
     "service 'gb-samaritans': daily hours must be two times, e.g. [\"19:00\", \"23:00\"]"),
]


@pytest.mark.parametrize("contact, message", LINT, ids=[c for c, _ in LINT])
def test_check_names_file_and_line(tmp_path: Path, contact: str, message: str) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    line = add_contact(project, "gb", "gb-samaritans", contact)
    run = zine(project, "regions", "check")
    assert f"regions/gb.yaml:{line}: {message}" in run.output.splitlines(), run.output
    assert run.exit_code == (0 if message.startswith("warning") else 1)


def test_988_with_an_override_passes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    add_contact(project, "gb", "gb-samaritans", '{type: phone, dial: "988", phonenumbers_override:'
                ' {reason: "a test of the override", source: "https://example.org/988"}}')
    assert zine(project, "regions", "check").exit_code == 0
