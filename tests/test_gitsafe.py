"""Private stays private in git (issue 18): real repositories, bare remotes in temporary folders.

The sources' repository pushes its main branch to a bare "GitHub" remote; a second bare
repository stands in for the public repository GitHub Pages serves the site from.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, check
from sitegen.cli import main
from sitegen.exposure import MAX_NAMED, PRIVATE_MATERIAL, SHOWN_FILES, check_sources, private_files
from sitegen.gitstate import read_state, repository_key
from sitegen.scaffold import init_site

DRAFT = "content/case-studies/a-wrist-that-kept-flaring.md"
DRAFT_TEXT = """---
title: A wrist that kept flaring
date: 2024-02-01
draft: true
client: Client B
private:
  notes: she may recognise the gym; change it before asking for consent
---

Half written.
"""
CASE = "content/case-studies/tension-headaches-and-pausing.md"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    """A git that sees neither the machine's nor the user's settings, and has no identity of its own
    (as on a CI machine): each repository below is given one."""
    (tmp_path / "gitconfig").write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR"):
        monkeypatch.delenv(k, raising=False)


def bare(path: Path) -> Path:
    subprocess.run(["git", "init", "--quiet", "--bare", str(path)], check=True)
    return path


def make_repo(folder: Path) -> None:
    git(folder, "init", "--quiet", "--initial-branch", "main")
    git(folder, "config", "user.name", "Test Writer")
    git(folder, "config", "user.email", "writer@example.org")


def commit_all(repo: Path, message: str = "Writing") -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message)


@pytest.fixture
def site(tmp_path):
    root = init_site(tmp_path / "site").site_dir
    text = (root / "site.toml").read_text()
    (root / "site.toml").write_text(text.replace('# base_url = ""', 'base_url = "https://writer.example.org/"', 1))
    (root / DRAFT).write_text(DRAFT_TEXT)
    return root


@pytest.fixture
def pushed(tmp_path, site):
    """The sources in git, main pushed to 'origin' (a bare repository), the draft with it."""
    origin = bare(tmp_path / "journal.git")
    make_repo(site)
    git(site, "remote", "add", "origin", str(origin))
    commit_all(site)
    git(site, "push", "--quiet", "-u", "origin", "main")
    assert DRAFT in git(origin, "ls-tree", "-r", "--name-only", "main").split()
    return origin


def all_commit_files(repo: Path) -> list[set[str]]:
    """The files of every commit in the repository, one set per commit."""
    commits = git(repo, "rev-list", "--all").split()
    return [set(git(repo, "ls-tree", "-r", "--name-only", c).split("\n")) - {""} for c in commits]


def built_files(site: Path, tmp_path: Path) -> set[str]:
    out = tmp_path / "reference-build"
    assert main(["build", str(site), "-o", str(out), "-q"]) == 0
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {".sitegen-output"}


# -- check and build warn ---------------------------------------------------------------------

def test_check_names_the_remote_the_branch_and_the_private_files(site, pushed, capsys):
    assert main(["check", str(site)]) == 0  # a warning, not an error: nothing is wrong with the site itself
    out = capsys.readouterr().out
    assert f"on the git remote 'origin' ({pushed})" in out and "branch 'main'" in out
    assert f"\n  {DRAFT}: a draft, private notes (under private:), a case study without valid consent\n" in out
    assert "make it private" in out and "--remote https://github.com/" in out
    assert 'private_remotes = ["origin"]' in out
    assert "private/clients.toml" not in out  # init's .gitignore kept the register out of git
    assert "ready to publish, but read the git warning above" in out

    assert main(["check", str(site), "--format", "json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"].startswith("git.")]
    assert [(f["file"], f["kind"], f["severity"]) for f in found] == [(DRAFT, "git.pushed", "warning")]
    assert "origin" in found[0]["message"] and "private notes" in found[0]["message"]


def test_build_warns_every_time_even_when_nothing_changed(site, pushed, capsys):
    for _ in range(2):  # the second build takes the no-change fast path
        assert main(["build", str(site)]) == 0
        err = capsys.readouterr().err
        assert "private material from your site is on the git remote 'origin'" in err and DRAFT in err
    assert main(["build", str(site), "-q"]) == 0
    assert WARNED not in capsys.readouterr().err


def test_no_warning_once_the_draft_is_out_of_git_or_the_remote_is_declared_private(site, pushed, capsys):
    text = (site / "site.toml").read_text()
    for declared in ('"origin"', f'"{pushed}"', '"../journal.git"'):  # by name, or by address (from the site folder)
        (site / "site.toml").write_text(text.replace("# private_remotes = []", f"private_remotes = [{declared}]"))
        assert main(["check", str(site)]) == 0
        out = capsys.readouterr().out
        assert WARNED not in out and out.rstrip().endswith("ready to publish"), declared
    (site / "site.toml").write_text(text)

    git(site, "rm", "--quiet", "--cached", DRAFT)  # the file stays on this computer
    git(site, "commit", "--quiet", "-m", "Drafts stay here")
    git(site, "push", "--quiet")
    assert main(["check", str(site)]) == 0
    assert WARNED not in capsys.readouterr().out


def test_committed_but_not_pushed_warns_before_the_push(tmp_path, site, capsys):
    origin = bare(tmp_path / "journal.git")
    make_repo(site)
    git(site, "remote", "add", "origin", str(origin))
    commit_all(site)  # never pushed: origin has nothing yet
    assert main(["check", str(site)]) == 0
    out = capsys.readouterr().out
    assert f"the next git push would send it to the git remote 'origin' ({origin})" in out and DRAFT in out
    assert "Don't push" in out and "git remote remove origin" in out


WARNED = "private material from your site"


def test_only_on_this_computer_says_nothing(tmp_path, site, capsys, monkeypatch):
    make_repo(site)
    commit_all(site)  # a repository with no remote: the sources go nowhere
    assert main(["check", str(site)]) == 0
    out = capsys.readouterr().out
    assert WARNED not in out and out.rstrip().endswith("ready to publish")
    origin = bare(tmp_path / "journal.git")
    git(site, "remote", "add", "origin", str(origin))
    git(site, "push", "--quiet", "-u", "origin", "main")
    no_git = tmp_path / "bin"
    no_git.mkdir()  # and no git on the PATH at all: nothing to say, and no traceback
    monkeypatch.setenv("PATH", str(no_git))
    assert main(["check", str(site)]) == 0
    out = capsys.readouterr()
    assert WARNED not in out.out and "Traceback" not in out.err


def test_a_case_study_without_consent_and_a_tracked_register_are_named(site, pushed, capsys):
    case = site / CASE
    case.write_text(re.sub(r"consent:\n(  .*\n)+", "", case.read_text()))
    git(site, "add", "--force", "private/clients.toml")  # past the .gitignore, as a git GUI might
    commit_all(site)
    git(site, "push", "--quiet")
    assert main(["build", str(site)]) == 1  # the missing consent is an error: nothing built …
    err = capsys.readouterr().err
    assert f"{CASE}:" in err and "consent" in err
    # … and the git warning still comes, before the last line
    assert re.search(rf"^  {re.escape(CASE)}: a case study without valid consent$", err, re.M)
    assert re.search(r"^  private/clients\.toml: your private client register", err, re.M)
    assert err.rstrip().splitlines()[-1].startswith("sitegen: 1 error")


def test_many_drafts_are_asked_about_by_folder_and_summed_up(site, pushed, capsys):
    for i in range(MAX_NAMED + 5):
        (site / f"content/posts/draft-{i:03}.md").write_text(f"---\ntitle: Draft {i}\ndate: 2024-01-01\ndraft: true\n---\n\nSoon.\n")
    commit_all(site, "Many drafts")
    git(site, "push", "--quiet")
    assert main(["check", str(site), "--format", "json"]) == 0
    found = {f["file"] for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"] == "git.pushed"}
    assert len(found) == MAX_NAMED + 6 and DRAFT in found and "content/posts/draft-204.md" in found
    assert main(["check", str(site)]) == 0
    assert f"\n  and {MAX_NAMED + 6 - SHOWN_FILES} more\n" in capsys.readouterr().out


def test_a_withdrawn_case_study_in_git_is_named(site, pushed, capsys):
    case = site / CASE
    case.write_text(case.read_text().replace("consent:\n", "consent:\n  withdrawn: 2024-06-01\n", 1))
    commit_all(site, "Withdrawn")
    git(site, "push", "--quiet")
    assert main(["check", str(site)]) == 0  # held back from the site, but still in the repository
    out = capsys.readouterr().out
    assert f"\n  {CASE}: a case study whose client withdrew consent\n" in out


def test_a_site_in_a_subfolder_of_the_repository(tmp_path, site, capsys):
    origin = bare(tmp_path / "everything.git")
    top = tmp_path
    make_repo(top)
    git(top, "remote", "add", "origin", str(origin))
    git(top, "add", "site")
    git(top, "commit", "--quiet", "-m", "All my files")
    git(top, "push", "--quiet", "-u", "origin", "main")
    state = read_state(site)
    assert state is not None and state.prefix == "site/" and state.pushed_to("origin") == ("main",)
    assert main(["check", str(site)]) == 0
    assert re.search(rf"^  {re.escape(DRAFT)}: a draft, private notes", capsys.readouterr().out, re.M)
    assert read_state(tmp_path / "elsewhere") is None


def test_private_material_is_a_small_function_of_the_check(site):
    """Each kind of private material is one line of PRIVATE_MATERIAL, tested over what the check found."""
    result = check(site, BuildOptions())
    files = {p.rel: p.reasons for p in result.private}
    assert files == {DRAFT: ("a draft", "private notes (under private:)", "a case study without valid consent"),
                     "private/clients.toml": ("your private client register (real names and contact details)",)}
    entries = [i.entry for i in result.site.posts + result.site.drafts + result.site.pages]
    labels = [label for label, _ in PRIVATE_MATERIAL]
    assert labels[:3] == ["a draft", "private notes (under private:)", "a case study without valid consent"]
    again = private_files(entries, result.site.held_back, result.diagnostics, "private/clients.toml")
    assert again == result.private


def test_one_repository_reached_by_https_and_by_ssh_is_one_remote(tmp_path):
    a = repository_key("https://github.com/Tamsin/Journal.git", tmp_path)
    assert a == repository_key("git@github.com:tamsin/journal", tmp_path)
    assert a == repository_key("ssh://git@github.com/tamsin/journal.git/", tmp_path)
    assert a != repository_key("https://github.com/tamsin/tamsin.github.io.git", tmp_path)
    (tmp_path / "r.git").mkdir()
    assert repository_key(str(tmp_path / "r.git"), Path("/")) == repository_key("r.git", tmp_path)


# -- publish refuses, or goes to a separate repository ----------------------------------------

def test_publish_refuses_the_remote_that_holds_the_private_sources(site, pushed, capsys):
    for remote in ([], ["--remote", str(pushed)]):  # by name (origin), or by the same address
        assert main(["publish", str(site), "--to", "gh-pages", *remote]) == 2
        err = capsys.readouterr().err
        assert "not publishing to the git remote 'origin'" in err and DRAFT in err
        assert "--sources-are-public" in err and "Nothing was published" in err and "Traceback" not in err
        assert "gh-pages" not in git(pushed, "branch", "--list")
    # A remote the author declared private may hold the sources and serve the site (a paid plan).
    text = (site / "site.toml").read_text()
    (site / "site.toml").write_text(text.replace("# private_remotes = []", 'private_remotes = ["origin"]'))
    assert main(["publish", str(site), "--to", "gh-pages", "--branch", "pages"]) == 0
    assert "index.html" in git(pushed, "ls-tree", "-r", "--name-only", "pages").split()
    (site / "site.toml").write_text(text)
    capsys.readouterr()
    # The author knows the sources are public, and says so.
    assert main(["publish", str(site), "--to", "gh-pages", "--sources-are-public"]) == 0
    assert "index.html" in git(pushed, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "private material from your site is on the git remote 'origin'" in capsys.readouterr().err


def test_publish_to_a_separate_repository_holds_only_built_files(tmp_path, site, pushed, capsys):
    pages = bare(tmp_path / "writer.github.io.git")
    refs_before = git(site, "for-each-ref")
    assert main(["publish", str(site), "--to", "gh-pages", "--remote", str(pages)]) == 0
    captured = capsys.readouterr()
    assert f"to branch gh-pages of {pages}" in captured.out
    assert "private material from your site is on the git remote 'origin'" in captured.err  # still true

    # Publish again after an edit: a second commit on top of the first.
    (site / "content/posts/first-five-minutes.md").write_text(
        (site / "content/posts/first-five-minutes.md").read_text() + "\nOne more thought.\n")
    assert main(["publish", str(site), "--to", "gh-pages", "--remote", str(pages)]) == 0
    commits = all_commit_files(pages)
    assert len(commits) == 2
    built = built_files(site, tmp_path) | {".nojekyll"}
    for files in commits:
        assert files <= built, f"not built files: {sorted(files - built)}"
        assert not any(f.startswith(("content/", "private/")) or f.endswith(".md") or f == "site.toml"
                       for f in files)
    assert commits[0] == built  # the newest commit is exactly the site
    assert git(pages, "branch", "--list").split() == ["gh-pages"]
    assert git(site, "for-each-ref") == refs_before  # the sources' repository was not touched


def test_publish_from_a_folder_that_is_not_in_git_at_all(tmp_path, site, capsys):
    pages = bare(tmp_path / "writer.github.io.git")
    text = (site / "site.toml").read_text()
    text = text.replace('# to = ""', 'to = "gh-pages"').replace('# remote = ""', f'remote = "{pages}"')
    (site / "site.toml").write_text(text)
    assert main(["publish", str(site)]) == 0  # everything comes from [publish] in site.toml
    out = capsys.readouterr().out
    assert "your sources are not in a git repository, so they stay on this computer" in out
    assert "index.html" in git(pages, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert not (site / ".git").exists()


def test_a_drafts_folder_never_enters_git_but_is_previewed(tmp_path, site):
    (site / "content/case-studies/drafts").mkdir()
    moved = site / "content/case-studies/drafts/a-wrist-that-kept-flaring.md"
    (site / DRAFT).rename(moved)
    make_repo(site)
    commit_all(site)
    tracked = git(site, "ls-files").split()
    assert not any("drafts/" in f for f in tracked) and "private/clients.toml" not in tracked
    assert not any(f.startswith(("output/", ".sitegen-cache/")) for f in tracked)
    preview = tmp_path / "preview"
    assert main(["build", str(site), "--drafts", "-o", str(preview), "-q"]) == 0
    assert (preview / "case-studies/a-wrist-that-kept-flaring/index.html").is_file()


def test_check_sources_without_git_or_repository_reports_not_in_git(tmp_path, site):
    result = check(site, BuildOptions())
    sources = check_sources(site, result.private)
    assert not sources.in_git and sources.exposures == ()


def test_init_sets_up_the_two_repository_layout(tmp_path, capsys, monkeypatch):
    pages = bare(tmp_path / "writer.github.io.git")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "journal", "--pages-repository", "writer.github.io.git"]) == 2  # a name, not an address
    assert "is not a repository's address" in capsys.readouterr().err and not (tmp_path / "journal").exists()
    assert main(["init", "journal", "--pages-repository", "./writer.github.io.git"]) == 0
    out = capsys.readouterr().out
    assert "sends only the built site to" in out and "Keep your sources private" in out
    assert "drafts/" in (tmp_path / "journal/.gitignore").read_text().splitlines()
    assert main(["publish", "journal"]) == 0  # to and remote come from site.toml, the folder made absolute
    assert "index.html" in git(pages, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "your sources are not in a git repository" in capsys.readouterr().out

    # An existing site keeps its site.toml; init says what to add instead.
    assert main(["init", "journal", "--pages-repository", "https://github.com/writer/writer.github.io.git"]) == 0
    assert 'remote = "https://github.com/writer/writer.github.io.git"' in capsys.readouterr().out
