"""A resident process (the preview) builds the same site again and again with a BuildMemory.

What it keeps between builds (each file's result, its items as published, their fingerprints,
their search entries) must never change what is published: after every kind of edit, its
output is byte for byte what a clean build of the same files writes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.errors import ContentErrors
from sitegen.options import BuildMemory
from tests.conftest import copy_example

POSTS = "content/posts"


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(site: Path, rel: str, change) -> None:
    p = site / rel
    p.write_text(change(p.read_text(encoding="utf-8")), encoding="utf-8")


def _new_post(site: Path) -> None:
    (site / POSTS / "a-new-short-note.md").write_text(
        "---\ntitle: A new short note\ndate: 2024-02-03\ntags: [rest, notes from the room]\n---\n\n"
        "Written between two bookings.\n\n## Why it matters\n\nA second paragraph.\n", encoding="utf-8")


EDITS = [
    ("a sentence added", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md", lambda t: t + "\nOne more line.\n")),
    ("a title changed", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md",
                                        lambda t: t.replace("title:", "title: Revised —", 1))),
    ("a tag added", lambda s: _edit(s, f"{POSTS}/the-ten-minutes-between-clients.md",
                                    lambda t: t.replace("tags: [", "tags: [a tag of its own, ", 1))),
    ("a heading added", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md",
                                                    lambda t: t + "\n## A heading added\n\nText under it.\n")),
    ("a link to that heading", lambda s: _edit(s, f"{POSTS}/the-ten-minutes-between-clients.md",
                                               lambda t: t + "\nSee [where my hands stop](where-my-hands-stop.md#a-heading-added).\n")),
    ("the linked post's address changed", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md",
                                                          lambda t: t.replace("slug: knowing-when-to-refer",
                                                                              "slug: when-to-refer", 1))),
    ("the site's title changed", lambda s: _edit(s, "site.toml", lambda t: t.replace('title = "', 'title = "New: ', 1))),
    ("the linked post made a draft", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md",
                                                     lambda t: t.replace("\ntags:", "\ndraft: true\ntags:", 1))),
    ("meanwhile, another post edited", lambda s: _edit(s, f"{POSTS}/what-fascia-taught-me-about-patience.md",
                                                       lambda t: t + "\nA late thought.\n")),
    ("and published again", lambda s: _edit(s, f"{POSTS}/where-my-hands-stop.md",
                                            lambda t: t.replace("\ndraft: true", "", 1))),
    ("a post added", _new_post),
    ("a post removed", lambda s: (s / POSTS / "a-year-of-tuesday-afternoons-off.md").unlink()),
]


@pytest.fixture
def example(tmp_path):
    site = copy_example(tmp_path / "site")
    text = (site / POSTS / "the-ten-minutes-between-clients.md").read_text(encoding="utf-8")
    assert "tags: [" in text  # the edits above rely on the flow style of its tags, and on a slug:
    assert "slug: knowing-when-to-refer" in (site / POSTS / "where-my-hands-stop.md").read_text(encoding="utf-8")
    return site


def test_resident_builds_publish_what_a_clean_build_publishes(example, tmp_path):
    memory = BuildMemory()
    resident = BuildOptions(output=tmp_path / "resident", memory=memory, preview=True)
    build(example, resident)
    for what, edit in EDITS:
        edit(example)
        told = build(example, resident).diagnostics
        fresh = tmp_path / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        should = build(example, BuildOptions(output=fresh, preview=True, clean=True)).diagnostics
        assert [str(d) for d in told] == [str(d) for d in should], f"after {what}"
        got, want = _tree(tmp_path / "resident"), _tree(fresh)
        differ = sorted(k for k in got.keys() | want.keys() if got.get(k) != want.get(k))
        assert differ == [], f"after {what}: {differ}"
        # what the next build takes for the folder's files (instead of reading it) is what is there
        assert memory.output is not None and set(memory.output[1]) == set(got) - {".sitegen-output"}


def test_an_item_nothing_touched_is_kept_whole_with_its_fingerprint(example, tmp_path):
    memory = BuildMemory()
    options = BuildOptions(output=tmp_path / "out", memory=memory, preview=True)
    build(example, options)
    before = {rel: done.item for rel, done in memory.items.items()}
    assert len(before) >= 10 and memory.item_keys and memory.extras
    EDITS[0][1](example)
    build(example, options)
    edited = f"{POSTS}/where-my-hands-stop.md"
    now = {rel: done.item for rel, done in memory.items.items()}
    kept = {rel for rel, item in now.items() if before.get(rel) is item}
    assert kept == set(before) - {edited}  # every other item is the very same object
    assert now[edited] is not before[edited]
    # and the fingerprints handed to the next build are those of the items now published
    assert {id(item) for item in now.values()} <= set(memory.item_keys)


def test_a_link_broken_by_an_edit_elsewhere_in_its_own_text_is_found_by_a_resident_build(example, tmp_path):
    """The link itself is unchanged; the heading it points at (on the same page) is renamed."""
    memory = BuildMemory()
    options = BuildOptions(output=tmp_path / "out", memory=memory, preview=True)
    post = f"{POSTS}/the-ten-minutes-between-clients.md"
    _edit(example, post, lambda t: t + "\n## Short breaks\n\nBack to [the top of this part](#short-breaks).\n")
    build(example, options)
    _edit(example, post, lambda t: t.replace("## Short breaks", "## Longer breaks"))
    with pytest.raises(ContentErrors) as caught:
        build(example, options)
    assert any(d.code == "link.anchor" and d.path == post for d in caught.value.diagnostics)


def test_a_build_after_a_preview_renders_only_what_changed_since_the_last_build(example, tmp_path):
    """The preview writes into a folder of its own; the cache goes on describing the site's real
    output, so publishing after an evening of previewing does not render every page again."""
    output = tmp_path / "output"
    first = build(example, BuildOptions(output=output))
    memory = BuildMemory()
    preview = BuildOptions(output=tmp_path / "preview", memory=memory, preview=True)
    build(example, preview)
    EDITS[0][1](example)
    build(example, preview)
    again = build(example, BuildOptions(output=output))
    assert 0 < again.rendered < first.rendered / 3, (again.rendered, first.rendered)
    fresh = tmp_path / "fresh"
    build(example, BuildOptions(output=fresh, clean=True))
    assert _tree(output) == _tree(fresh)
