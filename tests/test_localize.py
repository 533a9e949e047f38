"""Localizing a zine: translations by key, fallbacks recorded, direction and dates from CLDR."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from markupsafe import Markup

from zinepress.localize import Words, direction, localize
from zinepress.model import Panel, Region, Variant, Zine


def tiny() -> Zine:
    panels = (Panel("cover", "cover", {"title": "Hello"}),
              Panel("list", "list", {"heading": "Things"}, items=("one", "two")))
    return Zine("tiny", Path("."), "en", {"title": "Hello", "credits": "Us"}, "CC0", (), panels,
                {"full": ("cover", "list")}, (), {})


REGION = Region("intl", "International", "a4", ())


def test_translations_replace_fields_by_key_and_fallbacks_are_listed() -> None:
    loc = localize(tiny(), Variant("es", "intl"), REGION,
                   {"cover.title": "Hola", "list.items.1": "dos", "zine.title": "Hola"})
    assert loc.zine.panel("cover").get("title") == "Hola"
    assert loc.zine.panel("list").items == ("one", "dos")
    assert loc.zine.title == "Hola"
    assert loc.fallbacks == ("list.heading", "list.items.0", "zine.credits")


def test_the_source_language_needs_no_translation() -> None:
    loc = localize(tiny(), Variant("en", "intl"), REGION, {"cover.title": "ignored"})
    assert loc.zine.panel("cover").get("title") == "Hello" and loc.fallbacks == ()


def test_direction_and_dates_come_from_cldr() -> None:
    assert direction("ar") == "rtl" and direction("he") == "rtl" and direction("es") == "ltr"
    loc = localize(tiny(), Variant("es", "intl"), REGION)
    assert loc.date(dt.date(2026, 11, 23)) == "23 de noviembre de 2026"


def test_words_escape_values_unless_they_are_markup() -> None:
    words = Words({"Call {number}": "Llama al {number}"})
    assert words("Call {number}", number="<b>") == "Llama al <b>"
    assert words("Call {number}", number=Markup("<b>9</b>")) == Markup("Llama al <b>9</b>")
    assert words("Text {keyword} to {number}", keyword="<x>", number=Markup("<b>1</b>")) == \
        Markup("Text &lt;x&gt; to <b>1</b>")
