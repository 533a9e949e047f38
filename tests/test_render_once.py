"""Marks and instruction sheets that are the same HTML are laid out once per process (issue 16),
and a layout whose fetcher refused something is laid out again, so every job reports it."""
from __future__ import annotations

from pathlib import Path

import pytest

from zinepress.render import document
from zinepress.render.fetch import ConfinedFetcher


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "_ALONE", type(document._ALONE)())


def test_the_same_html_is_laid_out_once(renders: list[int], tmp_path: Path) -> None:
    html = "<p>Sheet 1 of 2, outside</p>"
    first = document.laid_once(html, tmp_path, ConfinedFetcher({}))
    again = document.laid_once(html, tmp_path, ConfinedFetcher({}))
    other = document.laid_once("<p>Sheet 2 of 2, inside</p>", tmp_path, ConfinedFetcher({}))
    assert (len(renders), first[:2], again[1]) == (2, again[:2], 1)
    assert other[0] != first[0]


def test_a_refused_fetch_is_laid_out_and_reported_each_time(renders: list[int],
                                                            tmp_path: Path) -> None:
    html = '<img src="https://example.com/x.png" alt=""><p>a mark</p>'
    fetchers = [ConfinedFetcher({}), ConfinedFetcher({})]
    for fetcher in fetchers:
        document.laid_once(html, tmp_path, fetcher)
    assert len(renders) == 2
    assert [f.refused for f in fetchers] == [["https://example.com/x.png"]] * 2
