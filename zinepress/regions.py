"""The crisis-line database as a whole: every problem, what each region prints, and what a
handout for one region would say (`zine regions check` and `zine regions show`)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from zinepress.assets import Assets
from zinepress.crisis import ContactView, contact_view, date, purpose, rank
from zinepress.errors import Report
from zinepress.load.po import read_catalog
from zinepress.load.region import project_regions
from zinepress.localize import Words
from zinepress.model import Region, Service, Verification
from zinepress.upkeep import warn_expiring
from zinepress.verify import (PRINTED_STATUSES, Check, contact_check, emergency_check,
                              region_problems, service_state)


@dataclass(frozen=True)
class Summary:
    """One region's counts: how many services it has and how many a print build prints."""

    code: str
    name: str
    paper: str
    services: int
    printed: int
    emergency: str                     # the number printed, or why none is
    statuses: str = ""                 # the printed services' statuses ("government 1")


@dataclass(frozen=True)
class Reader:
    """A region read in one language, for `regions show`."""

    region: Region
    lang: str
    words: Callable[..., str]


def check_regions(root: Path, today: dt.date, max_age: int, report: Report) -> list[Summary]:
    """Report every problem of regions/ (schema, phone lint, ids, age); return the counts."""
    regions = project_regions(root, report)
    for region in regions.values():
        region_problems(region, today, max_age, report)
        warn_expiring(region, today, max_age, report)
    return [summary(r, today, max_age) for r in regions.values()]


def summary(region: Region, today: dt.date, max_age: int) -> Summary:
    """Return how many of the region's services a print build prints today."""
    shown = [s for s in region.services if service_state(s, today, max_age) == "ok"]
    printed = len(shown)
    counts = Counter(s.verification.status for s in shown)
    statuses = ", ".join(f"{status} {counts[status]}" for status in PRINTED_STATUSES
                         if counts[status])
    if region.emergency is None:
        emergency = "none"
    else:
        found = emergency_check(region.emergency, today, max_age)
        emergency = region.emergency.dial.text if found.printable else f"not printed ({found.state})"
    return Summary(region.code, region.name, region.paper, len(region.services), printed,
                   emergency, statuses or "-")


def summary_table(summaries: list[Summary]) -> list[str]:
    """Return the counts as aligned lines, with a header."""
    rows = [("region", "name", "paper", "services", "printed", "printed by status", "emergency")]
    rows += [(s.code, s.name, s.paper, str(s.services), str(s.printed), s.statuses, s.emergency)
             for s in sorted(summaries, key=lambda s: s.code)]
    return table(rows)


def reader(root: Path, region: Region, lang: str, report: Report) -> Reader:
    """Return the region read in a language, with the layouts' words from locales/<lang>.po."""
    po = Assets(root).words(lang)
    catalog = read_catalog(po, report, key="msgid")
    return Reader(region, lang, Words(dict(catalog.translated)))


def show(who: Reader, today: dt.date, max_age: int) -> list[str]:
    """Return a table of what a handout for the region would say, and what it leaves out."""
    region = who.region
    rows = [("service", "says", "details", "source")]
    for service in sorted(region.services, key=rank):
        rows += _service_rows(service, who, today, max_age)
    lines = [f"{region.name} ({region.code}) · paper {region.paper} · language {who.lang}", ""]
    lines += table(rows) + [""] + _emergency_lines(who, today, max_age)
    return lines + [""] + source_lines(region)


def source_lines(region: Region) -> list[str]:
    """Return each service's verification status and every source it cites, one per line."""
    lines = ["Sources:"]
    for service in sorted(region.services, key=rank):
        lines += _verification_lines(service.id, service.verification)
        for contact in service.contacts:
            if contact.verification:
                lines += _verification_lines(f"  {contact.dial or contact.url or contact.address}",
                                             contact.verification)
    if region.emergency and region.emergency.verification:
        lines += _verification_lines("emergency", region.emergency.verification)
    return lines


def _verification_lines(what: str, verification: Verification) -> list[str]:
    head = f"  {what}: {verification.status}, checked {verification.checked or '-'}"
    if not verification.sources:
        return [head, f"      {verification.source or '(no source)'}"]
    return [head] + [f"      {c.url} ({c.published or 'undated'})" for c in verification.sources]


def _service_rows(service: Service, who: Reader, today: dt.date,
                  max_age: int) -> list[tuple[str, ...]]:
    rows = []
    for number, contact in enumerate(service.contacts):
        found = contact_check(service, contact, today, max_age)
        view = contact_view(contact, who)
        name = f"{service.name} · {purpose(service, who)}".rstrip(" ·") if number == 0 else ""
        status = _status(contact.verification or service.verification, found)
        rows.append((name, says(view, who.words), " · ".join(view.details), status))
    return rows


def _emergency_lines(who: Reader, today: dt.date, max_age: int) -> list[str]:
    emergency = who.region.emergency
    if emergency is None:
        if who.region.code == "intl":
            return ["No emergency number (none is valid everywhere)."]
        return ["No emergency number listed: none has a confirmed source yet (see the file)."]
    found = emergency_check(emergency, today, max_age)
    numbers = " / ".join(d.text for d in (emergency.dial, *emergency.also))
    line = who.words("In an emergency, call {number}.", number=numbers)
    lines = [f"{line}  [{_status(emergency.verification, found)}]"]
    printed = [contact_check(s, c, today, max_age) for s in who.region.services
               for c in s.contacts]
    dates = [f.checked for f in printed + [found] if f.printable and f.checked]
    if dates:
        lines.append(who.words("Numbers checked on {date}.", date=date(min(dates), who)))
    return lines


# The crisis macro's sentences (layouts/_shared/panels.html), by contact kind and menu option.
SENTENCES = {("phone", True): "Call {number}, then press {press}", ("phone", False): "Call {number}",
             ("videophone", True): "Videophone {number}, then press {press}",
             ("videophone", False): "Videophone {number}",
             ("sms", True): "Text {keyword} to {number}", ("sms", False): "Text {number}",
             ("chat", False): "Chat at {url}", ("web", False): "Online at {url}",
             ("email", False): "Email {address}"}


def says(view: ContactView, words: Callable[..., str]) -> str:
    """Return a contact as the handout words it (the crisis macro's sentences, as plain text)."""
    url = (view.url or "").replace("https://", "").replace("http://", "")
    option = bool(view.keyword) if view.kind == "sms" else bool(view.press)
    msgid = SENTENCES.get((view.kind, option)) or SENTENCES[(view.kind, False)]
    return words(msgid, number=view.number, press=view.press, keyword=view.keyword, url=url,
                 address=view.address)


def _status(verification: Verification | None, found: Check) -> str:
    if found.state == "unconfirmed":
        weak = verification and verification.status not in ("unconfirmed", *PRINTED_STATUSES)
        return f"NOT PRINTED: {verification.status}" if weak else "NOT PRINTED: unconfirmed"
    if found.state == "stale":
        return f"NOT PRINTED: checked {found.checked}, too long ago"
    return f"{verification.status}, checked {verification.checked}" if verification else "-"


def table(rows: list[tuple[str, ...]]) -> list[str]:
    """Return rows as lines of left-aligned columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
