"""Read zine.yaml's `languages:`: the layouts a language is built in when not all of them."""
from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

from zinepress.errors import did_you_mean
from zinepress.load.fields import Fields
from zinepress.load.yamlfile import Map

LANG_RE = re.compile(r"^[a-z]{2,3}$")


def known_language(code: str) -> bool:
    """Tell whether CLDR (Babel) knows the language, so its names and plural rules exist."""
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True
LANGUAGE_KEYS = ("layouts",)


def language_layouts(top: Fields, zine_layouts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Return language -> layouts for the languages that `languages:` restricts."""
    raw = top.mapping("languages")
    if raw is None:
        return {}
    result = {}
    for lang, settings in raw.items():
        where = Fields(raw, top.path, top.report)
        if not LANG_RE.match(str(lang)):
            where.error(lang, f"'{lang}' under 'languages' must be a language code such as es or ar")
            continue
        if not isinstance(settings, Map):
            where.error(lang, f"languages: {lang}: must be a mapping such as {{layouts: [minizine]}}")
            continue
        f = Fields(settings, top.path, top.report, f"languages: {lang}")
        f.unknown(LANGUAGE_KEYS)
        chosen = tuple(f.texts("layouts", required=True))
        for name in chosen:
            if name not in zine_layouts:
                f.error("layouts", f"layout '{name}' is not one of the zine's 'layouts'"
                                   f"{did_you_mean(name, zine_layouts)} ({', '.join(zine_layouts)})")
        result[str(lang)] = tuple(n for n in chosen if n in zine_layouts)
    return result
