"""Pictures of what will print: every sheet side as PNG, panels cut from them, contact sheets.

PDFium (pypdfium2) draws the very PDF that would be printed, fold and cut guides included, with
no external program.
"""
from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from zinepress.impose.plans import Plan
from zinepress.write import Output, atomic_write

DPI = 100
THUMB_HEIGHT = 260      # px: a contact sheet row
GAP = 16
MAX_ROW_WIDTH = 2400    # px: wider rows wrap


@dataclass(frozen=True)
class Picture:
    """One picture and its name, e.g. sheet-1-front."""

    name: str
    image: Image.Image


def sheet_pictures(output: Output, dpi: int = DPI) -> list[Picture]:
    """Return a picture of every sheet side of an output, in printing order."""
    document = pdfium.PdfDocument(output.data)
    try:
        count = len(document)
        two_sided = count == 2 * output.sheets
        pictures = []
        for index in range(count):
            page = document[index]
            image = page.render(scale=dpi / 72).to_pil()
            page.close()
            sheet, face = (index // 2 + 1, "back" if index % 2 else "front") if two_sided \
                else (index + 1, "front")
            pictures.append(Picture(f"sheet-{sheet}-{face}", image))
        return pictures
    finally:
        document.close()


def panel_pictures(sheets: list[Picture], plan: Plan | None, dpi: int = DPI) -> dict[int, Image.Image]:
    """Return each page cut from its sheet side and turned upright, by page number (from 1)."""
    if plan is None:     # not imposed: every sheet side is one page
        return {number: picture.image for number, picture in enumerate(sheets, 1)}
    scale, pages = dpi / 72, {}
    for side, picture in zip(plan.sides, sheets):
        for slot in side.slots:
            if slot.page is None:
                continue
            top = plan.height - slot.y - slot.height       # plans count y from the bottom
            box = tuple(round(v * scale) for v in (slot.x, top, slot.x + slot.width,
                                                   top + slot.height))
            crop = picture.image.crop(box)
            pages[slot.page] = crop.rotate(180) if slot.rotation == 180 else crop
    return pages


def png(image: Image.Image) -> bytes:
    """Return the image as PNG bytes."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def write_previews(outputs: list[Output], out: Path, dpi: int = DPI) -> list[Path]:
    """Write every output's sheet pictures and one contact sheet per variant; return the paths."""
    written: list[Path] = []
    rows: dict[Path, list[tuple[str, list[Picture]]]] = defaultdict(list)
    for output in outputs:
        folder = out / output.path.with_suffix("")
        pictures = sheet_pictures(output, dpi)
        for picture in pictures:
            atomic_write(folder / f"{picture.name}.png", png(picture.image))
            written.append(folder / f"{picture.name}.png")
        for old in folder.glob("sheet-*.png"):     # sheets an earlier, longer version had
            if old not in written:
                old.unlink()
        rows[folder.parent].append((folder.name, pictures))
    for variant, variant_rows in rows.items():
        atomic_write(variant / "contact-sheet.png", png(contact_sheet(variant_rows)))
        written.append(variant / "contact-sheet.png")
    return written


def contact_sheet(rows: list[tuple[str, list[Picture]]]) -> Image.Image:
    """Return one picture of every sheet side of a variant: a labelled row per layout."""
    font = ImageFont.load_default(size=18)
    lines = [(label, [_thumb(p.image) for p in pictures], [p.name for p in pictures])
             for label, pictures in rows]
    placed, width, y = [], GAP, GAP
    for label, thumbs, names in lines:
        placed.append(("label", label, (GAP, y)))
        y, x, height = y + 28, GAP, 0
        for thumb, name in zip(thumbs, names):
            if x > GAP and x + thumb.width > MAX_ROW_WIDTH:
                y, x, height = y + height + 24 + GAP, GAP, 0
            placed.append(("thumb", thumb, (x, y)))
            placed.append(("name", name, (x, y + thumb.height + 2)))
            x, height = x + thumb.width + GAP, max(height, thumb.height)
            width = max(width, x)
        y += height + 24 + GAP
    sheet = Image.new("RGB", (width, y), "#d8d8d8")
    draw = ImageDraw.Draw(sheet)
    for kind, thing, (x, top) in placed:
        if kind == "thumb":
            sheet.paste(thing, (x, top))
            draw.rectangle((x - 1, top - 1, x + thing.width, top + thing.height), outline="#888")
        else:
            draw.text((x, top), thing, fill="#000" if kind == "label" else "#444",
                      font=font if kind == "label" else ImageFont.load_default(size=14))
    return sheet


def _thumb(image: Image.Image) -> Image.Image:
    width = max(1, round(image.width * THUMB_HEIGHT / image.height))
    return image.convert("RGB").resize((width, THUMB_HEIGHT), Image.LANCZOS)
