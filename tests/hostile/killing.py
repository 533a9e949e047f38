"""Kill builds with SIGKILL and check what they leave: shared by test_kill.py and scripts/kill_builds.py.

After each kill every PDF under build/ must be byte-identical to the one before that build, or a
complete new one: it opens and has the page count the manifest of a finished build gives it. No
partial file may sit under a final name; temporary files are hidden (.name.XXXX.tmp) and the next
build removes them.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

CLI = Path(__file__).resolve().parent.parent.parent / "cli.py"


@dataclass
class Tally:
    """What the kills left behind, file by file."""

    kills: int = 0
    unchanged: int = 0
    new: int = 0
    before_write: int = 0         # kills that left every PDF unchanged
    during_write: int = 0         # kills that left some PDFs new and some unchanged
    after_write: int = 0          # kills that left every PDF new
    leftovers: int = 0            # hidden .tmp files found after kills
    leftovers_after_next_build: int = 0
    problems: list[str] = field(default_factory=list)


def start_build(project: Path, args: list[str]) -> subprocess.Popen:
    """Start `zine build ARGS` in the project as a separate process (its messages: build.log)."""
    return start_zine(project, ["build", *args])


def start_zine(project: Path, args: list[str]) -> subprocess.Popen:
    """Start `zine ARGS` in the project as a separate process (its messages: build.log)."""
    with (project / "build.log").open("ab") as log:
        return subprocess.Popen([sys.executable, str(CLI), *args], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=log)


def full_build(project: Path, args: list[str]) -> tuple[float, float | None]:
    """Build to the end; return its duration and when (seconds in) the first output changed."""
    before = _mtimes(project / "build")
    start = time.perf_counter()
    process = start_build(project, args)
    first_write = None
    while process.poll() is None:
        if first_write is None and _mtimes(project / "build") != before:
            first_write = time.perf_counter() - start
        time.sleep(0.005)
    if process.returncode != 0:
        log = (project / "build.log").read_text(errors="replace")
        raise RuntimeError(f"build failed: {log[-2000:]}")
    return time.perf_counter() - start, first_write


def _mtimes(out: Path) -> dict[str, int]:
    if not out.is_dir():
        return {}
    return {str(p): p.stat().st_mtime_ns for p in out.rglob("*.pdf")}


def fingerprints(out: Path) -> dict[str, str]:
    """Return the sha256 of every PDF under out/."""
    if not out.is_dir():
        return {}
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*.pdf"))}


def page_counts(out: Path) -> dict[str, int]:
    """Return the page count of every PDF of a finished build."""
    counts = {}
    for path in sorted(out.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            counts[str(path.relative_to(out))] = len(pdf.pages)
    return counts


def kill_once(project: Path, args: list[str], delay: float, pages: dict[str, int],
              tally: Tally) -> str:
    """Start a build, SIGKILL it after `delay` seconds, and check every PDF it could have touched."""
    out = project / "build"
    before = fingerprints(out)
    process = start_build(project, args)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    tally.kills += 1
    after = fingerprints(out)
    states = set()
    for name, sha in after.items():
        if sha == before.get(name):
            tally.unchanged += 1
            states.add("unchanged")
            continue
        tally.new += 1
        states.add("new")
        _check_complete(out / name, pages.get(name), tally)
    moment = {"unchanged": "before", "new": "after"}.get("".join(states), "during")
    setattr(tally, f"{moment}_write", getattr(tally, f"{moment}_write") + 1)
    if set(after) != set(pages):
        tally.problems.append(f"PDFs under build/ are {sorted(after)}, not {sorted(pages)}")
    tally.leftovers += sum(1 for _ in out.rglob(".*.tmp"))
    _check_manifest(out, tally)
    return moment


def _check_complete(path: Path, pages: int | None, tally: Tally) -> None:
    try:
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 - any failure to open is what we look for
        tally.problems.append(f"{path.name}: does not open ({exc})")
        return
    if count != pages:
        tally.problems.append(f"{path.name}: {count} pages, not {pages}")


def _check_manifest(out: Path, tally: Tally) -> None:
    try:
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        tally.problems.append(f"manifest.json: {exc}")


def toggle_content(zine_yaml: Path, round_number: int) -> None:
    """Change one heading so that every output of the next build differs from the last."""
    text = zine_yaml.read_text(encoding="utf-8")
    text = re.sub(r"^title: (.*?)( \(round \d+\))?$", rf"title: \1 (round {round_number})",
                  text, count=1, flags=re.M)
    zine_yaml.write_text(text, encoding="utf-8")


class Window:
    """Where a build's write stage lies, narrowed by bisection as kills land before or after it."""

    def __init__(self, guess: float) -> None:
        self.guess = guess
        self.before = 0.0                 # latest delay known to land before the write stage
        self.after: float | None = None   # earliest delay known to land after it

    def aim(self, rng: random.Random) -> float:
        """Return the next delay to try, with a little jitter."""
        if self.after is None:
            centre = max(self.guess, self.before + 0.5)
        else:
            centre = (max(self.before, 0.0) + self.after) / 2
        return max(0.0, rng.gauss(centre, 0.03))

    def learn(self, delay: float, moment: str) -> None:
        """Narrow the window with where a kill at `delay` landed."""
        if moment == "before":
            self.before = max(self.before, delay)
        elif moment == "after":
            self.after = delay if self.after is None else min(self.after, delay)


def kill_loop(project: Path, args: list[str], kills: int, rng: random.Random,
              zine_yaml: Path) -> tuple[Tally, float, float | None]:
    """Build once in full, then kill `kills` builds at random moments; return the tally."""
    duration, first_write = full_build(project, args)
    pages = page_counts(project / "build")
    tally = Tally()
    window = Window(first_write or duration)
    for number in range(kills):
        toggle_content(zine_yaml, number)
        # Half the moments anywhere in a build; half aimed at its write stage, which is short and
        # moves from run to run: every kill tells whether it came before or after it.
        delay = window.aim(rng) if number % 2 else rng.uniform(0.0, duration)
        window.learn(delay, kill_once(project, args, delay, pages, tally))
    full_build(project, args)
    tally.leftovers_after_next_build = sum(1 for _ in (project / "build").rglob(".*.tmp"))
    return tally, duration, first_write
