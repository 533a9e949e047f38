"""The preview pages as HTML: the list of zines and variants, and one variant's sheets and panels."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from zinepress.errors import Problem
from zinepress.project import Project
from zinepress.serve.view import PanelView, View

STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; background: #f4f4f2; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
a { color: #0645ad; } .sheets figure { display: inline-block; width: 46%; margin: 0 1rem 1rem 0; }
.sheets img { max-width: 100%; border: 1px solid #999; } figcaption { font-size: 13px; }
.thumbs a { display: inline-block; text-align: center; margin: 0 .8rem .8rem 0; font-size: 13px; }
.thumbs img { display: block; height: 110px; min-width: 60px; border: 1px solid #999; background: #fff; }
.panel { display: flex; gap: 1.5rem; background: #fff; padding: 1rem; margin: 1rem 0; }
.panel img { width: 260px; border: 1px solid #999; align-self: flex-start; }
.panel dl { margin: 0; flex: 1; } dt { font: 12px monospace; color: #666; margin-top: .6rem; }
dd { margin: 0; white-space: pre-wrap; } .printed { color: #064; } .untranslated { color: #a40; }
.problems { background: #fff0f0; border: 2px solid #c00; padding: .5rem 1rem; }
.problems li { font-family: monospace; white-space: pre-wrap; margin: .3rem 0; }
.warning { color: #850; } .status { color: #666; font-size: 13px; }
.stale img { opacity: .45; outline: 3px dashed #c00; }
.stale-note { color: #a00; font-weight: bold; }
"""

# Ask the server for this page's next version and wait for it (a long poll, answered after a
# save with the new pictures' names and HTML); draw the new pictures first, then swap them in.
# A hidden tab lets go of its request, so that only the page in view makes the server render.
SCRIPT = """
<script>
let token = %s;
const live = %s;
const wait = ms => new Promise(done => setTimeout(done, ms));
const drawn = src => new Promise(done => {
  const picture = new Image(); picture.onload = picture.onerror = done; picture.src = src; });
const shown = () => new Promise(done => {
  const check = () => {
    if (document.visibilityState !== 'visible') return false;
    document.removeEventListener('visibilitychange', check);
    done();
    return true;
  };
  if (!check()) document.addEventListener('visibilitychange', check);
});
let asking = null;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible' && asking) asking.abort(); });
(async () => {
  for (;;) {
    try {
      await shown();
      asking = new AbortController();
      const next = live + '&seen=' + encodeURIComponent(token);
      const response = await fetch(next, {cache: 'no-store', signal: asking.signal});
      if (!response.ok) { await wait(1000); continue; }
      const update = await response.json();
      if (update.token === token) continue;
      await Promise.all(update.first.map(name => drawn('/img/' + name)));
      document.getElementById('live').innerHTML = update.html;
      document.getElementById('status').textContent = update.status;
      token = update.token;
    } catch (e) {   /* hidden, or the server is restarting: try again */
      if (document.visibilityState === 'visible') await wait(1000);
    }
  }
})();
</script>
"""


@dataclass(frozen=True)
class Content:
    """What the live part of a page shows, and how the page follows it."""

    html: str
    token: str                        # changes whenever the html does
    first: tuple[str, ...] = ()       # pictures to draw before swapping the html in
    status: str = ""


def index_content(project: Project | None, problems: list[Problem],
                  versions: dict[str, str]) -> str:
    """Return the list of every zine with links to its variants in each layout."""
    body = [_problems(problems)]
    for zine in (project.zines.values() if project else ()):
        body.append(f"<h2>{escape(zine.title)} <small>({escape(zine.slug)})</small></h2><ul>")
        for variant in _variants(project, zine):
            # A thumbnail of each layout's first sheet, rendered when the browser shows it; its
            # address names the zine's version, so that a save asks again for its own zine's only.
            version = versions.get(zine.slug, "")
            links = "".join(
                f'<a href="/view?{escape(_query(zine.slug, variant, name))}"><img loading="lazy" '
                f'src="/thumb?{escape(_query(zine.slug, variant, name))}&amp;v={escape(version)}"'
                f' alt="">{escape(name)}</a>' for name in zine.layouts)
            body.append(f'<li>{escape(variant)}:<div class="thumbs">{links}</div></li>')
        body.append("</ul>")
    return "".join(body)


def index_page(content: Content) -> str:
    """Return the page that lists every zine and follows saves."""
    return _page("zinepress preview", "", content, "/live?index=1")


def toggle(slug: str, variant: str, layout: str, draft: bool) -> str:
    """Return the link that shows the same view in the other mode, print or draft."""
    query = urlencode({"zine": slug, "variant": variant, "layout": layout,
                       "draft": "0" if draft else "1"})
    words = "show as printed" if draft else "show as a draft (untranslated or unchecked parts marked)"
    return f'<a href="/view?{escape(query)}">{escape(words)}</a>'


def view_content(view: View, good: View | None) -> str:
    """Return a variant's problems, sheets and panels; the last good ones, marked, if it failed."""
    body = [_problems(list(view.problems))]
    if view.failed and good is not None and good.sheets:
        body.append('<p class="stale-note">The pictures below are from the last version that '
                    "built: they do not show your latest save until the problems above are "
                    'fixed.</p><div class="stale">')
        body += [_pictures(good), "</div>"]
    elif view.sheets:
        body.append(_pictures(view))
    return "".join(body)


def view_page(title: str, content: Content, switch: str, live: str) -> str:
    """Return the page of one variant, following saves at the address `live`."""
    return _page(title, f'<p><a href="/">all zines</a> · {switch}</p>', content, live)


def _pictures(view: View) -> str:
    body = ['<h2>Sheets</h2><div class="sheets">']
    # Each sheet links to its full-size picture and to its page of the PDF.
    body += [f'<figure><a href="/img/{escape(n)}"><img src="/img/{escape(n)}" '
             f'alt="{escape(n.split("-", 1)[1])}"></a><figcaption><a href="/img/{escape(n)}">'
             f'picture</a> · <a href="/img/{escape(view.pdf)}#page={i}">PDF</a></figcaption>'
             f'</figure>' for i, n in enumerate(view.sheets, 1)]
    body.append("</div><h2>Panels</h2>")
    body += [_panel(p) for p in view.panels]
    return "".join(body)


def _panel(panel: PanelView) -> str:
    where = f" · zine.yaml line {panel.line}" if panel.line else ""
    rows = []
    for text in panel.texts:
        rows.append(f'<dt>{escape(text.key)}</dt><dd dir="auto">{escape(text.source)}</dd>')
        if text.untranslated:
            rows.append('<dd class="untranslated">untranslated: printed in the source '
                        "language</dd>")
        elif text.printed != text.source:
            rows.append(f'<dd class="printed" dir="auto">{escape(text.printed)}</dd>')
    return (f'<div class="panel" id="page-{panel.number}"><img src="/img/{escape(panel.picture)}" '
            f'alt="page {panel.number}"><dl><dt>page {panel.number} · {escape(panel.panel_id)} '
            f"({escape(panel.kind)}){where}</dt>{''.join(rows)}</dl></div>")


def _query(slug: str, variant: str, layout: str) -> str:
    return urlencode({"zine": slug, "variant": variant, "layout": layout})


def _problems(problems: list[Problem]) -> str:
    if not problems:
        return ""
    items = "".join(f'<li class="{p.severity}">{escape(str(p))}</li>' for p in problems)
    errors = sum(p.severity == "error" for p in problems)
    head = f"{errors} error(s), {len(problems) - errors} warning(s)"
    return f'<div class="problems"><strong>{head}</strong><ul>{items}</ul></div>'


def _variants(project: Project, zine) -> list[str]:  # noqa: ANN001 - a Zine
    names = [v.name for v in zine.variants]
    listed = {v.lang for v in zine.variants}
    region = "intl" if "intl" in project.regions else (zine.variants[0].region
                                                       if zine.variants else None)
    # A language a translator has started but that no variant lists yet, to watch it grow.
    for po in sorted((zine.folder / "locales").glob("*.po")):
        if po.stem not in listed and region:
            names.append(f"{po.stem}-{region}")
    return names


def _page(title: str, head: str, content: Content, live: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
            f"</title><style>{STYLE}</style></head><body><h1>{escape(title)}</h1>"
            f'<p class="status">follows every save of a YAML or PO file · <span id="status">'
            f'{escape(content.status)}</span></p>{head}<div id="live">{content.html}</div>'
            f"{SCRIPT % (_js_string(content.token), _js_string(live))}</body></html>")


def _js_string(text: str) -> str:
    return '"' + "".join(c if c.isalnum() else f"\\u{ord(c):04x}" for c in text) + '"'


def view_update(view: View, good: View | None, token: str) -> Content:
    """Return what a variant's page shows now: the new pictures, or problems over the last ones."""
    shown = good if view.failed and good is not None else view
    if view.failed:
        status = f"the last save has {sum(p.severity == 'error' for p in view.problems)} error(s)"
    else:
        status = f"rendered in {sum(view.seconds.values()):.1f} s"
    return Content(view_content(view, good), token, shown.sheets, status)
