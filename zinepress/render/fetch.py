"""A URL fetcher that lets content reach only data URIs and files inside allowed folders.

WeasyPrint's own fetcher follows file:// anywhere and http(s); this one
never opens a network connection and reads only regular files, under a size bound, whose real path
(symlinks and `..` resolved) is inside one of its roots. Everything else is refused and recorded,
so that the build reports it as an error instead of printing a page with a hole in it.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from zinepress.load.files import Refused, read_confined

MAX_FETCH_BYTES = 32_000_000      # the largest bundled font is 600 KB; images are checked at load


class ConfinedFetcher(URLFetcher):
    """Fetch data: URIs and files under the given roots (symlinks resolved); refuse the rest."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self.roots = [r.resolve() for r in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._allowed_path(url)
            if path is not None:
                try:
                    body = read_confined(path, MAX_FETCH_BYTES, path.parent)
                except Refused:
                    pass
                else:
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
        self.refused.append(url)
        raise ValueError(f"zinepress refuses to fetch {url}")

    def _allowed_path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None  # file://host/… names another machine's file
        path = Path(url2pathname(parts.path)).resolve()
        return path if any(path.is_relative_to(root) for root in self.roots) else None
