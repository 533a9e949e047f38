"""Jinja2 in a sandbox: layout templates turn a localized zine into HTML. Content is data only."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Collection, Mapping, Protocol, Sequence

from jinja2 import (Environment, FileSystemLoader, StrictUndefined, TemplateError,
                    TemplateNotFound)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from zinepress.crisis import CrisisView
from zinepress.errors import fail
from zinepress.i18n.bidi import direction_of, localize_view
from zinepress.i18n.credits import credit
from zinepress.load.files import Refused, read_confined
from zinepress.load.theme import ORNAMENT_URL
from zinepress.localize import Localized, paper_word
from zinepress.model import Layout, Panel, Paper, Theme
from zinepress.render import markdown
from zinepress.render.addresses import address, addresses, keyword
from zinepress.render.qr import qr_svg


class Tried(Protocol):
    """Another version of a panel to lay out after the pages (zinepress.fit.tries.Try)."""

    key: str
    panel_id: str
    css: str
    crisis: CrisisView | None


MAX_CSS_BYTES = 1_000_000
MAX_TEMPLATE_BYTES = 1_000_000


class _ConfinedLoader(FileSystemLoader):
    """Load templates only from files really inside layouts/: a symlink out is refused unread."""

    def __init__(self, folders: list[Path], roots: list[Path]) -> None:
        super().__init__(folders)
        self.roots = [root.resolve() for root in roots]

    def get_source(self, environment: Environment, template: str):  # noqa: ANN201 - Jinja's
        for folder in self.searchpath:
            candidate = Path(folder, *split_template_path(template))
            if candidate.is_symlink() or candidate.exists():
                resolved = candidate.resolve()
                root = next((r for r in self.roots if resolved.is_relative_to(r)), None)
                if root is None:
                    raise TemplateError(f"'{template}' is a link to a place outside layouts/")
                return _read_template(candidate, template, root)
        raise TemplateNotFound(template)


def _read_template(path: Path, name: str, root: Path) -> tuple[str, str, Callable[[], bool]]:
    """Return a template's text, read as untrusted (regular, bounded), and its up-to-date test."""
    try:
        mtime = path.stat().st_mtime_ns
        source = read_confined(path, MAX_TEMPLATE_BYTES, root).decode("utf-8")
    except Refused as exc:
        raise TemplateError(f"'{name}': {exc.message}") from None
    except (OSError, UnicodeDecodeError):
        raise TemplateError(f"'{name}' cannot be read as UTF-8 text") from None

    def uptodate() -> bool:
        try:
            return path.stat().st_mtime_ns == mtime
        except OSError:
            return False
    return source, str(path), uptodate


@lru_cache(maxsize=32)
def environment(layout_folder: Path, shared: tuple[Path, ...] | None = None,
                overlay: tuple[Path, ...] = ()) -> SandboxedEnvironment:
    """Return the sandboxed environment of one layout: a project's customizing folders, the
    layout's folder, then the _shared folders."""
    shared = shared if shared is not None else (layout_folder.parent / "_shared",)
    folders = [*overlay, layout_folder, *shared]
    loader = _ConfinedLoader(folders, [f.parent for f in folders])
    env = SandboxedEnvironment(loader=loader,
                               autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
    env.filters["pt"] = lambda value: f"{value:.3f}pt"
    env.filters["keep_hyphens"] = keep_hyphens
    env.filters["qr"] = qr_svg
    env.filters["address"] = address
    env.filters["addresses"] = addresses
    env.filters["keyword"] = keyword
    env.filters["direction"] = lambda text: direction_of(str(text)) or "auto"
    return env


def keep_hyphens(html: Markup) -> Markup:
    """Keep hyphenated words whole: a title breaks at spaces, never after "self-"."""
    # Only the text between tags: a hyphen inside a tag (a link's href) must stay as it is.
    parts = _TAG.split(str(html))
    return Markup("".join(part if part.startswith("<") else _HYPHENATED.sub(_NOWRAP, part)
                          for part in parts))


_TAG = re.compile(r"(<[^>]*>)")
_HYPHENATED = re.compile(r"([^\s<>]+-[^\s<>]+)")
_NOWRAP = r'<span class="nowrap">\1</span>'


def stylesheet(layout: Layout) -> Markup:
    """Return the shared CSS followed by the layout's own, to inline in the page."""
    base = next((s / "base.css" for s in layout.shared if (s / "base.css").is_file()), None)
    parts = [base, layout.folder / "style.css", *(f / "style.css" for f in layout.overlay)]
    css = []
    for part in (p for p in parts if p is not None and p.is_file()):
        try:
            css.append(read_confined(part, MAX_CSS_BYTES, part.parent.parent).decode("utf-8"))
        except (Refused, UnicodeDecodeError) as exc:
            raise fail(part, None, getattr(exc, "message", "the file is not UTF-8 text")) from None
    return Markup("\n".join(css))




def theme_stylesheet(theme: Theme | None) -> Markup:
    """Return a theme's CSS, its ornaments (url("name.svg")) pointing into its own folder."""
    if theme is None:
        return Markup("")
    return Markup(ORNAMENT_URL.sub(lambda m: f'url("{(theme.folder / m.group(2)).as_uri()}")',
                                   theme.css_text))


def panel_view(panel: Panel, number: int, links: bool, flagged: str | bool) -> dict[str, Any]:
    """Return what a template may use of a panel: its text as safe HTML, never as template."""
    view = {"id": panel.id, "kind": panel.kind, "number": number, "flagged": flagged,
            "critical": panel.critical, "src": panel.src, "alt": panel.get("alt")}
    for name in ("title", "subtitle", "heading", "attribution", "caption"):
        view[name] = markdown.inline(panel.get(name), links) if panel.get(name) else ""
    view["body"] = markdown.to_html(panel.get("body"), links) if panel.get("body") else ""
    view["items"] = [markdown.inline(item, links) for item in panel.items]
    return view


def render_template(layout: Layout, name: str, context: dict[str, Any]) -> str:
    """Render one of the layout's templates, turning template bugs into a clear error."""
    try:
        env = environment(layout.folder, layout.shared, layout.overlay)
        return env.get_template(name).render(context)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or layout.folder / name
        raise fail(where, getattr(exc, "lineno", None), f"template error: {exc}") from None


def base_context(loc: Localized, layout: Layout, paper: Paper, fonts_css: str,
                 draft: bool) -> dict[str, Any]:
    """Return the context every template of a variant shares."""
    zine = loc.zine
    return {
        "lang": loc.lang, "dir": loc.direction, "t": loc.words, "draft": draft,
        "layout": layout.name, "paper": paper, "fonts": Markup(fonts_css),
        "paper_label": paper_word(loc.words, paper.name),
        "css": stylesheet(layout), "links": layout.links,
        "zine": {"title": zine.title, "subtitle": zine.text.get("subtitle", ""),
                 "content_note": zine.text.get("content_note", ""),
                 "credits": zine.text.get("credits", ""), "license": zine.license,
                 "sources": [{"title": s.title, "url": s.url} for s in zine.sources],
                 "translation": credit(loc.translation) if loc.lang != zine.language else None},
    }


def pages_html(loc: Localized, layout: Layout, paper: Paper, panels: tuple[Panel, ...],
               crisis: CrisisView | None, fonts_css: str, draft: bool, bleed: float = 0.0,
               fit_styles: Mapping[str, str] | None = None,
               only: Collection[str] | None = None, theme: Theme | None = None,
               tries: Sequence[Tried] = ()) -> str:
    """Return the HTML of the zine's pages: one section per panel, bleed in pt around each.

    fit_styles: inline CSS per panel id (the fit stage's sizes); only: lay out just these
    panels' content, leaving the other sections empty pages (the fit stage measuring);
    tries: other versions of panels, laid out after the zine's pages to be measured.
    """
    context = base_context(loc, layout, paper, fonts_css, draft)
    context["bleed"] = bleed
    context["theme"] = theme.name if theme else ""
    context["theme_css"] = theme_stylesheet(theme)
    cover = loc.zine.cover
    context["zine"]["cover"] = {"src": cover.src, "alt": loc.zine.text.get("cover_alt", cover.alt)} \
        if cover else None
    context["panels"] = [localize_view(panel_view(p, i + 1, layout.links,
                                                  loc.flags.get(p.id, False)), p, loc)
                         for i, p in enumerate(panels)]
    for view in context["panels"]:
        view["fit_style"] = (fit_styles or {}).get(view["id"], "")
        view["fit_skip"] = only is not None and view["id"] not in only
    context["crisis"] = crisis
    views = {view["id"]: view for view in context["panels"]}
    context["tries"] = [{"panel": views[t.panel_id] | {"fit_style": t.css, "fit_skip": False},
                         "crisis": t.crisis, "key": t.key} for t in tries]
    return render_template(layout, layout.template, context)


def marks_html(loc: Localized, layout: Layout, paper: Paper, sides: list[dict[str, Any]],
               fonts_css: str, draft: bool, duplex: str) -> str:
    """Return the HTML of the sheet overlay: one page per sheet side, guides and notes."""
    context = base_context(loc, layout, paper, fonts_css, draft)
    context.update(sides=sides, duplex=duplex)
    return render_template(layout, layout.marks or "marks.html", context)
