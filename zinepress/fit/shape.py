"""The shape of a panel's text, read once from a layout, to predict its height at other sizes.

Each paragraph (or heading, or list item) is known by how much text it holds (its lines' widths,
added up), the width its lines may take, how full word wrapping leaves a line, and the height of
one line. At k times the size, the same text takes k times the width, so the paragraph needs
about ceil(k × text / (width × fullness)) lines, each k times taller. Margins and padding are in
em and scale with the text; pictures and QR codes keep their size. This is the "measure once and
estimate" the fit stage relies on: predicting a size costs no layout.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.fit.measure import PX, section

FULLNESS = 0.92      # how full a wrapped line is when a paragraph has only one line to tell


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or list item: the lines it holds."""

    text: float           # pt: the widths of its lines' text, added up
    width: float          # pt: the width its lines may take
    lines: int
    line: float           # pt: the height of one line
    fullness: float       # of a line's width that word wrapping fills, on average
    heading: bool
    words: tuple[float, ...] = ()     # pt: a heading's words, each with its space

    def height(self, scale: float, spacing: float = 1.0) -> float:
        """Return the height of its lines at `scale` times the size, `spacing` times the line
        spacing (headings keep theirs)."""
        if self.words:        # a heading never hyphenates: it wraps word by word
            lines = wrapped(self.words, self.width / scale)
        else:
            lines = max(1, math.ceil(round(self.text * scale / (self.width * self.fullness), 6)))
        return lines * self.line * scale * (1.0 if self.heading else spacing)


@dataclass(frozen=True)
class Shape:
    """A panel's text as laid out once: its blocks, and the rest of its height."""

    blocks: tuple[Block, ...]
    spaces: float          # pt: margins and padding between blocks (in em: they scale)
    heading_spaces: float  # pt: the heading's own margins and padding (scale with the heading)
    fixed: float           # pt: pictures and QR codes (their size stays)

    def height(self, scale: float, spacing: float = 1.0, heading: float = 1.0) -> float:
        """Return the height needed at `scale` times the size, line spacing `spacing` times,
        the heading `heading` times larger again."""
        lines = sum(b.height(scale * (heading if b.heading else 1.0), spacing)
                    for b in self.blocks)
        return lines + self.spaces * scale + self.heading_spaces * scale * heading + self.fixed


def shape(page: weasyprint.Page, panel_id: str, needed: float) -> Shape:
    """Return the shape of a panel's text on the page it was laid out on."""
    blocks: list[Block] = []
    fixed = _walk(section(page, panel_id), blocks, False)
    heading = next((b for b in section(page, panel_id).descendants()
                    if b.element_tag == "h2"), None)
    heading_lines = sum(b.lines * b.line for b in blocks if b.heading)
    heading_spaces = heading.margin_height() * PX - heading_lines if heading is not None else 0.0
    spaces = needed - sum(b.lines * b.line for b in blocks) - fixed - heading_spaces
    return Shape(tuple(blocks), max(spaces, 0.0), max(heading_spaces, 0.0), fixed)


def _walk(box: boxes.Box, blocks: list[Block], in_heading: bool) -> float:
    """Add the blocks of lines under `box` to `blocks`; return the height of fixed lines."""
    fixed = 0.0
    lines = [c for c in box.children if isinstance(c, boxes.LineBox)] \
        if isinstance(box, boxes.ParentBox) else []
    heading = in_heading or box.element_tag == "h2"
    text = [line for line in lines if not _has_picture(line)]
    fixed += sum(line.margin_height() * PX for line in lines if _has_picture(line))
    if text:
        blocks.append(_block(box, text, heading))
    for child in box.children if isinstance(box, boxes.ParentBox) else ():
        if not isinstance(child, boxes.LineBox) and isinstance(child, boxes.ParentBox):
            fixed += _walk(child, blocks, heading)
        elif isinstance(child, boxes.ReplacedBox):
            fixed += child.margin_height() * PX
    return fixed


def _block(box: boxes.Box, lines: list[boxes.LineBox], heading: bool) -> Block:
    widths = [line.width * PX for line in lines]
    width = box.width * PX
    full = [w / width for w in widths[:-1]]
    fullness = min(1.0, sum(full) / len(full)) if full else FULLNESS
    words = tuple(w for line in lines for w in _words(line)) if heading else ()
    return Block(sum(widths), width, len(lines), lines[0].margin_height() * PX,
                 max(fullness, 0.5), heading, words)


def _words(line: boxes.LineBox) -> list[float]:
    """Return the widths of a line's words, each with the space after it (shared by letters)."""
    result = []
    for text in (b for b in line.descendants() if isinstance(b, boxes.TextBox)):
        words = text.text.split(" ")
        letters = sum(len(w) + 1 for w in words) or 1
        result += [(len(w) + 1) / letters * text.width * PX for w in words if w]
    return result


def wrapped(words: tuple[float, ...], width: float) -> int:
    """Return how many lines of `width` the words take, wrapped one word at a time."""
    lines, used = 1, 0.0
    for word in words:
        if used and used + word > width + 0.01:
            lines, used = lines + 1, word
        else:
            used += word
    return lines


def _has_picture(line: boxes.LineBox) -> bool:
    """Tell whether a line holds a picture or an inline block (a QR code with its label)."""
    return any(isinstance(b, (boxes.ReplacedBox, boxes.InlineBlockBox))
               for b in line.descendants())
