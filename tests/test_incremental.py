"""Incremental builds: a second build with no change does nothing, and any incremental build
produces exactly the bytes a clean build of the same input produces."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import CACHE_DIR
from tests.conftest import copy_example, post


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def clean_build(site: Path, tmp: Path) -> dict[str, str]:
    """Build a fresh copy of the site (no cache, no previous output) and return its tree."""
    fresh = tmp / "clean-site"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns(CACHE_DIR, "out*"))
    out = tmp / "clean-out"
    shutil.rmtree(out, ignore_errors=True)
    build(fresh, BuildOptions(output=out, clean=True))
    return tree(out)


def test_second_build_builds_nothing(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    first = build(site, BuildOptions(output=out))
    assert first.parsed > 0 and first.rendered > 0
    before, times = tree(out), mtimes(out)
    second = build(site, BuildOptions(output=out))
    assert second.written is None and second.site is None  # stopped early: nothing to do
    assert tree(out) == before and mtimes(out) == times
    # Touching a file without changing it re-reads it but parses and renders nothing new.
    os.utime(site / "content" / "pages" / "about.md")
    third = build(site, BuildOptions(output=out))
    assert third.parsed == 0 and third.rendered == 0
    assert not third.written.swapped and mtimes(out) == times


def test_editing_one_post_rerenders_only_what_shows_it(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    times = mtimes(out)
    target = site / "content" / "posts" / "where-my-hands-stop.md"
    target.write_text(target.read_text() + "\nOne more sentence at the end.\n")
    result = build(site, BuildOptions(output=out))
    assert result.parsed == 1
    assert 0 < result.rendered < result.pages
    after = mtimes(out)
    changed = {rel for rel in after if after[rel] != times.get(rel)}
    assert "posts/knowing-when-to-refer/index.html" in changed
    # Pages that do not show the post are neither rendered nor rewritten.
    for rel in ("about/index.html", "style.css", "tags/fascia/index.html",
                "case-studies/a-shoulder-that-needed-less-not-more/index.html"):
        assert rel not in changed, rel
    assert tree(out) == clean_build(site, tmp_path)


def test_template_edit_rerenders_pages_but_parses_nothing(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    (site / "templates").mkdir(exist_ok=True)
    theme = Path(__import__("sitegen").__file__).parent / "theme" / "templates" / "post.html"
    (site / "templates" / "post.html").write_text(theme.read_text() + "{# edited #}\n<!-- edited -->\n")
    result = build(site, BuildOptions(output=out))
    assert result.parsed == 0
    essays = [p for p in result.site.posts if p.entry.case is None]
    assert result.rendered == len(essays)  # only pages made from post.html
    assert tree(out) == clean_build(site, tmp_path)


def test_a_scheduled_post_appears_when_its_time_comes(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "posts" / "a.md").write_text(post("A", "2030-01-01"))
    (site / "content" / "posts" / "b.md").write_text(post("B", "2020-01-01"))
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023
    assert not (build(site, BuildOptions(output=out)).site.posts[0].title == "A")
    assert not (out / "posts" / "a").exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030-03
    result = build(site, BuildOptions(output=out))
    assert result.site is not None and (out / "posts" / "a" / "index.html").is_file()


def test_corrupt_cache_is_discarded_with_a_warning(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    (site / CACHE_DIR / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    result = build(site, BuildOptions(output=out))
    assert any(d.code == "cache.discarded" for d in result.diagnostics)
    assert result.parsed > 0
    assert tree(out) == clean_build(site, tmp_path)
    assert build(site, BuildOptions(output=out)).site is None  # and the rebuilt cache works


def test_clean_option_ignores_the_cache(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    first = build(site, BuildOptions(output=out))
    again = build(site, BuildOptions(output=out, clean=True))
    assert again.parsed == first.parsed and again.rendered == first.rendered


# -- random sequences of edits: incremental output == clean output, byte for byte -------------

WORDS = "fascia breath pacing rest shoulder consent boundary hands quiet tension release pressure".split()
TAGS = ["rest", "Self Care", "self-care", "pacing", "bien-être", "fascia", "boundaries"]


def _random_post(rng: random.Random, title: str) -> str:
    tags = rng.sample(TAGS, rng.randint(0, 3))
    body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 30))).capitalize() + "."
                       for _ in range(rng.randint(1, 4)))
    date = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    extra = {"draft": "true"} if rng.random() < 0.15 else {}
    return post(title, date, body, tags="[" + ", ".join(tags) + "]", **extra)


def _mutate(rng: random.Random, site: Path, step: int) -> str:
    posts = sorted((site / "content" / "posts").glob("*.md"))
    action = rng.choice(["edit", "add", "delete", "rename", "retag", "retitle", "template", "config", "page",
                         "static"])
    if action in ("edit", "retag", "retitle", "delete", "rename") and not posts:
        action = "add"
    if action == "edit":
        p = rng.choice(posts)
        p.write_text(p.read_text() + f"\nAdded line {step} about {rng.choice(WORDS)}.\n")
    elif action == "retitle":  # what its neighbours' pages show of it
        p = rng.choice(posts)
        p.write_text("\n".join(f"title: Retitled {step}" if line.startswith("title:") else line
                               for line in p.read_text().split("\n")))
    elif action == "add":
        (site / "content" / "posts" / f"new-{step}.md").write_text(_random_post(rng, f"New {step} {rng.choice(WORDS)}"))
    elif action == "delete":
        rng.choice(posts).unlink()
    elif action == "rename":
        p = rng.choice(posts)
        p.rename(p.with_name(f"renamed-{step}.md"))
    elif action == "retag":
        p = rng.choice(posts)
        text = p.read_text().split("\n")
        text = [f"tags: [{rng.choice(TAGS)}]" if line.startswith("tags:") else line for line in text]
        p.write_text("\n".join(text))
    elif action == "template":
        t = site / "templates" / "base.html"
        t.parent.mkdir(exist_ok=True)
        theme = Path(__import__("sitegen").__file__).parent / "theme" / "templates" / "base.html"
        t.write_text(theme.read_text().replace("</footer>", f"<p>footer note {step}</p></footer>"))
    elif action == "config":
        cfg = site / "site.toml"
        text = cfg.read_text() if cfg.exists() else ""
        lines = [line for line in text.split("\n") if not line.startswith(("posts_per_page", "title"))]
        cfg.write_text(f'title = "Journal {step}"\nposts_per_page = {rng.randint(2, 6)}\n' + "\n".join(lines))
    elif action == "page":
        (site / "content" / "pages" / "about.md").write_text(
            f"---\ntitle: About {step}\n---\n\nAbout text {rng.choice(WORDS)}.\n")
    else:
        (site / "static").mkdir(exist_ok=True)
        (site / "static" / f"note-{step % 2}.txt").write_text(f"static {step}\n")
    return action


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_incremental_equals_clean_after_random_edits(tmp_path, seed):
    rng = random.Random(seed)
    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "pages").mkdir()
    for i in range(6):
        (site / "content" / "posts" / f"p{i}.md").write_text(_random_post(rng, f"Post {i}"))
    (site / "site.toml").write_text('posts_per_page = 3\nbase_url = "https://example.org/"\ntimezone = "Europe/London"\n')
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    done = []
    for step in range(8):
        done.append(_mutate(rng, site, step))
        build(site, BuildOptions(output=out))
        assert tree(out) == clean_build(site, tmp_path), f"after {done}"


def test_files_deleted_from_the_output_by_hand_come_back(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    (out / "about" / "index.html").unlink()
    target = site / "content" / "posts" / "where-my-hands-stop.md"
    target.write_text(target.read_text() + "\nA change, so the build does not stop early.\n")
    build(site, BuildOptions(output=out))
    assert (out / "about" / "index.html").is_file()
    assert tree(out) == clean_build(site, tmp_path)
