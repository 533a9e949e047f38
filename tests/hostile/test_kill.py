"""A build killed with SIGKILL at random moments leaves every PDF old or complete (scripts/kill_builds.py
runs the 60-output version with 20 kills)."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

from tests.conftest import copy_project
from tests.hostile.corpus import BASE
from tests.hostile.killing import kill_loop

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
