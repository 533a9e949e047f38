"""Two builds of one project at once write one after the other: outputs and manifest agree.

The test holds build/.lock itself while two builds (one plain, one --draft, so their PDFs differ)
render; both must wait for it before writing anything, then write in turn, and the manifest left
behind must describe exactly the files on disk.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pikepdf

from tests.conftest import copy_project
from tests.hostile.corpus import BASE
from tests.hostile.killing import fingerprints, full_build, start_build

WAIT_LIMIT = 120  # seconds; only a hang would reach it


def test_two_builds_at_once_do_not_interleave(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    full_build(project, [])
    before = fingerprints(project / "build")
    with (project / "build" / ".lock").open("a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        builds = [start_build(project, []), start_build(project, ["--draft"])]
        _wait_until(lambda: any(b.poll() is not None for b in builds)
                    or all(_holds_open(b.pid, project / "build" / ".lock") for b in builds))
        assert [b.poll() for b in builds] == [None, None]  # both wait for the lock …
        assert fingerprints(project / "build") == before  # … having written nothing
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    assert [b.wait(WAIT_LIMIT) for b in builds] == [0, 0]
    manifest = json.loads((project / "build" / "manifest.json").read_text(encoding="utf-8"))
    for output in manifest["outputs"]:
        data = (project / output["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == output["sha256"], output["path"]
        with pikepdf.open(project / output["path"]):
            pass
    assert list((project / "build").rglob(".*.tmp")) == []


def _holds_open(pid: int, path: Path) -> bool:
    """Tell whether the process has the file open (Linux /proc)."""
    folder = Path(f"/proc/{pid}/fd")
    try:
        return any(os.path.realpath(fd) == str(path.resolve()) for fd in folder.iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return False


def _wait_until(condition, limit: float = WAIT_LIMIT) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the builds never reached the write stage"
        time.sleep(0.05)
