"""Upkeep before expiry: what needs re-reading soon, and recording that someone re-read it.

Every printed fact stops printing `max_age_days` after its `checked` date. `zine regions due`
lists what expires within a window, builds warn 60 days ahead, and `zine regions recheck` writes
today's date into the one `checked:` line of each verification, leaving the rest of the file as
its author wrote it (comments, order, quoting).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from zinepress.errors import Report, fail
from zinepress.model import Region, Verification
from zinepress.verify import MAX_AGE_DAYS, contact_check, emergency_check

WARN_DAYS = 60
_CHECKED = re.compile(r"(\bchecked:[ \t]*)(\d{4}-\d{2}-\d{2}|null|~)?")


@dataclass(frozen=True)
class Due:
    """One verification and the day its line stops printing."""

    region: str
    what: str                          # a service id, or 'emergency'
    status: str
    checked: dt.date
    expires: dt.date
    sources: tuple[str, ...]
    path: Path
    line: int


def verifications(region: Region) -> Iterator[tuple[str, Verification]]:
    """Yield each verification written in the region's own file, with what it backs."""
    for service in region.services:
        if service.path != region.path:
            continue                   # inherited: it is due in the parent's file
        yield service.id, service.verification
        for contact in service.contacts:
            if contact.verification:
                yield service.id, contact.verification
    if region.emergency and region.emergency.verification and \
            region.emergency.path == region.path:
        yield "emergency", region.emergency.verification


def due(regions: dict[str, Region], today: dt.date, within: int,
        max_age: int = MAX_AGE_DAYS) -> list[Due]:
    """Return every dated verification that expires within `within` days, by region."""
    found = []
    for code in sorted(regions):
        for what, verification in verifications(regions[code]):
            if verification.checked is None:
                continue
            expires = verification.checked + dt.timedelta(days=max_age)
            if (expires - today).days <= within:
                sources = tuple(c.url for c in verification.sources) or \
                    ((verification.source,) if verification.source else ())
                found.append(Due(code, what, verification.status, verification.checked, expires,
                                 sources, regions[code].path, verification.line))
    return found


def due_lines(entries: list[Due], today: dt.date) -> list[str]:
    """Return the entries as text, grouped under each region."""
    lines: list[str] = []
    for code in dict.fromkeys(e.region for e in entries):
        lines.append(f"{code}:")
        for e in (e for e in entries if e.region == code):
            left = (e.expires - today).days
            when = f"expired {-left} day(s) ago" if left < 0 else f"expires in {left} day(s)"
            lines.append(f"  {e.what} ({e.status}): checked {e.checked}, {when} on {e.expires}"
                         f"  [{e.path.name}:{e.line}]")
            lines += [f"    {url}" for url in e.sources]
    return lines


def warn_expiring(region: Region, today: dt.date, max_age: int, report: Report) -> None:
    """Warn about each printed line and emergency number that stops printing within 60 days."""
    for service in region.services:
        checks = [contact_check(service, c, today, max_age) for c in service.contacts]
        dates = [c.checked for c in checks if c.printable and c.checked]
        if dates:
            _warn(service.path, service.verification.line, f"service '{service.id}'",
                  service.id, min(dates), today, max_age, report)
    emergency = region.emergency
    if emergency and emergency_check(emergency, today, max_age).printable:
        verification = emergency.verification
        if verification and verification.checked:
            _warn(emergency.path, verification.line, f"emergency number '{emergency.dial.text}'",
                  "emergency", verification.checked, today, max_age, report)


def _warn(path: Path, line: int, what: str, ident: str, checked: dt.date, today: dt.date,
          max_age: int, report: Report) -> None:
    expires = checked + dt.timedelta(days=max_age)
    if (expires - today).days <= WARN_DAYS:
        report.warning(path, line or None, f"{what} stops printing on {expires} (checked "
                       f"{checked}): re-read its source, then run `zine regions recheck "
                       f"{path.stem} {ident}`")


def recheck_targets(region: Region, what: str) -> list[Verification]:
    """Return the verifications written for a service id (or 'emergency') in the region's file."""
    return [v for name, v in verifications(region) if name == what]


def record_checked(path: Path, lines: list[int], today: dt.date) -> None:
    """Write today's date into the `checked:` on each of these lines; touch nothing else."""
    text = path.read_text(encoding="utf-8")
    rows = text.splitlines(keepends=True)
    for line in lines:
        row = rows[line - 1] if 0 < line <= len(rows) else ""
        if len(_CHECKED.findall(row)) != 1:
            raise fail(path, line, "cannot find one 'checked:' on this line to update; edit the "
                       "date by hand")
        rows[line - 1] = _CHECKED.sub(lambda m: f"{m.group(1)}{today.isoformat()}", row)
    temporary = path.with_name(f".{path.name}.recheck")
    temporary.write_text("".join(rows), encoding="utf-8")
    temporary.replace(path)
