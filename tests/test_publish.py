"""`sitegen publish`: to a real (local, bare) git remote and to a folder shared with other files."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.progress import progress_bar
from sitegen.scaffold import init_site

DRAFT = "content/posts/still-thinking.md"
ESSAY_URL = "posts/first-five-minutes/index.html"
CASE = "content/case-studies/tension-headaches-and-pausing.md"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def set_setting(site: Path, key: str, value: str) -> None:
    """Uncomment (or replace) a top-level setting in the site.toml made by init."""
    path = site / "site.toml"
    text, n = re.subn(rf"^#? ?{key} = .*$", f'{key} = "{value}"', path.read_text(), count=1, flags=re.M)
    assert n == 1
    path.write_text(text)


def digest_tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path, monkeypatch):
    # A git that sees neither the machine's nor the user's settings, with a known identity.
    (tmp_path / "gitconfig").write_text("")
    for k, v in {"GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
                 "GIT_AUTHOR_NAME": "Test Writer", "GIT_AUTHOR_EMAIL": "writer@example.org",
                 "GIT_COMMITTER_NAME": "Test Writer", "GIT_COMMITTER_EMAIL": "writer@example.org"}.items():
        monkeypatch.setenv(k, v)
    root = init_site(tmp_path / "site").site_dir
    set_setting(root, "base_url", "https://writer.example.org/")
    (root / DRAFT).write_text("---\ntitle: Still thinking\ndate: 2024-01-01\ndraft: true\n---\n\nNot yet.\n")
    return root


@pytest.fixture
def remote(tmp_path, site):
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    git(site, "init", "--quiet")
    git(site, "remote", "add", "origin", str(bare))
    return bare


def published_files(bare: Path, branch: str = "gh-pages") -> list[str]:
    return git(bare, "ls-tree", "-r", "--name-only", branch).split()


# -- gh-pages --------------------------------------------------------------------------------

def test_publish_to_gh_pages_pushes_the_site_without_drafts(site, remote, capsys):
    assert main(["publish", str(site), "--to", "gh-pages"]) == 0
    files = published_files(remote)
    assert {"index.html", ESSAY_URL, "case-studies/tension-headaches-and-pausing/index.html", "404.html",
            "feed.xml", "sitemap.xml", ".nojekyll"} <= set(files)
    assert not any("still-thinking" in f for f in files)  # the draft stays out
    assert "CNAME" not in files and ".sitegen-output" not in files
    out = capsys.readouterr().out
    assert "Published" in out and "still-thinking.md (draft)" in out
    assert not (site / "output").exists()  # a fresh build in a temporary folder, not output/

    # Next time, with a custom domain: a second commit on top of the first, CNAME added.
    set_setting(site, "domain", "journal.example.org")
    assert main(["publish", str(site), "--to", "gh-pages"]) == 0
    assert "CNAME" in published_files(remote)
    assert git(remote, "show", "gh-pages:CNAME").strip() == "journal.example.org"
    assert len(git(remote, "log", "--format=%H", "gh-pages").split()) == 2


def test_publish_onto_a_branch_someone_else_pushed_to(site, remote, tmp_path):
    """The remote branch moved on (another computer published): the new commit follows it."""
    assert main(["publish", str(site), "--to", "gh-pages", "--branch", "pages"]) == 0
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "--quiet", "--branch", "pages", str(remote), str(other)], check=True)
    (other / "extra.txt").write_text("x")
    git(other, "add", "extra.txt")
    git(other, "commit", "--quiet", "-m", "elsewhere")
    git(other, "push", "--quiet", "origin", "pages")
    assert main(["publish", str(site), "--to", "gh-pages", "--branch", "pages"]) == 0
    assert len(git(remote, "log", "--format=%H", "pages").split()) == 3
    assert "extra.txt" not in published_files(remote, "pages")  # the branch holds exactly the site


def test_no_git_repository_or_no_remote_is_a_clear_error(site, tmp_path, capsys):
    assert main(["publish", str(site), "--to", "gh-pages"]) == 2
    err = capsys.readouterr().err
    assert "not a git repository" in err and "--remote https://github.com/" in err and "Traceback" not in err
    git(site, "init", "--quiet")
    assert main(["publish", str(site), "--to", "gh-pages"]) == 2
    err = capsys.readouterr().err
    assert "no remote called 'origin'" in err and "Traceback" not in err
    git(site, "remote", "add", "origin", str(tmp_path / "missing.git"))
    assert main(["publish", str(site), "--to", "gh-pages"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the remote 'origin'" in err and "nothing was published" in err
    git(site, "symbolic-ref", "HEAD", "refs/heads/gh-pages")  # the writer's own checkout is on gh-pages
    assert main(["publish", str(site), "--to", "gh-pages"]) == 2
    assert "is the one checked out" in capsys.readouterr().err


def test_a_privacy_error_refuses_to_publish_to_gh_pages(site, remote, capsys):
    case = site / CASE
    case.write_text(re.sub(r"consent:\n(  .*\n)+", "", case.read_text()))
    assert main(["publish", str(site), "--to", "gh-pages"]) == 1
    err = capsys.readouterr().err
    assert f"{CASE}:" in err and "consent" in err and "nothing was published" in err
    assert git(remote, "branch", "--list") == ""  # nothing was pushed


# -- a folder --------------------------------------------------------------------------------

def test_publish_to_a_folder_mirrors_the_site_and_leaves_other_files_alone(site, tmp_path, capsys):
    target = tmp_path / "www"
    target.mkdir()
    (target / "guestbook.php").write_text("<?php // not ours")
    (target / "images").mkdir()
    (target / "images" / "logo.png").write_bytes(b"\x89PNG")
    assert main(["publish", str(site), "--to", str(target)]) == 0
    assert (target / "index.html").is_file() and (target / ESSAY_URL).is_file() and (target / ".nojekyll").is_file()
    assert not (target / "posts/still-thinking").exists()
    manifest = json.loads((target / ".sitegen-manifest.json").read_text())
    assert "index.html" in manifest["files"] and "guestbook.php" not in manifest["files"]

    # Publishing again with no change rewrites nothing.
    stamps = {p: p.stat().st_mtime_ns for p in target.rglob("*") if p.is_file() and p.name != ".sitegen-manifest.json"}
    capsys.readouterr()
    assert main(["publish", str(site), "--to", str(target)]) == 0
    assert "0 written" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps

    # An essay removed from the site is removed from the folder; the foreign files stay;
    # a stale file edited by hand since it was published stays too, with a warning.
    (site / "content/posts/first-five-minutes.md").unlink()
    (target / "tags/beginnings/feed.xml").write_text("edited by hand")
    assert main(["publish", str(site), "--to", str(target)]) == 0
    assert not (target / ESSAY_URL).exists() and not (target / "posts").exists()
    assert (target / "guestbook.php").read_text() == "<?php // not ours"
    assert (target / "images/logo.png").read_bytes() == b"\x89PNG"
    assert (target / "tags/beginnings/feed.xml").read_text() == "edited by hand"
    assert "left tags/beginnings/feed.xml in place" in capsys.readouterr().err
    assert "tags/beginnings/feed.xml" not in json.loads((target / ".sitegen-manifest.json").read_text())["files"]


def test_a_foreign_file_in_the_way_stops_publishing(site, tmp_path, capsys):
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("<h1>My old site</h1>")
    before = digest_tree(target)
    assert main(["publish", str(site), "--to", str(target)]) == 2
    err = capsys.readouterr().err
    assert "index.html" in err and "did not publish" in err and "Traceback" not in err
    assert digest_tree(target) == before


@pytest.mark.parametrize("strict", [False, True])
def test_errors_and_with_strict_warnings_leave_the_folder_untouched(site, tmp_path, capsys, strict):
    target = tmp_path / "www"
    assert main(["publish", str(site), "--to", str(target)]) == 0
    (target / "notes.txt").write_text("mine")
    before = digest_tree(target)
    if strict:  # a warning: an essay with an unknown front-matter key
        (site / "content/posts/extra.md").write_text("---\ntitle: Extra\ndate: 2024-02-02\ntgas: [x]\n---\n\nText.\n")
    else:  # a privacy error: a case study without consent
        case = site / CASE
        case.write_text(re.sub(r"consent:\n(  .*\n)+", "", case.read_text()))
    capsys.readouterr()
    assert main(["publish", str(site), "--to", str(target)] + (["--strict"] if strict else [])) == 1
    err = capsys.readouterr().err
    assert "nothing was published" in err
    assert ("tgas" in err) if strict else (f"{CASE}:" in err)
    assert digest_tree(target) == before


def test_unsafe_folders_are_refused(site, tmp_path, capsys):
    for bad in (site, site / "content", tmp_path / "no" / "such" / "place"):
        assert main(["publish", str(site), "--to", str(bad)]) == 2
        assert "refusing to publish" in capsys.readouterr().err
    assert main(["publish", str(site), "--to", str(tmp_path / "www"), "--branch", "x"]) == 2


# -- progress ----------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_only_on_a_terminal_and_not_on_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with progress_bar(stream=io.StringIO()) as progress:
        assert progress is None  # piped: nothing extra
    with progress_bar(quiet=True, stream=_Terminal()) as progress:
        assert progress is None
    terminal = _Terminal()
    with progress_bar(stream=terminal, threshold=10) as progress:
        assert progress is not None
        progress(5, 8)  # a small stage: no bar
        assert terminal.getvalue() == ""
        import time
        for i in range(1, 51):
            progress(i, 50)
            time.sleep(0.01)
    assert "50" in terminal.getvalue() or "/50" in terminal.getvalue()
    monkeypatch.setenv("CI", "true")
    with progress_bar(stream=_Terminal()) as progress:
        assert progress is None
