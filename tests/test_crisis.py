"""What the crisis-lines panel prints for a region: chosen, checked for age, put in words."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from zinepress.crisis import CrisisView, contact_count, crisis_view, trimmed_by
from zinepress.errors import Report
from zinepress.load.region import load_regions
from zinepress.localize import Words
from zinepress.regions import Reader

TODAY = dt.date(2026, 11, 23)
GOOD = '{status: government, checked: 2026-11-20, source: "https://example.org/good"}'
OLD = '{status: government, checked: 2023-11-20, source: "https://example.org/old"}'
UNCONFIRMED = '{status: unconfirmed, checked: 2026-11-20, source: "https://example.org/doubt"}'
FIRST_PARTY = '{status: first-party, checked: 2026-11-20, source: "https://example.org/own"}'


def region_file(tmp_path: Path, services: str, emergency: str = GOOD, code: str = "us") -> Path:
    """Write regions/<code>.yaml with the given services block."""
    dial = {"gb": "999"}.get(code, "911")
    text = (f"code: {code}\nname: Test\npaper: letter\nemergency:\n  dial: \"{dial}\"\n"
            f"  verification: {emergency}\nservices:\n{services}")
    (tmp_path / f"{code}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def view(folder: Path, draft: bool = False, lang: str = "en",
         code: str = "us") -> tuple[CrisisView, Report]:
    report = Report()
    region = load_regions(folder, report)[code]
    assert not report.problems, report.problems
    return crisis_view(Reader(region, lang, Words({})), report, TODAY, draft), report


def service(sid: str, verification: str, contacts: str, topics: str = "[crisis]") -> str:
    return (f"  - id: {sid}\n    name: {sid}\n    topics: {topics}\n    contact:\n{contacts}"
            f"    verification: {verification}\n")


def test_a_confirmed_contact_inside_an_unconfirmed_service_never_prints(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service(
        "us-doubt", UNCONFIRMED, f'      - {{type: phone, dial: "988", verification: {FIRST_PARTY}}}\n'))
    report = Report()
    region = load_regions(folder, report)["us"]
    printed = crisis_view(Reader(region, "en", Words({})), report, TODAY, False)
    assert printed.services == ()
    assert [p.message for p in report.errors] == [
        "region 'us' has no helpline a print build can print: 'us-doubt' cannot be printed yet "
        "(unconfirmed or stale; see `zine regions show us`); build with --draft to print it "
        "marked DRAFT, or confirm a line (regions/README.md: verification) and record the day "
        "you read its source"]


def test_an_unconfirmed_emergency_number_does_not_print(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-line", GOOD, '      - {type: phone, dial: "988"}\n'),
                         emergency=UNCONFIRMED)
    printed, _ = view(folder)
    assert printed.emergency == () and [s.id for s in printed.services] == ["us-line"]
    drafted, _ = view(folder, draft=True)
    assert drafted.emergency == ("911",) and drafted.emergency_draft == "DRAFT: not confirmed"


def test_a_stale_service_is_an_error_unless_draft(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-old", OLD, '      - {type: phone, dial: "988"}\n'))
    printed, report = view(folder)
    assert printed.services == ()
    assert [str(p) for p in report.errors] == [
        f"{folder / 'us.yaml'}:13: service 'us-old' was checked on 2023-11-20, more than 365 days "
        "ago: check it against https://example.org/old and update 'checked', or build with --draft",
        f"{folder / 'us.yaml'}: region 'us' has no helpline a print build can print: 'us-old' "
        "cannot be printed yet (unconfirmed or stale; see `zine regions show us`); build with "
        "--draft to print it marked DRAFT, or confirm a line (regions/README.md: verification) "
        "and record the day you read its source"]
    drafted, report = view(folder, draft=True)
    assert report.errors == []
    assert drafted.services[0].contacts[0].draft == "DRAFT: checked on November 20, 2023"


def test_a_stale_contact_source_makes_its_service_stale(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service(
        "us-line", GOOD, f'      - {{type: phone, dial: "988", verification: {OLD}}}\n'))
    _, report = view(folder)
    assert "service 'us-line' was checked on 2023-11-20" in report.errors[0].message


def test_press_keyword_and_links(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-line", GOOD, (
        '      - {type: phone, dial: "988", press: "1"}\n'
        '      - {type: sms, dial: "741741", keyword: HOME}\n'
        '      - {type: videophone, dial: "1-800-273-TALK (8255)"}\n'
        '      - {type: chat, url: "https://988lifeline.org"}\n')))
    contacts = view(folder)[0].services[0].contacts
    assert [(c.kind, c.press, c.href) for c in contacts] == [
        ("phone", "1", "tel:988"), ("sms", None, "sms:741741?body=HOME"),
        ("videophone", None, "tel:18002738255"), ("chat", None, "https://988lifeline.org")]


def test_no_link_where_the_library_cannot_confirm_dialling(tmp_path: Path) -> None:
    override = '{reason: "real but missing from the library", source: "https://example.org/135"}'
    folder = region_file(tmp_path, service("ar-line", GOOD, (
        f'      - {{type: phone, dial: "135", phonenumbers_override: {override}}}\n'
        '      - {type: phone, dial: "(011) 5275-1135"}\n')), code="ar")
    contacts = view(folder, code="ar")[0].services[0].contacts
    assert [c.href for c in contacts] == [None, "tel:01152751135"]


def test_hours_past_midnight_in_the_readers_locale(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-line", GOOD, (
        '      - {type: chat, url: "https://x.org", hours: {daily: ["13:00", "03:00"]}}\n'
        '      - {type: chat, url: "https://y.org", hours: {daily: ["19:00", "23:00"]}}\n'
        '      - {type: chat, url: "https://z.org", hours: {daily: ["08:00", "24:00"]}}\n')))
    details = [c.details for c in view(folder)[0].services[0].contacts]
    assert details == [("daily 1:00\u202fPM to 3:00\u202fAM the next day",),
                       ("daily 7:00\u202fPM–11:00\u202fPM",), ("daily from 8:00\u202fAM to midnight",)]
    gb = region_file(tmp_path, service("gb-line", GOOD, (
        '      - {type: chat, url: "https://x.org", hours: {daily: ["13:00", "03:00"]}}\n')),
        code="gb")
    assert view(gb, code="gb")[0].services[0].contacts[0].details == (
        "daily 13:00 to 03:00 the next day",)


def test_services_ranked_by_topic_and_checked_date_in_the_readers_format(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-b", GOOD, '      - {type: phone, dial: "988"}\n')
                         + service("us-a", FIRST_PARTY, '      - {type: phone, dial: "838255"}\n',
                                   topics="[emotional-support]")
                         + service("us-c", GOOD, '      - {type: phone, dial: "1-800-273-8255"}\n',
                                   topics="[self-harm, suicide]"), code="us")
    printed, _ = view(folder)
    assert [s.id for s in printed.services] == ["us-c", "us-b", "us-a"]
    assert printed.checked == "November 20, 2026"
    assert view(folder, lang="es")[0].checked == "20 de noviembre de 2026"


def test_trimming_drops_the_least_relevant_contact_first(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-b", GOOD, '      - {type: phone, dial: "988"}\n'
                                           '      - {type: sms, dial: "988"}\n')
                         + service("us-a", GOOD, '      - {type: phone, dial: "838255"}\n',
                                   topics="[emotional-support]"))
    printed, _ = view(folder)
    smaller = trimmed_by(printed, 1)
    assert [s.id for s in smaller.services] == ["us-b"] and smaller.omitted == 1
    smallest = trimmed_by(smaller, 1)
    assert [c.kind for c in smallest.services[0].contacts] == ["phone"]
    assert trimmed_by(smallest, 1) == smallest          # the last contact is always kept
    assert [trimmed_by(printed, n) for n in (0, 1, 2, 3)] == [printed, smaller, smallest,
                                                              smallest]
    assert contact_count(printed) == 3 and contact_count(smallest) == 1


def test_a_second_number_with_nothing_to_say_is_labelled(tmp_path: Path) -> None:
    folder = region_file(tmp_path, service("us-b", GOOD, '      - {type: phone, dial: "988", cost: free}\n'
                                           '      - {type: phone, dial: "988", press: "2"}\n'
                                           '      - {type: phone, dial: "1-800-273-8255"}\n'
                                           '      - {type: sms, dial: "988"}\n'))
    contacts = view(folder)[0].services[0].contacts
    assert [c.details for c in contacts] == [
        ("free",), (), ("another number for the same line",), ()]
