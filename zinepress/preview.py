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
THUMB_HEIGHT = 260      # px: contact sheet thumbnails
GAP, LABEL_HEIGHT, NAME_HEIGHT = 16, 44, 22
MAX_ROW_WIDTH = 2400    # px: wider rows wrap
BACKGROUND = "#d8d8d8"


@dataclass(frozen=True)
class Picture:
    """One picture and its name, e.g. sheet-1-front."""

    name: str
    image: Image.Image


def sheet_pictures(output: Output, dpi: int = DPI) -> list[Picture]:
    """Return a picture of every sheet side of an output, in printing order."""
    document = pdfium.PdfDocument(output.content())
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
    """Return one picture of every sheet side of a variant: a labelled strip per layout."""
    strips = [_strip(label, pictures) for label, pictures in rows]
    sheet = Image.new("RGB", (max(s.width for s in strips), sum(s.height for s in strips)),
                      BACKGROUND)
    top = 0
    for strip in strips:
        sheet.paste(strip, (0, top))
        top += strip.height
    return sheet


def _strip(label: str, pictures: list[Picture]) -> Image.Image:
    lines: list[list[tuple[Image.Image, str]]] = [[]]
    for picture in pictures:      # wrap long rows (a 40-page reader) into several lines
        thumb = _thumb(picture.image)
        if lines[-1] and _width(lines[-1]) + thumb.width + GAP > MAX_ROW_WIDTH:
            lines.append([])
        lines[-1].append((thumb, picture.name))
    line_height = THUMB_HEIGHT + NAME_HEIGHT + GAP
    strip = Image.new("RGB", (max(_width(line) for line in lines),
                              LABEL_HEIGHT + len(lines) * line_height + GAP), BACKGROUND)
    draw = ImageDraw.Draw(strip)
    draw.text((GAP, GAP), label, fill="#000", font=ImageFont.load_default(size=18))
    for number, line in enumerate(lines):
        x, y = GAP, LABEL_HEIGHT + number * line_height
        for thumb, name in line:
            strip.paste(thumb, (x, y))
            draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline="#888")
            draw.text((x, y + thumb.height + 3), name, fill="#444",
                      font=ImageFont.load_default(size=14))
            x += thumb.width + GAP
    return strip


def _width(line: list[tuple[Image.Image, str]]) -> int:
    return GAP + sum(thumb.width + GAP for thumb, _ in line)


def _thumb(image: Image.Image) -> Image.Image:
    width = max(1, round(image.width * THUMB_HEIGHT / image.height))
    return image.convert("RGB").resize((width, THUMB_HEIGHT), Image.LANCZOS)
