"""The shape of the build, held by tests: fingerprints follow the dataclasses, settings are declared
once, sitegen's own faults are not blamed on the user, and a worker that dies never hangs the build."""

from __future__ import annotations

import ast
import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitegen
from sitegen import fingerprint
from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.config import SiteConfig, read_table, setting
from sitegen.errors import WorkerFailed
from sitegen.markup import Rendered
from sitegen.model import Item
from sitegen.pool import run_parallel
from sitegen.render import make_env
from tests.conftest import copy_example, write_site

PACKAGE = Path(sitegen.__file__).parent


# -- fingerprints follow the fields -------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class RenderedWithMood(Rendered):
    """A Rendered with one more field, as a future change might add: nothing else is touched."""

    mood: str = ""


def _site_with_one_item(root: Path, rendered: Rendered):
    site = build(write_site(root, {"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n"}),
                 BuildOptions(write=False)).site
    item = dataclasses.replace(site.posts[0], rendered=rendered)
    return dataclasses.replace(site, posts=(item,), neighbours={item.url: (None, None)}), item


def test_a_new_field_on_rendered_is_in_the_key_of_a_list_page(tmp_path):
    base = RenderedWithMood("<p>Text.</p>", "<p>Text.</p>", "text", 1, 1, mood="calm")
    keys = {}
    for mood, html in (("calm", "<p>Text.</p>"), ("calm", "<p>Other text.</p>"), ("brisk", "<p>Text.</p>")):
        site, item = _site_with_one_item(tmp_path / "site", dataclasses.replace(base, mood=mood, html=html))
        env = make_env(tmp_path)
        # What the build records for each file: everything about it, and what a list can show of it.
        per_file = {item.entry.rel: (fingerprint.of((item.entry, item.rendered)),
                                     fingerprint.shown(item.entry, item.rendered))}
        prints = fingerprint.PageKeys(env, site, per_file)
        # index.html lists titles and summaries only; post.html shows the whole text.
        keys[(mood, html)] = (prints.page("index.html", "index.html", {"items": site.posts, "pagination": {}}, False),
                              prints.page("posts/a/index.html", "post.html", {"item": item}, False))
    calm, edited, brisk = keys.values()
    assert calm[0] == edited[0] and calm[1] != edited[1]  # the text: only the post's own page changes
    assert calm[0] != brisk[0] and calm[1] != brisk[1]  # the new field: every page that shows the item


def test_text_derived_fields_are_declared_on_the_fields_themselves():
    from sitegen.parse import Document
    from sitegen.validate import CaseFacts, Entry

    assert fingerprint.body_names(Rendered) == {"html", "text", "words", "refs", "anchors", "search"}
    assert fingerprint.body_names(Document) == {"body", "digest"}
    assert fingerprint.body_names(Entry, CaseFacts) == {"fingerprint"}
    assert not fingerprint.body_names(Item)


def test_list_page_is_rendered_again_when_what_it_shows_changes(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    target = site / "content/posts/where-my-hands-stop.md"
    text = target.read_text()
    target.write_text(text.replace("\n---\n", "\nsummary: A new line for the home page.\n---\n", 1))
    result = build(site, BuildOptions(output=out))
    assert result.rendered >= 2 and "A new line for the home page." in (out / "index.html").read_text()


# -- settings declared once ------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class SiteConfigWithComments(SiteConfig):
    comments: bool = setting(False, "Whether readers may leave comments.")


def test_a_bool_setting_needs_only_its_declaration():
    cfg, diags = read_table(SiteConfigWithComments, {"comments": True, "title": "T"}, {"comments": 2})
    assert cfg.comments is True and cfg.title == "T" and diags == []
    _, diags = read_table(SiteConfigWithComments, {"comments": "yes"}, {"comments": 2})
    assert [str(d) for d in diags] == [
        "site.toml:2: 'comments' must be true or false, not 'yes' — write it like comments = true"]
    _, diags = read_table(SiteConfigWithComments, {"coments": True}, {"coments": 4})
    assert [str(d) for d in diags] == ["site.toml:4: warning: unknown setting 'coments' — did you mean 'comments'?"]


def test_every_setting_has_a_sentence_that_explains_it():
    from sitegen.config import PrivacyConfig

    for cls in (SiteConfig, PrivacyConfig):
        for f in dataclasses.fields(cls):
            assert len(f.metadata.get("doc", "")) > 20, f.name


# -- errors: the user's, or sitegen's own ------------------------------------------------------------

def test_sitegens_own_fault_is_an_internal_error_not_a_template_error(make_site, tmp_path, capsys):
    """url() is sitegen's code: called with a number it fails inside sitegen, which is sitegen's bug."""
    site = make_site({"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n",
                      "templates/post.html": '{% extends "base.html" %}{% block content %}{{ url(5) }}{% endblock %}'})
    code = main(["build", str(site), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3
    assert "internal error — please report it" in err and "template error" not in err
    assert "rendering posts/a/index.html" in err and "Traceback" not in err


def test_a_fault_in_template_code_is_the_templates_error(make_site, tmp_path, capsys):
    site = make_site({"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n",
                      "templates/post.html": '{% extends "base.html" %}{% block content %}\n{{ 1 // 0 }}{% endblock %}'})
    code = main(["build", str(site), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "templates/post.html:2: template error: integer division or modulo by zero" in err


def test_every_exception_class_is_in_the_tree_in_errors_py():
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name) and (b.id.endswith(("Error", "Errors", "Exception")) or b.id in (
                        "BaseException", "SitegenError", "ContentErrors")) for b in node.bases):
                found.append((path.name, node.name))
    assert found and {f for f, _ in found} == {"errors.py"}, found


def test_no_function_is_longer_than_80_lines():
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert long == []


# -- the worker pool never hangs ----------------------------------------------------------------------

def _fails_at_seven(work, i):
    if i == 7:
        raise MemoryError
    return i * work


def _bug_at_five(work, i):
    if i == 5:
        raise KeyError("no such thing")
    return i


@pytest.mark.parametrize("workers", [1, 2])
def test_a_worker_out_of_memory_ends_the_run_naming_the_item(workers):
    with pytest.raises(WorkerFailed) as info:
        run_parallel(_fails_at_seven, 3, 200, workers, lambda i: f"building item {i}")
    assert "building item 7 ran out of memory" in str(info.value)


def test_a_bug_in_a_worker_comes_back_with_the_item_it_was_on():
    with pytest.raises(KeyError) as info:
        run_parallel(_bug_at_five, None, 200, 2, lambda i: f"building item {i}")
    assert "while building item 5" in info.value.__notes__
    assert run_parallel(_bug_at_five, None, 5, 2, str) == [0, 1, 2, 3, 4]


@pytest.mark.slow
def test_a_killed_worker_ends_the_build_within_seconds(tmp_path):
    """SIGKILL one of the build's worker processes: the build stops promptly with a message, exit 2,
    the previous output unchanged and no temporary folder left."""
    site = write_site(tmp_path / "site", {"content/posts/first.md": "---\ntitle: First\ndate: 2023-01-01\n---\n\nOne.\n"})
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_site(site, {f"content/posts/p{i:04}.md": f"---\ntitle: Post {i}\ndate: 2024-01-01\ntags: [t{i % 7}]\n---\n\n"
                      + ("A sentence about pacing and rest in the treatment room. " * 400) for i in range(1200)})
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(site), "-o", str(out), "--clean", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    child = None
    deadline = time.monotonic() + 60
    while child is None and time.monotonic() < deadline and proc.poll() is None:
        kids = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        child = int(kids[0]) if kids else None
        time.sleep(0.05)
    assert child is not None, "the build never started a worker"
    os.kill(child, signal.SIGKILL)
    killed_at = time.monotonic()
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - killed_at < 10
    assert proc.returncode == 2, err
    assert "building content/posts/" in err and "killed by signal 9 (SIGKILL)" in err and "Traceback" not in err
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not [p for p in tmp_path.iterdir() if ".sitegen-tmp" in p.name]


def test_a_reader_that_goes_away_is_not_an_internal_error(tmp_path):
    """`sitegen check | head -1`: the pipe closes early; sitegen stops quietly."""
    site = copy_example(tmp_path / "site")
    unknown = "".join(f"tgas{k}: x\n" for k in range(10))
    for i in range(150):  # over 100 KiB of warnings: more than a pipe holds, so a write must meet the closed pipe
        write_site(site, {f"content/posts/w{i}.md": f"---\ntitle: W {i}\ndate: 2024-01-01\n{unknown}---\n\nText.\n"})
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "check", str(site)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141 and "internal error" not in err and "Traceback" not in err
