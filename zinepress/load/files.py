"""Read an input file as untrusted: inside its folder (symlinks resolved), regular, bounded."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from zinepress.errors import Report, display_path


class Refused(Exception):
    """A file that may not or cannot be read, with the reason in words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_input(path: Path, report: Report, limit: int, inside: Path | None = None) -> bytes | None:
    """Return the file's bytes, or None after reporting why it may not or cannot be read."""
    try:
        return read_confined(path, limit, inside)
    except Refused as exc:
        report.error(path, None, exc.message)
        return None


def read_confined(path: Path, limit: int, inside: Path | None = None) -> bytes:
    """Return the file's bytes; raise Refused when it lies outside `inside`, is too large or odd.

    `inside` is the folder the file must really be in (default: the folder it is listed in), so a
    symbolic link in a shared folder cannot make a build read a file elsewhere on the machine.
    """
    folder = (inside or path.parent).resolve()
    real = path.resolve()
    if not real.is_relative_to(folder):
        raise Refused(f"the file is a link to a place outside {display_path(folder)}/; only "
                      "files inside it are read")
    try:
        return _read_regular(real, limit)
    except FileNotFoundError:
        raise Refused("the file does not exist") from None
    except OSError as exc:
        raise Refused(f"cannot read the file: {exc.strerror or exc}") from None


def _read_regular(real: Path, limit: int) -> bytes:
    # O_NONBLOCK: opening a named pipe must not hang the build. The checks are made on the very
    # file opened, so swapping it after a check changes nothing.
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise Refused("not a regular file (a pipe, device or folder cannot be read)")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise Refused(f"the file is {info.st_size:,} bytes; the limit is {limit:,}")
        # Ask for the size it has, not the limit: read(n) sets aside n bytes first, and the
        # input hash reads every file with a 64 MB limit.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:   # it grew since: read on, up to the limit
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:  # it grew while being read
        raise Refused(f"the file is over {limit:,} bytes; the limit is {limit:,}")
    return data


def undecodable_names(folder: Path, limit: int = 10_000) -> list[Path]:
    """Return the paths under `folder` whose names are not UTF-8 (Python holds such bytes as
    lone surrogates, which cannot be written out again), looking at `limit` entries at most."""
    found = []
    for count, path in enumerate(folder.rglob("*")):
        if count >= limit:
            break
        if _SURROGATE.search(path.name):
            found.append(path)
    return found


_SURROGATE = re.compile("[\udc80-\udcff]")
