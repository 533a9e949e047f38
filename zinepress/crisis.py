"""The crisis lines a handout prints for its region: chosen, checked for age, put in words."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.lists import format_list

from typing import Callable, Protocol

from zinepress.errors import Report
from zinepress.localize import N_
from zinepress.load.dial import Dial, reader_digits
from zinepress.load.phones import dials_in_region
from zinepress.model import Contact, Hours, Region, Service
from zinepress.upkeep import warn_expiring
from zinepress.verify import MAX_AGE_DAYS, Check, contact_check, emergency_check, report_stale

# Self-harm lines first: this is what the zine is about; then the general crisis lines.
TOPIC_ORDER = ("self-harm", "suicide", "crisis", "mental-health", "emotional-support")
# Layout words, marked with N_ for `zine i18n update` and translated where they are printed.
TOPICS = {"self-harm": N_("self-harm"), "suicide": N_("suicide prevention"),
          "crisis": N_("crisis support"), "mental-health": N_("mental health"),
          "emotional-support": N_("emotional support")}
ANOTHER_NUMBER = N_("another number for the same line")
AUDIENCES = {"youth": N_("for young people"), "veterans": N_("for veterans"),
             "deaf": N_("for Deaf people"), "lgbtq": N_("for LGBTQ+ people")}
NOTES = {"may-contact-emergency-services":
         N_("If they believe your life is in immediate danger, this line may contact emergency "
            "services. You can ask how they handle confidentiality before you share anything.")}


class Reader(Protocol):
    """Who a handout is for: a region and a language (a Localized variant is one)."""

    region: Region
    lang: str
    words: Callable[..., str]


@dataclass(frozen=True)
class ContactView:
    """One way to reach a service, in the reader's words."""

    kind: str
    dial: Dial | None                 # the value the number, the link and any QR code come from
    keyword: str | None
    url: str | None
    address: str | None
    details: tuple[str, ...]          # hours, cost, languages
    href: str | None                  # tel:/sms:/https: link, for the reader edition only
    press: str | None = None
    draft: str | None = None          # why a --draft build marks it, in the reader's words
    number: str | None = None         # the dial string printed, in the reader's digits

    @property
    def code(self) -> str | None:
        """Return a QR code's payload for a dialled contact: the link, from the same value."""
        return self.dial.link(self.kind, self.keyword) if self.dial else None


@dataclass(frozen=True)
class ServiceView:
    """A service as printed."""

    id: str
    name: str
    purpose: str                      # what it is for, in the reader's words
    contacts: tuple[ContactView, ...]
    note: str | None

    @property
    def draft(self) -> bool:
        return any(c.draft for c in self.contacts)


@dataclass(frozen=True)
class CrisisView:
    """The crisis-lines panel's data."""

    services: tuple[ServiceView, ...]
    emergency: tuple[str, ...]        # the region's emergency number, then the others
    checked: str | None               # the oldest check date of what is printed, formatted
    region_name: str
    omitted: int = 0                  # contacts left out because the panel is full
    emergency_draft: str | None = None

    @property
    def links(self) -> tuple[str, ...]:
        """Return the web and chat addresses printed, each once, most relevant first."""
        urls = (c.url for s in self.services for c in s.contacts if c.kind in ("chat", "web"))
        return tuple(dict.fromkeys(u for u in urls if u))


def contact_count(view: CrisisView) -> int:
    """Return how many contacts the view prints."""
    return sum(len(s.contacts) for s in view.services)


def trimmed_by(view: CrisisView, count: int) -> CrisisView:
    """Return the view without its `count` least relevant contacts (one is always kept)."""
    keep = max(contact_count(view) - count, 1)
    services = []
    for service in view.services:
        if keep <= 0:
            break
        services.append(replace(service, contacts=service.contacts[:keep]))
        keep -= len(services[-1].contacts)
    omitted = contact_count(view) - sum(len(s.contacts) for s in services)
    return replace(view, services=tuple(services), omitted=view.omitted + omitted)


def crisis_view(loc: Reader, report: Report, today: dt.date, draft: bool,
                max_age: int = MAX_AGE_DAYS) -> CrisisView:
    """Return the printable services of the variant's region, most relevant first."""
    region, dates = loc.region, []
    services = []
    for service in sorted(region.services, key=rank):
        contacts = []
        for contact in service.contacts:
            found = contact_check(service, contact, today, max_age)
            if _shown(found, f"service '{service.id}'", service.path, draft, max_age, report):
                dates += [found.checked] if found.checked else []
                contacts.append(contact_view(contact, loc, draft_note(found, loc)))
        if contacts:
            services.append(_service_view(service, contacts, loc))
    emergency, emergency_draft = _emergency(loc, report, today, draft, max_age, dates)
    _refuse_if_empty(region, services, draft, report)
    warn_expiring(region, today, max_age, report)
    return CrisisView(tuple(services), emergency,
                      date(min(dates), loc) if dates else None, region.name,
                      emergency_draft=emergency_draft)


def rank(service: Service) -> tuple[int, str]:
    """Return the sort key that puts the services closest to the zine's topic first."""
    ranks = [TOPIC_ORDER.index(t) for t in service.topics if t in TOPIC_ORDER]
    return (min(ranks, default=len(TOPIC_ORDER)), service.id)


def _shown(found: Check, what: str, path: Path, draft: bool, max_age: int,
           report: Report) -> bool:
    """Tell whether to print; a stale fact in a print build is an error naming it."""
    if found.printable or draft:
        return True
    if found.state == "stale":
        report_stale(path, what, found, max_age, report, ", or build with --draft")
    return False


def _emergency(loc: Reader, report: Report, today: dt.date, draft: bool, max_age: int,
               dates: list[dt.date]) -> tuple[tuple[str, ...], str | None]:
    emergency = loc.region.emergency
    if emergency is None:
        return (), None
    found = emergency_check(emergency, today, max_age)
    if not _shown(found, f"emergency number '{emergency.dial}'", emergency.path, draft, max_age,
                  report):
        return (), None
    dates += [found.checked] if found.checked else []
    digits = reader_digits(reader_locale(loc))
    return tuple(d.printed(digits) for d in (emergency.dial, *emergency.also)), \
        draft_note(found, loc)


def _refuse_if_empty(region: Region, services: list[ServiceView], draft: bool,
                     report: Report) -> None:
    # A handout with nothing to call is not a handout (issue 13): a print build stops here.
    if services:
        return
    names = ", ".join(f"'{s.id}'" for s in region.services)
    why = (f"{names} cannot be printed yet (unconfirmed or stale; see `zine regions show "
           f"{region.code}`)") if names else "it lists no helpline"
    if draft:
        report.warning(region.path, None, f"region '{region.code}' prints no helpline: {why}")
        return
    report.error(region.path, None, f"region '{region.code}' has no helpline a print build can "
                 f"print: {why}; build with --draft to print it marked DRAFT, or confirm a line "
                 "(regions/README.md: verification) and record the day you read its source")


def draft_note(found: Check, loc: Reader) -> str | None:
    """Return why a --draft build marks a fact, or None when it prints as it is."""
    if found.state == "unconfirmed":
        return loc.words("DRAFT: not confirmed")
    if found.state == "stale":
        return loc.words("DRAFT: checked on {date}", date=date(found.checked, loc))
    return None


def _service_view(service: Service, contacts: list[ContactView], loc: Reader) -> ServiceView:
    note = NOTES.get(service.confidentiality_note or "")
    return ServiceView(service.id, service.name, purpose(service, loc), labelled(contacts, loc),
                       loc.words(note) if note else None)


def labelled(contacts: list[ContactView], loc: Reader) -> tuple[ContactView, ...]:
    """Return the contacts, a second number of a kind with nothing to say labelled as such.

    A lone "Call 1-800-273-8255" under a service that already lists a number reads as a stray
    line (issue 15); the label says what the data does say: it reaches the same service.
    """
    seen, result = set(), []
    for contact in contacts:
        if contact.kind in seen and contact.dial and not contact.details and not contact.press:
            contact = replace(contact, details=(loc.words(ANOTHER_NUMBER),))
        seen.add(contact.kind)
        result.append(contact)
    return tuple(result)


def purpose(service: Service, loc: Reader) -> str:
    """Return what a service is for: its first known topic and its audience, if not everyone."""
    parts = [loc.words(TOPICS[t]) for t in service.topics if t in TOPICS][:1]
    if service.audience in AUDIENCES:
        parts.append(loc.words(AUDIENCES[service.audience]))
    return ", ".join(parts)


def contact_view(contact: Contact, loc: Reader, draft: str | None = None) -> ContactView:
    """Return how a contact reads in the reader's words."""
    details = [d for d in (_hours(contact.hours, loc), _cost(contact.cost, loc),
                           _languages(contact, loc)) if d]
    digits = reader_digits(reader_locale(loc))
    return ContactView(contact.type, contact.dial, contact.keyword, contact.url, contact.address,
                       tuple(details), _href(contact, loc.region.code),
                       contact.press.translate(str.maketrans("0123456789", digits))
                       if contact.press else None, draft,
                       contact.dial.printed(digits) if contact.dial else None)


def _hours(hours: Hours | None, loc: Reader) -> str | None:
    if hours is None:
        return None
    if hours.always:
        return loc.words("open 24/7")
    if hours.daily:
        start, end = hours.daily
        if end == "24:00":
            return loc.words("daily from {start} to midnight", start=_time(start, loc))
        if end <= start:  # e.g. 13:00–03:00: the line closes the next morning
            return loc.words("daily {start} to {end} the next day", start=_time(start, loc),
                             end=_time(end, loc))
        return loc.words("daily {start}–{end}", start=_time(start, loc), end=_time(end, loc))
    return hours.text


def _cost(cost: str | None, loc: Reader) -> str | None:
    return {"free": loc.words("free"),
            "standard-rates": loc.words("standard rates apply")}.get(cost or "")


def _languages(contact: Contact, loc: Reader) -> str | None:
    names = [_language_name(code, loc) for code in contact.languages]
    # CLDR's list pattern: "English and Spanish", "inglés y español", "الإنجليزية والإسبانية".
    parts = [format_list(names, locale=reader_locale(loc))] if names else []
    if contact.interpreters:
        parts.append(loc.words("interpreters available"))
    return " · ".join(parts) or None


def _language_name(code: str, loc: Reader) -> str:
    # CLDR names every language in the reader's language, sign languages (ase, fsl) included.
    names = reader_locale(loc).languages
    return names.get(code.replace("-", "_")) or names.get(code.split("-")[0]) or code


def reader_locale(loc: Reader) -> Locale:
    """Return the reader's CLDR locale: language and region (en_GB), else the language alone."""
    region = loc.region.code.split("-")[0].upper()
    for name in (f"{loc.lang}_{region}", loc.lang, "en"):
        try:
            return Locale.parse(name.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse("en")


def date(day: dt.date, loc: Reader) -> str:
    """Return a day in the reader's long date format ('23 November 2026' in en-gb)."""
    return format_date(day, format="long", locale=reader_locale(loc))


def _time(text: str, loc: Reader) -> str:
    hour, minute = (int(part) for part in text.split(":"))
    return format_time(dt.time(hour % 24, minute), format="short", locale=reader_locale(loc))


def _href(contact: Contact, region: str) -> str | None:
    if contact.type in ("chat", "web"):
        return contact.url
    if contact.type == "email" and contact.address:
        return f"mailto:{contact.address}"
    if not contact.dial or contact.override or not dials_in_region(contact.dial, region):
        return None
    # The keys as published (letters as digits): never a made-up international form.
    return contact.dial.link(contact.type, contact.keyword)
