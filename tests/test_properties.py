"""Property tests: whatever a file holds, sitegen answers with diagnostics, never a crash,
and never writes outside the output folder."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
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


# -- bounds, names and hosts -------------------------------------------------------------------

from sitegen.discover import discover  # noqa: E402
from sitegen.errors import printable  # noqa: E402
from sitegen.guard import RequestGuard  # noqa: E402
from sitegen.privacy.detect import _resolve  # noqa: E402
from sitegen.validate import MAX_ADDRESS, MAX_TAGS, tag_slug  # noqa: E402

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
spans = st.lists(st.tuples(st.sampled_from(["name", "phone", "email", "date", "register"]),
                           st.integers(0, 200), st.integers(1, 40)).map(lambda t: (t[0], t[1], t[1] + t[2])),
                 max_size=60)


def _resolve_slowly(cands):
    """The definition: most specific, then longest, then first; never two overlapping."""
    from sitegen.privacy.detect import _PRIORITY

    chosen = []
    for c in sorted(set(cands), key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1])):
        if all(c[2] <= o[1] or o[2] <= c[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[1])


@FAST
@given(spans)
def test_overlapping_findings_are_resolved_as_defined(cands):
    assert _resolve(cands) == _resolve_slowly(cands)


@FAST
@given(st.text(max_size=40) | st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")))
def test_printable_text_is_safe_for_a_terminal_and_leaves_plain_text_alone(text):
    shown = printable(text)
    assert not UNSAFE.search(shown)
    if not UNSAFE.search(text):
        assert shown == text


names = st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\0" not in b
                                                  and b not in (b".", b".."))


@BUILDS
@given(names)
def test_any_file_name_is_either_built_or_refused_by_name(raw):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        name = os.fsdecode(raw + b".md")
        (site / "content/posts").mkdir(parents=True)
        (site / "content/posts" / name).write_text("---\ntitle: T\ndate: 2024-01-01\n---\n")
        found = discover(site, site / "no-theme")
        refused = [d for d in found.diagnostics if d.code == "discover.file-name"]
        if UNSAFE.search(name):
            assert not found.sources and len(refused) == 1 and refused[0].is_error
            assert refused[0].path == "content/posts/" + printable(name)
        else:
            assert not refused
        for d in found.diagnostics:
            assert not UNSAFE.search(str(d))


tag_lists = st.lists(st.text(min_size=1, max_size=120) | st.sampled_from(["Self Care", "self-care", "bien-être"]),
                     max_size=80)


@FAST
@given(tag_lists)
def test_tags_make_at_most_max_tags_topics_with_short_addresses(tags):
    data = f"---\n{dump({'title': 'T', 'date': '2024-01-01', 'tags': tags})}---\n\nBody.\n".encode()
    doc, _ = parse_document(source(), data)
    entry, diags = validate_document(doc, CONFIG)
    if entry is not None:
        assert len(entry.tags) <= MAX_TAGS
        assert all(0 < len(tag_slug(t)) <= MAX_ADDRESS for t in entry.tags)
    too_long = [d for d in diags if d.code == "tag.too-long"]
    assert all(d.line is not None and d.line >= 4 for d in too_long)


hosts = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=30)


@FAST
@given(hosts)
def test_the_preview_answers_only_its_own_names(host):
    guard = RequestGuard("127.0.0.1", 8000)
    expected = host.lower() in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000")
    assert guard.host_allowed(host) == expected
