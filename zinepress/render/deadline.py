"""A time limit on one variant's render, without signals and in any thread or worker process.

Why not SIGALRM: it works only in the main thread, and one process-wide alarm cannot serve
builds that run in threads or worker pools. Why not a process per variant: WeasyPrint's start and
font loading would be paid for every variant. Instead a timer thread raises RenderTimeout in the
rendering thread (CPython's PyThreadState_SetAsyncExc), which WeasyPrint's `except Exception`
blocks let through. It lands between two Python bytecodes, so a single long call into C (Pango,
pikepdf) finishes first: the input bounds (zine.py, chars.py, images.py, markdown.py) keep each
such call short, and this limit is the backstop for everything the bounds do not foresee.

The limit is RENDER_SECONDS, or the environment variable ZINE_RENDER_TIMEOUT (seconds).
"""
from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path
from typing import Callable, TypeVar

from zinepress.errors import Report

RENDER_SECONDS = 120.0
_REPEAT = 0.5  # WeasyPrint swallows even BaseException while drawing an SVG: raise again until seen
_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
T = TypeVar("T")


class RenderTimeout(BaseException):
    """Raised inside a render that ran out of time; never escapes `run_limited`."""


def limit_seconds() -> float:
    """Return the render time limit per variant, in seconds."""
    try:
        value = float(os.environ.get("ZINE_RENDER_TIMEOUT", RENDER_SECONDS))
    except ValueError:
        return RENDER_SECONDS
    return value if value > 0 else RENDER_SECONDS


def run_limited(call: Callable[[], T], path: Path, label: str, report: Report) -> T | None:
    """Return call(); when it runs out of time, report that and return None."""
    seconds = limit_seconds()
    watch = _Watch()
    # Every moment the watch can fire lies inside the outer try, stop() included.
    try:
        try:
            watch.start(seconds)
            result = call()
        finally:
            watch.stop()
    except RenderTimeout:
        watch.stop()
    else:
        if not watch.raised:  # else the limit passed while something swallowed the interruption
            return result
    report.error(path, None, f"{label}: the render took longer than {seconds:g} s, the limit per "
                             "variant; shorten the zine or split it (ZINE_RENDER_TIMEOUT sets "
                             "the limit)")
    return None


class _Watch:
    """Raise RenderTimeout in one thread once time is up, again and again until stopped."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.active = True
        self.raised = False
        self.timer: threading.Timer | None = None

    def start(self, seconds: float) -> None:
        """Start counting."""
        with self.lock:
            if self.active:
                self.timer = threading.Timer(seconds, self._fire)
                self.timer.daemon = True
                self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            if not self.active:
                return
            self.raised = True
            _set_async_exc(self.thread, ctypes.py_object(RenderTimeout))
        self.start(_REPEAT)

    def stop(self) -> None:
        """Stop for good; withdraw a RenderTimeout raised but not yet delivered."""
        while True:
            try:
                with self.lock:
                    self.active = False
                    if self.timer:
                        self.timer.cancel()
                    if self.raised:
                        _set_async_exc(self.thread, ctypes.py_object())
                return
            except RenderTimeout:  # delivered inside this method: finish stopping
                continue
