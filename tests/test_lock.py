"""requirements.lock matches pyproject.toml: every requirement pinned within its range, nothing stale."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    hashes: tuple[str, ...]
    via: tuple[str, ...]        # what needs it, as uv's "# via" comments name it


def read_lock(text: str) -> dict[str, Pin]:
    """Return the pins of a uv/pip-compile lock by canonical name."""
    pins: dict[str, Pin] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = _PIN.match(block)
        if match:
            name = canonicalize_name(match[1])
            via = re.findall(r"^\s*#\s+(?:via\s+)?([A-Za-z0-9][A-Za-z0-9._-]*)", block, re.M)
            pins[name] = Pin(name, match[2], tuple(re.findall(r"--hash=(\S+)", block)),
                             tuple(canonicalize_name(v) for v in via))
    return pins


def requirements(pyproject: Path) -> list[Requirement]:
    """Return the runtime and test requirements that the lock must cover."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["test"]
    return [Requirement(text) for text in listed]


def problems(pyproject: Path, lock: Path) -> list[str]:
    """Return what makes the lock out of date with pyproject.toml, as sentences."""
    pins = read_lock(lock.read_text(encoding="utf-8"))
    found = []
    for req in requirements(pyproject):
        pin = pins.get(canonicalize_name(req.name))
        if pin is None:
            found.append(f"{req.name} is not in the lock")
        elif not req.specifier.contains(pin.version, prereleases=True):
            found.append(f"{req.name}=={pin.version} is outside {req.specifier}")
    found += [f"{pin.name} is pinned but nothing needs it" for pin in _unneeded(pins)]
    return found


def _unneeded(pins: dict[str, Pin]) -> list[Pin]:
    needed = {name for name, pin in pins.items() if "zinepress" in pin.via}
    grew = True
    while grew:
        more = {name for name, pin in pins.items() if needed & set(pin.via)} - needed
        needed |= more
        grew = bool(more)
    return [pin for name, pin in pins.items() if name not in needed]


def test_the_lock_matches_pyproject() -> None:
    assert problems(ROOT / "pyproject.toml", ROOT / "requirements.lock") == []


def test_every_pin_has_hashes() -> None:
    pins = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert pins and all(pin.hashes for pin in pins.values())


def test_a_dependency_added_without_relocking_is_found(tmp_path: Path) -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        text.replace('"pyyaml>=6.0",', '"pyyaml>=6.0",\n    "requests>=2.31",'), encoding="utf-8")
    assert problems(tmp_path / "pyproject.toml", ROOT / "requirements.lock") == [
        "requests is not in the lock"]


def test_a_range_the_pin_leaves_is_found(tmp_path: Path) -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    raised = re.sub(r'"click>=[^"]+"', '"click>=99"', text)
    (tmp_path / "pyproject.toml").write_text(raised, encoding="utf-8")
    [problem] = problems(tmp_path / "pyproject.toml", ROOT / "requirements.lock")
    assert re.fullmatch(r"click==[\d.]+ is outside >=99", problem)


def test_a_pin_nothing_needs_is_found(tmp_path: Path) -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    extra = "six==1.16.0 \\\n    --hash=sha256:" + "0" * 64 + "\n    # via nothing-here\n"
    (tmp_path / "requirements.lock").write_text(lock + extra, encoding="utf-8")
    assert problems(ROOT / "pyproject.toml", tmp_path / "requirements.lock") == [
        "six is pinned but nothing needs it"]
