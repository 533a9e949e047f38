"""Which crisis-line facts may be printed today: unconfirmed, stale, or good (docs/regions.md).

A contact is only as good as the worse of its own verification and its service's: a contact
inside an unconfirmed service never prints, whatever its own status says.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from zinepress.errors import Report
from zinepress.model import Contact, Emergency, Region, Service, Verification

MAX_AGE_DAYS = 365
# What a print build prints on its own (SPEC, regions): `secondary` only backs a detail of a
# contact whose service is one of these.
PRINTED_STATUSES = ("first-party", "government", "corroborated")
ORDER = {"ok": 0, "stale": 1, "unconfirmed": 2}


@dataclass(frozen=True)
class Check:
    """What the staleness rule says about one contact or emergency number."""

    state: str                            # ok | stale | unconfirmed
    checked: dt.date | None               # the oldest day its sources were read
    stale: tuple[Verification, ...] = ()  # the verifications read too long ago

    @property
    def printable(self) -> bool:
        """Tell whether a print build (not --draft) prints it."""
        return self.state == "ok"


def check(verifications: Iterable[Verification | None], today: dt.date,
          max_age: int = MAX_AGE_DAYS) -> Check:
    """Return the combined state of the verifications that back one printed fact.

    The first one is the fact's own (a service's, an emergency number's) and must be strong
    enough to print; the others may be `secondary`, for a detail.
    """
    given = [v for v in verifications if v is not None]
    weak = not given or given[0].status not in PRINTED_STATUSES
    if weak or any(v.status == "unconfirmed" or v.checked is None for v in given):
        dates = [v.checked for v in given if v.checked]
        return Check("unconfirmed", min(dates) if dates else None)
    stale = tuple(v for v in given if (today - v.checked).days > max_age)
    return Check("stale" if stale else "ok", min(v.checked for v in given), stale)


def contact_check(service: Service, contact: Contact, today: dt.date,
                  max_age: int = MAX_AGE_DAYS) -> Check:
    """Return the state of one contact: the worse of the service's and its own."""
    return check((service.verification, contact.verification), today, max_age)


def emergency_check(emergency: Emergency, today: dt.date, max_age: int = MAX_AGE_DAYS) -> Check:
    """Return the state of the region's emergency number (unverified counts as unconfirmed)."""
    return check((emergency.verification,), today, max_age)


def service_state(service: Service, today: dt.date, max_age: int = MAX_AGE_DAYS) -> str:
    """Return the best state among the service's contacts: 'ok' when any of them prints."""
    states = [contact_check(service, c, today, max_age).state for c in service.contacts]
    return min(states, key=ORDER.__getitem__, default="unconfirmed")


def report_stale(path: Path, what: str, found: Check, max_age: int, report: Report,
                 hint: str = "") -> None:
    """Report each verification that is too old to print, naming what it backs."""
    for verification in found.stale:
        report.error(path, verification.line or None,
                     f"{what} was checked on {verification.checked}, more than {max_age} days "
                     f"ago: check it against {verification.source} and update 'checked'{hint}")


def region_problems(region: Region, today: dt.date, max_age: int, report: Report) -> None:
    """Report every stale fact of the region's own services and emergency number."""
    for service in region.services:
        seen: set[int] = set()
        for contact in service.contacts:
            found = contact_check(service, contact, today, max_age)
            fresh = tuple(v for v in found.stale if id(v) not in seen)
            seen |= {id(v) for v in fresh}
            if found.state == "stale":
                report_stale(service.path, f"service '{service.id}'", Check("stale", None, fresh),
                             max_age, report)
    if region.emergency:
        found = emergency_check(region.emergency, today, max_age)
        if found.state == "stale":
            report_stale(region.emergency.path, f"emergency number '{region.emergency.dial.text}'", found,
                         max_age, report)
