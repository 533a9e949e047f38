"""write.py under failure: a write that fails keeps the old file, leftovers go, modes are usual."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

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
