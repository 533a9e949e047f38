"""Localize stage: a zine and a region, seen in one language (text, direction, dates, words)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Mapping

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup, escape

from zinepress.model import Region, Variant, Zine


@dataclass(frozen=True)
class Words:
    """The layouts' own words in one language ("Call", "Text", "checked on …")."""

    catalog: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, msgid: str, **values: object) -> str:
        text = self.catalog.get(msgid) or msgid
        if any(isinstance(v, Markup) for v in values.values()):
            # Markup.format escapes every value that is not already safe HTML.
            return Markup(escape(text)).format(**values)
        return text.format(**values) if values else text


@dataclass(frozen=True)
class Localized:
    """Everything a render needs to know about one variant."""

    zine: Zine
    variant: Variant
    region: Region
    lang: str
    direction: str                     # "ltr" or "rtl"
    words: Words
    fallbacks: tuple[str, ...] = ()    # msgctxt keys shown in the source language
    fuzzy: tuple[str, ...] = ()        # msgctxt keys whose translation needs review

    def date(self, day: dt.date) -> str:
        """Return a date in the reader's language, e.g. '23 November 2026'."""
        return format_date(day, format="long", locale=_locale(self.lang))

    def language_name(self) -> str:
        """Return the language's name in itself, e.g. 'español'."""
        return _locale(self.lang).get_display_name(_locale(self.lang)) or self.lang


def localize(zine: Zine, variant: Variant, region: Region,
             translations: Mapping[str, str] | None = None,
             words: Mapping[str, str] | None = None) -> Localized:
    """Return the zine in the variant's language; untranslated keys fall back to the source."""
    translations = translations or {}
    fallbacks: list[str] = []

    def pick(key: str, source: str) -> str:
        if variant.lang == zine.language:
            return source
        if translations.get(key):
            return translations[key]
        fallbacks.append(key)
        return source

    panels = tuple(
        replace(p, text={k: pick(f"{p.id}.{k}", v) for k, v in p.text.items()},
                items=tuple(pick(f"{p.id}.items.{i}", v) for i, v in enumerate(p.items)))
        for p in zine.panels)
    text = {k: pick(f"zine.{k}", v) for k, v in zine.text.items()}
    localized = replace(zine, panels=panels, text=text)
    return Localized(localized, variant, region, variant.lang, direction(variant.lang),
                     Words(dict(words or {})), tuple(fallbacks))


def direction(lang: str) -> str:
    """Return 'rtl' for right-to-left languages (CLDR, through Babel), else 'ltr'."""
    order = _locale(lang).character_order
    return "rtl" if order == "right-to-left" else "ltr"


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")
