"""The Markdown subset a panel body may use: paragraphs, emphasis, strong, links and lists."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from zinepress.i18n import numbers

_RULES = ["paragraph", "emphasis", "link", "list", "newline", "escape", "backticks", "text"]
_SCHEMES = ("http://", "https://", "mailto:", "tel:", "sms:")
# Deeper lists do not fit a panel, and markdown-it silently drops what lies past its nesting limit.
MAX_LIST_DEPTH = 4


@lru_cache(maxsize=2)
def _parser(html: bool) -> MarkdownIt:
    md = MarkdownIt("zero", {"html": html, "breaks": False, "typographer": False})
    md.enable(_RULES + (["html_inline", "html_block"] if html else []))
    if html:  # the checking parser sees every link, so a file: or javascript: link is reported
        md.validateLink = lambda url: True
    return md


@lru_cache(maxsize=1)
def _checker() -> MarkdownIt:
    """Return a parser that sees everything an author may try: HTML, images, any link."""
    md = MarkdownIt("zero", {"html": True, "breaks": False, "typographer": False})
    md.enable(_RULES + ["html_inline", "html_block", "image"])
    md.validateLink = lambda url: True  # the renderer drops file: and javascript: links silently
    return md


def problems(text: str) -> list[tuple[int, str]]:
    """Return (line offset, message) for everything in the text the subset refuses."""
    found, depth = [], 0
    link: tuple[str, list[str]] | None = None
    for token in _walk(_checker().parse(text)):
        offset = token.map[0] if token.map else 0
        if link and token.type in ("text", "code_inline"):
            link[1].append(token.content)
        elif link and token.type == "link_close":
            found += [(offset, m) for m in _link_number(link[0], "".join(link[1]))]
            link = None
        if token.type in ("bullet_list_open", "ordered_list_open", "bullet_list_close",
                          "ordered_list_close"):
            depth += token.nesting
            if depth == MAX_LIST_DEPTH + 1 and token.nesting > 0:
                found.append((offset, f"lists are nested more than {MAX_LIST_DEPTH} levels deep"))
        elif token.type in ("html_inline", "html_block"):
            found.append((offset, f"raw HTML is not allowed in text: {token.content.strip()[:40]!r}"))
        elif token.type == "image":
            found.append((offset, "Markdown images are not allowed in text: use a panel of kind "
                                  "'image' with 'src' and 'alt'"))
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            link = (href, [])
            if not href.lower().startswith(_SCHEMES):
                found.append((offset, f"a link must start with https://, http://, mailto:, tel: or "
                                      f"sms: ({href[:200]!r})"))
    return found


def _link_number(href: str, text: str) -> list[str]:
    """Return why a link's text and target disagree on a phone number (issue 12)."""
    shown = [n for n in numbers.numbers(text) if len(numbers.digits(n)) >= numbers.PHONE_DIGITS]
    label = f"[{text[:80]}]({href[:200]})"
    if href.lower().startswith(("tel:", "sms:")):
        target = numbers.digits(unquote(href.split(":", 1)[1].split("?")[0]))
        if not shown:
            return [f"the link '{label}' dials {target} without showing it: write the number "
                    "it dials as the link's text"]
        if any(numbers.digits(n) != target for n in shown):
            return [f"the link '{label}' shows {shown[0]} but dials {target}: the number in a "
                    "link's text must be the number it dials"]
    elif any(numbers.digits(n) not in numbers.digits(href) for n in shown):
        return [f"the link '{label}' shows the number {shown[0]} but opens {href[:200]}: a "
                "number in a link's text must be a tel: or sms: link that dials it"]
    return []


def literal_text(text: str) -> list[str]:
    """Return the text runs a Markdown text prints, after emphasis and links are read."""
    return [t.content for t in _walk(_parser(False).parse(text)) if t.type == "text"]


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            for child in token.children:
                child.map = child.map or token.map
                yield child


def to_html(text: str, links: bool) -> Markup:
    """Return safe HTML for a body; links are clickable only when `links` (the reader edition)."""
    tokens = _parser(False).parse(text)
    html = _parser(False).renderer.render(tokens, _parser(False).options, {})
    if not links:
        html = _unlink(html)
    return Markup(html)


def inline(text: str, links: bool = False) -> Markup:
    """Return safe HTML for one line (a heading or list item): emphasis only, no paragraph."""
    html = _parser(False).renderInline(text)
    return Markup(html if links else _unlink(html))


def _unlink(html: str) -> str:
    # Print layouts show a link's text, never a live or fetchable URL (issue 8: links are text).
    html = re.sub(r"<a [^>]*>", '<span class="link">', html)
    return html.replace("</a>", "</span>")

