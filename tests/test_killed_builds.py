"""Builds killed with SIGKILL at random moments, from outside, many times over.

Each run starts from the old site built in the output folder, changes every page (and
adds and removes posts), starts a real build in its own process group and kills the
whole group (as a power cut would) after a random delay somewhere between the start and
a little past the end of a build: discovering, parsing, rendering, writing or saving the
cache.  After every kill the output must be the old site or the new one, never a mix
(a build killed after its commit point leaves a journal, which finishes the update when
the next build starts: that is checked by running the same recovery on its own first),
and the next build must succeed with exactly the site a clean build makes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.safewrite import JOURNAL, TMP_TAG, recover
from tests.conftest import REPO
from tests.test_invalid import leftovers, tree_hashes

POSTS = 80
RUNS = 8


def write_version(site: Path, version: str) -> None:
    """Version "old" or "new" of the same site: every page differs, some posts come and go."""
    posts = site / "content/posts"
    posts.mkdir(parents=True, exist_ok=True)
    for p in posts.glob("*.md"):
        p.unlink()
    body = ("Hands, breath and the slow work of noticing what a body asks for. " * 25 + "\n\n") * 3
    shift = 0 if version == "old" else 20
    for i in range(shift, POSTS + shift):
        (posts / f"p{i:04d}.md").write_text(
            f"---\ntitle: Reflection {i} ({version})\ndate: 2021-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
            f"tags: [t{i % 15}, practice]\n---\n\n{body}")
    (site / "static").mkdir(exist_ok=True)
    (site / "static/note.txt").write_text(f"the {version} site\n")
    (site / "site.toml").write_text(f'title = "Notes ({version})"\nbase_url = "https://example.org/"\n')


def run(site: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(site), "-o", str(out), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def build_ok(site: Path, out: Path) -> float:
    started = time.monotonic()
    proc = run(site, out)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return time.monotonic() - started


def committed_journal(out: Path) -> bool:
    return any((p / JOURNAL).is_file() for p in out.parent.iterdir() if p.name.startswith(f".{out.name}{TMP_TAG}"))


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The site folder, and the clean output of each version (each built in a folder of its own)."""
    root = tmp_path_factory.mktemp("killed")
    site = root / "site"
    trees = {}
    for version in ("old", "new"):
        write_version(site, version)
        build_ok(site, root / f"clean-{version}")
        trees[version] = tree_hashes(root / f"clean-{version}")
    return root, site, trees


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(versions):
    root, site, trees = versions
    out = root / "output"
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    took = []
    for _ in range(2):  # how long changing from the old site to the new one takes here: the quicker of two
        write_version(site, "old")  # (on a busy machine one can take twice as long, and the kills then land late)
        build_ok(site, out)
        write_version(site, "new")
        took.append(build_ok(site, out))
    took = min(took)
    outcomes = []
    for n in range(RUNS):
        write_version(site, "old")
        build_ok(site, out)
        assert tree_hashes(out) == trees["old"]
        write_version(site, "new")
        # Half the kills anywhere in the build, half near its end, where it writes and saves.
        delay = rng.uniform(0, took * 1.1) if n % 2 == 0 else rng.uniform(took * 0.6, took * 1.1)
        proc = run(site, out)
        time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it finished first
        proc.communicate(timeout=60)
        where = f"run {n}, killed after {delay:.2f} s of a {took:.2f} s build (seed {seed})"
        state = tree_hashes(out)
        if state not in (trees["old"], trees["new"]):
            assert committed_journal(out), f"the output is a mix of the old and the new site: {where}"
            recover(out)  # what the next build does first
            assert tree_hashes(out) == trees["new"], f"rolling the journal forward did not finish: {where}"
        outcomes.append("old" if state == trees["old"] else "new" if state == trees["new"] else "rolled forward")
        build_ok(site, out)
        assert tree_hashes(out) == trees["new"], f"the build after the kill made another site: {where}"
        assert leftovers(out) == [], where
    assert "old" in outcomes, f"no kill landed before the new site was in place: {outcomes} (seed {seed})"


def test_a_temporary_folder_killed_while_being_deleted_is_still_recognised(tmp_path):
    """Deleting a staging folder is interrupted by SIGKILL at random moments: what is left
    always keeps its marker (or is empty), so the next build's recovery removes it."""
    from sitegen.safewrite import MARKER

    out = tmp_path / "output"
    out.mkdir()
    (out / MARKER).write_text("sitegen output\n")
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    code = ("import sys; from pathlib import Path; from sitegen.safewrite import remove_tree; "
            "sys.stdout.write('go\\n'); sys.stdout.flush(); remove_tree(Path(sys.argv[1]))")
    for n in range(6):
        tmp = tmp_path / f".output{TMP_TAG}{90000 + n}"
        for d in range(40):
            (tmp / f"posts/p{d}").mkdir(parents=True)
            for f in range(60):
                (tmp / f"posts/p{d}/f{f}.html").write_text("x")
        (tmp / MARKER).write_text("sitegen output\n")
        proc = subprocess.Popen([sys.executable, "-c", code, str(tmp)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        proc.stdout.readline()  # it has started deleting (after this line)
        time.sleep(rng.uniform(0, 0.15))
        proc.kill()
        proc.wait(timeout=30)
        if tmp.exists():
            assert (tmp / MARKER).is_file() or not any(tmp.iterdir()), f"kill {n} left an unmarked folder (seed {seed})"
        recover(out)
        assert not tmp.exists(), f"recovery left the folder of kill {n} (seed {seed})"
