"""Contrast lint: text that a photocopier or a tired eye may lose (WCAG 2 AA, on laid-out pages).

Colours come from the styles WeasyPrint computed, so every rule of the layout's CSS counts, in
its cascade. WCAG's ratio is made of relative luminance, which is what a black-and-white copier
keeps: text that passes prints legibly in grey.
"""
from __future__ import annotations

from typing import Iterator

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.errors import Problem, Report, display_path
from zinepress.job import Job

RGB = tuple[float, float, float]
AA_NORMAL, AA_LARGE = 4.5, 3.0
WHITE: RGB = (1.0, 1.0, 1.0)


def luminance(rgb: RGB) -> float:
    """Return the relative luminance of an sRGB colour (channels 0–1), as WCAG 2 defines it."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: RGB, background: RGB) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check_contrast(document: weasyprint.Document, job: Job, report: Report) -> None:
    """Warn once per colour pair whose text falls below WCAG AA on these pages."""
    worst: dict[tuple[str, str, bool], tuple[float, str]] = {}
    for page in document.pages:
        for text, fg, bg, large in _texts(page._page_box, WHITE, 1.0):
            key = (_hex(fg), _hex(bg), large)
            value = ratio(fg, bg)
            if value < (AA_LARGE if large else AA_NORMAL) and value < worst.get(key, (99,))[0]:
                worst[key] = (value, text)
    for (fg, bg, large), (value, where) in sorted(worst.items()):
        minimum = AA_LARGE if large else AA_NORMAL
        problem = Problem(_display(job), None,
                          f"text in {where} is {fg} on {bg}: contrast {value:.1f}:1 is below "
                          f"the {minimum}:1 that WCAG AA asks for {'large ' if large else ''}"
                          "text, and may not survive a photocopier", "warning")
        if problem not in report.problems:
            report.extend([problem])


def _texts(box: boxes.Box, backdrop: RGB, opacity: float,
           where: str = "the page") -> Iterator[tuple[str, RGB, RGB, bool]]:
    """Yield (element, text colour, colour behind it, is large) for every piece of text."""
    style = box.style
    opacity *= float(style["opacity"])
    backdrop = _over(style["background_color"], opacity, backdrop)
    where = _name(box) or where
    if isinstance(box, boxes.TextBox) and box.text.strip():
        large = style["font_size"] >= 24 or (style["font_size"] >= 18.66 and
                                             style["font_weight"] >= 700)
        yield where, _over(style["color"], opacity, backdrop), backdrop, large
    for child in getattr(box, "children", ()):
        yield from _texts(child, backdrop, opacity, where)


def _over(color: object, opacity: float, backdrop: RGB) -> RGB:
    """Return a CSS colour laid with its alpha (times opacity) over an opaque backdrop."""
    srgb = color.to("srgb")  # type: ignore[attr-defined]
    alpha = float(srgb.alpha) * opacity
    return tuple(alpha * float(c) + (1 - alpha) * b  # type: ignore[return-value]
                 for c, b in zip(srgb.coordinates, backdrop))


def _name(box: boxes.Box) -> str | None:
    """Return '<p class="checked">' for a box whose element has a class, else None."""
    element = getattr(box, "element", None)
    classes = element.get("class") if element is not None else None
    return f'<{box.element_tag} class="{classes}">' if classes else None


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def _display(job: Job) -> str:
    """Return where a user fixes the colours: the layout's stylesheet."""
    return display_path(job.layout.folder / "style.css")
