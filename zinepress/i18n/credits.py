"""Who translated a zine and whether a native speaker reviewed it, from the PO header."""
from __future__ import annotations

import re
from typing import Mapping

from babel import Locale, UnknownLocaleError

from zinepress.i18n.bidi import isolate

from zinepress.i18n.pofile import NEEDS_REVIEW

# What gettext tools put in a header nobody has filled in yet (msginit --no-translator writes
# "Automatically generated" and "none").
PLACEHOLDERS = ("FULL NAME", "LANGUAGE", "", "AUTOMATICALLY GENERATED", "NONE")
# Our own header field: how the translation was made. The colophon says it in the reader's
# language (a layout word), never in the English of the header.
METHOD = "X-Translation-Method"
MACHINE = "machine-assisted"
EMAIL_RE = re.compile(r"\s*<[^>]*>")


def credit(header: Mapping[str, str]) -> dict[str, object] | None:
    """Return {'names', 'reviewed', 'reviewer', 'machine'} for the colophon, or None."""
    if not header:
        return None
    # Only names are printed: an e-mail address in a header is for the project, not for readers.
    names = [_name(header.get(k, "")) for k in ("Last-Translator", "Language-Team")]
    language = header.get("Language", "")
    names = [n for n in dict.fromkeys(names)
             if n.upper() not in PLACEHOLDERS and not _is_language_name(n, language)]
    state = header.get("X-Review-State", NEEDS_REVIEW).strip().lower()
    reviewer = _name(header.get("X-Reviewed-By", ""))
    # Names keep their own direction: a Latin name inside Arabic text, or the reverse.
    return {"names": isolate(", ".join(names)) if names else "", "reviewed": state == "reviewed",
            "reviewer": isolate(reviewer) if reviewer else "",
            "machine": header.get(METHOD, "").strip().lower() == MACHINE}


def _name(value: str) -> str:
    return EMAIL_RE.sub("", value).strip()


def _is_language_name(name: str, lang: str) -> bool:
    # A Language-Team of just "Spanish" or "español" says nothing the colophon should print.
    try:
        locale = Locale.parse(lang or "en")
    except (UnknownLocaleError, ValueError):
        return False
    return name.lower() in {(locale.get_display_name("en") or "").lower(),
                            (locale.get_display_name(locale) or "").lower()}
