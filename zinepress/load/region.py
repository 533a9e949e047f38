"""Load and validate regions/<code>.yaml: crisis lines, emergency number, default paper."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable

from zinepress.assets import Assets
from zinepress.errors import Report, did_you_mean
from zinepress.load.dial import Dial, Refused, parse_dial, parse_keyword, parse_press, written
from zinepress.load.citations import read_citations
from zinepress.load.fields import Fields
from zinepress.corroboration import check_corroboration
from zinepress.load.phones import check_dials
from zinepress.load.yamlfile import Map, load_yaml
from zinepress.model import Contact, Emergency, Hours, Region, Service, Verification

REGION_KEYS = ("code", "name", "paper", "inherits", "hide", "emergency", "services")
SERVICE_KEYS = ("id", "name", "operator", "topics", "audience", "contact", "confidentiality_note",
                "verification", "phonenumbers_override", "note")
CONTACT_KEYS = ("type", "dial", "keyword", "press", "url", "address", "hours", "cost", "languages",
                "interpreters", "verification", "phonenumbers_override", "note")
CONTACT_TYPES = ("phone", "sms", "chat", "web", "email", "videophone")
STATUSES = ("first-party", "government", "corroborated", "secondary", "unconfirmed")
COSTS = ("free", "standard-rates")
PAPERS = ("letter", "a4")
CODE_RE = re.compile(r"^([a-z]{2}(-[a-z0-9]{1,3})?|intl)$")
TIME_RE = re.compile(r"^(([01]\d|2[0-3]):[0-5]\d|24:00)$")
# A URL is printed as a QR code; past a few hundred characters the code is too dense to scan from
# paper, and past 2,331 no QR version holds it at all (ISO/IEC 18004, version 40, level M).
MAX_URL_CHARS = 500


def load_regions(folder: Path, report: Report) -> dict[str, Region]:
    """Return every region under regions/, by code, with parents' services inherited."""
    return load_region_files(sorted(folder.glob("*.yaml")), report)


def project_regions(root: Path, report: Report) -> dict[str, Region]:
    """Return the built-in regions and the project's own, which replace them by code."""
    return load_region_files(Assets(root).entries("regions").values(), report)


def load_region_files(paths: Iterable[Path], report: Report) -> dict[str, Region]:
    """Return the regions of these files, by code, with parents' services inherited."""
    regions = {}
    for path in paths:
        region = load_region(path, report)
        if region is not None:
            check_dials(region, report)
            check_corroboration(region, dt.date.today(), report)
            regions[region.code] = region
    _check_unique_ids(regions, report)
    cyclic = _cycles(regions, report)
    return {code: _inherit(r, regions, report, cyclic) for code, r in regions.items()}


def load_region(path: Path, report: Report) -> Region | None:
    """Return one region file's own data."""
    data = load_yaml(path, report)
    if data is None:
        return None
    if not isinstance(data, Map):
        report.error(path, 1, "a region file must be a mapping with 'code', 'name' and 'services'")
        return None
    f = Fields(data, path, report)
    f.unknown(REGION_KEYS)
    code = f.text("code", required=True) or path.stem
    if code != path.stem:
        f.error("code", f"code '{code}' does not match the file name '{path.stem}.yaml'")
    if not CODE_RE.match(code):
        f.error("code", f"code '{code}' must be ISO 3166-1 alpha-2 or ISO 3166-2, lower-case, or 'intl'")
    paper = f.text("paper", default="a4") or "a4"
    if paper not in PAPERS:
        f.error("paper", f"paper '{paper}' must be one of {', '.join(PAPERS)}")
    services = f.items("services")
    return Region(code=code, name=f.text("name", required=True) or code, paper=paper,
                  services=tuple(s for i, raw in enumerate(services)
                                 if (s := _service(raw, f, services.line_of(i)))),
                  emergency=_emergency(f), inherits=f.text("inherits"),
                  hide=tuple(f.texts("hide")), path=path)


def _service(raw: object, region: Fields, line: int) -> Service | None:
    if not isinstance(raw, Map):
        region.report.error(region.path, line, "a service must be a mapping with 'id' and 'name'")
        return None
    f = Fields(raw, region.path, region.report, "service")
    f.unknown(SERVICE_KEYS)
    service_id = f.text("id", required=True) or "?"
    f.where = f"service '{service_id}': "
    code = region.path.stem
    if service_id != "?" and not service_id.startswith(f"{code}-"):
        f.error("id", f"service id '{service_id}' must start with the region code '{code}-'")
    verification = _verification(f, "verification", required=True)
    contacts = f.items("contact", required=True)
    return Service(
        id=service_id, name=f.text("name", required=True) or service_id,
        contacts=tuple(c for i, raw_c in enumerate(contacts)
                       if (c := _contact(raw_c, f, contacts.line_of(i), service_id))),
        verification=verification or Verification("unconfirmed", None, None),
        operator=f.text("operator"), topics=tuple(f.texts("topics")),
        audience=f.text("audience", default="everyone") or "everyone",
        confidentiality_note=f.text("confidentiality_note"), line=f.line or line,
        override=_override(f), path=region.path)


def _contact(raw: object, service: Fields, line: int, service_id: str) -> Contact | None:
    if not isinstance(raw, Map):
        service.report.error(service.path, line, f"{service.where}a contact must be a mapping")
        return None
    f = Fields(raw, service.path, service.report, f"service '{service_id}'")
    f.unknown(CONTACT_KEYS)
    kind = f.text("type", required=True) or "phone"
    if kind not in CONTACT_TYPES:
        f.error("type", f"contact type '{kind}' must be one of {', '.join(CONTACT_TYPES)}"
                        f"{did_you_mean(kind, CONTACT_TYPES)}")
    needs = {"phone": "dial", "sms": "dial", "videophone": "dial", "chat": "url", "web": "url",
             "email": "address"}.get(kind)
    if needs and not f.data.get(needs):
        f.error(None, f"a {kind} contact needs '{needs}'")
    cost = f.text("cost")
    if cost and cost not in COSTS:
        f.error("cost", f"cost '{cost}' must be one of {', '.join(COSTS)}, or left out when unknown")
    url = f.text("url")
    if url and not url.startswith("https://") and not url.startswith("http://"):
        f.error("url", f"url must start with https:// or http:// ({url!r})")
    elif url and len(url) > MAX_URL_CHARS:
        f.error("url", f"url is {len(url):,} characters; the limit is {MAX_URL_CHARS} (it is "
                "printed as a QR code, which must stay readable)")
        url = None
    dial, keyword = _dial(f, "dial"), _value(f, "keyword", parse_keyword)
    if kind != "sms" and keyword:
        f.error("keyword", f"'keyword' is the word to text; a {kind} contact has none")
    return Contact(type=kind, dial=dial, keyword=keyword, url=url,
                   address=f.text("address"), hours=_hours(f), cost=cost,
                   languages=tuple(f.texts("languages")), interpreters=f.flag("interpreters"),
                   verification=_verification(f, "verification"),
                   override=_override(f), line=f.line or line, press=_press(f, kind),
                   dial_line=f.line_of("dial") or f.line or line)


def _press(contact: Fields, kind: str) -> str | None:
    press = _value(contact, "press", parse_press)
    if press is not None and kind not in ("phone", "videophone"):
        contact.error("press", f"'press' is a menu option after dialling; a {kind} contact has none")
    return press


def _dial(owner: Fields, key: str) -> Dial | None:
    """Return a dial string parsed once, or None after reporting why it is not one number."""
    return _value(owner, key, parse_dial)


def _value(owner: Fields, key: str, parse: Callable[[str], Any]) -> Any:
    raw = owner.data.get(key)
    if raw is None:
        return None
    try:
        return parse(written(raw, getattr(owner.data, "written", {}).get(key), key))
    except Refused as exc:
        owner.error(key, str(exc))
        return None


def _dials(owner: Fields, key: str) -> tuple[Dial, ...]:
    """Return a list of dial strings (emergency `also`), each parsed like `dial`."""
    items, found = owner.items(key), []
    for i, raw in enumerate(items):
        try:
            found.append(parse_dial(written(raw, getattr(items, "written", {}).get(i), key)))
        except Refused as exc:
            owner.report.error(owner.path, items.line_of(i), owner.where + str(exc))
    return tuple(found)


def _override(owner: Fields) -> dict[str, str] | None:
    raw = owner.mapping("phonenumbers_override")
    if raw is None:
        return None
    f = Fields(raw, owner.path, owner.report, owner.where.rstrip(": "))
    f.unknown(("reason", "source"))
    reason, source = f.text("reason", required=True), f.text("source", required=True)
    if source and not source.startswith(("https://", "http://")):
        f.error("source", f"phonenumbers_override source must be a page's address ({source!r})")
    return {"reason": reason or "", "source": source or ""} if reason and source else None


def _hours(contact: Fields) -> Hours | None:
    raw = contact.mapping("hours")
    if raw is None:
        return None
    f = Fields(raw, contact.path, contact.report, contact.where.rstrip(": "))
    f.unknown(("always", "daily", "text"))
    daily = f.texts("daily")
    if daily and (len(daily) != 2 or not all(TIME_RE.match(t) for t in daily)):
        f.error("daily", "daily hours must be two times, e.g. [\"19:00\", \"23:00\"]")
        daily = []
    hours = Hours(always=f.flag("always"), daily=tuple(daily) if daily else None, text=f.text("text"))
    if not (hours.always or hours.daily or hours.text):
        f.error(None, "hours need 'always: true', 'daily: [from, to]' or 'text'")
    return hours


def _verification(owner: Fields, key: str, required: bool = False) -> Verification | None:
    raw = owner.mapping(key, required=required)
    if raw is None:
        return None
    f = Fields(raw, owner.path, owner.report, owner.where.rstrip(": "))
    f.unknown(("status", "checked", "source", "published", "quote", "sources"))
    status = f.text("status", required=True) or "unconfirmed"
    if status not in STATUSES:
        f.error("status", f"status '{status}' must be one of {', '.join(STATUSES)}"
                          f"{did_you_mean(status, STATUSES)}")
        status = "unconfirmed"
    checked = f.get("checked", dt.date, required=status != "unconfirmed")
    # A corroborated line lists its publishers under `sources:`; the others cite one `source`.
    sources = read_citations(f, required=status == "corroborated")
    source = f.text("source", required=status not in ("unconfirmed", "corroborated")) \
        or (sources[0].url if sources else None)
    if checked and checked > dt.date.today():
        f.error("checked", f"checked date {checked} is in the future")
    return Verification(status, checked, source, f.get("published", dt.date),
                        f.line_of("checked") or f.line or 0, sources,
                        f.line_of("status") or f.line or 0)


def _emergency(region: Fields) -> Emergency | None:
    raw = region.mapping("emergency")
    if raw is None:
        return None
    f = Fields(raw, region.path, region.report, "emergency")
    f.unknown(("dial", "also", "verification", "phonenumbers_override", "note"))
    also = f.items("also")
    dial = _dial(f, "dial")
    if dial is None:
        if "dial" not in f.data:
            f.error(None, "'dial' is required")
        return None
    return Emergency(dial=dial, also=_dials(f, "also"),
                     verification=_verification(f, "verification", required=True),
                     override=_override(f), line=f.line or 0,
                     lines=(f.line_of("dial") or 0, *(also.line_of(i) for i in range(len(also)))),
                     path=region.path)


def _check_unique_ids(regions: dict[str, Region], report: Report) -> None:
    seen: dict[str, Region] = {}
    for region in regions.values():
        for service in region.services:
            if service.id in seen and seen[service.id] is not region:
                report.error(region.path, service.line, f"service id '{service.id}' is also used in "
                             f"{seen[service.id].path.name}; ids are unique across all regions")
            elif service.id in seen:
                report.error(region.path, service.line, f"service id '{service.id}' is used twice")
            seen[service.id] = region


def _cycles(regions: dict[str, Region], report: Report) -> set[str]:
    """Report each circle of `inherits` once, naming it; return the codes in circles."""
    found: set[str] = set()
    for start in sorted(regions):
        path, code = [start], regions[start].inherits
        while code in regions and code not in path and code not in found:
            path.append(code)
            code = regions[code].inherits
        if code == start:
            found.update(path)
            chain = " → ".join((*path, start))
            report.error(regions[start].path, None, f"inherits '{regions[start].inherits}', "
                         f"which inherits back: {chain}; a sub-national region inherits from "
                         "its country, never in a circle")
    return found


def _inherit(region: Region, regions: dict[str, Region], report: Report,
             cyclic: set[str]) -> Region:
    """Return the region with its country's services, refusing other countries and circles."""
    if not region.inherits or region.code in cyclic:
        return replace(region, inherits=None) if region.inherits else region
    country = region.code.split("-")[0]
    if region.inherits != country or country == region.code:
        report.error(region.path, None, f"inherits '{region.inherits}': a region inherits only "
                     f"from its own country (ISO 3166-2: '{country}-…' may inherit '{country}'), "
                     "so that no handout prints another country's numbers")
        return replace(region, inherits=None)
    parent = regions.get(region.inherits)
    if parent is None:
        report.error(region.path, None, f"inherits '{region.inherits}', but there is no "
                     f"regions/{region.inherits}.yaml")
        return region
    own = {s.id for s in region.services}
    for hidden in region.hide:
        if hidden not in {s.id for s in parent.services}:
            report.error(region.path, None, f"hide: '{hidden}' is not a service of "
                         f"{parent.path.name}{did_you_mean(hidden, [s.id for s in parent.services])}")
    kept = tuple(s for s in parent.services if s.id not in region.hide and s.id not in own)
    return replace(region, services=region.services + kept,
                   emergency=region.emergency or parent.emergency)
