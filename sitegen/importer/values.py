"""What the old site's templates put in place of `{{ site.x }}` and `{% include x %}`: the values of its
settings and data files, and the text of its include files.

A post may write `{{ site.data.social.mastodon }}` or `{{ site.author.email }}` (Jekyll,
Eleventy), and the old site filled it in from `_config.yml`, `_data/social.yml` or
`_data/site.json`.  The import does the same once, so the page shows the address or the
name, not the template.  Only plain values (text and numbers) are used, through the few
filters that leave them as they are or change only their case; an include file is written
in only when it is plain text (no template syntax of its own).  Anything else stays template
syntax, shown as code and reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .files import MAX_FILE, walk

_EXPR = re.compile(r"\{\{-?\s*(?P<path>[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[\"'][^\"'\]]+[\"']\])*)\s*"
                   r"(?P<filters>(?:\|\s*\w+(?:\s*:\s*(?:\"[^\"]*\"|'[^']*'|[\w.]+))?\s*)*)-?\}\}")
_FILTER = re.compile(r"\|\s*(\w+)(?:\s*:\s*(\"[^\"]*\"|'[^']*'|[\w.]+))?")
# Filters that leave a plain value as it is for a page (addresses are made to work by links.py)
_SAME = {"relative_url", "absolute_url", "url", "escape", "xml_escape", "uri_escape", "encode_email", "strip",
         "htmlBaseUrl", "safe", "markdownify", "smartify"}
_CASE = {"downcase": str.lower, "upcase": str.upper, "capitalize": str.capitalize}
DATA_SUFFIXES = (".yml", ".yaml", ".json")


def data_files(folder: Path) -> dict[str, Any]:
    """The data files under folder (Jekyll's and Eleventy's _data), by name: _data/social.yml → {"social": …}."""
    data: dict[str, Any] = {}
    if not folder.is_dir():
        return data
    for path in walk(folder, set()):
        if path.suffix.lower() not in DATA_SUFFIXES:
            continue
        try:
            if path.stat().st_size > MAX_FILE:
                continue
            text = path.read_text(encoding="utf-8")
            value = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
            continue  # a data file the import cannot read is one it cannot use: its values stay templates
        parts = path.relative_to(folder).with_suffix("").parts
        node = data
        for part in parts[:-1]:
            node = node.setdefault(part, {}) if isinstance(node.get(part, {}), dict) else {}
        node[parts[-1]] = value
    return data


MAX_INCLUDE = 100_000  # an include file this long is a template, not a snippet of text


def include_files(folder: Path) -> dict[str, str]:
    """The include files under folder (_includes/) that are plain text, by the name a tag gives them."""
    found: dict[str, str] = {}
    if not folder.is_dir():
        return found
    for path in walk(folder, set()):
        try:
            if path.stat().st_size > MAX_INCLUDE:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "{%" not in text and "{{" not in text and text.strip():
            found[path.relative_to(folder).as_posix()] = text.strip()
    return found


def lookup(values: Mapping[str, Any], path: str) -> str | None:
    """The plain value at site.author.email (or site["author"]), or None."""
    node: Any = values
    for m in re.finditer(r"[A-Za-z_][\w-]*|\[[\"']([^\"'\]]+)[\"']\]", path):
        part = m.group(1) or m.group(0)
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    if isinstance(node, bool) or not isinstance(node, (str, int, float)):
        return None
    return str(node)


def fill(text: str, values: Mapping[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """Every {{ name.path | filter }} in text whose value is known, replaced by it; and (expression, value)
    for each."""
    if "{{" not in text or not values:
        return text, []
    filled: list[tuple[str, str]] = []

    def one(m: re.Match) -> str:
        value = lookup(values, m.group("path"))
        if value is None:
            return m.group(0)
        for name, _ in _FILTER.findall(m.group("filters")):
            if name in _CASE:
                value = _CASE[name](value)
            elif name not in _SAME:
                return m.group(0)
        filled.append((m.group(0), value))
        return value

    return _EXPR.sub(one, text), filled
