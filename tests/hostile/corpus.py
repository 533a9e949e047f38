"""The hostile-input corpus: load a case, set up its project, and watch what the run touches.

A case is a folder under tests/hostile/cases/ with a case.yaml and a files/ tree laid over a copy
of the project (its layouts, fonts and regions, and the small zine in tests/hostile/base/). In
every text file @OUTSIDE@ becomes a folder outside the project holding canary files, and @PORT@
the port of a listener on 127.0.0.1. case.yaml says:

    about:    what the case tries
    run:      the `zine` arguments (default: [build])
    exit:     the exit status (default: 1)
    expect:   every line the run prints, exactly
    edit:     {path in the project: [[old, new], …]}   texts to replace in the project's files
    links:    {path in the project: target}   symbolic links to make
    remove:   [paths in the project]           files to delete
    generate: {path in the project: kind}      large or special files, made by GENERATORS
    env:      {NAME: value}                    environment for the run
    contains: {path of a built PDF: [texts]}   what a run that may succeed must have printed
    unchanged: [paths in the project]         files the run must leave byte for byte

`python -m tests.hostile.show [CASE…]` prints what each case prints now, to write `expect`.
"""
from __future__ import annotations

import os
import shutil
import socket
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml
from PIL import Image

from tests.conftest import copy_project

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
BASE = HERE / "base"
CANARY_TEXT = "CANARY-5b1d9e"


@dataclass(frozen=True)
class Case:
    """One hostile or broken input and what the run must print."""

    name: str
    folder: Path
    about: str
    run: tuple[str, ...]
    exit: int
    expect: tuple[str, ...]
    links: dict[str, str] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    generate: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    contains: dict[str, list[str]] = field(default_factory=dict)
    edit: dict[str, list[list[str]]] = field(default_factory=dict)
    unchanged: tuple[str, ...] = ()


def load_cases() -> list[Case]:
    """Return every case, in name order."""
    cases = []
    for folder in sorted(p for p in CASES.iterdir() if (p / "case.yaml").is_file()):
        data = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
        cases.append(Case(folder.name, folder, data["about"], tuple(data.get("run", ["build"])),
                          data.get("exit", 1), tuple(data["expect"]), data.get("links", {}),
                          tuple(data.get("remove", [])), data.get("generate", {}),
                          {k: str(v) for k, v in data.get("env", {}).items()},
                          data.get("contains", {}), data.get("edit", {}),
                          tuple(data.get("unchanged", []))))
    return cases


def make_outside(folder: Path) -> Path:
    """Make the folder outside the project with the canary files content tries to reach."""
    folder.mkdir(parents=True)
    Image.new("RGB", (4, 4), (255, 0, 0)).save(folder / "canary.png")
    (folder / "canary.txt").write_text(CANARY_TEXT + "\n", encoding="utf-8")
    (folder / "canary.css").write_text(f'body::after {{ content: "{CANARY_TEXT}"; }}\n')
    (folder / "canary.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" '
                                       f'height="4"><text>{CANARY_TEXT}</text></svg>\n')
    (folder / "canary.yaml").write_text(f"title: {CANARY_TEXT}\npanels: []\n")
    (folder / "canary.po").write_text(f'msgctxt "words.heading"\nmsgid "Words"\n'
                                      f'msgstr "{CANARY_TEXT}"\n')
    (folder / "zine").mkdir()
    (folder / "zine" / "zine.yaml").write_text(f"title: {CANARY_TEXT}\npanels: []\n")
    shutil.copy(HERE.parent.parent / "fonts" / "NotoSans-Regular.ttf", folder / "canary.ttf")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under the folder with its content (to see that nothing changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def set_up(case: Case, project: Path, outside: Path, port: int) -> dict[str, str]:
    """Lay the case over a fresh project copy; return @EDIT_LINE@: where an edited entry starts."""
    marks = {}
    copy_project(project, zines=False)
    shutil.copytree(BASE, project, dirs_exist_ok=True)
    files = case.folder / "files"
    if files.is_dir():
        for source in sorted(p for p in files.rglob("*") if p.is_file()):
            target = project / source.relative_to(files)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_substitute(source.read_bytes(), outside, port))
    for name, changes in case.edit.items():
        text = (project / name).read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, f"{case.name}: '{old}' is no longer in {name}"
            marks["@EDIT_LINE@"] = str(_entry_line(text, text.index(old)))
            text = text.replace(old, _substitute(new.encode(), outside, port).decode())
        (project / name).write_text(text, encoding="utf-8")
    for name in case.remove:
        _remove(project / name)
    for name, target in case.links.items():
        link = project / name
        _remove(link)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(_substitute(target.encode(), outside, port).decode())
    for name, kind in case.generate.items():
        path = project / name
        _remove(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        GENERATORS[kind](path)
    return marks


def _entry_line(text: str, index: int) -> int:
    """Return the first line of the blank-line-separated block (a PO entry) holding `index`."""
    start = text.rfind("\n\n", 0, index)
    return text.count("\n", 0, start + 2 if start >= 0 else 0) + 1


def expected(case: Case, outside: Path, port: int, marks: dict[str, str]) -> list[str]:
    """Return the lines the case must print, placeholders filled in."""
    lines = [_substitute(line.encode(), outside, port).decode() for line in case.expect]
    for mark, value in marks.items():
        lines = [line.replace(mark, value) for line in lines]
    return lines


def _substitute(data: bytes, outside: Path, port: int) -> bytes:
    return data.replace(b"@OUTSIDE@", str(outside).encode()).replace(b"@PORT@", str(port).encode())


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


class Listener:
    """A TCP listener on 127.0.0.1 that content points at; it must never be called."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.setblocking(False)
        self.port = self.socket.getsockname()[1]

    def connections(self) -> int:
        """Return how many connections are waiting (accepting and closing them)."""
        count = 0
        while True:
            try:
                conn, _ = self.socket.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    def close(self) -> None:
        self.socket.close()


class Watch:
    """Audit hook: every file opened under `outside`, every socket connect, every process run."""

    EVENTS = ("open", "os.listdir", "os.scandir", "socket.connect", "subprocess.Popen",
              "os.system", "os.exec", "os.posix_spawn")

    def __init__(self) -> None:
        self.outside: str | None = None
        self.seen: list[str] = []
        self._busy = False
        sys.addaudithook(self._hook)  # hooks cannot be removed: one Watch per test session

    def start(self, outside: Path) -> None:
        self.outside, self.seen = os.path.realpath(outside), []

    def stop(self) -> list[str]:
        self.outside = None
        return self.seen

    def _hook(self, event: str, args: tuple) -> None:
        if self.outside is None or self._busy or event not in self.EVENTS:
            return
        self._busy = True
        try:
            if event in ("open", "os.listdir", "os.scandir"):
                target = args[0] if args else None
                if isinstance(target, (str, bytes, os.PathLike)):
                    real = os.path.realpath(os.fsdecode(target))
                    if real.startswith(self.outside):
                        self.seen.append(f"{event} {real}")
            else:
                self.seen.append(f"{event} {args[:2]!r}")
        finally:
            self._busy = False


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png(path: Path, width: int, height: int, rows: int) -> None:
    """Write a 1-bit PNG of zeros whose header says width × height; `rows` rows of data."""
    squeeze = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    data = b"".join(squeeze.compress(row) for _ in range(rows)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data)
                     + _chunk(b"IEND", b""))


def _png_corrupt(path: Path) -> None:
    """Write a PNG whose header is sound and whose pixel data is not zlib data at all."""
    header = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                     + _chunk(b"IDAT", b"\x78\x9c" + b"\xff" * 200) + _chunk(b"IEND", b""))


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)
    return make


def _long_body(path: Path) -> None:
    path.write_text(_zine(panels="  - id: words\n    body: " + "word " * 1_200 + "\n"))


def _many_panels(path: Path) -> None:
    path.write_text(_zine(panels="".join(f"  - id: p{i}\n    body: panel {i}\n"
                                         for i in range(201))))


def _big_yaml(path: Path) -> None:
    padding = "# padding to make the file large\n" * 34_000
    path.write_text(_zine(panels="  - id: words\n    body: words\n") + padding)


def _font_truncated(path: Path) -> None:
    """Write the bundled regular face cut off at half its length (a damaged download)."""
    data = (HERE.parent.parent / "fonts" / "NotoSans-Regular.ttf").read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _font_flipped(path: Path) -> None:
    """Write the bundled regular face with some bytes of its glyph outlines changed."""
    data = bytearray((HERE.parent.parent / "fonts" / "NotoSans-Regular.ttf").read_bytes())
    for index in range(len(data) // 2, len(data) // 2 + 64):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def _png_16bit_grey(path: Path) -> None:
    """Write a 16-bit greyscale PNG of a light grey (WeasyPrint printed these solid black)."""
    Image.new("I;16", (128, 128), 50_000).save(path)


def _many_variants(path: Path) -> None:
    variants = ", ".join(f"en-us{i}" for i in range(5_000))
    path.write_text(_zine(panels="  - id: words\n    body: words\n").replace(
        "variants: [en-us]", f"variants: [{variants}]"))


def _long_msgstr(path: Path) -> None:
    """Write the probe's Spanish PO file with one translation of 1,900,000 characters."""
    text = (BASE / "zines" / "probe" / "locales" / "es.po").read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "Un panel de palabras sencillas."',
                                 'msgstr "' + "palabra " * 237_500 + '"'), encoding="utf-8")


def _not_utf8_name(path: Path) -> None:
    """Make a folder holding a file whose name is Latin-1, not UTF-8 ('café.png')."""
    path.mkdir()
    (path / os.fsdecode(b"caf\xe9.png")).write_bytes(b"")


def _many_services(path: Path) -> None:
    """Write the US region with its first service listed 100 times more (ids us-copy-N).

    Fitting the crisis panel left out one contact per layout: 100 services took 78 s.
    """
    text = (HERE.parent.parent / "regions" / "us.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: us-988-lifeline\n")
    block = text[start:text.index("\n  - id: ", start + 1) + 1]
    copies = "".join(block.replace("id: us-988-lifeline", f"id: us-copy-{i}")
                     for i in range(100))
    path.write_text(text[:start] + copies + text[start:], encoding="utf-8")


def _zine(panels: str) -> str:
    return ("title: probe\nlanguage: en\nvariants: [en-us]\nlayouts: {reader: full}\n"
            f"license: CC0\npanels:\n{panels}")


GENERATORS: dict[str, Callable[[Path], None]] = {
    # 8000 × 8000 pixels in 8 KB: decoded to RGBA it would take 256 MB.
    "png-bomb": lambda path: _png(path, 8_000, 8_000, 8_000),
    # A header that claims 10 billion pixels, with one row of data.
    "png-huge-header": lambda path: _png(path, 100_000, 100_000, 1),
    "png-corrupt": _png_corrupt,
    "fifo": lambda path: os.mkfifo(path),
    "sparse-21mb": _sparse(21_000_000),
    "sparse-3mb": _sparse(3_000_000),
    "long-body": _long_body,
    "many-panels": _many_panels,
    "big-yaml": _big_yaml,
    "font-truncated": _font_truncated,
    "font-flipped": _font_flipped,
    "png-16bit-grey": _png_16bit_grey,
    "many-variants": _many_variants,
    "long-msgstr": _long_msgstr,
    "not-utf8-name": _not_utf8_name,
    "many-services": _many_services,
}
