"""Front matter in every dialect the old generators write: YAML (---), TOML (+++), JSON ({ }), and
Pelican's or MultiMarkdown's `Key: value` headers — with the line where the body starts."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Split:
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    problem: str = ""  # why the front matter could not be read ("" when it was)


class _Loader(yaml.SafeLoader):
    """YAML as the old generators read it, except that dates stay text (read later, with their zone)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_HEADER = re.compile(r"^([A-Za-z][\w -]*?):[ \t]*(.*)$")


def split_front_matter(text: str) -> Split:
    """Front matter → a mapping, in whichever of the dialects the file uses (none: an empty mapping)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    first = lines[start].rstrip() if lines else ""
    if first in ("---", "+++"):
        closers = ("---", "...") if first == "---" else ("+++",)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip() in closers), None)
        if end is None:
            return Split({}, text, 1, f"the front matter opened on line {start + 1} is never closed")
        block = "\n".join(lines[start + 1:end])
        meta, problem = (_yaml(block, start + 1) if first == "---" else _toml(block, start + 1))
        return Split(meta, "\n".join(lines[end + 1:]), end + 2, problem)
    if first.startswith("{"):
        return _json(lines, start)
    return _headers(lines, start)


def _yaml(block: str, offset: int) -> tuple[dict[str, Any], str]:
    try:
        data = yaml.load(block, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1 + offset})" if mark is not None else ""
        return {}, f"the YAML front matter cannot be read{where}: {getattr(exc, 'problem', exc)}"
    except RecursionError:
        return {}, "the YAML front matter is nested too deeply to read"
    if data is None:
        return {}, ""
    if not isinstance(data, dict):
        return {}, "the front matter is not 'key: value' lines"
    return {str(k): v for k, v in data.items()}, ""


def _toml(block: str, offset: int) -> tuple[dict[str, Any], str]:
    try:
        return tomllib.loads(block), ""
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        where = f" (line {int(m.group(1)) + offset})" if m else ""
        return {}, f"the TOML front matter cannot be read{where}: {re.sub(r' [(]at .*[)]', '', str(exc))}"


def _json(lines: list[str], start: int) -> Split:
    """Hugo's JSON front matter: a JSON object at the top, then the body."""
    depth = 0
    for i in range(start, len(lines)):
        depth += lines[i].count("{") - lines[i].count("}")
        if depth <= 0:
            try:
                data = json.loads("\n".join(lines[start:i + 1]))
            except ValueError as exc:
                return Split({}, "\n".join(lines), 1, f"the JSON front matter cannot be read: {exc}")
            if isinstance(data, dict):
                return Split(data, "\n".join(lines[i + 1:]), i + 2)
            break
    return Split({}, "\n".join(lines), 1, "")


def _headers(lines: list[str], start: int) -> Split:
    """`Title: …` lines up to the first blank line (Pelican, MultiMarkdown); none: no front matter."""
    meta: dict[str, Any] = {}
    i = start
    while i < len(lines) and lines[i].strip():
        m = _HEADER.match(lines[i])
        if m is None:
            if meta and lines[i][:1] in (" ", "\t"):  # a value continued on the next line
                last = next(reversed(meta))
                meta[last] = f"{meta[last]} {lines[i].strip()}"
                i += 1
                continue
            return Split({}, "\n".join(lines), 1)
        meta[m.group(1).strip().lower()] = m.group(2).strip()
        i += 1
    if not meta or "title" not in meta and "date" not in meta:
        return Split({}, "\n".join(lines), 1)
    return Split(meta, "\n".join(lines[i:]), i + 1)
