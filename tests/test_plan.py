"""Planning the pages in two processes (plan.py) and the pool's second process (pool.beside)."""

from __future__ import annotations

import json
import os

import pytest

from sitegen import plan, quick
from sitegen.build import BuildOptions, assemble, build
from sitegen.errors import ContentErrors, WorkerFailed
from sitegen.perfile import process, read_sources
from sitegen.pool import beside
from sitegen.render import render_extras
from tests.conftest import post, write_site

SITE = 'title = "Notes"\nauthor = "Ana Roe"\nbusiness = "Roe Massage"\nbase_url = "https://example.org/"\n' \
       'posts_per_page = 2\n'


def _big_site(root, n=300):
    """More pages than plan.SIDE_MIN: n posts, two to a list page, in five topics."""
    files = {"site.toml": SITE}
    for i in range(n):
        files[f"content/posts/note-{i:03d}.md"] = post(
            f"Note {i}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", f"A short note, number {i}, about pacing.",
            tags=f"[topic {i % 5}, shared]")
    return write_site(root, files)


def _planned(site, jobs):
    start = quick.start(site, BuildOptions(jobs=jobs))
    cache = quick.open_cache(start.site_dir)
    try:
        sources = read_sources(start, cache)
        processed = process(sources, start, cache)
        assembled = assemble(processed, sources, start, cache)
        return plan.plan_pages(assembled, processed, sources, start, cache), assembled
    finally:
        cache.close()


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    return _big_site(tmp_path_factory.mktemp("big") / "site")


def test_keys_worked_out_in_two_processes_are_the_ones_one_process_finds(big_site):
    alone, _ = _planned(big_site, jobs=1)
    shared, assembled = _planned(big_site, jobs=2)
    assert len(alone.pages) >= plan.SIDE_MIN
    assert dict(shared.keys) == dict(alone.keys)
    assert shared.pages == alone.pages  # the same order: the sitemap and the write go by it
    assert [j.rel for j in shared.todo] == [j.rel for j in alone.todo]
    assert alone.made_extras is None  # one process: made when rendering, as before
    made = {f.rel: f.data for f in shared.made_extras}
    assert made == {f.rel: f.data for f in render_extras(assembled.site, None, alone.pages)}
    assert b"note-123" in made["search-index.json"]


def test_a_big_site_built_with_one_process_or_two_is_the_same_and_an_edit_renders_the_same_pages(tmp_path):
    from tests.test_invalid import tree_hashes

    sites = [_big_site(tmp_path / name) for name in ("one", "two")]
    results = [build(site, BuildOptions(jobs=jobs)) for site, jobs in zip(sites, (1, 2))]
    assert results[0].pages == results[1].pages >= plan.SIDE_MIN
    assert tree_hashes(sites[0] / "output") == tree_hashes(sites[1] / "output")
    for site in sites:  # a paragraph added to one post: its page and its neighbours', the search index
        (site / "content" / "posts" / "note-007.md").write_text(
            post("Note 7", "2024-08-08", "A short note, number 7, about pacing.\n\nAnd one about rest.",
                 tags="[topic 2, shared]"), encoding="utf-8")
    again = [build(site, BuildOptions(jobs=jobs)) for site, jobs in zip(sites, (1, 2))]
    assert again[0].rendered == again[1].rendered
    assert 2 <= again[1].rendered < 20
    assert tree_hashes(sites[0] / "output") == tree_hashes(sites[1] / "output")
    index = json.loads((sites[1] / "output" / "search-index.json").read_text(encoding="utf-8"))
    assert "rest" in next(e for e in index if e["u"] == "posts/note-007/")["x"].split()


def test_a_broken_list_template_is_reported_as_with_one_process(tmp_path):
    sites = [_big_site(tmp_path / name, n=300) for name in ("one", "two")]
    messages = []
    for site, jobs in zip(sites, (1, 2)):
        write_site(site, {"templates/tag.html": '{% extends "base.html" %}{% block main %}{% if %}{% endblock %}'})
        with pytest.raises(ContentErrors) as err:
            build(site, BuildOptions(jobs=jobs))
        messages.append([(d.path, d.line, d.message) for d in err.value.diagnostics])
    assert messages[0] == messages[1]
    assert messages[0][0][0] == "templates/tag.html"
    assert not (sites[1] / "output").exists()  # nothing written


def _answer(work, i):
    return work * 2, i, os.getpid()


def _fails(work, i):
    raise ValueError(f"no {work}")


def _dies(work, i):
    os._exit(3)


def test_beside_runs_its_task_in_another_process_while_this_one_goes_on():
    with beside(_answer, 21, "doubling") as result:
        here = sum(range(1000))
        doubled, index, pid = result()
    assert (doubled, index, here) == (42, 0, 499500)
    assert pid != os.getpid()


def test_beside_raises_what_its_task_raised_with_what_it_was_doing():
    with pytest.raises(ValueError, match="no pages") as err, beside(_fails, "pages", "keying the pages") as result:
        result()
    assert "while keying the pages" in err.value.__notes__[-1]


def test_beside_says_which_work_it_was_on_when_its_process_dies():
    with pytest.raises(WorkerFailed, match="keying the pages: the process doing it stopped with exit code 3"), \
            beside(_dies, None, "keying the pages") as result:
        result()
