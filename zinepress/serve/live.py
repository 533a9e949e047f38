"""The preview's state: the project kept loaded, the views pages have open, and their pictures.

An open page waits at `/live` for its view's next version. That request looks for saved files
every POLL_SECONDS, reads again only what changed (loaded.py), rebuilds its own view and answers
with the new pictures. Views no page follows, and the index's thumbnails, are rebuilt only when
asked for again; a view always renders before a waiting thumbnail.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import Counter, OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from zinepress.errors import Problem
from zinepress.serve.files import Snapshot, changes, snapshot, zine_of
from zinepress.serve.loaded import Loaded, load_all, reload_zine
from zinepress.serve.view import View, thumbnail, variant_view

log = logging.getLogger(__name__)
POLL_SECONDS = 0.1      # a snapshot of the watched files costs about 2 ms
WAIT_SECONDS = 25.0     # a page asks again after this, before a browser or proxy gives up
KEPT_VIEWS = 8
Key = tuple[str, str, str, bool]     # zine, variant, layout, draft


@dataclass
class Live:
    """One view as its pages see it: its newest build and the last one that succeeded."""

    version: int = -1                 # the generation of its zine's files it was built from
    view: View | None = None
    good: View | None = None


@dataclass
class Change:
    """The last change seen: when it was noticed, what was read again and how long that took."""

    noticed: float = 0.0              # time.monotonic()
    reloaded: str = ""                # a slug, or "project"
    seconds: float = 0.0


@dataclass
class State:
    """The loaded project and the generation of each zine's files (a counter of saves)."""

    files: Snapshot
    loaded: Loaded
    generation: int = 0
    shared: int = 0                   # the generation of the last change outside one zine
    zines: dict[str, int] = field(default_factory=dict)

    def version(self, slug: str) -> int:
        """Return the generation of the last change a view of this zine shows."""
        return max(self.shared, self.zines.get(slug, 0))


class Preview:
    """The project's state as the pages show it; renders one view at a time."""

    def __init__(self, root: Path, draft: bool) -> None:
        self.root = root
        self.draft = draft
        self.session = secrets.token_hex(4)    # a page from before a restart asks again
        self.builds: Counter[Key] = Counter()  # how often each view was built
        self.change = Change()
        self._state: State | None = None       # loaded when first asked for
        self._looked = 0.0                     # time.monotonic() of the last snapshot
        self._state_lock = threading.Lock()
        self._views: OrderedDict[Key, Live] = OrderedDict()
        self._views_lock = threading.Lock()
        self._turns = Turns()
        self._thumbs: dict[tuple[str, str, str], tuple[int, bytes | None]] = {}

    def refresh(self, within: float = 0.0) -> State:
        """Read again what changed since last asked; return the state as it is now.

        Within `within` seconds of the last look, return the state without looking: pages in
        several tabs then share one look at the files.
        """
        with self._state_lock:
            if self._state is not None and time.monotonic() - self._looked < within:
                return self._state
            self._looked = time.monotonic()
            files = snapshot(self.root)
            if self._state is None:
                self._state = State(files, load_all(self.root))
            elif changed := changes(self._state.files, files):
                self._apply(changed, files)
            return self._state

    def token(self, version: int) -> str:
        """Return the name of one version of a page, new after a restart."""
        return f"{self.session}-{version}"

    def current(self, key: Key, within: float = 0.0) -> Live:
        """Return a view, rebuilt first if its files changed since it was built."""
        live = self._live(key)
        if live.version != self.refresh(within).version(key[0]):
            with self._turns.take(first=True):
                state = self.refresh()                  # the newest, after waiting for a turn
                if live.version != state.version(key[0]):
                    self._build(live, key, state)
        return live

    def follow(self, key: Key, seen: str, gone: Callable[[], bool] = lambda: False,
               seconds: float = WAIT_SECONDS) -> Live | None:
        """Return the view once it differs from the version a page shows, or after `seconds`;
        None as soon as the page is `gone` (closed, or hidden: its script lets go)."""
        deadline = time.monotonic() + seconds
        while True:
            if gone():      # no render for a page nobody looks at
                return None
            live = self.current(key, POLL_SECONDS / 2)
            if self.token(live.version) != seen or time.monotonic() >= deadline:
                return live
            time.sleep(POLL_SECONDS)

    def follow_index(self, seen: str, seconds: float = WAIT_SECONDS) -> State:
        """Return the state once any file changed since the version the index shows."""
        deadline = time.monotonic() + seconds
        while True:
            state = self.refresh(POLL_SECONDS / 2)
            if self.token(state.generation) != seen or time.monotonic() >= deadline:
                return state
            time.sleep(POLL_SECONDS)

    def thumbnail(self, slug: str, variant: str, layout: str) -> bytes | None:
        """Return a small picture of the first sheet of one view, as a print build makes it."""
        key = (slug, variant, layout)
        version = self.refresh().version(slug)
        if (cached := self._thumbs.get(key)) and cached[0] == version:
            return cached[1]
        with self._turns.take(first=False):             # after every view that waits
            state = self.refresh()
            version = state.version(slug)
            if not (cached := self._thumbs.get(key)) or cached[0] != version:
                view = self._fresh(key + (self.draft,), version) or \
                    self._variant_view(key + (self.draft,), state)[1]
                self._thumbs[key] = (version, thumbnail(view.images[view.sheets[0]])
                                     if view.sheets else None)
            return self._thumbs[key][1]

    def image(self, name: str) -> bytes | None:
        """Return a picture of a recent view, or of the last one of it that built."""
        with self._views_lock:
            views = [view for live in self._views.values() for view in (live.view, live.good)
                     if view is not None]
        return next((data for view in views if (data := view.picture(name)) is not None), None)

    def _apply(self, changed: set[Path], files: Snapshot) -> None:
        state, start = self._state, time.monotonic()
        assert state is not None
        state.generation += 1
        # A zine's own files (not its arrival or departure) are read again alone.
        kept = _zines(self.root, state.files) & _zines(self.root, files)
        slugs = {zine_of(self.root, path, kept) for path in changed}
        if None in slugs or state.loaded.project is None:
            state.loaded, state.shared, what = load_all(self.root), state.generation, "project"
        else:
            for slug in slugs:
                state.loaded = reload_zine(state.loaded, slug)
                state.zines[slug] = state.generation
            what = ", ".join(sorted(slugs))
        state.files = files
        self.change = Change(start, what, time.monotonic() - start)

    def _live(self, key: Key) -> Live:
        with self._views_lock:
            live = self._views.setdefault(key, Live())
            self._views.move_to_end(key)
            while len(self._views) > KEPT_VIEWS:
                self._views.popitem(last=False)
            return live

    def _build(self, live: Live, key: Key, state: State) -> None:
        version, view = self._variant_view(key, state)
        with self._views_lock:
            live.view, live.version = view, version
            if not view.failed:
                live.good = view

    def _variant_view(self, key: Key, state: State) -> tuple[int, View]:
        with self._state_lock:     # the version and the project it names, together
            version, loaded = state.version(key[0]), state.loaded
        self.builds[key] += 1
        try:
            return version, variant_view(loaded, *key)
        except Exception as exc:   # a bug: say so on the page, and wait for the next save
            log.exception("preview failed for %s", key)
            return version, View(" ".join(map(str, key[:3])), problems=(Problem(
                f"zines/{key[0]}", None, f"zinepress could not build this view: "
                f"{type(exc).__name__}: {exc}. The terminal running `zine serve` shows the "
                "details."),))

    def _fresh(self, key: Key, version: int) -> View | None:
        with self._views_lock:
            live = self._views.get(key)
            return live.view if live and live.version == version else None


def _zines(root: Path, files: Snapshot) -> set[str]:
    folder = root / "zines"
    return {path.parent.name for path in files
            if path.name == "zine.yaml" and path.parent.parent == folder}


class Turns:
    """One render at a time, views before thumbnails: a page being edited never waits for the
    index's pictures to be drawn, only for the one render under way."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._busy = False
        self._waiting_first = 0
        self.waiting = 0

    @contextmanager
    def take(self, first: bool) -> Iterator[None]:
        """Wait for a turn to render; `first` goes before every waiting turn that is not."""
        with self._condition:
            self._waiting_first += first
            self.waiting += 1
            try:
                self._condition.wait_for(lambda: not self._busy and
                                         (first or not self._waiting_first))
            finally:
                self._waiting_first -= first
                self.waiting -= 1
            self._busy = True
        try:
            yield
        finally:
            with self._condition:
                self._busy = False
                self._condition.notify_all()
