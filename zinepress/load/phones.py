"""The phone lint: every dial string of a region checked with `phonenumbers` for that region.

Long numbers go through the library's number metadata, short codes and SMS codes through its
short-number metadata (shortnumberinfo). A real number the library rejects needs
`phonenumbers_override: {reason, source}`; an emergency number listed as a helpline is an error
whatever the override says (docs/regions.md).
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, shortnumberinfo

from zinepress.errors import Report
from zinepress.model import Contact, Region, Service

DIALLED = ("phone", "sms", "videophone")
# A vanity number followed by its digits, as 988's old videophone line is published:
# "1-800-273-TALK (8255)". The digits in brackets repeat the letters; they are not dialled twice.
_VANITY = re.compile(r"^(?P<number>.*[A-Za-z].*?)\s*\((?P<digits>[\d\s-]+)\)\s*$")


def library_region(code: str) -> str | None:
    """Return the phonenumbers region of a region code ('ar-c' → 'AR'; 'intl' → None)."""
    return None if code == "intl" else code.split("-")[0].upper()


def dialable(dial: str) -> str:
    """Return the dial string as keys to press: letters turned into digits, repeated digits dropped."""
    match = _VANITY.match(dial)
    if match:
        letters = phonenumbers.convert_alpha_characters_in_number(match["number"])
        if _digits(letters).endswith(_digits(match["digits"])):
            dial = match["number"]
    return phonenumbers.convert_alpha_characters_in_number(dial)


def classify(dial: str, region: str | None) -> str:
    """Return 'emergency', 'number', 'short' or 'invalid' for a dial string in a region."""
    keys = dialable(dial)
    try:
        number = phonenumbers.parse(keys, region)
    except NumberParseException:
        return "invalid"
    if region and shortnumberinfo.is_emergency_number(keys, region):
        return "emergency"
    if phonenumbers.is_valid_number(number) if region is None \
            else phonenumbers.is_valid_number_for_region(number, region):
        return "number"
    if region and shortnumberinfo.is_valid_short_number_for_region(number, region):
        return "short"
    return "invalid"


def dials_in_region(dial: str, code: str) -> bool:
    """Tell whether the library confirms that dialling this string works in the region."""
    return classify(dial, library_region(code)) in ("number", "short")


def check_dials(region: Region, report: Report) -> None:
    """Report every dial string of the region's own services that the phone lint refuses."""
    lib = library_region(region.code)
    emergency = {_digits(d) for d in ((region.emergency.dial, *region.emergency.also)
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
    dial, line = contact.dial or "", contact.dial_line or contact.line
    where = f"service '{service.id}': "
    verdict = classify(dial, lib)
    if verdict == "emergency" or _digits(dialable(dial)) in emergency:
        report.error(region.path, line, f"{where}'{dial}' is an emergency number in "
                     f"{lib or region.code}; it belongs under 'emergency:', never as a helpline")
        return False
    if verdict != "invalid":
        if contact.override:
            report.warning(region.path, line, f"{where}'{dial}' passes the phone lint; remove "
                           "its phonenumbers_override")
        return False
    if not (contact.override or service.override):
        report.error(region.path, line, _refused(where, dial, lib))
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


def _refused(where: str, dial: str, lib: str | None) -> str:
    if lib is None:
        return (f"{where}'{dial}' has no country: a number for readers anywhere must be written "
                "in international form (+…)")
    return (f"{where}'{dial}' is not a valid number or short code in {lib} for the phonenumbers "
            "library; if the number is real, add phonenumbers_override with a reason and a source")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)
