"""Property tests: whatever a file holds, sitegen answers with diagnostics, never a crash,
and never writes outside the output folder."""

from __future__ import annotations

import contextlib
import hashlib
import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.config import SiteConfig
from sitegen.discover import Kind, SourceFile
from sitegen.errors import ConfigError, ContentErrors
from sitegen.markup import render_markdown
from sitegen.parse import parse_document
from sitegen.validate import CASE_KEYS, COMMON_KEYS, PAGE_KEYS, validate_document

CONFIG = SiteConfig()
KINDS = {Kind.ESSAY: "posts", Kind.CASE_STUDY: "case-studies", Kind.PAGE: "pages"}

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
scalars = (st.none() | st.booleans() | st.integers(min_value=-10**30, max_value=10**30) | st.floats()
           | text | st.dates().map(str) | st.sampled_from(["2024-13-45", "2024-02-30", "yes", "no", "", "..", "../x"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=3),
                      max_leaves=12)
keys = st.sampled_from(COMMON_KEYS + CASE_KEYS + PAGE_KEYS + ("tgas", "Title", "consent.form")) | text
front_matter = st.dictionaries(keys, values, max_size=8)

# Text made of the characters that mean something to YAML, so most of it is broken YAML.
yaml_text = st.lists(st.sampled_from(list("ab1-:#[]{}*&!|>'\"%@`,?\n\t ") + ["title: ", "date: ", "\n  - "]),
                     max_size=80).map("".join)

markdown_piece = st.sampled_from(["> ", ">", "- ", "* ", "1. ", "    ", "  ", "\t", "\n", "\n\n", "[", "]", "(", ")",
                                  "<", ">", "`", "```", "*", "_", "#", "|", "---", "![", "[^1]", "[^1]: ", "&", "\\",
                                  "<div>", "</div>", "word ", "<!-- more -->", "http://x"])
nested = st.tuples(st.sampled_from(["> ", ">", "- ", "    - ", "  ", "1. ", "[", "("]),
                   st.integers(min_value=1, max_value=3000)).map(lambda t: t[0] * t[1] + "deep\n")
markdown = st.lists(markdown_piece | nested | text, max_size=40).map("".join)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILDS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def source(kind: Kind = Kind.ESSAY) -> SourceFile:
    rel = f"content/{KINDS[kind]}/a.md"
    return SourceFile(Path("/site") / rel, rel, kind)


def dump(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)


@FAST
@given(front_matter, st.sampled_from(list(KINDS)))
def test_any_front_matter_mapping_gives_diagnostics(meta, kind):
    data = f"---\n{dump(meta)}---\n\nBody.\n".encode()
    doc, diags = parse_document(source(kind), data)
    if doc is not None:
        entry, found = validate_document(doc, CONFIG)
        diags += found
        assert entry is not None or any(d.is_error for d in diags)
    for d in diags:
        assert d.path == source(kind).rel and (d.line is None or d.line >= 1) and d.message


@FAST
@given(yaml_text, st.binary(max_size=20))
def test_any_front_matter_text_gives_diagnostics(block, tail):
    data = f"---\n{block}\n---\n\nBody.\n".encode() + tail
    doc, diags = parse_document(source(), data)
    if doc is not None:
        validate_document(doc, CONFIG)
    else:
        assert any(d.is_error for d in diags)
    lines = data.count(b"\n") + 1
    assert all(d.line is None or 1 <= d.line <= lines for d in diags)


@FAST
@given(markdown)
def test_any_markdown_renders_or_is_reported(body):
    rendered, diags = render_markdown(body, "content/posts/a.md", 5)
    assert rendered is not None or any(d.is_error and d.line >= 5 for d in diags)


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _write(site: Path, posts: list[tuple[Kind, str, str]]) -> None:
    for i, (kind, head, body) in enumerate(posts):
        p = site / "content" / KINDS[kind] / f"p{i}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"---\n{head}---\n\n{body}\n", encoding="utf-8")
    (site / "site.toml").write_text('title = "Notes"\nbase_url = "https://example.org/"\n', encoding="utf-8")


posts = st.lists(st.tuples(st.sampled_from(list(KINDS)),
                           front_matter.map(dump) | yaml_text | st.just("title: Fine\ndate: 2024-01-01\n"),
                           markdown), min_size=1, max_size=3)


def _outside_output(root: Path) -> dict[str, str]:
    """Every file under root except the output folder and the site's build cache."""
    return {k: v for k, v in _files(root).items()
            if not k.startswith(("out/", "site/.sitegen-cache/"))}


@BUILDS
@given(posts)
def test_a_build_raises_only_content_or_config_errors(items):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write(root / "site", items)
        before = _outside_output(root)
        try:
            build(root / "site", BuildOptions(output=root / "out"))
        except (ContentErrors, ConfigError) as exc:
            assert exc.diagnostics
        assert _outside_output(root) == before
        assert [p.name for p in root.iterdir()] in (["site"], ["site", "out"], ["out", "site"])


@BUILDS
@given(posts)
def test_the_command_line_exits_0_1_or_2_without_a_traceback(items):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write(root / "site", items)
        before = _outside_output(root)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["build", str(root / "site"), "-o", str(root / "out")])
        assert code in (0, 1, 2), err.getvalue()
        assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
        assert _outside_output(root) == before
