"""Load layouts/<name>/layout.yaml: the folder is the registration of a format."""
from __future__ import annotations

import re
from pathlib import Path

from zinepress.errors import Report
from zinepress.impose.plans import PLANS
from zinepress.load.fields import Fields
from zinepress.load.yamlfile import Map, load_yaml
from zinepress.model import Layout, Paper
from zinepress.units import to_pt

TEMPLATE_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.html$")
LAYOUT_KEYS = ("description", "papers", "imposition", "pages", "multiple", "pad_with", "duplex",
               "template", "marks", "pdf_variant", "min_body_pt", "links", "min_line_height",
               "min_text_pt", "max_line_chars", "min_image_dpi", "max_body_pt",
               "max_line_height", "max_size_ratio")


def load_layouts(folder: Path, report: Report) -> dict[str, Layout]:
    """Return every layout folder under layouts/ (folders starting with '_' are shared parts)."""
    layouts = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_")):
        layout = load_layout(sub, report)
        if layout is not None:
            layouts[layout.name] = layout
    return layouts


def load_layout(folder: Path, report: Report) -> Layout | None:
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
                  multiple=f.get("multiple", int, default=1), pad_with=f.text("pad_with") or "notes",
                  duplex=f.flag("duplex"), template=template, marks=f.text("marks"),
                  pdf_variant=f.text("pdf_variant"),
                  min_body_pt=float(f.get("min_body_pt", (int, float), default=8.0)),
                  links=f.flag("links"), **_legibility(f))


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
        papers[str(name)] = Paper(str(name), sheet, page)
    return papers
