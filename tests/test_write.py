"""The output folder: atomic replacement, recovery after a kill, and byte-identical rebuilds."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.discover import StaticFile
from sitegen.errors import UnsafeOutputError
from sitegen.render import OutputFile
from sitegen.safewrite import JOURNAL, MARKER, recover, signals_deferred
from sitegen.write import write_output
from tests.conftest import EXAMPLE_PARTS, REPO, copy_example, write_site
from tests.test_invalid import leftovers, tree_hashes


def files(pages: dict[str, str]) -> list[OutputFile]:
    return [OutputFile(rel, text.encode()) for rel, text in pages.items()]


@pytest.fixture
def out(tmp_path):
    out = tmp_path / "out"
    write_output(out, files({"index.html": "home", "posts/a/index.html": "a"}), [])
    return out


def test_first_write_creates_a_marked_folder(out):
    assert (out / MARKER).is_file()
    assert (out / "posts/a/index.html").read_text() == "a"
    assert leftovers(out) == []


def test_a_failure_mid_write_leaves_the_old_output(out, tmp_path):
    before = tree_hashes(out)
    missing_static = StaticFile(tmp_path / "gone.png", "static/gone.png", "gone.png")
    with pytest.raises(FileNotFoundError):
        write_output(out, files({"index.html": "new home", "b.html": "b"}), [missing_static])
    assert tree_hashes(out) == before
    assert leftovers(out) == []
    with pytest.raises(OSError):  # a file where a folder must go: fails part-way through the tree
        write_output(out, files({"x": "file", "x/y": "under a file"}), [])
    assert tree_hashes(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("rel", ["../escape.html", "/etc/passwd", "a/../../b", "", "a//b", ".sitegen-output",
                                 "a\\..\\b", "./a"])
def test_no_path_may_lead_outside_the_output(out, tmp_path, rel):
    before = tree_hashes(tmp_path)
    with pytest.raises(UnsafeOutputError):
        write_output(out, [OutputFile(rel, b"x")], [])
    assert tree_hashes(tmp_path) == before


def test_an_unchanged_output_is_left_as_it_is(out):
    inode = (out / "index.html").stat().st_ino
    result = write_output(out, files({"index.html": "home", "posts/a/index.html": "a"}), [])
    assert not result.swapped and (out / "index.html").stat().st_ino == inode


def test_a_journal_left_by_a_kill_is_rolled_forward(out):
    """Killed after the commit point: the next build finishes the update from the journal."""
    marker_inode = (out / MARKER).stat().st_ino
    tmp = out.parent / f".{out.name}.sitegen-tmp-999999999"
    (tmp / "posts/a").mkdir(parents=True)
    (tmp / MARKER).write_text("x")
    (tmp / "posts/a/index.html").write_text("a, updated")
    (tmp / JOURNAL).write_text('{"staged": ["posts/a/index.html"], "removed": ["index.html"]}')
    recover(out)
    assert (out / "posts/a/index.html").read_text() == "a, updated"
    assert not (out / "index.html").exists()
    assert leftovers(out) == []
    # The output changed outside a completed build: its identity changes, so no cached
    # "nothing to do" answer can be trusted for it.
    assert (out / MARKER).stat().st_ino != marker_inode


def test_a_journal_cannot_reach_outside_the_output(out, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    tmp = out.parent / f".{out.name}.sitegen-tmp-999999999"
    tmp.mkdir()
    (tmp / MARKER).write_text("x")
    (tmp / JOURNAL).write_text('{"staged": [], "removed": ["../victim.txt"]}')
    with pytest.raises(UnsafeOutputError):
        recover(out)
    assert victim.read_text() == "mine"


def test_an_output_lost_between_two_renames_is_restored(out):
    before = tree_hashes(out)
    parked = out.parent / f".{out.name}.sitegen-old-999999999"
    os.rename(out, parked)
    recover(out)
    assert tree_hashes(out) == before and leftovers(out) == []


def test_signals_are_held_during_the_swap_and_delivered_after():
    seen: list[str] = []

    class Stop(Exception):
        pass

    def handler(signum, frame):
        raise Stop()

    old = signal.signal(signal.SIGTERM, handler)
    try:
        with pytest.raises(Stop):
            with signals_deferred():
                os.kill(os.getpid(), signal.SIGTERM)
                seen.append("finished the step")
        assert seen == ["finished the step"]
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, old)


# -- reproducible output -------------------------------------------------------------------------

def _copy_reversed(dest: Path) -> Path:
    """The example site copied file by file in reverse order: a different directory order on disk."""
    paths = []
    for part in EXAMPLE_PARTS:
        src = REPO / part
        paths += [src] if src.is_file() else [p for p in src.rglob("*") if p.is_file()]
    for src in sorted(paths, reverse=True):
        target = dest / src.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    return dest


def test_the_example_site_builds_byte_identical_output(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = copy_example(tmp_path / "a")
    b = _copy_reversed(tmp_path / "b")
    build(a, BuildOptions(output=tmp_path / "out-a"))
    build(b, BuildOptions(output=tmp_path / "out-b"))
    build(a, BuildOptions(output=tmp_path / "out-a2", clean=True))
    first = tree_hashes(tmp_path / "out-a")
    assert len(first) > 20
    assert tree_hashes(tmp_path / "out-b") == first
    assert tree_hashes(tmp_path / "out-a2") == first


def test_equal_dates_are_ordered_the_same_whatever_the_file_order(tmp_path):
    names = [f"post-{c}" for c in "qwertyuiop"]
    trees = []
    for n, order in enumerate((names, list(reversed(names)))):
        site = tmp_path / f"site{n}"
        for name in order:  # created in a different order each time
            write_site(site, {f"content/posts/{name}.md": f"---\ntitle: {name}\ndate: 2024-05-05\ntags: [same]\n---\n\nText.\n"})
        build(site, BuildOptions(output=tmp_path / f"out{n}"))
        trees.append(tree_hashes(tmp_path / f"out{n}"))
    assert trees[0] == trees[1]


def test_a_static_file_changed_to_new_bytes_of_the_same_length_is_copied_again(tmp_path):
    """Within the same second as the last build (found by the killed-builds test)."""
    site = write_site(tmp_path / "site", {"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n",
                                          "static/colour.css": "a { color: #123456 }\n"})
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    (site / "static/colour.css").write_text("a { color: #654321 }\n")
    build(site, BuildOptions(output=out))
    assert (out / "colour.css").read_text() == "a { color: #654321 }\n"


def test_a_copy_with_other_times_is_given_the_sources_time_once_its_bytes_match(tmp_path):
    """A site folder copied without its times (cp -r), or a cache made again, leaves output
    files equal to their sources under other times: the build reads both, and then gives the
    copy the source's time, so the next build can tell them equal without reading them."""
    site = write_site(tmp_path / "site", {"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n",
                                          "static/colour.css": "a { color: #123456 }\n",
                                          "static/other.css": "b { color: #123456 }\n"})
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    source, other = site / "static/colour.css", site / "static/other.css"
    old = 1_600_000_000_000_000_000
    os.utime(source, ns=(old, old))
    os.utime(other, ns=(old, old))
    other.write_text("b { color: #abcdef }\n")  # new bytes of the same length, the old time kept
    os.utime(other, ns=(old, old))
    assert (out / "colour.css").stat().st_mtime_ns != old
    build(site, BuildOptions(output=out))
    assert (out / "colour.css").read_text() == "a { color: #123456 }\n"
    assert (out / "colour.css").stat().st_mtime_ns == old
    assert (out / "other.css").read_text() == "b { color: #abcdef }\n"  # told apart by its bytes


def test_a_held_output_is_read_once_and_written_under_the_same_lock(out, tmp_path):
    """A build holds the output from planning its pages to writing them: what it found there
    is what the write keeps, and the write takes no second lock (it would wait for itself)."""
    import fcntl

    from sitegen.write import held_output

    with held_output(out) as held:
        assert held.ours and not held.links
        assert held.present == {"index.html", "posts/a/index.html"}
        probe = os.open(out.parent, os.O_RDONLY)
        try:  # another build could not take the output meanwhile
            with pytest.raises(BlockingIOError):
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(probe)
        result = write_output(out, [OutputFile("index.html", None), OutputFile("posts/a/index.html", b"a2")], [],
                              held=held)
    assert result.changed == 1 and (out / "posts/a/index.html").read_text() == "a2"
    assert (out / "index.html").read_text() == "home"  # kept as it was
    with held_output(tmp_path / "not-yet") as fresh:  # no output yet: nothing to keep
        assert not fresh.ours and fresh.present == frozenset()
    os.symlink(tmp_path, out / "by-hand")
    with held_output(out) as linked:  # a link put there by hand: nothing is kept through it
        assert linked.links and linked.present == frozenset()


@pytest.mark.parametrize("count", [3, 200])  # synced in this thread, and from threads as they are written
def test_the_syncer_reports_a_file_it_could_not_sync_and_leaves_no_thread(tmp_path, count):
    import threading

    from sitegen.safewrite import SYNC_THREADS, Syncer

    before = threading.active_count()
    syncer = Syncer()
    paths = []
    for i in range(count):
        path = tmp_path / f"f{i}.html"
        path.write_bytes(b"x" * 100)
        paths.append(path)
        syncer.add(path)
    assert (threading.active_count() > before) == (count > SYNC_THREADS * 2)
    paths[-1].unlink()  # gone before its turn (or its fsync already done: then the folder fails)
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone").rmdir()
    with pytest.raises(FileNotFoundError):
        syncer.finish([tmp_path, tmp_path / "gone"])
    assert threading.active_count() == before


def test_a_large_write_syncs_every_file_and_folder_it_names(tmp_path):
    from sitegen.safewrite import Syncer

    out = tmp_path / "out"
    pages = {f"posts/p{i}/index.html": f"page {i}" for i in range(120)}
    write_output(out, files(pages), [])
    syncer = Syncer()
    for rel in pages:
        syncer.add(out / rel)
    syncer.finish([out, *((out / rel).parent for rel in pages)])  # no error: every one is there
    assert all((out / rel).read_text() == text for rel, text in pages.items())


def test_a_throwaway_folder_is_written_without_waiting_for_the_disk(tmp_path):
    """The preview's own folder (removed when it stops) is written like any other, unsynced."""
    from sitegen.safewrite import Syncer
    from sitegen.write import held_output

    gone = tmp_path / "gone.html"
    quiet = Syncer(durable=False)
    quiet.add(gone)  # never opened: a durable syncer would fail on it
    quiet.finish([tmp_path / "no-such-folder"])
    out = tmp_path / "out"
    write_output(out, files({"index.html": "one"}), [])
    with held_output(out, throwaway=True) as held:
        assert held.throwaway
        result = write_output(out, files({"index.html": "two", "posts/b/index.html": "b"}), [], held)
    assert result.changed == 2 and (out / "index.html").read_text() == "two"
    assert leftovers(out) == []
