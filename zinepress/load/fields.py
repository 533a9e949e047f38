"""Declarative reading of one YAML mapping: typed getters that report instead of raising."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

from zinepress.errors import Report, did_you_mean
from zinepress.load.yamlfile import Map, Seq

_TYPE_NAMES = {str: "text", bool: "true or false", int: "a whole number", list: "a list",
               dict: "a mapping", dt.date: "a date (YYYY-MM-DD)"}


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dt.datetime):
        return "a date with a time of day"
    for cls, name in _TYPE_NAMES.items():
        if isinstance(value, cls) and not (cls is int and isinstance(value, bool)):
            return name
    return type(value).__name__


class Fields:
    """Typed access to a mapping's keys; every problem goes to the report with its line."""

    def __init__(self, data: Any, path: Path, report: Report, where: str = "") -> None:
        self.data = data if isinstance(data, dict) else Map()
        self.path = path
        self.report = report
        self.where = f"{where}: " if where else ""
        self.line = getattr(data, "line", None) or None

    def line_of(self, key: str) -> int | None:
        """Return the line of a key (or of the mapping)."""
        return self.data.line_of(key) if isinstance(self.data, Map) else self.line

    def error(self, key: str | None, message: str) -> None:
        """Report an error at a key."""
        line = self.line_of(key) if key else self.line
        self.report.error(self.path, line, self.where + message)

    def warning(self, key: str | None, message: str) -> None:
        """Report a warning at a key."""
        line = self.line_of(key) if key else self.line
        self.report.warning(self.path, line, self.where + message)

    def unknown(self, allowed: Iterable[str]) -> None:
        """Warn about keys this mapping does not know, suggesting the likely one."""
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                self.warning(key, f"unknown key '{key}'{did_you_mean(str(key), allowed)}")

    def get(self, key: str, cls: type | tuple[type, ...], required: bool = False,
            default: Any = None) -> Any:
        """Return the value if it has the expected type, else report and return the default."""
        if key not in self.data or self.data[key] is None:
            if required:
                self.error(None, f"'{key}' is required")
            return default
        value = self.data[key]
        if isinstance(value, bool) and cls is not bool and bool not in _as_tuple(cls):
            ok = False
        elif isinstance(value, dt.datetime) and dt.datetime not in _as_tuple(cls):
            ok = False   # a subclass of date that cannot be compared with one (issue 12)
        else:
            ok = isinstance(value, cls)
        if not ok:
            want = " or ".join(_TYPE_NAMES.get(c, c.__name__) for c in _as_tuple(cls))
            self.error(key, f"'{key}' must be {want}, not {_kind(value)}")
            return default
        return value

    def text(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        """Return a text value (numbers written bare are taken as text)."""
        value = self.data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        result = self.get(key, str, required, default)
        if isinstance(result, str) and required and not result.strip():
            self.error(key, f"'{key}' is empty")
        return result

    def flag(self, key: str, default: bool = False) -> bool:
        """Return a true/false value."""
        return self.get(key, bool, default=default)

    def texts(self, key: str, required: bool = False) -> list[str]:
        """Return a list of texts."""
        items = self.get(key, list, required, default=Seq())
        result = []
        for i, item in enumerate(items):
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                result.append(str(item))
            else:
                line = items.line_of(i) if isinstance(items, Seq) else self.line
                self.report.error(self.path, line, f"{self.where}'{key}' item {i + 1} must be text")
        return result

    def mapping(self, key: str, required: bool = False) -> Map | None:
        """Return a nested mapping."""
        return self.get(key, dict, required)

    def items(self, key: str, required: bool = False) -> Seq:
        """Return a list (of anything)."""
        value = self.get(key, list, required, default=Seq())
        return value if isinstance(value, Seq) else Seq(value)


def _as_tuple(cls: type | tuple[type, ...]) -> tuple[type, ...]:
    return cls if isinstance(cls, tuple) else (cls,)
