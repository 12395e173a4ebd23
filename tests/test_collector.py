"""The cycle collector during a build (collector.py), and a build going on from the no-change check."""

from __future__ import annotations

import gc
import os
import time

import pytest

from sitegen import collector
from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.errors import ContentErrors
from sitegen.pool import run_parallel
from sitegen.quick import try_unchanged
from tests.conftest import copy_example, post


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _collecting(_work, _i):
    return gc.isenabled()


def test_items_done_here_one_after_another_are_collected_and_few_are_not(collector_on):
    with collector.paused():
        assert not gc.isenabled()
        many = run_parallel(_collecting, None, collector.COLLECT_MIN, 1, str)
        few = run_parallel(_collecting, None, 3, 1, str)
        assert not gc.isenabled()  # paused again once the items are done
    assert many == [True] * collector.COLLECT_MIN
    assert few == [False] * 3
    assert gc.isenabled()


def test_workers_collect_although_the_build_has_paused_the_collector(collector_on):
    with collector.paused():
        in_workers = run_parallel(_collecting, None, 64, 2, str)
    assert in_workers == [True] * 64


def test_a_build_leaves_the_collector_as_it_found_it(tmp_path, collector_on):
    site = copy_example(tmp_path / "site")
    build(site, BuildOptions(output=tmp_path / "out"))
    assert gc.isenabled()
    gc.disable()
    (site / "content" / "posts" / "extra.md").write_text(post("Extra", "2024-03-01"), encoding="utf-8")
    build(site, BuildOptions(output=tmp_path / "out"))
    assert not gc.isenabled()
    gc.enable()
    (site / "content" / "posts" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        build(site, BuildOptions(output=tmp_path / "out"))
    assert gc.isenabled()
    assert gc.get_threshold()[0] < collector.YOUNG  # the threshold put back too


def test_the_command_line_build_in_this_process_turns_the_collector_back_on(tmp_path, collector_on):
    site = copy_example(tmp_path / "site")
    assert main(["build", str(site), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert gc.isenabled()


def test_a_build_goes_on_from_the_no_change_check(tmp_path):
    site = copy_example(tmp_path / "site")
    opts = BuildOptions(output=tmp_path / "out")
    build(site, opts)
    look = try_unchanged(site, opts)
    assert look.answer is not None and look.start is None  # nothing changed: answered, nothing left open
    target = site / "content" / "posts" / "extra.md"
    target.write_text(post("Extra", "2024-03-01", "A new post."), encoding="utf-8")
    os.utime(target, (time.time() - 10, time.time() - 10))  # not so recent that its time proves nothing
    look = try_unchanged(site, opts)
    assert look.answer is None and look.start is not None and look.cache is not None
    result = build(site, opts, look)
    assert (tmp_path / "out" / "posts" / "extra" / "index.html").is_file()
    assert result.pages > 0
    assert look.cache._db is None  # closed by the build it was handed to
    assert try_unchanged(site, opts).answer is not None  # and that build left its record for the next


def test_results_made_in_workers_are_the_ones_worked_out_here_and_the_cache_reads_them(tmp_path):
    """Workers hand each result back as the cache stores it (perfile._stored_task): the site is
    byte for byte the one a single process builds, and the next build reads every file back."""
    from tests.test_invalid import tree_hashes

    sites = []
    for name in ("here", "workers"):
        site = tmp_path / name
        copy_example(site)
        for i in range(70):  # past PARALLEL_MIN: shared among workers
            (site / "content" / "posts" / f"many-{i:02d}.md").write_text(
                post(f"Note {i}", f"2024-02-{1 + i % 28:02d}", f"A note about [the first](many-00.md) week, {i}.",
                     tags=f"[topic {i % 5}]"), encoding="utf-8")
        sites.append(site)
    first = build(sites[0], BuildOptions(jobs=1))
    spread = build(sites[1], BuildOptions(jobs=2))
    assert spread.parsed == first.parsed > 70
    assert tree_hashes(sites[0] / "output") == tree_hashes(sites[1] / "output")
    (sites[1] / "content" / "posts" / "many-05.md").write_text(post("Note five", "2024-02-06", "Changed."),
                                                                encoding="utf-8")
    again = build(sites[1], BuildOptions(jobs=2))
    assert again.parsed == 1  # every other file read back from the cache the workers filled
    assert "cache" not in " ".join(d.code for d in again.diagnostics)
