"""The `corroborated` rule: a line with only second-hand sources prints when enough agree.

A line may print on secondary sources alone when at least three independent publishers (distinct
hosts) give the same dial string for the same operator, the newest of them published within 24
months, and no source found gives another number for it (issue 13; SPEC, regions). Every source
found is listed, so a source that disagrees is on file and refuses the status by itself.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlparse

from zinepress.errors import Report
from zinepress.load.dial import Dial
from zinepress.load.phones import DIALLED, classify, library_region
from zinepress.model import Citation, Contact, Region, Service, Verification

MIN_PUBLISHERS = 3
RECENT_MONTHS = 24
# A run of digits with the separators publishers print inside numbers ("800-911-2000").
_NUMBER = re.compile(r"(?<![\w+])\+?\(?\d(?:[\d().\- ]*\d)?(?!\w)")


def check_corroboration(region: Region, today: dt.date, report: Report) -> None:
    """Report every corroborated verification of the region that breaks the rule."""
    rule = _Rule(region, today, report)
    for service in region.services:
        own = [c for c in service.contacts if c.verification is None]
        if service.verification.status == "corroborated":
            rule.service(service, own)
        for contact in service.contacts:
            if contact.verification and contact.verification.status == "corroborated":
                rule.check(service.path, f"service '{service.id}': ", contact.verification,
                           _dials([contact]), _known(service, region))
    emergency = region.emergency
    if emergency and emergency.verification and emergency.verification.status == "corroborated":
        dials = tuple(d.text for d in (emergency.dial, *emergency.also))
        rule.check(emergency.path, "emergency: ", emergency.verification, dials, set())


def host(url: str) -> str:
    """Return the publisher of a page: its host name without 'www.' or a mobile 'm.'."""
    name = (urlparse(url).hostname or url).lower().rstrip(".")   # "boe.es." is boe.es
    return re.sub(r"^(www\d*|m)\.", "", name)


def contains(quote: str, dial: str) -> bool:
    """Tell whether a quote prints the dial string exactly, not inside a longer number."""
    return re.search(rf"(?<![\d]){re.escape(dial)}(?![\d])", quote) is not None


def other_numbers(quote: str, known: set[str], region_code: str) -> list[str]:
    """Return the numbers a quote gives that are none of the known ones (dialable in the region)."""
    lib = library_region(region_code)
    found = []
    for match in _NUMBER.finditer(quote):
        text = match.group().strip(" ().-")
        if _digits(text) in known or not _digits(text):
            continue
        keys = ("+" if text.startswith("+") else "") + _digits(text)
        if classify(Dial(text, keys), lib) in ("number", "short"):
            found.append(text)
    return found


class _Rule:
    """The rule applied to one region's verifications, reporting into one report."""

    def __init__(self, region: Region, today: dt.date, report: Report) -> None:
        self.region, self.today, self.report = region, today, report

    def service(self, service: Service, own: list[Contact]) -> None:
        """Check a service-level corroboration and what it covers."""
        where, verification = f"service '{service.id}': ", service.verification
        if not service.operator:
            self.report.error(service.path, verification.status_line or verification.line,
                              f"{where}a corroborated line needs 'operator': its sources must "
                              "name the same one")
        for contact in own:
            if contact.type not in DIALLED:
                self.report.error(service.path, contact.line, f"{where}a {contact.type} contact "
                                  "of a corroborated service needs its own verification: "
                                  "corroboration covers dial strings only")
        dials = _dials(own) or _dials(list(service.contacts))
        self.check(service.path, where, verification, dials, _known(service, self.region))

    def check(self, path: Path, where: str, verification: Verification, dials: tuple[str, ...],
              known: set[str]) -> None:
        """Report each way one corroborated verification breaks the rule."""
        line = verification.status_line or verification.line
        for citation in verification.sources:
            self._citation(path, where, citation, dials, known)
        for dial in dials:
            hosts = sorted({host(c.url) for c in verification.sources if contains(c.quote, dial)})
            if len(hosts) < MIN_PUBLISHERS:
                named = f": {', '.join(hosts)}" if hosts else ""
                self.report.error(path, line, f"{where}corroborated needs at least "
                                  f"{MIN_PUBLISHERS} publishers (distinct hosts) whose quotes "
                                  f"give '{dial}'; found {len(hosts)}{named}")
        self._recent(path, where, verification, line)

    def _citation(self, path: Path, where: str, citation: Citation, dials: tuple[str, ...],
                  known: set[str]) -> None:
        name = host(citation.url)
        if not any(contains(citation.quote, d) for d in dials):
            self.report.error(path, citation.line, f"{where}the quote from {name} does not "
                              f"contain the dial string '{' or '.join(dials)}' as written")
        for number in other_numbers(citation.quote, known, self.region.code):
            self.report.error(path, citation.line, f"{where}{name} gives another number, "
                              f"'{number}': the sources disagree, so the line is not corroborated "
                              "(keep the source and set status: unconfirmed)")

    def _recent(self, path: Path, where: str, verification: Verification, line: int) -> None:
        cutoff = months_before(self.today, RECENT_MONTHS)
        dates = [c.published for c in verification.sources if c.published]
        if not dates or max(dates) < cutoff:
            newest = f"the newest is {max(dates)}" if dates else "none shows a date"
            self.report.error(path, line, f"{where}a corroborated line needs a source published "
                              f"within {RECENT_MONTHS} months (on or after {cutoff}); {newest}")


def months_before(day: dt.date, months: int) -> dt.date:
    """Return the same day `months` months earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def _dials(contacts: list[Contact]) -> tuple[str, ...]:
    return tuple(c.dial.text for c in contacts if c.type in DIALLED and c.dial)


def _known(service: Service, region: Region) -> set[str]:
    """Return the digits a quote may print besides the line: the service's and the emergency's."""
    numbers = [c.dial for c in service.contacts if c.dial]
    if region.emergency:
        numbers += [region.emergency.dial, *region.emergency.also]
    return {_digits(n.keys) for n in numbers}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)
