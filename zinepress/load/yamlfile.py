"""Read YAML safely and keep the line of every key and item, for `path:line` messages."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from zinepress.errors import Report
from zinepress.load.chars import line_offset, refused_character
from zinepress.load.files import read_input

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 32
# Merge keys and `=` need constructors a content file has no use for; say so instead of a puzzle.
_SPECIAL_TAGS = {"tag:yaml.org,2002:merge": "merge keys (<<) are not allowed in content files",
                 "tag:yaml.org,2002:value": "the key '=' is not allowed in content files"}


class Map(dict):
    """A YAML mapping that remembers its own line and each key's line."""

    line: int = 0
    lines: dict[Any, int]
    # A value YAML read as something other than text (024 → 20), as it is written in the file
    written: dict[Any, str]

    def line_of(self, key: Any) -> int:
        """Return the line of a key, or the mapping's own line."""
        return self.lines.get(key, self.line)


class Seq(list):
    """A YAML sequence that remembers its own line and each item's line."""

    line: int = 0
    lines: list[int]
    written: dict[int, str]          # as in Map: items YAML read as numbers, dates or true/false

    def line_of(self, index: int) -> int:
        """Return the line of an item, or the sequence's own line."""
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml's parser when PyYAML has it (about 10x faster), else the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_unsafe(text: str) -> None:
    """Raise on anchors, aliases, explicit tags and deep nesting, before anything is composed.

    Alias bombs explode only when walked; composing recurses once per level of nesting.
    libyaml stops on deep nesting by its own rule, worded differently by each release; on any
    error its events are read again with the pure-Python parser, which has no such limit, so
    that our own rule (and message) decides.
    """
    try:
        _scan_events(text, _Loader)
    except yaml.YAMLError as exc:
        if _Loader is yaml.SafeLoader:
            raise
        try:
            _scan_events(text, yaml.SafeLoader)
        except (yaml.YAMLError, ValueError, OverflowError):
            pass
        raise exc


def _scan_events(text: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(line, f"the YAML is nested too deeply (limit {MAX_DEPTH} levels)")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, f"aliases (*{event.anchor}) are not allowed in content files")
        if getattr(event, "anchor", None):
            raise _Refused(line, f"anchors (&{event.anchor}) are not allowed in content files")
        if _explicit_tag(event):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(line, f"tags ({tag}) are not allowed in content files")


def _explicit_tag(event: Any) -> bool:
    tag = getattr(event, "tag", None)
    if tag is None:
        return False
    implicit = getattr(event, "implicit", False)
    if isinstance(implicit, tuple):
        return not any(implicit)
    return not implicit


def load_yaml(path: Path, report: Report) -> Any:
    """Return the file's data as Map/Seq/scalars, or None after reporting why it cannot be read."""
    raw = read_input(path, report, MAX_YAML_BYTES)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(path, raw.count(b"\n", 0, exc.start) + 1,
                     f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8")
        return None
    return parse_yaml(text, path, report)


def parse_yaml(text: str, path: Path, report: Report) -> Any:
    """Parse YAML text; report syntax errors with their line."""
    try:
        _refuse_unsafe(text)
        node = yaml.compose(text, Loader=_Loader)
        return _convert(node, SafeConstructor(), path, report, 0) if node is not None else None
    except _Refused as exc:
        report.error(path, exc.line, exc.message)
    except yaml.reader.ReaderError as exc:
        report.error(path, line_offset(text, exc.position) + 1, _reader_message(exc))
    except yaml.MarkedYAMLError as exc:
        report.error(path, _mark_line(exc), _yaml_message(exc, text))
    except yaml.YAMLError as exc:
        report.error(path, None, f"not valid YAML: {exc}")
    except (ValueError, OverflowError):
        # PyYAML's scanner turns "\\UFFFFFFFF" into chr(0xFFFFFFFF) without checking it first.
        report.error(path, None, "not valid YAML: a \\U escape names no character (the "
                                 "largest is \\U0010FFFF)")
    return None


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    if isinstance(exc.character, int):
        return f"not valid YAML: the character U+{exc.character:04X} is not allowed in YAML"
    return f"not valid YAML: {exc.reason}"


def _mark_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else None


_INDENT = "this line's indentation does not line up with the lines above"
_PLAIN = {  # PyYAML's and libyaml's phrasings, in words a zine editor knows
    "expected <block end>": _INDENT,
    "did not find expected '-' indicator": _INDENT,
    "did not find expected key": _INDENT,
    "mapping values are not allowed in this context": "a ':' where YAML does not expect one "
                                                      "(check the indentation, or put the text "
                                                      "in quotes)",
    "mapping values are not allowed here": "a ':' where YAML does not expect one (check the "
                                           "indentation, or put the text in quotes)",
    "found character '\\t'": "a tab: indent with spaces",
    "tab character": "a tab: indent with spaces",
    "could not find expected ':'": "a line without 'key: value' (check the indentation)",
    "found invalid Unicode character escape code": "an escape such as \\u… or \\U… names no "
                                                   "character (\\ud800-\\udfff and anything past "
                                                   "\\U0010FFFF are not characters)",
}


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    detail = ", ".join(p for p in (exc.context, exc.problem) if p)
    plain = next((words for key, words in _PLAIN.items() if key in detail), None)
    if _at(text, exc.problem_mark) == "\t":  # libyaml does not name the character
        plain = _PLAIN["tab character"]
    return f"not valid YAML: {plain or detail}"


def _at(text: str, mark: yaml.Mark | None) -> str:
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _convert(node: yaml.Node, loader: SafeConstructor, path: Path, report: Report, depth: int) -> Any:
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise _Refused(line, f"the YAML is nested too deeply (limit {MAX_DEPTH} levels)")
    if isinstance(node, yaml.MappingNode):
        return _convert_map(node, loader, path, report, depth)
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(item, loader, path, report, depth + 1) for item in node.value)
        seq.line, seq.lines = line, [item.start_mark.line + 1 for item in node.value]
        seq.written = {i: n.value for i, n in enumerate(node.value) if _not_text(n, seq[i])}
        return seq
    return _scalar(node, loader)


def _scalar(node: yaml.Node, loader: SafeConstructor) -> Any:
    line = node.start_mark.line + 1
    if node.tag in _SPECIAL_TAGS:
        raise _Refused(line, _SPECIAL_TAGS[node.tag])
    if isinstance(node.value, str):
        refused = refused_character(node.value)
        if refused:
            # A block scalar (| or >) starts on the line after its indicator.
            block = 1 if node.style in ("|", ">") else 0
            raise _Refused(line + block + line_offset(node.value, refused[0]),
                           f"the text contains {refused[1]}")
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        # e.g. 2026-02-30 (a date that does not exist) or a number of thousands of digits
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise _Refused(line, f"'{shown}' reads as a date or number but is not a valid one "
                             f"({str(exc).split(':')[0]}); put it in quotes to keep it as text")


def _convert_map(node: yaml.MappingNode, loader: SafeConstructor, path: Path, report: Report,
                 depth: int) -> Map:
    result = Map()
    result.line, result.lines, result.written = node.start_mark.line + 1, {}, {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(key_line, "a key must be a plain word")
        key = _scalar(key_node, loader)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _Refused(key_line, "a key must be a plain word")
        if key in result:
            report.error(path, key_line, f"'{key}' is given twice (first on line {result.lines[key]})")
            continue
        result[key] = _convert(value_node, loader, path, report, depth + 1)
        result.lines[key] = key_line
        if _not_text(value_node, result[key]):
            result.written[key] = value_node.value
    return result


def _not_text(node: yaml.Node, value: Any) -> bool:
    """Tell whether YAML read a scalar as a number, date or true/false (024 → 20, YES → true)."""
    return isinstance(node, yaml.ScalarNode) and value is not None and not isinstance(value, str)
