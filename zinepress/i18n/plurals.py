"""Plural-Forms headers as GNU gettext's msginit writes them, kept as the project's own table.

Babel follows CLDR, which since version 42 gives Spanish, French, Italian, Portuguese and Catalan
a third form (for a million); gettext, Poedit and Weblate use two, and a PO file whose header
disagrees with them is rewritten by the first tool that opens it. So the table below is the one
of gettext's plural-table.c (0.21–0.22); only a language it lacks falls back to Babel's CLDR data.
"""
from __future__ import annotations

from babel import UnknownLocaleError
from babel.messages.plurals import get_plural

ONE = "nplurals=1; plural=0;"
TWO = "nplurals=2; plural=(n != 1);"
TWO_FR = "nplurals=2; plural=(n > 1);"
SLAVIC = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);")
GETTEXT = {
    **{lang: ONE for lang in ("ja", "ko", "vi", "zh", "th", "id")},
    **{lang: TWO for lang in ("en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt",
                              "it", "ca", "bg", "el", "fi", "et", "he", "eo", "hu", "tr")},
    "fr": TWO_FR, "pt_BR": TWO_FR,
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
    **{lang: SLAVIC for lang in ("ru", "uk", "be", "sr", "hr", "bs")},
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
          ": n%100>=11 ? 4 : 5;",
}


def plural_forms(lang: str) -> str:
    """Return the Plural-Forms header value gettext writes for a language (es: 2 forms)."""
    found = GETTEXT.get(lang) or GETTEXT.get(lang.split("_")[0])
    if found:
        return found
    try:
        plural = get_plural(lang)
    except (UnknownLocaleError, ValueError):
        return TWO
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"
