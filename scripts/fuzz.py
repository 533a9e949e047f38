"""Long fuzz run: Hypothesis over the loaders and a small build, well past the test suite's budget.

    python scripts/fuzz.py [--scale 1.0] [--seed N] [TARGET…]

Runs every target of tests/hostile/fuzzing.py (yaml, zine, region, po, markdown, image, build)
with its budget × scale, counts the inputs tried, and prints a line per target and a total. Any
exception other than ZineError is a crash: Hypothesis shrinks it to a small input, which is
printed, and the script exits 1.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.hostile.fuzzing import TARGETS, Workspace, run_check  # noqa: E402

BUDGET = {"yaml": 3000, "zine": 2500, "region": 1500, "po": 2500, "markdown": 3000,
          "image": 1500, "build": 150}


def fuzz(name: str, examples: int, ws: Workspace, run_seed: int) -> tuple[int, float]:
    """Run one target; return how many inputs were tried and the seconds it took."""
    strategy, check = TARGETS[name]
    tried = [0]

    @seed(run_seed)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(value=strategy())
    def run(value: object) -> None:
        tried[0] += 1
        run_check(check, ws, value)

    start = time.perf_counter()
    run()
    return tried[0], time.perf_counter() - start


def main() -> int:
    """Fuzz every target asked for; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(BUDGET))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    unknown = set(args.targets) - set(BUDGET)
    if unknown:
        parser.error(f"unknown target(s) {', '.join(sorted(unknown))}; known: {', '.join(BUDGET)}")
    ws = Workspace.make()
    total, seconds, crashed = 0, 0.0, False
    print(f"seed {args.seed}")
    try:
        for name in args.targets or list(BUDGET):
            try:
                tried, took = fuzz(name, max(1, int(BUDGET[name] * args.scale)), ws, args.seed)
            except Exception as exc:  # noqa: BLE001 - a crash is what this script looks for
                print(f"{name:9} CRASH {type(exc).__name__}: {exc}")
                crashed = True
                continue
            total, seconds = total + tried, seconds + took
            print(f"{name:9} {tried:7,} inputs  {took:7.1f} s  no crash")
    finally:
        ws.remove()
    print(f"{'total':9} {total:7,} inputs  {seconds:7.1f} s  "
          f"{'CRASHED' if crashed else 'no crash'}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
