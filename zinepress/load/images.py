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
from xml.etree import ElementTree

from PIL import Image, ImageFile

from zinepress.load.files import Refused, read_confined

MAX_IMAGE_BYTES = 20_000_000
MAX_SVG_BYTES = 1_000_000
MAX_PIXELS = 40_000_000           # an A2 poster at 300 dpi is 4961 × 7016 = 34.8 million pixels
MAX_SVG_DEPTH = 40
MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}
_STRICT = threading.Lock()
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ODD = re.compile(r"[?#%\\]")
_REFERENCE = re.compile(r"""(?:(?:href|src)\s*=\s*["']\s*|url\(\s*["']?\s*)([^"')\s]*)|(@import)""",
                        re.IGNORECASE)


def image_problem(folder: Path, src: str) -> str | None:
    """Return why the image at `src` (relative to the zine folder) cannot be used, or None."""
    if _URL_LIKE.match(src):
        return (f"image '{src}' is a URL; 'src' is a file in the zine folder, such as "
                "images/cover.png")
    if _ODD.search(src):
        return f"image '{src}': '?', '#', '%' and '\\' cannot be used in an image's path"
    path = folder / src
    if not path.resolve().is_relative_to(folder.resolve()):
        return f"image '{src}' is outside the zine folder"
    if not path.exists():
        return f"image '{src}' does not exist"
    try:
        limit = MAX_SVG_BYTES if path.suffix.lower() == ".svg" else MAX_IMAGE_BYTES
        data = read_confined(path, limit, folder)
    except Refused as exc:
        return f"image '{src}': {exc.message}"
    problem = _svg_problem(data) if path.suffix.lower() == ".svg" else _raster_problem(data)
    return f"image '{src}' {problem}" if problem else None


def _raster_problem(data: bytes) -> str | None:
    kind = next((name for magic, name in MAGIC.items() if data.startswith(magic)), None)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = "WEBP"
    if kind is None:
        return "is not a PNG, JPEG, GIF, WebP or SVG file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Image.open reads the header only; nothing is decoded here.
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return f"has more than {Image.MAX_IMAGE_PIXELS * 2:,} pixels; the limit is {MAX_PIXELS:,}"
    except Exception as exc:  # noqa: BLE001 - Pillow on a hostile header may raise anything
        return f"cannot be read as {kind}: {str(exc)[:100] or type(exc).__name__}"
    if width * height > MAX_PIXELS:
        return (f"is {width:,} × {height:,} pixels ({width * height:,}); the limit is "
                f"{MAX_PIXELS:,}")
    return _decode_problem(data, kind)


def _decode_problem(data: bytes, kind: str) -> str | None:
    """Decode the (now bounded) pixels once, strictly: WeasyPrint would print a broken one."""
    # WeasyPrint sets LOAD_TRUNCATED_IMAGES, which turns a broken image into a blank or partial
    # one on paper without a word; for this one decode it is off.
    with _STRICT:
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                image.load()
        except Exception as exc:  # noqa: BLE001 - any decoder failure means a broken file
            return f"is damaged: its pixels cannot be decoded ({str(exc)[:80] or type(exc).__name__})"
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return None


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
    return None


def _depth(root: ElementTree.Element) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest
