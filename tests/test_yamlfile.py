"""The safe YAML reader: lines kept, anchors, aliases and tags refused, duplicates reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from zinepress.errors import Report
from zinepress.load.yamlfile import MAX_DEPTH, Map, parse_yaml


def parse(text: str) -> tuple[object, list[str]]:
    report = Report()
    return parse_yaml(text, Path("x.yaml"), report), [str(p) for p in report.problems]


def test_lines_of_keys_and_items() -> None:
    data, problems = parse("a: 1\nb:\n  - x\n  - y\nc: {d: 2}\n")
    assert problems == [] and isinstance(data, Map)
    assert data.lines == {"a": 1, "b": 2, "c": 5}
    assert data["b"].lines == [3, 4]


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "x.yaml:1: anchors (&x) are not allowed in content files"),
    ("a: [*x]\n", "x.yaml:1: aliases (*x) are not allowed in content files"),
    ("a: !!python/object/apply:os.system [ls]\n",
     "x.yaml:1: tags (!!python/object/apply:os.system) are not allowed in content files"),
    ("a: !custom x\n", "x.yaml:1: tags (!custom) are not allowed in content files"),
    ("a: 1\na: 2\n", "x.yaml:2: 'a' is given twice (first on line 1)"),
])
def test_refused(text: str, message: str) -> None:
    assert message in parse(text)[1]


def test_alias_bomb_is_refused_before_it_is_walked() -> None:
    bomb = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    data, problems = parse(bomb)
    assert data is None and problems == ["x.yaml:1: anchors (&a) are not allowed in content files"]


def test_depth_is_bounded() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    data, problems = parse(deep)
    assert data is None
    assert problems == [f"x.yaml:1: the YAML is nested too deeply (limit {MAX_DEPTH} levels)"]


def test_plain_scalars_keep_their_types() -> None:
    data, _ = parse("n: 8\nb: true\nd: 2026-11-23\ns: '988'\n")
    assert data == {"n": 8, "b": True, "d": __import__("datetime").date(2026, 11, 23), "s": "988"}
