"""The bundled fonts as @font-face rules; one FontConfiguration reused for every render."""
from __future__ import annotations

import atexit
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from zinepress.assets import Assets
from zinepress.errors import Report
from zinepress.load.fields import Fields
from zinepress.load.files import Refused, read_confined
from zinepress.load.sound_fonts import known_sound
from zinepress.load.yamlfile import Seq, load_yaml

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

FAMILY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]*$")
FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf", b"wOFF", b"wOF2")
MAX_FONT_BYTES = 32_000_000
# The tables a renderer needs to draw any text (OpenType spec, "Required tables").
NEEDED_TABLES = ("head", "hhea", "maxp", "cmap", "name", "hmtx", "post")


@dataclass(frozen=True)
class Fonts:
    """The bundled fonts: their @font-face CSS, and each file's bytes, read and checked once."""

    css: str = ""
    files: dict[str, bytes] = field(default_factory=dict)   # real path -> the checked bytes


def project_fonts(assets: Assets, report: Report) -> Fonts:
    """Return the built-in fonts, then the project's own (later @font-face rules win)."""
    folders = assets.folders("fonts")
    if not folders:
        report.error(assets.builtin / "fonts", None, "zinepress's bundled fonts are missing: "
                     "reinstall zinepress")
    found = [font_faces(folder, report) for folder in reversed(folders)]
    return Fonts("\n".join(f.css for f in found), {k: v for f in found for k, v in f.files.items()})


def font_faces(fonts: Path, report: Report) -> Fonts:
    """Return @font-face CSS and the file of every font listed in fonts/fonts.yaml."""
    manifest = fonts / "fonts.yaml"
    entries = load_yaml(manifest, report) if manifest.is_file() else None
    if not isinstance(entries, Seq):
        report.error(manifest, None, "fonts/fonts.yaml must list the bundled fonts")
        return Fonts()
    rules, files = [], {}
    for i, raw in enumerate(entries):
        f = Fields(raw, manifest, report, f"font {i + 1}")
        rule = _font_face(f, fonts, files)
        if rule:
            rules.append(rule)
    return Fonts("\n".join(rules), files)


def _font_face(f: Fields, fonts: Path, files: dict[str, bytes]) -> str | None:
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
    if not path.exists():
        f.error("file", f"font file '{name}' is missing from fonts/")
        return None
    try:
        data = read_confined(path, MAX_FONT_BYTES, fonts)
    except Refused as exc:
        f.error("file", f"font file '{name}': {exc.message}")
        return None
    if data[:4] not in FONT_MAGIC:
        # WeasyPrint would skip it quietly and print in whatever system font it finds instead.
        f.error("file", f"font file '{name}' is not a TrueType, OpenType or WOFF font")
        return None
    damage = None if known_sound(data) else font_damage(data)
    if damage:
        f.error("file", f"font file '{name}' is damaged ({damage}): the renderer would print "
                "in another font instead; replace the file")
        return None
    files[str(path)] = data
    return (f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
            f'font-weight: {weight}; font-style: {style}; }}')


def font_damage(data: bytes) -> str | None:
    """Return what is broken in a font file (a table cut short, a wrong checksum), or None."""
    from fontTools.ttLib import TTFont   # not for the bundled fonts (load/sound_fonts.py)

    try:
        # checkChecksums=2: a table whose checksum is wrong raises (bytes changed since made).
        font = TTFont(io.BytesIO(data), lazy=True, checkChecksums=2, fontNumber=0)
        for tag in font.reader.keys():
            font.reader[tag]                 # every table's bytes are inside the file
        for tag in NEEDED_TABLES:
            if tag not in font:
                return f"it has no '{tag}' table"
            font[tag]                        # and the ones every text needs can be read
    except Exception as exc:  # noqa: BLE001 - fontTools on a hostile file may raise anything
        return str(exc)[:120] or type(exc).__name__
    return None


@lru_cache(maxsize=1)
def font_config() -> FontConfiguration:
    """Return the process's font configuration (reusing it saves ~9 % per render)."""
    from weasyprint.text.fonts import FontConfiguration   # loading a project does not render

    # Dropped at exit, while the modules its __del__ uses still exist: dropped later, when the
    # interpreter tears modules down, it prints "Exception ignored … 'NoneType' object is not
    # callable" under a finished run.
    atexit.register(font_config.cache_clear)
    return FontConfiguration()
