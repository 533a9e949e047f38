"""The preview server: the standard library's HTTP server, on 127.0.0.1 only, for one project."""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from zinepress.errors import Report, ZineError
from zinepress.project import load_project
from zinepress.serve.page import index_page, toggle, view_page
from zinepress.serve.view import View, thumbnail, variant_view

log = logging.getLogger(__name__)
HOST = "127.0.0.1"
WATCHED = ("zines", "locales", "regions", "layouts", "themes", "fonts")
KEPT_VIEWS = 8


class Preview:
    """The project's state as the pages show it; renders one view at a time."""

    def __init__(self, root: Path, draft: bool) -> None:
        self.root = root
        self.draft = draft
        self._lock = threading.Lock()
        self._views: OrderedDict[tuple[str, ...], View] = OrderedDict()
        self._thumbs: dict[tuple[str, ...], bytes | None] = {}
        self._thumb_lock = threading.Lock()

    def stamp(self) -> str:
        """Return a fingerprint of every input file's name, size and modification time."""
        digest = hashlib.sha256()
        for part in WATCHED:
            folder = self.root / part
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file() and not path.name.startswith("."):
                    try:
                        stat = path.stat()
                    except OSError:
                        continue   # deleted since it was listed: the next stamp tells
                    # fsencode: a name that is not UTF-8 must not stop the server (issue 12).
                    digest.update(os.fsencode(path))
                    digest.update(f"\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()[:16]

    def index(self) -> str:
        """Return the list of zines and variants."""
        report = Report()
        try:
            with self._lock:
                project = load_project(self.root, report)
        except ZineError as exc:
            return index_page(None, report.problems + exc.problems, self.stamp())
        return index_page(project, report.problems, self.stamp())

    def view(self, slug: str, variant: str, layout: str, draft: bool | None = None) -> str:
        """Return the page of one variant in one layout, rendering it if a file changed."""
        stamp = self.stamp()
        draft = self.draft if draft is None else draft
        key = (stamp, slug, variant, layout, str(draft))
        with self._lock:
            if key not in self._views:
                self._views[key] = variant_view(self.root, slug, variant, layout, draft)
                while len(self._views) > KEPT_VIEWS:
                    self._views.popitem(last=False)
            return view_page(self._views[key], stamp, toggle(slug, variant, layout, draft))

    def thumbnail(self, slug: str, variant: str, layout: str) -> bytes | None:
        """Return a small picture of the first sheet of one view, as a print build makes it."""
        key = (self.stamp(), slug, variant, layout)
        # A lock of its own: pictures for the index never hold up the page a user opened.
        with self._thumb_lock:
            if key not in self._thumbs:
                # Pictures of files since changed are never asked for again.
                self._thumbs = {k: v for k, v in self._thumbs.items() if k[0] == key[0]}
                view = variant_view(self.root, slug, variant, layout, self.draft)
                self._thumbs[key] = thumbnail(view.images[view.sheets[0]]) if view.sheets else None
            return self._thumbs[key]

    def image(self, name: str) -> bytes | None:
        """Return a picture of a recent view."""
        with self._lock:
            return next((v.images[name] for v in self._views.values() if name in v.images), None)


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Return a server bound to 127.0.0.1 (port 0: any free port)."""
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    return server


class _Handler(BaseHTTPRequestHandler):
    preview: Preview

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if not self._local_host():
            self._send(HTTPStatus.FORBIDDEN, b"only http://127.0.0.1 or localhost", "text/plain")
            return
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        try:
            self._route(url.path, query)
        except Exception as exc:  # the page must say what went wrong, in words
            log.exception("preview failed for %s", self.path)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR,
                       f"zinepress could not make this page: {type(exc).__name__}: {exc}. "
                       "The terminal running `zine serve` shows the details.".encode(),
                       "text/plain; charset=utf-8")

    def _route(self, path: str, query: dict[str, str]) -> None:
        if path == "/":
            self._html(self.preview.index())
        elif path == "/view" and {"zine", "variant", "layout"} <= query.keys():
            draft = {"1": True, "0": False}.get(query.get("draft", ""))
            self._html(self.preview.view(query["zine"], query["variant"], query["layout"], draft))
        elif path == "/stamp":
            self._send(HTTPStatus.OK, self.preview.stamp().encode(), "text/plain")
        elif path == "/thumb" and {"zine", "variant", "layout"} <= query.keys():
            data = self.preview.thumbnail(query["zine"], query["variant"], query["layout"])
            if data:
                self._send(HTTPStatus.OK, data, "image/png")
            else:
                self._send(HTTPStatus.NOT_FOUND, b"no picture: open the page to see why",
                           "text/plain")
        elif path.startswith("/img/") and (data := self.preview.image(path[5:])) is not None:
            kind = "application/pdf" if path.endswith(".pdf") else "image/png"
            self._send(HTTPStatus.OK, data, kind)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"no such page", "text/plain")

    def _local_host(self) -> bool:
        # A page elsewhere must not reach this server through a name that resolves here.
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in (HOST, "localhost")

    def _html(self, text: str) -> None:
        self._send(HTTPStatus.OK, text.encode("utf-8"), "text/html; charset=utf-8")

    def _send(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        log.debug(format, *args)
