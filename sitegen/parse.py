"""Read one Markdown file into a Document: front matter as data, with the line of every key."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from .discover import SourceFile
from .errors import Diagnostic, error, warning

try:  # the C loader is several times faster; fall back to the pure-Python one
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """YAML as a person means it: dates stay text (we parse them with good messages) and only
    true/false are booleans, so `title: No` is the word "No", not False."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based line in the file
    column: int  # 1-based column of the value's first character
    plain: bool  # written on one line without quotes or block style: offsets map 1:1


@dataclass(frozen=True, slots=True)
class Document:
    source: SourceFile
    meta: Mapping[str, Any]
    key_lines: Mapping[str, int]  # "title" → 2, "consent.obtained" → 12
    value_positions: Mapping[str, Position]  # "approach.1" → where that string value starts
    body: str
    body_line: int  # line of the file where the body starts
    digest: str  # sha256 of the file's bytes


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_document(source: SourceFile, data: bytes) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Split front matter from body and load the YAML; problems come back as diagnostics."""
    rel = source.rel
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return None, (error(rel, 1, "file.empty", "the file is empty",
                            "add front matter (--- title: … date: … ---) and some text, or delete the file"),)
    nul = data.find(b"\x00")
    if nul != -1:
        return None, (error(rel, _line_of_offset(data, nul), "file.binary",
                            f"this is not a text file (a zero byte at offset {nul})",
                            "only Markdown text belongs in content/; put images in static/"),)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        return None, (error(rel, _line_of_offset(data, exc.start), "file.encoding",
                            f"not valid UTF-8: byte 0x{bad:02x} at offset {exc.start}",
                            "re-save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"),)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, (error(rel, 1, "front-matter.missing", "the file does not start with front matter",
                            "put a line with --- first, then title: and date:, then another ---, then your text"),)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, (error(rel, 1, "front-matter.unclosed", "the front matter opened on line 1 is never closed",
                            "add a line with just --- after the last front-matter line"),)
    block = "\n".join(lines[1:end])
    offset = 1  # YAML line 0 is file line 2
    try:
        loader = _Loader(block)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + offset if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, (error(rel, line, "front-matter.yaml", f"front matter is not valid YAML: {problem}",
                            _yaml_hint(lines[line - 1] if line - 1 < len(lines) else "")),)
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. an unhashable key
        return None, (error(rel, 2, "front-matter.yaml", f"front matter cannot be read: {exc}"),)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, (error(rel, 2, "front-matter.not-mapping",
                            f"front matter must be 'key: value' lines, not a {type(meta).__name__}",
                            "write it as title: …, date: …, one per line"),)
    diags: list[Diagnostic] = []
    key_lines: dict[str, int] = {}
    positions: dict[str, Position] = {}
    if node is not None and isinstance(node, yaml.MappingNode):
        _index(node, "", offset, key_lines, positions, diags, rel)
    body_line = end + 2
    body = "\n".join(lines[end + 1:])
    doc = Document(source, MappingProxyType({str(k): v for k, v in meta.items()}), MappingProxyType(key_lines),
                   MappingProxyType(positions), body, body_line, digest)
    return doc, tuple(diags)


def _index(node: yaml.Node, prefix: str, offset: int, key_lines: dict, positions: dict, diags: list, rel: str) -> None:
    """Record the file line of every key and the position of every string value."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for knode, vnode in node.value:
            key = prefix + str(knode.value)
            line = knode.start_mark.line + 1 + offset
            if key in seen:
                diags.append(warning(rel, line, "front-matter.duplicate-key",
                                     f"'{knode.value}' is given twice; the last one is used", "delete one of them"))
            seen.add(key)
            key_lines.setdefault(key, line)
            _index(vnode, key + ".", offset, key_lines, positions, diags, rel)
            if isinstance(vnode, yaml.ScalarNode):
                positions[key] = _position(vnode, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            key = f"{prefix}{i}"
            key_lines.setdefault(key, item.start_mark.line + 1 + offset)
            if isinstance(item, yaml.ScalarNode):
                positions[key] = _position(item, offset)
            else:
                _index(item, key + ".", offset, key_lines, positions, diags, rel)


def _position(node: yaml.ScalarNode, offset: int) -> Position:
    plain = node.style is None and node.start_mark.line == node.end_mark.line
    col = node.start_mark.column + 1 + (1 if node.style in ("'", '"') else 0)
    return Position(node.start_mark.line + 1 + offset, col, plain or node.style in ("'", '"'))


def _yaml_hint(line: str) -> str:
    s = line.strip()
    if "\t" in line:
        return "YAML does not allow tabs for indentation: use spaces"
    if re.match(r"^[\w-]+:\S", s):
        return "put a space after the colon: 'key: value'"
    if re.match(r"^[\w-]+:\s.*:\s", s):
        return "a value containing ': ' needs quotes: title: \"Part one: beginnings\""
    if s.count('"') % 2 or s.count("'") % 2:
        return "a quote is opened but not closed on this line"
    return "each line is 'key: value'; lists are [a, b] or '- item' lines; quote values containing : or #"
