"""The preview server: the standard library's HTTP server, on 127.0.0.1 only, for one project."""
from __future__ import annotations

import json
import logging
import select
import socket
from dataclasses import asdict
from http import HTTPStatus
from typing import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from zinepress.serve.live import Key, Preview
from zinepress.serve.page import (Content, index_content, index_page, toggle, view_page,
                                  view_update)

log = logging.getLogger(__name__)
HOST = "127.0.0.1"
__all__ = ["HOST", "Preview", "index_html", "make_server", "view_html"]


def index_html(preview: Preview) -> str:
    """Return the list of zines and variants."""
    return index_page(_index(preview))


def view_html(preview: Preview, slug: str, variant: str, layout: str,
              draft: bool | None = None) -> str:
    """Return the page of one variant in one layout, rendering it if a file changed."""
    key = (slug, variant, layout, preview.draft if draft is None else draft)
    live = preview.current(key)
    content = view_update(live.view, live.good, preview.token(live.version))
    return view_page(live.view.title, content, toggle(*key), _live_address(key))


def _index(preview: Preview, seen: str | None = None) -> Content:
    state = preview.refresh() if seen is None else preview.follow_index(seen)
    loaded = state.loaded
    versions = {slug: str(state.version(slug)) for slug in loaded.project.zines} \
        if loaded.project else {}
    return Content(index_content(loaded.project, list(loaded.every_problem()), versions),
                   preview.token(state.generation))


def _update(preview: Preview, key: Key, seen: str,
            gone: Callable[[], bool]) -> Content | None:
    live = preview.follow(key, seen, gone)
    return view_update(live.view, live.good, preview.token(live.version)) if live else None


def _live_address(key: Key) -> str:
    slug, variant, layout, draft = key
    return "/live?" + urlencode({"zine": slug, "variant": variant, "layout": layout,
                                 "draft": int(draft)})


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
        view = {"zine", "variant", "layout"} <= query.keys()
        draft = {"1": True, "0": False}.get(query.get("draft", ""))
        if path == "/":
            self._html(index_html(self.preview))
        elif path == "/view" and view:
            self._html(view_html(self.preview, query["zine"], query["variant"], query["layout"],
                                 draft))
        elif path == "/live" and view:
            key = (query["zine"], query["variant"], query["layout"],
                   self.preview.draft if draft is None else draft)
            update = _update(self.preview, key, query.get("seen", ""), self._gone)
            if update is not None:
                self._json(update)
        elif path == "/live":
            self._json(_index(self.preview, query.get("seen", "")))
        elif path == "/thumb" and {"zine", "variant", "layout"} <= query.keys():
            data = self.preview.thumbnail(query["zine"], query["variant"], query["layout"])
            if data:
                self._send(HTTPStatus.OK, data, "image/png")
            else:
                self._send(HTTPStatus.NOT_FOUND, b"no picture: open the page to see why",
                           "text/plain")
        elif path.startswith("/img/") and (data := self.preview.image(path[5:])) is not None:
            kind = "application/pdf" if path.endswith(".pdf") else "image/png"
            # Named after their content: a browser may keep them (and draw them before a swap).
            self._send(HTTPStatus.OK, data, kind, "private, max-age=3600")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"no such page", "text/plain")

    def _gone(self) -> bool:
        # A GET sends nothing after its headers: readable now means the browser hung up.
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True

    def _local_host(self) -> bool:
        # A page elsewhere must not reach this server through a name that resolves here.
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in (HOST, "localhost")

    def _html(self, text: str) -> None:
        self._send(HTTPStatus.OK, text.encode("utf-8"), "text/html; charset=utf-8")

    def _json(self, content: Content) -> None:
        self._send(HTTPStatus.OK, json.dumps(asdict(content)).encode(), "application/json")

    def _send(self, status: HTTPStatus, data: bytes, kind: str, cache: str = "no-store") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        log.debug(format, *args)
