"""A URL fetcher that serves only data URIs and files read and checked before the render.

WeasyPrint's own fetcher follows file:// anywhere and http(s). This one
never opens a network connection and never opens a file: it serves the bytes the loaders read and
checked (the bundled fonts, a zine's images), by the real path they were read from, so what was
checked is what is embedded, even if the file on disk is swapped for a link or a pipe after the
check (issue 12). Everything else is refused and recorded, so that the build reports it as an
error instead of printing a page with a hole in it.
"""
from __future__ import annotations

import mimetypes
import os
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class ConfinedFetcher(URLFetcher):
    """Fetch data: URIs and the files given, by path; refuse the rest."""

    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self.files = {os.path.normpath(path): data for path, data in files.items()}
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = _file_path(url) if scheme == "file" else None
        if path is not None and path in self.files:
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return CheckedResponse(url, body=self.files[path], headers={"Content-Type": kind})
        self.refused.append(url)
        raise ValueError(f"zinepress refuses to fetch {url}")


class CheckedResponse(URLFetcherResponse):
    """A response that names no file: WeasyPrint re-reads an image from a response's path when
    it writes the PDF (images.LazyLocalImage), which would embed whatever is there by then."""

    @property
    def path(self) -> None:
        return None


def _file_path(url: str) -> str | None:
    """Return the normalised path a file: URL names on this machine (nothing is opened)."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
        return None  # file://host/… names another machine's file
    return os.path.normpath(url2pathname(parts.path))
