"""A build killed with SIGKILL at random moments leaves every PDF old or complete (scripts/kill_builds.py
runs the 60-output version with 20 kills)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from tests.conftest import copy_project
from tests.hostile.corpus import BASE
from tests.hostile.killing import kill_loop, start_zine

WAIT = 120  # seconds; only a hang would reach it

ZINE = """\
title: probe
language: en
variants: [en-us, en-gb]
layouts: {reader: full, booklet: full}
license: CC0
panels:
  - {id: cover, kind: cover, title: probe}
  - {id: words, heading: Words, body: A panel of plain words.}
  - {id: more, heading: More words, body: Another panel.}
  - {id: back, kind: back-cover, body: The end.}
"""


def test_killed_builds_leave_old_or_complete_pdfs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    zine_yaml = project / "zines" / "probe" / "zine.yaml"
    zine_yaml.write_text(ZINE, encoding="utf-8")
    tally, _, _ = kill_loop(project, [], kills=4, rng=random.Random(8), zine_yaml=zine_yaml)
    assert tally.problems == []
    assert tally.kills == 4
    assert tally.leftovers_after_next_build == 0


def test_a_killed_i18n_update_leaves_every_po_file_old_or_complete(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    zine_yaml = project / "zines" / "unpacking-self-harm" / "zine.yaml"
    text = zine_yaml.read_text(encoding="utf-8")
    zine_yaml.write_text(text.replace("Research shows", "Studies show", 1), encoding="utf-8")
    pos = sorted(project.glob("**/locales/*.po"))
    old = {p: p.read_bytes() for p in pos}
    finished = start_zine(project, ["i18n", "update"])
    start = time.perf_counter()
    assert finished.wait(WAIT) == 0
    took = time.perf_counter() - start
    new = {p: p.read_bytes() for p in pos}
    assert new != old                                       # the update does change files
    rng = random.Random(3)
    for _ in range(4):
        for path, data in old.items():
            path.write_bytes(data)
        update = start_zine(project, ["i18n", "update"])
        time.sleep(rng.uniform(took * 0.5, took * 1.05))   # most of the run is Python starting
        os.kill(update.pid, signal.SIGKILL)
        update.wait(WAIT)
        for path in pos:
            assert path.read_bytes() in (old[path], new[path]), path
