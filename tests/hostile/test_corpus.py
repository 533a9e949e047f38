"""Every hostile or broken input in tests/hostile/cases/ gives its exact message and touches nothing.

For each case: the exact lines printed, the exit status, no traceback (tests.conftest.zine), no
file opened outside the project and no socket connected (an audit hook), no connection at the
listener the content points at, the folder outside the project unchanged, and no canary text in
anything built.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import zine
from tests.hostile.corpus import (CANARY_TEXT, Case, Listener, Watch, expected, load_cases,
                                  make_outside, set_up, snapshot)
from tests.pdfs import all_text

CORPUS = load_cases()
WATCH = Watch()


def test_the_corpus_is_large_enough() -> None:
    failing = [c for c in CORPUS if c.exit == 1]
    assert len(failing) >= 40, [c.name for c in CORPUS]


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = make_outside(tmp_path / "outside")
    before = snapshot(outside)
    listener = Listener()
    project = tmp_path / "project"
    marks = set_up(case, project, outside, listener.port)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    kept = {name: (project / name).read_bytes() for name in case.unchanged}
    WATCH.start(outside)
    try:
        run = zine(project, *case.run)
    finally:
        touched = WATCH.stop()
        connections = listener.connections()
        listener.close()
    assert run.output.splitlines() == expected(case, outside, listener.port, marks)
    assert run.exit_code == case.exit
    assert touched == []
    assert connections == 0
    assert snapshot(outside) == before
    for pdf in (project / "build").rglob("*.pdf") if (project / "build").is_dir() else ():
        assert CANARY_TEXT not in all_text(pdf)
    assert {name: (project / name).read_bytes() for name in case.unchanged} == kept
    for name, texts in case.contains.items():
        text = all_text(project / name)
        assert all(t in text for t in texts), text
