"""Kill a build of 77 outputs with SIGKILL at random moments and check that nothing is lost.

    python scripts/kill_builds.py [--kills 20] [--seed N]

In a scratch copy of the project: one full build of the seed zine (10 variants × its layouts,
77 PDFs), then, `--kills` times, a changed title and a build killed at a random moment (every
other one aimed at the write stage, which is short), then one build to the end. After every kill,
every PDF under build/ must be byte-identical to the one before or open with the page count of
a finished build, and build/manifest.json must parse. Prints the tally; exits 1 on any problem.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import copy_project  # noqa: E402
from tests.hostile.killing import kill_loop  # noqa: E402

# Every variant of the seed zine in every layout it lists: 10 variants, 77 PDFs (6 layouts, fewer
# for ar, and instruction sheets). --draft: a print build of crisis data past its age would stop.
ARGS = ["unpacking-self-harm", "--draft"]


def main() -> int:
    """Run the kill loop and print what it found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        zine_yaml = project / "zines" / "unpacking-self-harm" / "zine.yaml"
        start = time.perf_counter()
        tally, duration, first_write = kill_loop(project, ARGS, args.kills,
                                                 random.Random(args.seed), zine_yaml)
        outputs = len(list((project / "build").rglob("*.pdf")))
        shutil.rmtree(project / "build", ignore_errors=True)
    print(f"seed {args.seed}: {outputs} PDFs per build; a full build takes {duration:.1f} s, "
          f"writing starts at {first_write or 0:.1f} s")
    print(f"{tally.kills} kills: {tally.before_write} before the write stage (every PDF the old "
          f"one), {tally.during_write} during it (some old, some new), {tally.after_write} after "
          f"it (every PDF new)")
    print(f"PDFs checked: {tally.unchanged} unchanged, {tally.new} new and complete (opened, "
          f"page count right); {tally.leftovers} hidden .tmp files seen after kills, "
          f"{tally.leftovers_after_next_build} after the next build")
    print(f"problems: {len(tally.problems)}")
    for problem in tally.problems:
        print(f"  {problem}")
    print(f"total {time.perf_counter() - start:.0f} s")
    return 1 if tally.problems or tally.leftovers_after_next_build else 0


if __name__ == "__main__":
    sys.exit(main())
