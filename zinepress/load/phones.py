"""The phone lint: every dial string of a region checked with `phonenumbers` for that region.

Long numbers go through the library's number metadata, short codes and SMS codes through its
short-number metadata (shortnumberinfo). A real number the library rejects needs
`phonenumbers_override: {reason, source}`; an emergency number listed as a helpline is an error
whatever the override says (docs/regions.md).
"""
from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, shortnumberinfo

from zinepress.errors import Report
from zinepress.load.dial import Dial
from zinepress.model import Contact, Region, Service

DIALLED = ("phone", "sms", "videophone")


def library_region(code: str) -> str | None:
    """Return the phonenumbers region of a region code ('ar-c' → 'AR'; 'intl' → None)."""
    return None if code == "intl" else code.split("-")[0].upper()


def classify(dial: Dial, region: str | None) -> str:
    """Return 'emergency', 'number', 'short', 'star', 'short-with-country' or 'invalid'."""
    if dial.keys[0] in "*#":
        return "star"  # the library's short-number data holds no star or hash codes
    try:
        number = phonenumbers.parse(dial.keys, region)
    except NumberParseException:
        return "invalid"
    if dial.keys.startswith("+"):
        return _international(number)
    if region and shortnumberinfo.is_emergency_number(dial.keys, region):
        return "emergency"
    if phonenumbers.is_valid_number(number) if region is None \
            else phonenumbers.is_valid_number_for_region(number, region):
        return "number"
    if region and shortnumberinfo.is_valid_short_number_for_region(number, region):
        return "short"
    return "invalid"


def _international(number: phonenumbers.PhoneNumber) -> str:
    """Classify a +… number: '+1 911' and '+44 999' are emergency numbers all the same."""
    national = phonenumbers.national_significant_number(number)
    countries = phonenumbers.region_codes_for_country_code(number.country_code)
    if any(shortnumberinfo.is_emergency_number(national, c) for c in countries):
        return "emergency"
    if phonenumbers.is_valid_number(number):
        return "number"
    if any(shortnumberinfo.is_valid_short_number_for_region(number, c) for c in countries):
        return "short-with-country"
    return "invalid"


def dials_in_region(dial: Dial, code: str) -> bool:
    """Tell whether the library confirms that dialling this value works in the region."""
    return classify(dial, library_region(code)) in ("number", "short")


def check_dials(region: Region, report: Report) -> None:
    """Report every dial string of the region's own services that the phone lint refuses."""
    lib = library_region(region.code)
    emergency = {d.digits for d in ((region.emergency.dial, *region.emergency.also)
                                    if region.emergency else ())}
    for service in region.services:
        needed = False
        for contact in service.contacts:
            if contact.type in DIALLED and contact.dial:
                needed |= _check_helpline(region, service, contact, lib, emergency, report)
        if service.override and not needed:
            report.warning(region.path, service.line, f"service '{service.id}': every dial string "
                           "passes the phone lint; remove the service's phonenumbers_override")
    _check_emergency(region, lib, report)


def _check_helpline(region: Region, service: Service, contact: Contact, lib: str | None,
                    emergency: set[str], report: Report) -> bool:
    """Report one helpline dial string; return whether it needs an override."""
    dial, line = contact.dial, contact.dial_line or contact.line
    where = f"service '{service.id}': "
    verdict = classify(dial, lib)
    if verdict == "emergency" or dial.digits in emergency:
        country = "" if dial.keys.startswith("+") else f" in {lib or region.code}"
        report.error(region.path, line, f"{where}'{dial}' is an emergency number{country}; it "
                     "belongs under 'emergency:', never as a helpline")
        return False
    if verdict == "short-with-country":
        report.error(region.path, line, f"{where}'{dial}' is a short code with a country code; "
                     "a short code is dialled alone: write it without the +")
        return False
    if verdict not in ("invalid", "star"):
        if contact.override:
            report.warning(region.path, line, f"{where}'{dial}' passes the phone lint; remove "
                           "its phonenumbers_override")
        return False
    if not (contact.override or service.override):
        report.error(region.path, line, _refused(where, dial, lib, verdict))
    return True


def _check_emergency(region: Region, lib: str | None, report: Report) -> None:
    if region.emergency is None:
        return
    numbers = (region.emergency.dial, *region.emergency.also)
    lines = region.emergency.lines or (region.emergency.line,) * len(numbers)
    for dial, line in zip(numbers, lines):
        if lib and classify(dial, lib) != "emergency" and not region.emergency.override:
            report.error(region.path, line or region.emergency.line,
                         f"emergency: '{dial}' is not an emergency number in {lib} for the "
                         "phonenumbers library; if it is one, add phonenumbers_override with a "
                         "reason and a source")


def _refused(where: str, dial: Dial, lib: str | None, verdict: str) -> str:
    if verdict == "star":
        return (f"{where}'{dial}' starts with '{dial.keys[0]}': the phonenumbers library cannot "
                "confirm star or hash codes; if the service publishes it so, add "
                "phonenumbers_override with a reason and a source")
    if lib is None:
        return (f"{where}'{dial}' has no country: a number for readers anywhere must be written "
                "in international form (+…)")
    return (f"{where}'{dial}' is not a valid number or short code in {lib} for the phonenumbers "
            "library; if the number is real, add phonenumbers_override with a reason and a source")

