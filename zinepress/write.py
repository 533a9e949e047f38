"""Write stage: every output replaced atomically, and build/manifest.json listing them."""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from zinepress import manifest

TMP_SUFFIX = ".tmp"
LOCK_NAME = ".lock"


@dataclass(frozen=True)
class Output:
    """One built file, ready to be written."""

    zine: str
    edition: str
    lang: str
    region: str
    layout: str
    paper: str
    path: Path                       # relative to the output folder
    data: bytes
    pages: int
    sheets: int
    warnings: tuple[str, ...] = field(default=())
    inputs: str = ""                 # the input hash (zinepress.inputs)
    built: bool = True               # False: unchanged, `data` read back from the earlier build

    def record(self, out: Path, root: Path) -> dict:
        """Return this output's manifest entry."""
        return {"zine": self.zine, "edition": self.edition, "lang": self.lang,
                "region": self.region, "layout": self.layout, "paper": self.paper,
                "path": manifest.entry_path(out, self.path, root), "pages": self.pages,
                "sheets": self.sheets, "sha256": hashlib.sha256(self.data).hexdigest(),
                "warnings": list(self.warnings), "inputs": self.inputs}


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part.

    The one way zinepress writes a file (outputs, manifest, PO files): a build or `zine i18n`
    killed at any moment leaves the old file whole, plus at most a hidden .tmp file beside it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, else the usual one.
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_outputs(outputs: list[Output], out: Path, root: Path) -> Path:
    """Write every output that was built, then merge their entries into the manifest."""
    entries = [o.record(out, root) for o in outputs]
    with build_lock(out):
        _remove_leftovers(out)
        for output in outputs:
            if output.built:
                atomic_write(out / output.path, output.data)
        merged = manifest.merged(manifest.read_entries(out), entries, root)
        atomic_write(out / manifest.NAME, manifest.render(merged))
    return out / manifest.NAME


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold <out>/.lock: two builds into one folder write one after the other, never interleaved."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _remove_leftovers(out: Path) -> None:
    # Under the lock no other build is writing, so a temporary file here is a killed build's.
    for tmp in out.rglob(f".*{TMP_SUFFIX}"):
        tmp.unlink(missing_ok=True)


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _sync_folder(folder: Path) -> None:
    # The rename is atomic at once; syncing the folder makes it survive a power cut too.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
