"""Load layouts/<name>/layout.yaml: the folder is the registration of a format."""
from __future__ import annotations

import re
from pathlib import Path

from zinepress.assets import Assets
from zinepress.errors import Report, did_you_mean
from zinepress.impose.plans import PLANS
from zinepress.load.fields import Fields
from zinepress.load.yamlfile import Map, load_yaml
from zinepress.model import Layout, Paper
from zinepress.units import mm, to_pt

TEMPLATE_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.html$")
# WeasyPrint's PDF variants (weasyprint.pdf.VARIANTS); anything else fails only when writing.
PDF_VARIANTS = ("pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4b", "pdf/a-4u",
                "pdf/ua-1")
MAX_MULTIPLE = 64
# A sheet or page side: A0's long side is 1189 mm; a 20,000-inch page would rasterise to gigabytes.
MAX_SIDE_MM = 1_200
LAYOUT_KEYS = ("description", "papers", "imposition", "pages", "multiple", "pad_with", "duplex",
               "template", "marks", "pdf_variant", "min_body_pt", "links", "min_line_height",
               "min_text_pt", "max_line_chars", "min_image_dpi", "max_body_pt",
               "max_line_height", "max_size_ratio")


def load_layouts(assets: Assets, report: Report) -> dict[str, Layout]:
    """Return every layout, the project's replacing built-in ones by name.

    Folders starting with '_' are shared parts: a template is looked up in the layout's folder,
    then in the project's layouts/_shared/, then in the built-in one. A project's folder without
    a layout.yaml customizes the built-in layout of its name instead of replacing it.
    """
    layouts = {}
    builtin = assets.builtin_entries("layouts")
    for name, sub in assets.entries("layouts").items():
        overlay: tuple[Path, ...] = ()
        if not (sub / "layout.yaml").exists() and name in builtin and sub != builtin[name]:
            sub, overlay = builtin[name], (sub,)
        layout = load_layout(sub, report, assets.shared(), overlay)
        if layout is not None:
            layouts[layout.name] = layout
    return layouts


def load_layout(folder: Path, report: Report, shared: tuple[Path, ...] = (),
                overlay: tuple[Path, ...] = ()) -> Layout | None:
    """Return one layout, or None after reporting why it cannot be used."""
    path = folder / "layout.yaml"
    data = load_yaml(path, report) if path.is_file() else None
    if not isinstance(data, Map):
        if path.is_file() and data is not None:
            report.error(path, 1, "layout.yaml must be a mapping")
        elif not path.is_file():
            report.error(folder, None, "a layout folder needs a layout.yaml")
        return None
    f = Fields(data, path, report)
    f.unknown(LAYOUT_KEYS)
    imposition = f.text("imposition", default="single") or "single"
    if imposition not in PLANS:
        f.error("imposition", f"unknown imposition '{imposition}' (known: {', '.join(PLANS)})")
    template = f.text("template", default="pages.html") or "pages.html"
    for key in ("template", "marks"):
        name = f.text(key)
        if name and not TEMPLATE_RE.match(name):
            f.error(key, f"'{key}' names a file in {folder.name}/, such as pages.html ({name!r})")
    if TEMPLATE_RE.match(template) and not (folder / template).is_file():
        f.error("template", f"template '{template}' is not in {folder.name}/")
    return Layout(name=folder.name, folder=folder, description=f.text("description") or "",
                  papers=_papers(f), imposition=imposition, pages=f.get("pages", int),
                  multiple=_multiple(f), pad_with=f.text("pad_with") or "notes",
                  duplex=f.flag("duplex"), template=template, marks=f.text("marks"),
                  pdf_variant=_pdf_variant(f),
                  min_body_pt=float(f.get("min_body_pt", (int, float), default=8.0)),
                  links=f.flag("links"), shared=shared or (folder.parent / "_shared",),
                  overlay=overlay,
                  **_legibility(f))


def _multiple(f: Fields) -> int:
    """Return the page count the panels are padded to a multiple of (1 to MAX_MULTIPLE)."""
    multiple = f.get("multiple", int, default=1)
    if not 1 <= multiple <= MAX_MULTIPLE:
        f.error("multiple", f"'multiple' must be a whole number from 1 to {MAX_MULTIPLE}, "
                f"not {multiple}")
        return 1
    return multiple


def _pdf_variant(f: Fields) -> str | None:
    """Return the PDF variant WeasyPrint writes (None: plain PDF)."""
    variant = f.text("pdf_variant")
    if variant is not None and variant not in PDF_VARIANTS:
        f.error("pdf_variant", f"unknown pdf_variant '{variant}' (known: "
                f"{', '.join(PDF_VARIANTS)}){did_you_mean(variant, PDF_VARIANTS)}")
        return None
    return variant


def _legibility(f: Fields) -> dict:
    """Return the fit stage's and the lint's limits (see zinepress/fit and zinepress/lint)."""
    spacing = f.get("min_line_height", (int, float))
    chars = f.get("max_line_chars", int)
    grow, loose = f.get("max_body_pt", (int, float)), f.get("max_line_height", (int, float))
    ratio = float(f.get("max_size_ratio", (int, float), default=1.25))
    if ratio < 1:
        f.error("max_size_ratio", f"'max_size_ratio' is 1 or more ({ratio:g})")
    return {"min_line_height": float(spacing) if spacing is not None else None,
            "max_body_pt": float(grow) if grow is not None else None,
            "max_line_height": float(loose) if loose is not None else None,
            "max_size_ratio": max(ratio, 1.0),
            "min_text_pt": float(f.get("min_text_pt", (int, float), default=6.0)),
            "max_line_chars": chars,
            "min_image_dpi": float(f.get("min_image_dpi", (int, float), default=150.0))}


def _papers(f: Fields) -> dict[str, Paper]:
    raw = f.mapping("papers", required=True) or Map()
    papers = {}
    for name, sizes in raw.items():
        pf = Fields(sizes, f.path, f.report, f"paper '{name}'")
        try:
            sheet = tuple(to_pt(v) for v in pf.texts("sheet", required=True))
            page = tuple(to_pt(v) for v in pf.texts("page", required=True))
        except ValueError as exc:
            pf.error(None, str(exc))
            continue
        if len(sheet) != 2 or len(page) != 2:
            pf.error(None, "'sheet' and 'page' are [width, height]")
            continue
        if not all(0 < mm(side) <= MAX_SIDE_MM for side in sheet + page):
            pf.error(None, f"every side of 'sheet' and 'page' must be more than 0 and at most "
                     f"{MAX_SIDE_MM:,} mm")
            continue
        papers[str(name)] = Paper(str(name), sheet, page)
    return papers
