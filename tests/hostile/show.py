"""Print what each hostile case prints now, as YAML for its `expect:` (read it before pasting).

    python -m tests.hostile.show [CASE…]
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml

from tests.conftest import zine
from tests.hostile.corpus import Listener, load_cases, make_outside, set_up


def main(names: list[str]) -> None:
    """Run the named cases (all by default) and print their output."""
    for case in load_cases():
        if names and case.name not in names:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            outside = make_outside(Path(tmp) / "outside")
            listener = Listener()
            marks = set_up(case, Path(tmp) / "project", outside, listener.port)
            os.environ.update(case.env)
            run = zine(Path(tmp) / "project", *case.run)
            for name in case.env:
                os.environ.pop(name)
            lines = [line.replace(str(outside), "@OUTSIDE@")
                     .replace(str(listener.port), "@PORT@") for line in run.output.splitlines()]
            for mark, value in marks.items():
                lines = [line.replace(f":{value}:", f":{mark}:") for line in lines]
            listener.close()
        print(f"# {case.name} (exit {run.exit_code})")
        print(yaml.safe_dump({"expect": lines}, allow_unicode=True, width=1000), end="")


if __name__ == "__main__":
    main(sys.argv[1:])
