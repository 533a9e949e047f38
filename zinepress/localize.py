"""Localize stage: a zine and a region, seen in one language (text, direction, dates, words)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Mapping

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup, escape

from zinepress.model import Region, Variant, Zine


LAYOUT_LANGUAGE = "en"       # the language the layouts' own words are written in


def N_(msgid: str) -> str:
    """Mark a layout word for `zine i18n update` to extract; translate it later with loc.words."""
    return msgid


@dataclass(frozen=True)
class Words:
    """The layouts' own words in one language ("Call", "Text", "checked on …")."""

    catalog: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, msgid: str, **values: object) -> str:
        text = self.catalog.get(msgid) or msgid
        try:
            return _format(text, values)
        except (KeyError, IndexError, ValueError):
            # A translation whose placeholders differ from the msgid's; the build reports it
            # as an error (zinepress.i18n.checks), so this English never reaches paper.
            return _format(msgid, values)


def _format(text: str, values: dict[str, object]) -> str:
    if any(isinstance(v, Markup) for v in values.values()):
        # Markup.format escapes every value that is not already safe HTML.
        return Markup(escape(text)).format(**values)
    return text.format(**values) if values else text


# Paper names as the printing notes say them: layout words, so a Spanish note says "carta".
PAPER_WORDS = {"letter": N_("letter"), "a4": N_("A4"), "a3": N_("A3"), "a2": N_("A2"),
               "tabloid": N_("tabloid")}


def paper_word(words: Words, name: str) -> str:
    """Return a paper's name in the reader's language ('letter' -> 'carta')."""
    return words(PAPER_WORDS[name]) if name in PAPER_WORDS else name


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
    stale: tuple[str, ...] = ()        # keys translated from an older source text (not updated)
    # panel id -> "untranslated" or "fuzzy": the panels a --draft build marks
    flags: Mapping[str, str] = field(default_factory=dict)
    translation: Mapping[str, str] = field(default_factory=dict)   # the PO header

    def date(self, day: dt.date) -> str:
        """Return a date in the reader's language, e.g. '23 November 2026'."""
        return format_date(day, format="long", locale=_locale(self.lang))

    def language_name(self) -> str:
        """Return the language's name in itself, e.g. 'español'."""
        return _locale(self.lang).get_display_name(_locale(self.lang)) or self.lang


def localize(zine: Zine, variant: Variant, region: Region,
             translations: Mapping[str, str] | None = None,
             words: Mapping[str, str] | None = None, fuzzy: Mapping[str, str] | None = None,
             sources: Mapping[str, str] | None = None,
             header: Mapping[str, str] | None = None) -> Localized:
    """Return the zine in the variant's language, recording every key that is not ready.

    A fuzzy translation, or one made for an older source text (its msgid differs from the
    YAML), is shown and recorded as needing review; only a key with no translation at all
    shows the source text. A print build refuses both (zinepress.i18n.checks); --draft marks them.
    """
    translations, sources = translations or {}, sources or {}
    missing: dict[str, list[str]] = {"untranslated": [], "fuzzy": [], "stale": []}

    def pick(key: str, source: str) -> str:
        if variant.lang == zine.language:
            return source
        if translations.get(key) and sources.get(key, source) == source:
            return translations[key]
        state = ("stale" if translations.get(key) else
                 "fuzzy" if (fuzzy or {}).get(key) else "untranslated")
        missing[state].append(key)
        # Never mix languages: a translation that needs review is still the reader's language
        # (a print build refuses it; a --draft build prints it marked "needs review").
        return translations.get(key) or (fuzzy or {}).get(key) or source

    panels = tuple(
        replace(p, text={k: pick(f"{p.id}.{k}", v) for k, v in p.text.items()},
                items=tuple(pick(f"{p.id}.items.{i}", v) for i, v in enumerate(p.items)))
        for p in zine.panels)
    text = {k: pick(f"zine.{k}", v) for k, v in zine.text.items()}
    localized = replace(zine, panels=panels, text=text)
    return Localized(localized, variant, region, variant.lang, direction(variant.lang),
                     Words(dict(words or {})), tuple(missing["untranslated"]),
                     tuple(missing["fuzzy"]), tuple(missing["stale"]),
                     panel_flags(zine, missing), dict(header or {}))


# The zine's own texts appear on its cover (title, subtitle, content note) and back cover.
ZINE_TEXT_PANELS = {"title": ("cover", "back-cover"), "subtitle": ("cover",),
                    "content_note": ("cover",), "credits": ("back-cover",)}


def panel_flags(zine: Zine, missing: Mapping[str, list[str]]) -> dict[str, str]:
    """Return panel id -> "untranslated" or "fuzzy" for the panels showing a fallback."""
    flags: dict[str, str] = {}
    for state in ("fuzzy", "stale", "untranslated"):    # "untranslated" wins
        for key in missing.get(state, ()):
            head, _, name = key.partition(".")
            ids = [p.id for p in zine.panels if p.kind in ZINE_TEXT_PANELS.get(name, ())] \
                if head == "zine" else [head]
            flags.update({i: "fuzzy" if state == "stale" else state for i in ids})
    return flags


def direction(lang: str) -> str:
    """Return 'rtl' for right-to-left languages (CLDR, through Babel), else 'ltr'."""
    order = _locale(lang).character_order
    return "rtl" if order == "right-to-left" else "ltr"


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")
