"""The crisis lines a handout prints for its region: chosen, checked for age, put in words."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from babel import Locale, UnknownLocaleError

from zinepress.errors import Report
from zinepress.localize import Localized
from zinepress.model import Contact, Hours, Service, Verification

MAX_AGE_DAYS = 365
# Self-harm lines first: this is what the zine is about; then the general crisis lines.
TOPIC_ORDER = ("self-harm", "suicide", "crisis", "mental-health", "emotional-support")
LABELS = {"phone": "Call", "sms": "Text", "chat": "Chat", "web": "Online", "email": "Email",
          "videophone": "Videophone"}
NOTES = {"may-contact-emergency-services":
         "If they believe your life is in immediate danger, this line may contact emergency "
         "services. You can ask how they handle confidentiality before you share anything."}


@dataclass(frozen=True)
class ContactView:
    """One way to reach a service, in the reader's words."""

    kind: str
    label: str
    dial: str | None
    keyword: str | None
    url: str | None
    address: str | None
    details: tuple[str, ...]          # hours, cost, languages
    href: str | None                  # tel:/sms:/https: link, for the reader edition only
    draft: bool = False


@dataclass(frozen=True)
class ServiceView:
    """A service as printed."""

    id: str
    name: str
    contacts: tuple[ContactView, ...]
    note: str | None
    draft: bool


@dataclass(frozen=True)
class CrisisView:
    """The crisis-lines panel's data."""

    services: tuple[ServiceView, ...]
    emergency: str | None
    checked: str | None               # the oldest check date of what is printed, formatted
    region_name: str
    omitted: int = 0                  # contacts left out because the panel is full


def trimmed(view: CrisisView) -> CrisisView | None:
    """Return the view without its least relevant contact, or None when one contact is left."""
    if sum(len(s.contacts) for s in view.services) <= 1:
        return None
    *rest, last = view.services
    services = tuple(rest) + ((replace(last, contacts=last.contacts[:-1]),)
                              if len(last.contacts) > 1 else ())
    return replace(view, services=services, omitted=view.omitted + 1)


def crisis_view(loc: Localized, report: Report, today: dt.date, draft: bool,
                max_age: int = MAX_AGE_DAYS) -> CrisisView:
    """Return the printable services of the variant's region, most relevant first."""
    region, checked = loc.region, []
    services = []
    for service in sorted(region.services, key=_rank):
        contacts = []
        for contact in service.contacts:
            verification = contact.verification or service.verification
            state = _state(verification, today, max_age)
            if state == "unconfirmed":
                continue
            if state == "stale" and not draft:
                report.error(region.path, contact.line or service.line,
                             f"service '{service.id}' was checked on {verification.checked}, more "
                             f"than {max_age} days ago: check it against {verification.source} "
                             "and update 'checked', or build with --draft")
                continue
            checked.append(verification.checked)
            contacts.append(_contact_view(contact, loc, draft=state == "stale"))
        if contacts:
            note = NOTES.get(service.confidentiality_note or "")
            services.append(ServiceView(service.id, service.name, tuple(contacts),
                                        loc.words(note) if note else None,
                                        any(c.draft for c in contacts)))
    emergency = region.emergency.dial if region.emergency else None
    return CrisisView(tuple(services), emergency,
                      loc.date(min(checked)) if checked else None, region.name)


def _rank(service: Service) -> tuple[int, str]:
    ranks = [TOPIC_ORDER.index(t) for t in service.topics if t in TOPIC_ORDER]
    return (min(ranks, default=len(TOPIC_ORDER)), service.id)


def _state(verification: Verification, today: dt.date, max_age: int) -> str:
    if verification.status == "unconfirmed" or verification.checked is None:
        return "unconfirmed"
    if (today - verification.checked).days > max_age:
        return "stale"
    return "ok"


def _contact_view(contact: Contact, loc: Localized, draft: bool) -> ContactView:
    details = [d for d in (_hours(contact.hours, loc), _cost(contact.cost, loc),
                           _languages(contact, loc)) if d]
    return ContactView(contact.type, loc.words(LABELS[contact.type]), contact.dial,
                       contact.keyword, contact.url, contact.address, tuple(details),
                       _href(contact), draft)


def _hours(hours: Hours | None, loc: Localized) -> str | None:
    if hours is None:
        return None
    if hours.always:
        return loc.words("open 24/7")
    if hours.daily:
        return loc.words("daily {start}–{end}", start=hours.daily[0], end=hours.daily[1])
    return hours.text


def _cost(cost: str | None, loc: Localized) -> str | None:
    return {"free": loc.words("free"),
            "standard-rates": loc.words("standard rates apply")}.get(cost or "")


def _languages(contact: Contact, loc: Localized) -> str | None:
    names = [_language_name(code, loc.lang) for code in contact.languages]
    if contact.interpreters:
        names.append(loc.words("interpreters available"))
    return ", ".join(names) or None


def _language_name(code: str, lang: str) -> str:
    # CLDR names every language in the reader's language, sign languages (ase, fsl) included.
    names = _reader_locale(lang).languages
    return names.get(code.replace("-", "_")) or names.get(code.split("-")[0]) or code


def _reader_locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def _href(contact: Contact) -> str | None:
    if contact.type in ("chat", "web"):
        return contact.url
    if contact.type == "email" and contact.address:
        return f"mailto:{contact.address}"
    digits = re.sub(r"[^\d+]", "", contact.dial or "")
    if not digits or re.search(r"[A-Za-z]", contact.dial or ""):
        return None
    # The number as published, only without spaces: never a made-up international form.
    return {"phone": f"tel:{digits}", "sms": f"sms:{digits}"}.get(contact.type)
