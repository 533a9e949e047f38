"""Write stage: every output replaced atomically, and build/manifest.json listing them."""
from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from zinepress import manifest
from zinepress.errors import ZineError, fail

TMP_SUFFIX = ".tmp"
LOCK_NAME = ".lock"
_MARK = "zp"     # temporary names: .<name>.zp<pid>-<random>.tmp
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.zp(?P<pid>\d+)-[^/]*\.tmp")


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
    data: bytes                      # empty once the bytes sit in `file`
    pages: int
    sheets: int
    warnings: tuple[str, ...] = field(default=())
    inputs: str = ""                 # the input hash (zinepress.inputs)
    built: bool = True               # False: unchanged, kept from the earlier build
    file: Path | None = None         # where the bytes are: staged (hidden .tmp) or written
    sha256: str = ""
    sides: int = 0                   # 2: a front and a back page per sheet; 1: fronts; 0: unknown

    def content(self) -> bytes:
        """Return the file's bytes, from memory or from where they were staged or written."""
        return self.data if self.data or self.file is None else self.file.read_bytes()

    def record(self, out: Path, root: Path) -> dict:
        """Return this output's manifest entry."""
        return {"zine": self.zine, "edition": self.edition, "lang": self.lang,
                "region": self.region, "layout": self.layout, "paper": self.paper,
                "path": manifest.entry_path(out, self.path, root), "pages": self.pages,
                "sheets": self.sheets,
                "sha256": self.sha256 or hashlib.sha256(self.data).hexdigest(),
                "sides": self.sides, "warnings": list(self.warnings), "inputs": self.inputs}


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part.

    The one way zinepress writes a file (outputs, manifest, PO files): a build or `zine i18n`
    killed at any moment leaves the old file whole, plus at most a hidden .tmp file beside it.
    """
    tmp = _staged(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


class Stage:
    """Built outputs written to hidden temporary files beside their places, until the commit.

    A build holds one output in memory at a time (30 variants held at once took 374 MB, issue
    12); nothing under its final name changes until every output and the manifest are on disk.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.files: list[Path] = []
        self.folders: list[Path] = []     # made for staged files: removed again when empty

    def put(self, output: Output) -> Output:
        """Return the output with its bytes moved to a temporary file beside its place."""
        if not output.built or output.file is not None:
            return output
        target = self.out / output.path
        self.folders += [f for f in (target.parent, *target.parent.parents)
                         if f.is_relative_to(self.out) and not f.exists()]
        try:
            tmp = _staged(target, output.data)
        except OSError as exc:
            self.discard()
            raise _cannot_write(target, exc) from None
        self.files.append(tmp)
        return dataclasses.replace(output, data=b"", file=tmp,
                                   sha256=hashlib.sha256(output.data).hexdigest())

    def discard(self) -> None:
        """Remove every temporary file this stage made."""
        for tmp in self.files:
            tmp.unlink(missing_ok=True)
        self.files.clear()
        for folder in sorted(set(self.folders), key=lambda f: -len(f.parts)):
            try:
                folder.rmdir()    # only when empty: a committed output keeps its folder
            except OSError:
                pass
        self.folders.clear()


def write_outputs(outputs: list[Output], out: Path, root: Path,
                  stage: Stage | None = None) -> list[Output]:
    """Put every built output and the merged manifest in place, all or nothing.

    Return the outputs as written (each `file` its final path). A write that fails (a read-only
    folder, a full disk) is an error naming the file, and leaves every earlier file as it was.
    """
    stage = stage or Stage(out)
    try:
        outputs = [stage.put(o) for o in outputs]
        with build_lock(out):
            _remove_leftovers(out, [out / o.path for o in outputs] + [out / manifest.NAME])
            merged = manifest.merged(manifest.read_entries(out),
                                     [o.record(out, root) for o in outputs], root)
            moves = [(o.file, out / o.path) for o in outputs if o.built and o.file is not None]
            content = manifest.render(merged)
            if moves or not _holds(out / manifest.NAME, content):
                try:
                    moves.append((_staged(out / manifest.NAME, content), out / manifest.NAME))
                except OSError as exc:
                    raise _cannot_write(out / manifest.NAME, exc) from None
                stage.files.append(moves[-1][0])
                _commit(moves)
    except OSError as exc:
        raise _cannot_write(Path(exc.filename or out), exc) from None
    finally:
        stage.discard()
    return [dataclasses.replace(o, file=out / o.path, data=b"") if o.file else o for o in outputs]


def _holds(path: Path, content: bytes) -> bool:
    """Tell whether the file already holds exactly this content: a build with nothing to build
    rewrites nothing."""
    try:
        return path.read_bytes() == content
    except OSError:
        return False


def _commit(moves: list[tuple[Path, Path]]) -> None:
    """Rename every staged file over its target; on a failure put every earlier file back."""
    backups: list[tuple[Path, Path | None]] = []
    try:
        for _, target in moves:   # hard links keep the old files without copying them
            backups.append((target, _backup(target)))
        done = []
        try:
            for tmp, target in moves:
                os.replace(tmp, target)
                done.append(target)
        except OSError as exc:
            _restore([b for b in backups if b[0] in done])
            raise _cannot_write(target, exc) from None   # the target, not the hidden file
        for folder in {target.parent for _, target in moves}:
            _sync_folder(folder)
    finally:
        for _, backup in backups:
            if backup is not None:
                backup.unlink(missing_ok=True)


def _backup(target: Path) -> Path | None:
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{_MARK}{os.getpid()}-backup{TMP_SUFFIX}")
    backup.unlink(missing_ok=True)
    os.link(target, backup)
    return backup


def _restore(backups: list[tuple[Path, Path | None]]) -> None:
    for target, backup in backups:
        if backup is None:
            target.unlink(missing_ok=True)
        else:
            os.replace(backup, target)


def _cannot_write(path: Path, exc: OSError) -> ZineError:
    return fail(path, None, f"cannot write the file: {exc.strerror or exc}; the build wrote "
                            "nothing, and earlier outputs are as they were")


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


def _staged(path: Path, data: bytes) -> Path:
    """Write data to a new hidden temporary file beside `path`, synced; return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{_MARK}{os.getpid()}-",
                                suffix=TMP_SUFFIX)
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, else the usual one.
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _remove_leftovers(out: Path, targets: list[Path]) -> None:
    """Remove temporary files that killed zinepress processes left beside these targets.

    Only files named as this module names them (.<target>.zp<pid>-….tmp), for the files this
    build writes, whose process is gone: `-o DIR` may point at a folder with other files.
    """
    for folder in {t.parent for t in targets if t.parent.is_dir()}:
        names = {t.name for t in targets if t.parent == folder}
        for entry in os.scandir(folder):
            match = _LEFTOVER.fullmatch(entry.name)
            if match and match["name"] in names and not _alive(int(match["pid"])):
                Path(entry.path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True    # this build's own staged files
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
