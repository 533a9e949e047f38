"""The phone lint's verdicts, and what the loader says about small region files."""
from __future__ import annotations

from pathlib import Path

import pytest

from zinepress.errors import Report
from zinepress.load.dial import parse_dial
from zinepress.load.phones import classify, dials_in_region, library_region
from zinepress.load.region import load_regions


@pytest.mark.parametrize("dial, region, verdict", [
    ("988", "US", "short"),
    ("1-800-273-8255", "US", "number"),
    ("911", "US", "emergency"),
    ("9-1-1", "MX", "emergency"),
    ("116 123", "GB", "short"),
    ("988", "GB", "invalid"),
    ("999", "GB", "emergency"),
    ("0477 13 11 14", "AU", "number"),
    ("(011) 5275-1135", "AR", "number"),
    ("135", "AR", "invalid"),          # real, but missing from the library: needs an override
    ("1-800-273-TALK (8255)", "US", "number"),
    ("+44 116 123", None, "short-with-country"),
    ("+44 808 164 0123", None, "number"),
    ("0808 164 0123", None, "invalid"),
    ("+1 911", "US", "emergency"),      # issue 12: the country code does not hide 911
    ("+44 999", "US", "emergency"),
    ("+44 999", "GB", "emergency"),
    ("+1 988", "US", "short-with-country"),
    ("#988", "US", "star"),
    ("*988", "US", "star"),
])
def test_classify(dial: str, region: str | None, verdict: str) -> None:
    assert classify(parse_dial(dial), region) == verdict


def test_vanity_numbers_are_dialled_once() -> None:
    assert parse_dial("1-800-273-TALK (8255)").keys == "18002738255"
    assert parse_dial("116 123").keys == "116123"


def test_sub_national_regions_use_their_country() -> None:
    assert library_region("ar-c") == "AR" and library_region("intl") is None
    assert dials_in_region(parse_dial("(011) 5275-1135"), "ar-c")


REGION = """\
code: {code}
name: Test
emergency:
  dial: "{emergency}"
  verification: {{status: government, checked: 2026-11-20, source: "https://example.org/e"}}
services:
  - id: {service_id}
    name: A line
    contact:
      - {{type: phone, dial: "{dial}"}}
    verification: {{status: first-party, checked: 2026-11-20, source: "https://example.org/s"}}
"""


def problems(tmp_path: Path, **values: str) -> list[str]:
    """Load one region file made from REGION; return its problems as printed."""
    fields = {"code": "gb", "emergency": "999", "service_id": "gb-line", "dial": "116 123"}
    fields.update(values)
    (tmp_path / f"{fields['code']}.yaml").write_text(REGION.format(**fields), encoding="utf-8")
    report = Report()
    load_regions(tmp_path, report)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in report.problems]


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path) == []


@pytest.mark.parametrize("values, expected", [
    ({"service_id": "uk-line"},
     "gb.yaml:7: service 'uk-line': service id 'uk-line' must start with the region code 'gb-'"),
    ({"emergency": "116 123"},
     "gb.yaml:4: emergency: '116 123' is not an emergency number in GB for the phonenumbers "
     "library; if it is one, add phonenumbers_override with a reason and a source"),
    ({"dial": "999"},
     "gb.yaml:10: service 'gb-line': '999' is an emergency number in GB; it belongs under "
     "'emergency:', never as a helpline"),
    ({"code": "intl", "service_id": "intl-line", "emergency": "112"},
     "intl.yaml:10: service 'intl-line': '116 123' has no country: a number for readers anywhere "
     "must be written in international form (+…)"),
], ids=["id prefix", "emergency not one", "emergency as helpline", "intl national number"])
def test_region_problems(tmp_path: Path, values: dict[str, str], expected: str) -> None:
    assert expected in problems(tmp_path, **values)


def test_emergency_needs_a_source(tmp_path: Path) -> None:
    (tmp_path / "gb.yaml").write_text('code: gb\nname: Test\nemergency: {dial: "999"}\n'
                                      "services: []\n", encoding="utf-8")
    report = Report()
    load_regions(tmp_path, report)
    assert [str(p.message) for p in report.problems] == ["emergency: 'verification' is required"]


def test_hide_must_name_a_parent_service(tmp_path: Path) -> None:
    problems(tmp_path)
    (tmp_path / "gb-sct.yaml").write_text("code: gb-sct\nname: Scotland\ninherits: gb\n"
                                          "hide: [gb-lines]\nservices: []\n", encoding="utf-8")
    report = Report()
    load_regions(tmp_path, report)
    assert [p.message for p in report.problems] == [
        "hide: 'gb-lines' is not a service of gb.yaml: did you mean 'gb-line'?"]
