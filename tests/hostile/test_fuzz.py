"""Hypothesis over the loaders and a small build, with a small budget (scripts/fuzz.py: a large one).

Any exception other than ZineError fails. Examples are derandomized so CI sees the same inputs
every run; scripts/fuzz.py explores with fresh randomness.
"""
from __future__ import annotations

from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings

from tests.hostile.fuzzing import TARGETS, Workspace, run_check

BUDGET = {"yaml": 300, "zine": 150, "region": 100, "po": 200, "markdown": 300, "image": 100,
          "build": 6}


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    """One scratch project for the module."""
    ws = Workspace.make()
    yield ws
    ws.remove()


def _fuzz(name: str):
    strategy, check = TARGETS[name]

    @settings(max_examples=BUDGET[name], deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much])
    @given(value=strategy())
    def run(workspace: Workspace, value: object) -> None:
        run_check(check, workspace, value)

    return run


test_yaml = _fuzz("yaml")
test_zine = _fuzz("zine")
test_region = _fuzz("region")
test_po = _fuzz("po")
test_markdown = _fuzz("markdown")
test_image = _fuzz("image")
test_build = _fuzz("build")
