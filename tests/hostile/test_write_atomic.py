"""write.py under failure: a write that fails keeps the old file, leftovers go, modes are usual."""
from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import copy_project, zine
from tests.hostile.corpus import BASE
from zinepress import write
from zinepress.write import Output, atomic_write, write_outputs


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "a.pdf"
    atomic_write(target, b"old")

    def broken_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "fsync", broken_disk)
    with pytest.raises(OSError):
        atomic_write(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.pdf"]


def test_new_files_get_the_usual_mode_and_old_files_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.pdf", b"x")
        kept = tmp_path / "kept.po"
        kept.write_bytes(b"x")
        kept.chmod(0o640)
        atomic_write(kept, b"y")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o666 & ~write._UMASK
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_the_write_stage_removes_what_killed_builds_left(tmp_path: Path) -> None:
    out = tmp_path / "build"
    leftover = out / "zine" / "en-us" / ".reader-a4.pdf.zp999999999-k3j9x_.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"%PDF-1.7 half a fi")
    output = Output("zine", "full", "en", "us", "reader", "a4", Path("zine/en-us/reader-a4.pdf"),
                    b"%PDF", 1, 1)
    write_outputs([output], out, tmp_path)
    assert not leftover.exists()
    assert (out / "zine" / "en-us" / "reader-a4.pdf").read_bytes() == b"%PDF"


def _probe(tmp_path: Path) -> Path:
    """Return the hostile corpus's small project, built once."""
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    assert zine(project, "build").exit_code == 0
    words = project / "zines" / "probe" / "zine.yaml"
    words.write_text(words.read_text().replace("plain words", "other words"))
    return project


def _built(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes()
            for p in sorted((project / "build").rglob("*")) if p.is_file() and p.name != ".lock"}


@pytest.mark.parametrize("fails_on", ["reader-letter.pdf", "manifest.json"])
def test_a_full_disk_changes_no_output_and_not_the_manifest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails_on: str) -> None:
    project = _probe(tmp_path)
    before = _built(project)
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        if fails_on in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", full_disk)
    run = zine(project, "build")
    path = "build/manifest.json" if fails_on == "manifest.json" \
        else "build/probe/en-us/reader-letter.pdf"
    assert run.output.splitlines() == [
        f"{path}: cannot write the file: No space left on device; the build wrote nothing, and "
        "earlier outputs are as they were", "1 error(s), 0 warning(s)"]
    assert run.exit_code == 1
    assert _built(project) == before       # no .tmp left, nothing replaced


def test_a_failed_rename_puts_back_every_file_already_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _probe(tmp_path)
    before = _built(project)
    real_replace = os.replace

    def refuse_manifest(source: str, target: str) -> None:
        if str(target).endswith("manifest.json"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        real_replace(source, target)

    monkeypatch.setattr(write.os, "replace", refuse_manifest)
    run = zine(project, "build")
    assert run.output.splitlines() == [
        "build/manifest.json: cannot write the file: Permission denied; the build wrote "
        "nothing, and earlier outputs are as they were", "1 error(s), 0 warning(s)"]
    assert _built(project) == before


def test_a_read_only_output_folder_is_an_error_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _probe(tmp_path)
    before = _built(project)

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    # chmod does not stop root, which runs the tests in CI: refuse where a file is created.
    monkeypatch.setattr(write.tempfile, "mkstemp", read_only)
    run = zine(project, "build")
    assert run.output.splitlines() == [
        "build/probe/en-us/reader-letter.pdf: cannot write the file: Permission denied; the "
        "build wrote nothing, and earlier outputs are as they were", "1 error(s), 0 warning(s)"]
    assert _built(project) == before


def test_build_into_a_folder_keeps_hidden_tmp_files_it_did_not_make(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    mine = [project / "out" / ".notes.tmp", project / "out" / "probe" / "en-us" / ".x.tmp",
            project / "out" / "probe" / "en-us" / ".reader-letter.pdf.zp1-abc.tmp"]
    for path in mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("someone's")
    assert zine(project, "build", "-o", "out").exit_code == 0
    # The last looks like a leftover of process 1 (init), which is alive: kept as well.
    assert all(path.read_text() == "someone's" for path in mine)
