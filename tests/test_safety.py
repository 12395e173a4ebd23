"""sitegen never deletes or overwrites anything outside its output folder, and a killed build
never damages the previous output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.errors import UnsafeOutputError
from sitegen.outdir import check_output_dir
from sitegen.safewrite import MARKER
from tests.conftest import REPO, write_site
from tests.test_invalid import VALID_SITE, leftovers, tree_hashes


@pytest.fixture
def site(tmp_path):
    return write_site(tmp_path / "site", VALID_SITE)


def refuse(capsys, site: Path, output: Path, reason: str) -> str:
    """Build into output: must exit 2 with the reason, and change no file under the tmp folder."""
    root = site.parent
    before = tree_hashes(root)
    code = main(["build", str(site), "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "refusing to write the site into" in err and reason in err, err
    assert "Traceback" not in err
    assert tree_hashes(root) == before
    return err


# -- output folders that are refused -----------------------------------------------------------

def test_the_site_folder_itself(site, capsys):
    refuse(capsys, site, site, "it is the site folder itself")


def test_a_folder_that_holds_the_site(site, capsys):
    refuse(capsys, site, site.parent, "it holds the site folder")
    refuse(capsys, site, site / "..", "it holds the site folder")


def test_a_folder_with_content_or_templates(site, tmp_path, capsys):
    other = write_site(tmp_path / "other", {"content/posts/x.md": "---\ntitle: X\n---\n"})
    refuse(capsys, site, other, "it holds content/, templates/ or site.toml")
    other2 = write_site(tmp_path / "other2", {"templates/post.html": "{{ item }}"})
    refuse(capsys, site, other2, "it holds content/, templates/ or site.toml")


@pytest.mark.parametrize("inside", ["content", "content/posts/out", "templates", "static/out", "private"])
def test_inside_the_sites_own_folders(site, capsys, inside):
    refuse(capsys, site, site / inside, "the site's " + inside.split("/")[0] + "/ folder")


def test_a_folder_that_sitegen_did_not_create(site, tmp_path, capsys):
    mine = write_site(tmp_path / "documents", {"letter.txt": "Dear …", "notes/a.md": "keep me"})
    err = refuse(capsys, site, mine, "it already holds files that sitegen did not put there")
    assert "empty that folder yourself" in err
    assert (mine / "letter.txt").read_text() == "Dear …"


def test_a_file(site, tmp_path, capsys):
    f = tmp_path / "notes.txt"
    f.write_text("mine")
    refuse(capsys, site, f, "it is a file, not a folder")
    assert f.read_text() == "mine"


def test_the_home_folder(site, tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    (home / "photos").mkdir(parents=True)
    (home / "photos" / "a.jpg").write_bytes(b"jpeg")
    monkeypatch.setenv("HOME", str(home))
    refuse(capsys, site, home, "it is your home folder")
    refuse(capsys, site, home.parent, "it holds")


def test_the_root_of_the_file_system(site):
    with pytest.raises(UnsafeOutputError, match="it is the root of the file system"):
        check_output_dir(Path("/"), site)


def test_an_empty_folder_is_accepted_and_marked(site, tmp_path, capsys):
    out = tmp_path / "empty"
    out.mkdir()
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert (out / MARKER).is_file() and (out / "index.html").is_file()


def test_sitegen_replaces_only_its_own_output(site, tmp_path, capsys):
    """Its own output folder is replaced whole (a file added there by hand goes); nothing beside it changes."""
    out = tmp_path / "public"
    neighbour = write_site(tmp_path / "neighbour", {"keep.txt": "mine"})
    assert main(["build", str(site), "-o", str(out)]) == 0
    (out / "stray.txt").write_text("added by hand")
    (site / "content/posts/first-week.md").write_text("---\ntitle: Changed\ndate: 2024-03-01\n---\n\nNew.\n")
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert not (out / "stray.txt").exists()
    assert (neighbour / "keep.txt").read_text() == "mine"
    assert leftovers(out) == []


# -- symbolic links ------------------------------------------------------------------------------

def test_links_in_content_that_lead_outside_are_not_followed(site, tmp_path, capsys):
    secret = write_site(tmp_path / "private-notes", {"client.md": "---\ntitle: Real name\ndate: 2024-01-01\n---\n\nSecret.\n"})
    (site / "content/posts/linked.md").symlink_to(secret / "client.md")
    (site / "content/posts/folder").symlink_to(secret, target_is_directory=True)
    out = tmp_path / "out"
    assert main(["build", str(site), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "content/posts/linked.md: warning: symbolic link to" in err and "not followed" in err
    assert "content/posts/folder: warning: symbolic link to" in err
    assert "Secret" not in "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
    assert main(["build", str(site), "-o", str(out), "--strict"]) == 1


def test_a_link_loop_in_content_ends(site, tmp_path, capsys):
    (site / "content/posts/again").symlink_to(site / "content", target_is_directory=True)
    (site / "content/posts/broken.md").symlink_to(tmp_path / "site" / "nowhere.md")
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "content/posts/broken.md: warning: symbolic link to" in err and "does not exist" in err


def test_links_inside_the_output_are_never_written_through(site, tmp_path, capsys):
    """A link put into the output by hand must not lead a write or a delete elsewhere."""
    out = tmp_path / "out"
    assert main(["build", str(site), "-o", str(out)]) == 0
    users = write_site(tmp_path / "users", {"first-week/index.html": "my own page", "other.txt": "mine"})
    before = tree_hashes(users)
    posts = out / "posts"
    import shutil

    shutil.rmtree(posts)
    posts.symlink_to(users, target_is_directory=True)  # out/posts → a folder of the user's
    (out / "notes").symlink_to(users / "other.txt")
    (site / "content/posts/first-week.md").write_text("---\ntitle: Changed\ndate: 2024-03-01\n---\n\nNew.\n")
    (site / "content/posts/second.md").write_text("---\ntitle: Second\ndate: 2024-03-02\n---\n\nMore.\n")
    assert main(["build", str(site), "-o", str(out)]) == 0, capsys.readouterr().err
    assert tree_hashes(users) == before
    assert not posts.is_symlink() and (posts / "first-week/index.html").is_file()
    assert "Changed" in (posts / "first-week/index.html").read_text()
    assert not (out / "notes").exists()
    assert leftovers(out) == []


def test_an_output_that_is_a_link_is_written_through_to_its_folder(site, tmp_path, capsys):
    real = tmp_path / "www"
    assert main(["build", str(site), "-o", str(real)]) == 0
    link = tmp_path / "public"
    link.symlink_to(real, target_is_directory=True)
    (site / "content/posts/first-week.md").write_text("---\ntitle: Changed\ndate: 2024-03-01\n---\n\nNew.\n")
    assert main(["build", str(site), "-o", str(link)]) == 0
    assert link.is_symlink() and "Changed" in (real / "posts/first-week/index.html").read_text()
    assert leftovers(real) == [] and leftovers(link) == []


def test_a_temporary_name_that_is_a_link_is_not_followed(site, tmp_path, capsys):
    out = tmp_path / "out"
    users = write_site(tmp_path / "users", {MARKER: "x", "keep.txt": "mine"})
    (tmp_path / ".out.sitegen-tmp-1").symlink_to(users, target_is_directory=True)
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert (users / "keep.txt").read_text() == "mine"


# -- killed builds (a real process and real signals) ---------------------------------------------

POSTS = 2500


def _big_site(root: Path) -> Path:
    site = root / "site"
    (site / "content/posts").mkdir(parents=True)
    body = ("A paragraph about pacing, rest and the work of the hands. " * 30 + "\n\n") * 3
    for i in range(POSTS):
        (site / f"content/posts/p{i:05d}.md").write_text(
            f"---\ntitle: Reflection {i}\ndate: 2020-01-{1 + i % 28:02d}\ntags: [t{i % 50}, practice]\n---\n\n{body}")
    (site / "site.toml").write_text('title = "First title"\nbase_url = "https://example.org/"\n')
    return site


def _run(site: Path, out: Path, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "sitegen", "build", str(site), "-o", str(out), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **kw)


def _wait_for_temp_folder(proc: subprocess.Popen, out: Path, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if leftovers(out):
            return True
        time.sleep(0.002)
    return False


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A site of a few thousand posts built once, and a change that makes every page differ."""
    root = tmp_path_factory.mktemp("big")
    site = _big_site(root)
    out = root / "output"
    proc = _run(site, out)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    return site, out


def _change_every_page(site: Path, title: str) -> None:
    (site / "site.toml").write_text(f'title = "{title}"\nbase_url = "https://example.org/"\n')


def test_sigterm_mid_build_keeps_the_previous_output(big):
    site, out = big
    before = tree_hashes(out)
    _change_every_page(site, "Second title")
    proc = _run(site, out)
    assert _wait_for_temp_folder(proc, out), "the build ended before its temporary folder appeared"
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=120)
    err = proc.stderr.read()
    assert code == 143, err
    assert "terminated" in err and "Traceback" not in err
    assert tree_hashes(out) == before
    assert leftovers(out) == []


def test_sigkill_leaves_a_temporary_folder_that_the_next_build_removes(big, tmp_path):
    site, out = big
    _change_every_page(site, "Third title")
    proc = _run(site, out)
    assert _wait_for_temp_folder(proc, out)
    proc.kill()
    proc.wait(timeout=60)
    assert leftovers(out), "SIGKILL should have left the temporary folder behind"
    again = _run(site, out)
    assert again.wait(timeout=300) == 0, again.stderr.read()
    assert leftovers(out) == []
    clean = tmp_path / "clean"
    fresh = _run(site, clean)
    assert fresh.wait(timeout=300) == 0
    assert tree_hashes(out) == tree_hashes(clean)


def test_sigkill_before_a_build_with_nothing_to_do_is_cleaned_up_too(big):
    """A build that finds nothing changed still removes a temporary folder left by a killed one."""
    site, out = big
    first = _run(site, out)
    assert first.wait(timeout=300) == 0
    stale = out.parent / f".{out.name}.sitegen-tmp-999999999"
    stale.mkdir()
    (stale / MARKER).write_text("x")
    second = _run(site, out)
    assert second.wait(timeout=300) == 0
    assert leftovers(out) == []
