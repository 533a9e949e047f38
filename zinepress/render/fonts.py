"""The bundled fonts as @font-face rules; one FontConfiguration reused for every render."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from weasyprint.text.fonts import FontConfiguration

from zinepress.assets import Assets
from zinepress.errors import Report
from zinepress.load.fields import Fields
from zinepress.load.yamlfile import Seq, load_yaml

FAMILY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]*$")
FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf", b"wOFF", b"wOF2")


def fonts_css(assets: Assets, report: Report) -> str:
    """Return the @font-face rules of the built-in fonts, then the project's (later rules win)."""
    folders = assets.folders("fonts")
    if not folders:
        report.error(assets.builtin / "fonts", None, "zinepress's bundled fonts are missing: "
                     "reinstall zinepress")
    return "\n".join(font_faces(folder, report) for folder in reversed(folders))


def font_faces(fonts: Path, report: Report) -> str:
    """Return @font-face CSS for every font listed in fonts/fonts.yaml."""
    manifest = fonts / "fonts.yaml"
    entries = load_yaml(manifest, report) if manifest.is_file() else None
    if not isinstance(entries, Seq):
        report.error(manifest, None, "fonts/fonts.yaml must list the bundled fonts")
        return ""
    rules = []
    for i, raw in enumerate(entries):
        f = Fields(raw, manifest, report, f"font {i + 1}")
        rule = _font_face(f, fonts)
        if rule:
            rules.append(rule)
    return "\n".join(rules)


def _font_face(f: Fields, fonts: Path) -> str | None:
    """Return one @font-face rule; every value is checked, since it is written into CSS."""
    name, family = f.text("file", required=True), f.text("family", required=True)
    weight, style = f.get("weight", int, default=400), f.text("style", default="normal")
    if family and not FAMILY_RE.match(family):
        f.error("family", f"family '{family}' may use only letters, digits, spaces and hyphens")
        return None
    if weight not in range(100, 1000, 100) or style not in ("normal", "italic"):
        f.error(None, "'weight' is 100, 200 … 900 and 'style' is normal or italic")
        return None
    if not name or not family:
        return None
    path = (fonts / name).resolve()
    if not path.is_relative_to(fonts.resolve()):
        f.error("file", f"font file '{name}' is outside fonts/")
        return None
    if not path.is_file():
        f.error("file", f"font file '{name}' is missing from fonts/")
        return None
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic not in FONT_MAGIC:
        # WeasyPrint would skip it quietly and print in whatever system font it finds instead.
        f.error("file", f"font file '{name}' is not a TrueType, OpenType or WOFF font")
        return None
    return (f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
            f'font-weight: {weight}; font-style: {style}; }}')


@lru_cache(maxsize=1)
def font_config() -> FontConfiguration:
    """Return the process's font configuration (reusing it saves ~9 % per render)."""
    return FontConfiguration()
