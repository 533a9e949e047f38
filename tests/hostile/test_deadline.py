"""render/deadline.py: a call that runs past the limit is stopped and reported, without signals."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from zinepress.errors import Report
from zinepress.render.deadline import run_limited

SPIN = 30.0  # only reached if the limit never fires


def _spin() -> str:
    end = time.monotonic() + SPIN
    while time.monotonic() < end:
        pass
    return "finished"


def _spin_swallowing() -> str:
    end = time.monotonic() + 2.0
    while time.monotonic() < end:
        try:
            while time.monotonic() < end:
                pass
        except BaseException:  # noqa: BLE001 - as WeasyPrint does while drawing an SVG
            pass
    return "finished"


@pytest.fixture(autouse=True)
def short_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZINE_RENDER_TIMEOUT", "0.05")


def test_a_call_past_the_limit_is_stopped_and_reported() -> None:
    report = Report()
    assert run_limited(_spin, Path("zine.yaml"), "z en-us reader-a4", report) is None
    assert [str(p) for p in report.problems] == [
        "zine.yaml: z en-us reader-a4: the render took longer than 0.05 s, the limit per variant; "
        "shorten the zine or split it (ZINE_RENDER_TIMEOUT sets the limit)"]


def test_a_call_that_swallows_the_interruption_is_still_reported() -> None:
    report = Report()
    assert run_limited(_spin_swallowing, Path("zine.yaml"), "z", report) is None
    assert len(report.errors) == 1


def test_a_call_within_the_limit_returns_and_nothing_fires_later() -> None:
    report = Report()
    assert run_limited(lambda: "done", Path("zine.yaml"), "z", report) == "done"
    time.sleep(0.7)  # past the limit and a repeat: a stray interruption would raise here
    assert report.problems == []


def test_it_works_in_a_worker_thread() -> None:
    results: list[object] = []
    report = Report()
    worker = threading.Thread(target=lambda: results.append(
        run_limited(_spin, Path("zine.yaml"), "z", report)))
    worker.start()
    worker.join(SPIN)
    assert results == [None] and len(report.errors) == 1
