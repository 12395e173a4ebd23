"""The `sitegen` command leaves without taking its objects apart: the exit code, everything it
printed and the removal of its temporary folders must be just as with a normal exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, post, write_site
from tests.test_invalid import VALID_SITE


def _sitegen(*args: str, tmpdir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # output buffered, as usual
    env.update(PYTHONPATH=str(REPO), TMPDIR=str(tmpdir))
    return subprocess.run([sys.executable, "-m", "sitegen", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_a_build_prints_its_summary_and_removes_its_temporary_folders(tmp_path):
    site = write_site(tmp_path / "site", VALID_SITE)
    (site / ".sitegen-cache").write_text("not a folder")  # pictures and cards then go to a temporary folder
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    p = _sitegen("build", str(site), tmpdir=tmpdir)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Built ") and p.stdout.endswith("\n")
    assert list((site / "output" / "cards").glob("*.png"))
    assert [x.name for x in tmpdir.iterdir()] == []  # the exit handlers ran


def test_errors_keep_their_exit_code_and_every_line_reaches_the_reader(tmp_path):
    files = dict(VALID_SITE)
    for i in range(30):
        files[f"content/posts/broken-{i:02d}.md"] = post(f"Broken {i}", date="2025-02-30")
    site = write_site(tmp_path / "site", files)
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    p = _sitegen("build", str(site), tmpdir=tmpdir)
    assert p.returncode == 1
    assert sum(f"broken-{i:02d}.md" in p.stderr for i in range(30)) == 30
    assert p.stderr.rstrip().splitlines()[-1].startswith("sitegen: ")
    usage = _sitegen("build", str(tmp_path / "no-such-journal"), tmpdir=tmpdir)
    assert usage.returncode == 2 and "no-such-journal" in usage.stderr
