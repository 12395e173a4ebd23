"""Read one Markdown file into a Document: front matter as data, with the line of every key.

We split the front matter from the body ourselves (python-frontmatter shifts line numbers,
treats an unclosed block as no front matter and drops non-mapping front matter silently),
and hand only the YAML block to PyYAML, adding the block's offset to every line it reports.
Every problem comes back as a Diagnostic naming the file's own line; nothing here raises
for bad input.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import yaml

from .discover import SourceFile
from .errors import Diagnostic, error, shorten, warning
from .fingerprint import body_field

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

# Front matter is a handful of `key: value` lines; a real one is nested two or three levels
# (consent: obtained:).  Far deeper nesting is a typo or a hostile file, and libyaml's C
# composer recurses on the C stack: tens of thousands of `[` crash the interpreter outright.
MAX_FRONT_MATTER_DEPTH = 50


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
    body: str = body_field()
    body_line: int  # line of the file where the body starts
    digest: str = body_field()  # sha256 of the file's bytes


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(rel: str, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or the reason it is not a UTF-8 text file (with the line of the first bad byte)."""
    if not data.strip():
        return None, error(rel, 1, "file.empty", "the file is empty" if not data else "the file holds only blank lines",
                           "write front matter (a line ---, then title: and date:, then ---) and your text, "
                           "or delete the file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, error(rel, 1, "file.encoding", "the file is saved as UTF-16 text, which sitegen cannot read",
                           "open it in your editor and save it again with the encoding UTF-8")
    nul = data.find(b"\x00")
    if nul != -1:
        return None, error(rel, _line_of_offset(data, nul), "file.binary",
                           f"this is not a text file: it contains a zero byte (at byte offset {nul})",
                           "only Markdown text belongs in content/; images and PDFs go in static/ "
                           "(if this should be text, save it again as plain UTF-8 text)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        line = _line_of_offset(data, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        context = data[max(0, exc.start - 20):exc.start].decode("utf-8", "replace").split("\n")[-1]
        near = f", just after {context!r}" if context.strip() else ""
        return None, error(rel, line, "file.encoding",
                           f"the file is not valid UTF-8 text: byte 0x{bad:02x} at byte offset {exc.start}"
                           f" (column {column}){near}",
                           "save the file again with the encoding UTF-8 (in most editors: Save As → Encoding → UTF-8)")


def parse_document(source: SourceFile, data: bytes) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Split front matter from body and load the YAML; problems come back as diagnostics."""
    rel = source.rel
    digest = hashlib.sha256(data).hexdigest()
    text, problem = _decode(rel, data)
    if text is None:
        return None, (problem,)  # type: ignore[arg-type]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, (error(rel, 1, "file.empty", "the file holds only blank space",
                            "write front matter (a line ---, then title: and date:, then ---) and your text, "
                            "or delete the file"),)
    lines = text.split("\n")
    # Blank lines before the opening --- are forgiven (and counted, so line numbers stay right).
    start = next(i for i, line in enumerate(lines) if line.strip())
    if lines[start].rstrip() != "---":
        from .legacy import foreign_front_matter

        foreign = foreign_front_matter(rel, lines, start)
        if foreign is not None:
            return None, (foreign,)
        return None, (error(rel, start + 1, "front-matter.missing",
                            f"the file does not start with front matter; its first line is {shorten(lines[start])!r}",
                            "put a line with just --- first, then title: and date: lines, then another --- line, "
                            "then your text"),)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        last = _last_key_line(lines, start + 1)
        where = f" after line {last + 1} (the last 'key: value' line)" if last is not None else ""
        return None, (error(rel, start + 1, "front-matter.unclosed",
                            f"the front matter opened by the --- on line {start + 1} is never closed",
                            f"add a line with just ---{where}, between the front matter and your text"),)
    offset = start + 1  # YAML's line 0 is the file's line offset + 1
    block_lines = lines[start + 1:end]
    block = "\n".join(block_lines)
    too_deep = _too_deep(block_lines)
    if too_deep is not None:
        depth, i = too_deep
        return None, (error(rel, i + 1 + offset, "front-matter.too-deep",
                            f"the front matter is nested {depth} levels deep here, more than the "
                            f"{MAX_FRONT_MATTER_DEPTH} sitegen reads: {shorten(block_lines[i])!r}",
                            "front matter is simple 'key: value' lines; look for stray [ { or - characters "
                            "or deep indentation"),)
    try:
        loader = _Loader(block)
        try:
            node = loader.get_single_node()
            problem = _check_nodes(node, rel, offset) if node is not None else None
            if problem is not None:
                return None, (problem,)
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        return None, (_yaml_error(exc, rel, lines, offset, block_lines),)
    except RecursionError:  # the pure-Python loader on deep (but allowed) nesting
        return None, (error(rel, offset + 1, "front-matter.too-deep", "the front matter is nested too deeply to read",
                            "front matter is simple 'key: value' lines; look for stray [ or { characters"),)
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a number with thousands of digits
        return None, (error(rel, offset + 1, "front-matter.yaml", f"the front matter cannot be read: {exc}",
                            "check for very long numbers; put quotes around a value that is not meant as a number"),)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, (error(rel, offset + 1, "front-matter.not-mapping",
                            f"the front matter must be 'key: value' lines, but it is {_kind_of(meta)}: "
                            f"{shorten(block_lines[0] if block_lines else '')!r}",
                            "write one setting per line with a colon and a space, e.g. title: My first week"),)
    diags: list[Diagnostic] = []
    key_lines: dict[str, int] = {}
    positions: dict[str, Position] = {}
    if isinstance(node, yaml.MappingNode):
        _index(node, "", offset, key_lines, positions, diags, rel)
    body_line = end + 2
    body = "\n".join(lines[end + 1:])
    doc = Document(source, MappingProxyType({str(k): v for k, v in meta.items()}), MappingProxyType(key_lines),
                   MappingProxyType(positions), body, body_line, digest)
    return doc, tuple(diags)


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a line of text without a 'key:'"
    return f"a single value ({value!r})"


def _last_key_line(lines: list[str], first: int) -> int | None:
    """Index of the last line of the leading run of `key: value` lines (where --- is probably missing)."""
    last = None
    for i in range(first, len(lines)):
        s = lines[i]
        if re.match(r"^[A-Za-z_][\w-]*:(\s|$)", s) or (last is not None and re.match(r"^\s+\S", s)):
            last = i
        else:
            break
    return last


_FLOW_OPEN, _FLOW_CLOSE = "[{", "]}"
_MARKERS = re.compile(r"^(?:[-?:](?:[ \t]+|$))+")


def _too_deep(block_lines: list[str]) -> tuple[int, int] | None:
    """(depth, line index) of the first place nested deeper than MAX_FRONT_MATTER_DEPTH, else None.

    A cheap over-estimate, checked before YAML sees the text: open brackets (quotes not
    excluded: no real value holds fifty of them), plus `- ` markers and indentation."""
    flow = 0
    for i, line in enumerate(block_lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        m = _MARKERS.match(stripped)
        markers = m.group(0).count(" ") if m else 0  # '- - - x' is three levels
        block_depth = indent // 2 + markers
        if block_depth > MAX_FRONT_MATTER_DEPTH:
            return block_depth, i
        for ch in stripped:
            if ch in _FLOW_OPEN:
                flow += 1
                if flow + block_depth > MAX_FRONT_MATTER_DEPTH:
                    return flow + block_depth, i
            elif ch in _FLOW_CLOSE and flow:
                flow -= 1
    return None


def _check_nodes(root: yaml.Node, rel: str, offset: int) -> Diagnostic | None:
    """Refuse anchors and aliases (&name, *name): they can make a few lines expand into
    millions of values, or a value that contains itself.  Walked without recursion."""
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return error(rel, node.start_mark.line + 1 + offset, "front-matter.alias",
                         "the front matter repeats a value with YAML's & and * marks, which sitegen does not read",
                         "write the value out in full; if a value starts with * or &, put it in quotes: "
                         "title: \"*Why* I stopped\"")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if not isinstance(k, yaml.ScalarNode):
                    return error(rel, k.start_mark.line + 1 + offset, "front-matter.key",
                                 "a front-matter key must be a word, not a list or a mapping",
                                 "write keys as plain words: title:, tags:, date:")
                stack.append(k)
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _index(root: yaml.Node, prefix: str, offset: int, key_lines: dict, positions: dict, diags: list,
           rel: str) -> None:
    """Record the file line of every key and the position of every string value."""
    stack: list[tuple[yaml.Node, str]] = [(root, prefix)]
    while stack:
        node, prefix = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for knode, vnode in node.value:
                key = prefix + str(knode.value)
                line = knode.start_mark.line + 1 + offset
                if key in seen:
                    diags.append(warning(rel, line, "front-matter.duplicate-key",
                                         f"'{knode.value}' is given twice; the last one is used",
                                         f"delete one of the two '{knode.value}:' lines"))
                seen.add(key)
                key_lines.setdefault(key, line)
                if isinstance(vnode, yaml.ScalarNode):
                    positions[key] = _position(vnode, offset)
                else:
                    stack.append((vnode, key + "."))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                key = f"{prefix}{i}"
                key_lines.setdefault(key, item.start_mark.line + 1 + offset)
                if isinstance(item, yaml.ScalarNode):
                    positions[key] = _position(item, offset)
                else:
                    stack.append((item, key + "."))


def _position(node: yaml.ScalarNode, offset: int) -> Position:
    plain = node.style is None and node.start_mark.line == node.end_mark.line
    col = node.start_mark.column + 1 + (1 if node.style in ("'", '"') else 0)
    return Position(node.start_mark.line + 1 + offset, col, plain or node.style in ("'", '"'))


# -- YAML errors in plain words ------------------------------------------------------------

_PROBLEMS = (  # (start of PyYAML's problem text, what it means for a person)
    ("did not find expected ',' or ']'", "a list opened with [ is not closed with ]"),
    ("did not find expected ',' or '}'", "a group opened with { is not closed with }"),
    ("mapping values are not allowed", "a colon followed by a space appears where YAML does not expect one"),
    ("did not find expected key", "there is unexpected text after a value"),
    ("could not find expected ':'", "a line has no 'key:' in front of it"),
    ("found character that cannot start any token", "a value starts with a character YAML reserves"),
    ("found undefined alias", "a value starts with *, which YAML reads as a reference"),
    ("did not find expected alphabetic or numeric character", "a value starts with * or &, which YAML reserves"),
    ("found unexpected end of stream", "the front matter ends in the middle of a value"),
    ("found unknown escape character", "a backslash \\ inside double quotes starts an unknown escape"),
    ("found unhashable key", "a key is a list or a mapping"),
    ("could not determine a constructor for the tag", "a value starts with !, which YAML reads as a type tag"),
    ("did not find expected comment or line break", "a value starts with | or >, which YAML reserves"),
    ("while scanning a quoted scalar", "a quote is opened but never closed"),
)


def _yaml_error(exc: yaml.YAMLError, rel: str, lines: list[str], offset: int, block_lines: list[str]) -> Diagnostic:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    raw = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    line = mark.line + 1 + offset if mark is not None else offset + 1
    line = min(line, offset + len(block_lines)) if block_lines else line  # "end of stream" points past the block
    meaning = next((m for p, m in _PROBLEMS if raw.startswith(p)), None)
    if raw.startswith("found unexpected end of stream") and "quoted scalar" in context:
        meaning = "a quote is opened but never closed"
    ctx_line = context_mark.line + 1 + offset if context_mark is not None else None
    if ctx_line is not None and ctx_line != line and ("flow" in context or "quoted" in context):
        line = ctx_line  # point at the unclosed [ { or quote, not at where YAML gave up
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    prev = lines[line - 2] if line - 2 >= offset else ""
    if raw.startswith("mapping values") and re.match(r"^[\w-]+:[^\s/]", prev.strip()) and ":" not in text[:1]:
        line, text, prev = line - 1, prev, lines[line - 3] if line - 3 >= offset else ""  # `title:Foo` above
        meaning = "a colon has no space after it"
    if raw.startswith("found character that cannot start any token") and "\t" in text:
        meaning = "a line is indented with a tab"
    what = meaning or raw
    message = f"the front matter is not valid YAML: {what}, in {shorten(text.strip())!r}"
    if meaning:
        message += f" (YAML says: {raw})"
    return error(rel, line, "front-matter.yaml", message, _yaml_hint(text, prev, raw, line, block_lines, offset))


_LIST_KEYS = ("tags", "learning", "approach", "pseudonyms", "allow")


def _yaml_hint(line: str, prev: str, raw: str, lineno: int, block_lines: list[str], offset: int) -> str:
    s = line.strip()
    m = re.match(r"^(-\s+)?([\w-]+):\s+(.*)$", s)
    key, value = (m.group(2), m.group(3)) if m else ("", "")
    if "\t" in line[: len(line) - len(line.lstrip())] or raw.startswith("found character") and "\t" in line:
        return "YAML does not allow tabs for indentation: use spaces"
    blank = next((i for i, b in enumerate(block_lines) if not b.strip()), None)
    if blank is not None and lineno - offset - 1 > blank and not re.match(r"^\s*[\w-]+:(\s|$)|^\s*-\s", line):
        last = offset + blank  # the file line just before the blank line
        return (f"the front matter seems to run on into your text: add a line with just --- after line {last}")
    if re.match(r"^[\w-]+:[^\s/]", prev.strip()) and not re.match(r"^[\w-]+:\s", prev.strip()):
        return f"put a space after the colon on the line before: '{prev.strip().split(':', 1)[0]}: …'"
    if re.match(r"^[\w-]+:[^\s/]", s) and not m:
        return f"put a space after the colon: '{s.split(':', 1)[0]}: …'"
    if line[:1] in (" ", "\t") and prev and not prev[:1].isspace() and re.match(r"^[\w-]+:\s*\S", prev.strip()):
        return "this line is indented: start each front-matter line at the left edge, with no spaces before it"
    if value[:1] in ("*", "&", "!", "@", "`", "%", "|", ">"):
        return f"a value starting with {value[0]} needs quotes around it: {key}: \"{value}\""
    if value[:1] in ("[", "{"):
        close = "]" if value[0] == "[" else "}"
        if key in _LIST_KEYS and close not in value:
            return f"close the list with {close}: {key}: {value.rstrip(',')}{close}"
        if key in _LIST_KEYS:
            return f"write the list as {key}: [first, second]; put quotes around an item that contains a comma or a colon"
        return f"a value starting with {value[0]} is read as a list: put quotes around it: {key}: \"{value}\""
    if value[:1] in ('"', "'") and raw.startswith("did not find expected key"):
        q = "'" if value[0] == '"' else '"'
        return f"put the whole value in quotes of the other kind: {key}: {q}{value}{q}"
    if re.search(r":\s", value):
        return f"a value containing ': ' needs quotes around it: {key}: \"{value}\""
    if value[:1] in ('"', "'") and (len(value) < 2 or value[-1] != value[0]):
        return f"end the value with the same quote it starts with: {key}: {value}{value[0]}"
    if value.count('"') % 2:
        return "a quote is opened but not closed on this line"
    if raw.startswith("found unknown escape character"):
        return "use single quotes around a value with backslashes: path: 'C:\\notes'"
    if raw.startswith("could not find expected ':'"):
        return "every front-matter line is 'key: value'; if this line is part of your text, the closing --- is missing above it"
    return "each line is 'key: value'; lists are [a, b] or '- item' lines; quote values containing : or #"
