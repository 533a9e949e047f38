"""Apply an imposition plan to rendered pages: each page is a Form XObject drawn in its slot."""
from __future__ import annotations

import logging

import pikepdf
from pikepdf import Array, Dictionary, Name

from zinepress.impose.plans import Plan, Slot

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]

_TOLERANCE = 0.01  # pt; page sizes from mm round-trip with a little noise


def impose(source: pikepdf.Pdf, plan: Plan) -> pikepdf.Pdf:
    """Return a new PDF with one plan.width × plan.height page per side of the plan."""
    _check_pages(source, plan)
    out = pikepdf.Pdf.new()
    forms: dict[int, tuple[pikepdf.Object, Box]] = {}
    for side in plan.sides:
        page = out.add_blank_page(page_size=(plan.width, plan.height))
        xobjects = Dictionary()
        content = []
        for slot in side.slots:
            if slot.page is None:
                continue
            name = f"/Fx{slot.page}"
            form, box = _form(out, source, slot.page, forms)
            xobjects[name] = form
            content.append(_draw(slot, box, name))
        page.obj.Resources = Dictionary(XObject=xobjects)
        page.obj.Contents = out.make_stream("\n".join(content).encode("ascii"))
    log.debug("imposed %d pages on %d sides", len(source.pages), len(plan.sides))
    return out


def _check_pages(source: pikepdf.Pdf, plan: Plan) -> None:
    """Refuse a plan that names a page the source does not have."""
    count = len(source.pages)
    for side in plan.sides:
        for slot in side.slots:
            if slot.page is not None and not 1 <= slot.page <= count:
                raise ValueError(
                    f"sheet {side.sheet} {side.face} wants page {slot.page}, "
                    f"but the document has {count} pages"
                )


def _form(
    out: pikepdf.Pdf, source: pikepdf.Pdf, page: int, forms: dict[int, tuple[pikepdf.Object, Box]]
) -> tuple[pikepdf.Object, Box]:
    """Return the page as a Form XObject owned by out, and its box in the form's user space."""
    if page not in forms:
        form = out.copy_foreign(source.pages[page - 1].as_form_xobject())
        forms[page] = form, _placed_box(form)
    return forms[page]


def _placed_box(form: pikepdf.Object) -> Box:
    """Return the form's BBox (the page's trim box) mapped through its /Matrix."""
    x0, y0, x1, y1 = (float(v) for v in form.BBox)
    a, b, c, d, e, f = (float(v) for v in form.get(Name.Matrix, Array([1, 0, 0, 1, 0, 0])))
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _draw(slot: Slot, box: Box, name: str) -> str:
    """Return the operators that draw one form, fitted and centred in its slot and clipped to it."""
    if slot.window is not None:
        return _draw_window(slot, box, name)
    x0, y0, x1, y1 = box
    scale = min(slot.width / (x1 - x0), slot.height / (y1 - y0))
    if slot.rotation not in (0, 180):
        raise ValueError(f"slot rotation must be 0 or 180, not {slot.rotation}")
    if abs(scale - 1) > 1e-4:
        log.debug("page %s scaled by %.4f to fit its slot", slot.page, scale)
    sign = -1 if slot.rotation == 180 else 1
    # x' = sign·s·x + e: the box centre lands on the slot centre, moved by the creep shift.
    e = slot.x + slot.width / 2 + slot.shift - sign * scale * (x0 + x1) / 2
    f = slot.y + slot.height / 2 - sign * scale * (y0 + y1) / 2
    m = sign * scale
    clip = " ".join(_num(v) for v in (slot.x, slot.y, slot.width, slot.height))
    cm = " ".join(_num(v) for v in (m, 0, 0, m, e, f))
    return f"q {clip} re W n {cm} cm {name} Do Q"


def _draw_window(slot: Slot, box: Box, name: str) -> str:
    """Return the operators that draw part of a form at 100 %, its window on the slot."""
    if slot.rotation:
        raise ValueError("a windowed slot cannot be turned")
    left, bottom = slot.window[0] + box[0], slot.window[1] + box[1]
    clip = " ".join(_num(v) for v in (slot.x, slot.y, slot.width, slot.height))
    return f"q {clip} re W n 1 0 0 1 {_num(slot.x - left)} {_num(slot.y - bottom)} cm {name} Do Q"


def _num(value: float) -> str:
    """Return a compact PDF number."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def overlay(sheets: pikepdf.Pdf, marks: pikepdf.Pdf) -> None:
    """Draw page i of marks on top of sheet page i; both must have the same count and sizes."""
    if len(marks.pages) != len(sheets.pages):
        raise ValueError(
            f"{len(marks.pages)} pages of marks for {len(sheets.pages)} sheet sides"
        )
    for number, (sheet, mark) in enumerate(zip(sheets.pages, marks.pages), start=1):
        if not _same_size(sheet.mediabox, mark.mediabox):
            raise ValueError(
                f"marks page {number} is {_size(mark.mediabox)} pt, "
                f"the sheet side is {_size(sheet.mediabox)} pt"
            )
        sheet.add_overlay(mark, shrink=False, expand=False)


def _same_size(a: pikepdf.Array, b: pikepdf.Array) -> bool:
    """Tell whether two boxes have the same width and height."""
    (aw, ah), (bw, bh) = _dims(a), _dims(b)
    return abs(aw - bw) <= _TOLERANCE and abs(ah - bh) <= _TOLERANCE


def _dims(box: pikepdf.Array) -> tuple[float, float]:
    """Return a box's width and height."""
    x0, y0, x1, y1 = (float(v) for v in box)
    return abs(x1 - x0), abs(y1 - y0)


def _size(box: pikepdf.Array) -> str:
    """Return a box's size as 'W × H'."""
    w, h = _dims(box)
    return f"{w:.2f} × {h:.2f}"
