"""WeasyPrint: HTML to pages, and pages to PDF bytes (what fits is measured in zinepress/fit)."""
from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import weasyprint

from zinepress.errors import fail
from zinepress.render.fetch import ConfinedFetcher
from zinepress.render.fonts import font_config


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(html: str, base: Path, fetcher: ConfinedFetcher) -> tuple[weasyprint.Document, list[str]]:
    """Lay out the HTML; return the document and WeasyPrint's warnings."""
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    # Every message is judged by the build (an error, or a warning worth showing), not echoed raw.
    propagate, logger.propagate = logger.propagate, False
    try:
        document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/",
                                   url_fetcher=fetcher).render(font_config=font_config())
    except (RecursionError, MemoryError) as exc:
        raise fail(base, None, f"the content is too large or too deeply nested to lay out "
                               f"({type(exc).__name__})") from None
    except Exception as exc:  # WeasyPrint has no error class of its own; never show a traceback
        raise fail(base, None, f"WeasyPrint could not lay out the pages: {exc}") from None
    finally:
        logger.removeHandler(capture)
        logger.propagate = propagate
    _refuse_attachments(document, base)
    return document, capture.messages


def _refuse_attachments(document: weasyprint.Document, base: Path) -> None:
    """Refuse <link rel=attachment> and <a rel=attachment>: they embed whole files in the PDF."""
    found = ["<link rel=attachment>"] * len(document.metadata.attachments)
    found += [repr(target) for page in document.pages for kind, target, *_ in page.links
              if kind == "attachment"]
    if found:
        raise fail(base, None, f"a page asks to embed a file in the PDF ({found[0]}); zinepress "
                               "never embeds files: rel=attachment is not allowed")


# Sheet marks and instruction sheets are the same for every region of a language: a build lays
# each one out once per process (issue 16). Bounded: they are small, and so is this.
_ALONE: OrderedDict[tuple[str, str], tuple[bytes, int, tuple[str, ...]]] = OrderedDict()
KEPT = 64


def laid_once(html: str, base: Path, fetcher: ConfinedFetcher) -> tuple[bytes, int, list[str]]:
    """Return the PDF of a page set that stands alone, its page count and WeasyPrint's warnings.

    The same HTML from the same folder is laid out once; a layout whose fetcher refused
    something is never kept, so that every job that asks for it reports it.
    """
    key = (html, str(base))
    if key in _ALONE:
        _ALONE.move_to_end(key)
        data, pages, warnings = _ALONE[key]
        return data, pages, list(warnings)
    document, warnings = render(html, base, fetcher)
    data = write_pdf(document, None)
    if not fetcher.refused:
        _ALONE[key] = (data, len(document.pages), tuple(warnings))
        while len(_ALONE) > KEPT:
            _ALONE.popitem(last=False)
    return data, len(document.pages), warnings


def write_pdf(document: weasyprint.Document, variant: str | None) -> bytes:
    """Return the document as PDF bytes (PDF/UA for the reader edition)."""
    options = {"pdf_variant": variant} if variant else {}
    return document.write_pdf(**options)
