"""A zine's image files, checked before anything decodes them: where, how big, what format.

Raster images: PNG, JPEG, GIF or WebP (by their first bytes, whatever the name says), at most
MAX_IMAGE_BYTES, and at most MAX_PIXELS read from the header, so a small file that would
decompress to gigabytes (a "PNG bomb") never reaches a decoder. SVG: UTF-8 XML with no DOCTYPE
(no entities: no billion laughs, no external files), nested at most MAX_SVG_DEPTH deep (deeper
crashes WeasyPrint's drawing), and referring only to its own parts (#id): an SVG that names a
file or a URL is refused here, before the render's URL fetcher would have to refuse it.
"""
from __future__ import annotations

import io
import re
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from zinepress.load.files import Refused, read_confined

# Pillow only where a raster image is read: a project without one (and `zine --help`) never
# loads it (issue 16).
if TYPE_CHECKING:
    from PIL import Image

MAX_IMAGE_BYTES = 20_000_000
MAX_SVG_BYTES = 1_000_000
MAX_PIXELS = 40_000_000           # an A2 poster at 300 dpi is 4961 × 7016 = 34.8 million pixels
MAX_SVG_DEPTH = 40
WIDE_GREY = ("I;16", "I;16B", "I;16L", "I")   # Pillow's modes for 16-bit greyscale PNG
# Elements drawn once every <use> is expanded: a few <use>s of <use>s ("use bomb") draw 10^9
# elements from 1 KB, which took WeasyPrint minutes and gigabytes (issue 12).
MAX_SVG_DRAWN = 20_000
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}
_STRICT = threading.Lock()
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ODD = re.compile(r"[?#%\\]")
_REFERENCE = re.compile(r"""(?:(?:href|src)\s*=\s*["']\s*|url\(\s*["']?\s*)([^"')\s]*)|(@import)""",
                        re.IGNORECASE)


def read_image(folder: Path, src: str) -> tuple[bytes | None, str | None]:
    """Return the bytes to print of the image at `src` (in the zine folder), or why it cannot be.

    The file is read once, here; the renderer is handed these bytes (render/fetch.py), never the
    path, so what was checked is what is printed.
    """
    if _URL_LIKE.match(src):
        return None, (f"image '{src}' is a URL; 'src' is a file in the zine folder, such as "
                      "images/cover.png")
    if _ODD.search(src):
        return None, f"image '{src}': '?', '#', '%' and '\\' cannot be used in an image's path"
    path = folder / src
    if not path.resolve().is_relative_to(folder.resolve()):
        return None, f"image '{src}' is outside the zine folder"
    if not path.exists():
        return None, f"image '{src}' does not exist"
    try:
        limit = MAX_SVG_BYTES if path.suffix.lower() == ".svg" else MAX_IMAGE_BYTES
        data = read_confined(path, limit, folder)
    except Refused as exc:
        return None, f"image '{src}': {exc.message}"
    if path.suffix.lower() == ".svg":
        problem = _svg_problem(data)
    else:
        problem, data = _raster_problem(data)
    return (None, f"image '{src}' {problem}") if problem else (data, None)


def _raster_problem(data: bytes) -> tuple[str | None, bytes]:
    """Return why the raster image cannot be printed (or None), and the bytes to print."""
    kind = next((name for magic, name in MAGIC.items() if data.startswith(magic)), None)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = "WEBP"
    if kind is None:
        return "is not a PNG, JPEG, GIF, WebP or SVG file", data
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Image.open reads the header only; nothing is decoded here.
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return (f"has more than {Image.MAX_IMAGE_PIXELS * 2:,} pixels; the limit is "
                f"{MAX_PIXELS:,}", data)
    except Exception as exc:  # noqa: BLE001 - Pillow on a hostile header may raise anything
        return f"cannot be read as {kind}: {str(exc)[:100] or type(exc).__name__}", data
    if width * height > MAX_PIXELS:
        return (f"is {width:,} × {height:,} pixels ({width * height:,}); the limit is "
                f"{MAX_PIXELS:,}", data)
    return _decode(data, kind)


def _decode(data: bytes, kind: str) -> tuple[str | None, bytes]:
    """Decode the (now bounded) pixels once, strictly: WeasyPrint would print a broken one.

    A 16-bit greyscale PNG comes back as 8-bit: WeasyPrint prints 16-bit grey solid black
    (issue 12), so the picture is scaled to 8 bits here, exactly, and that PNG is printed.
    """
    from PIL import Image, ImageFile

    # WeasyPrint sets LOAD_TRUNCATED_IMAGES, which turns a broken image into a blank or partial
    # one on paper without a word; for this one decode it is off.
    with _STRICT:
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                image.load()
                if image.mode in WIDE_GREY:
                    return None, _eight_bit(image)
        except Exception as exc:  # noqa: BLE001 - any decoder failure means a broken file
            return ("is damaged: its pixels cannot be decoded "
                    f"({str(exc)[:80] or type(exc).__name__})", data)
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return None, data


def _eight_bit(image: Image.Image) -> bytes:
    """Return a 16-bit (or 32-bit integer) greyscale image as an 8-bit greyscale PNG."""
    wide = image.convert("I")      # 32-bit integer pixels; 16-bit values stay 0-65535
    grey = wide.point(lambda value: value / 257 + 0.5).convert("L")   # rounded, not cut
    buffer = io.BytesIO()
    grey.save(buffer, format="PNG", **({"dpi": image.info["dpi"]} if "dpi" in image.info else {}))
    return buffer.getvalue()


def _svg_problem(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text, so not an SVG file zinepress reads"
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return "has a DOCTYPE or entities, which an SVG image may not use"
    for match in _REFERENCE.finditer(text):
        target = match[1] or ""
        if match[2] or not target.startswith("#"):
            return (f"refers to {(match[2] or target)[:200]!r}: an SVG image may refer only to "
                    "its own parts (#id)")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        return f"is not valid XML ({exc})"
    if not root.tag.endswith("svg"):
        return "is not an SVG file (its root element is not <svg>)"
    if _depth(root) > MAX_SVG_DEPTH:
        return f"is nested more than {MAX_SVG_DEPTH} elements deep"
    drawn = _drawn(root)
    if drawn is None:
        return ("has a <use> that refers to itself, to an element that uses it, or through a "
                "chain of references too long to draw")
    if drawn > MAX_SVG_DRAWN:
        return (f"draws more than {MAX_SVG_DRAWN:,} elements once its <use> references are "
                "expanded")
    return None


def _drawn(root: ElementTree.Element) -> int | None:
    """Return how many elements the SVG draws with every <use> expanded, or None for a cycle."""
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    counts: dict[int, int] = {}
    busy: set[int] = set()

    def count(element: ElementTree.Element) -> int | None:
        key = id(element)
        if key in counts:
            return counts[key]
        if key in busy:
            return None
        busy.add(key)
        total = 1
        target = ids.get((element.get("href") or element.get(_XLINK_HREF) or "").lstrip("#"))
        parts = list(element) + ([target] if element.tag.endswith("use") and target is not None
                                 else [])
        for part in parts:
            sub = count(part)
            if sub is None:
                return None
            total = min(total + sub, MAX_SVG_DRAWN + 1)   # capped: counts stay small numbers
        busy.discard(key)
        counts[key] = total
        return total
    try:
        return count(root)
    except RecursionError:   # a chain of thousands of <use>s: no image needs that
        return None


def _depth(root: ElementTree.Element) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest
