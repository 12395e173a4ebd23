"""The operating system refusing a write or a read: a full disk, no room for more files, a
file size limit, a read-only disk, a locked folder, another user's folder, an unreadable
post.  Each is made for real (see tests/fsconditions.py), for build, the cache, serve and
publish: exit 2, a message naming the folder and what to do, the previous output byte for
byte as it was, nothing left behind, and the next build fine once the cause is gone.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.errors import os_reason
from tests.conftest import post, write_site
from tests.fsconditions import (  # noqa: F401
    NOBODY,
    fill,
    locked,
    open_tmp,
    other_user,
    remount_read_only,
    sitegen,
    small_disk,
    unavailable,
    used,
)
from tests.test_invalid import VALID_SITE, leftovers, tree_hashes


def refused(code: int, err: str, *fragments: str) -> None:
    assert code == 2, err
    for fragment in fragments:
        assert fragment in err, f"missing {fragment!r} from:\n{err}"
    assert "Traceback" not in err and "internal error" not in err


def build(site: Path, out: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["build", str(site), "-o", str(out), *extra])
    return code, capsys.readouterr().err


def clean_build(site: Path, out: Path) -> dict[str, str]:
    assert main(["build", str(site), "-o", str(out), "-q", "--clean"]) == 0
    return tree_hashes(out)


def grow(site: Path, n: int = 40, words: int = 400) -> None:
    """Change the site so that every page changes and the output needs more room."""
    (site / "site.toml").write_text('title = "Practice notes, revised"\nbase_url = "https://example.org/"\n')
    body = "A slow paragraph about rest, pacing and the weight of a hand. " * (words // 12)
    for i in range(n):
        (site / f"content/posts/more-{i:03d}.md").write_text(post(f"More notes {i}", f"2024-04-{1 + i % 28:02d}", body))


@pytest.fixture
def site(tmp_path):
    return write_site(tmp_path / "site", VALID_SITE)


# -- build ------------------------------------------------------------------------------------

def test_a_disk_that_fills_up_mid_build_keeps_the_previous_site(site, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "2m", required_in_ci=True) as disk:
        out = disk / "public"
        assert build(site, out, capsys)[0] == 0
        before = tree_hashes(out)
        grow(site)
        filler = fill(disk)
        code, err = build(site, out, capsys)
        refused(code, err, f"cannot write the site into {out}: the disk is full", "Free some space",
                f"Nothing was changed: the site already in {out} is as it was", "nothing was left behind")
        assert tree_hashes(out) == before
        assert leftovers(out) == []
        filler.unlink()
        assert build(site, out, capsys)[0] == 0
        assert tree_hashes(out) == clean_build(site, tmp_path / "clean")


def test_a_large_site_in_a_small_folder_leaves_nothing_behind(site, tmp_path, capsys):
    grow(site, n=60, words=1200)
    with small_disk(tmp_path / "disk", "512k") as disk:
        empty = used(disk)
        code, err = build(site, disk / "public", capsys)
        refused(code, err, "the disk is full", "Nothing was written, and nothing was left behind")
        assert list(disk.iterdir()) == []
        assert used(disk) == empty


def test_a_disk_with_no_room_for_more_files(site, tmp_path, capsys):
    grow(site, n=30, words=10)
    with small_disk(tmp_path / "disk", "8m", "nr_inodes=24") as disk:
        code, err = build(site, disk / "public", capsys)
        refused(code, err, "the disk cannot hold any more files", "Nothing was written")
        assert list(disk.iterdir()) == []


def test_a_file_size_limit(site, tmp_path):
    """RLIMIT_FSIZE (with SIGXFSZ ignored) makes a write past the limit fail with EFBIG; no mount needed."""
    out = tmp_path / "public"
    assert sitegen("build", str(site), "-o", str(out)).returncode == 0
    before = tree_hashes(out)
    grow(site, n=1, words=60_000)  # one page of about 400 kB
    result = sitegen("build", str(site), "-o", str(out), fsize=200_000)
    refused(result.returncode, result.stderr, f"cannot write the site into {out}", "a file is larger than",
            "Nothing was changed", "nothing was left behind")
    assert tree_hashes(out) == before
    assert leftovers(out) == []
    assert sitegen("build", str(site), "-o", str(out)).returncode == 0


def test_a_read_only_disk(site, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "2m") as disk:
        out = disk / "public"
        assert build(site, out, capsys)[0] == 0
        before = tree_hashes(out)
        remount_read_only(disk)
        assert build(site, out, capsys)[0] == 0, "a build with nothing to do needs no writes"
        grow(site, n=2)
        code, err = build(site, out, capsys)
        refused(code, err, f"cannot write the site into {out}: that disk is read-only",
                "Use a folder on a disk you can write to", "Nothing was changed")
        assert tree_hashes(out) == before


def test_a_locked_folder(site, tmp_path, capsys):
    """chattr +i stops even root from adding to or renaming in a folder (EPERM)."""
    out = tmp_path / "www" / "public"
    assert build(site, out, capsys)[0] == 0
    before = tree_hashes(out)
    grow(site, n=2)
    with locked(tmp_path / "www"), locked(out):
        code, err = build(site, out, capsys)
        refused(code, err, f"cannot write the site into {out}: the operating system does not allow it",
                "Nothing was changed")
    assert tree_hashes(out) == before
    assert leftovers(out) == []


def test_a_folder_of_another_user(open_tmp):
    """Run as `nobody` when we are root (root ignores permissions); a read-only folder otherwise."""
    site = write_site(open_tmp / "site", VALID_SITE)
    out = open_tmp / "www" / "public"
    assert sitegen("build", str(site), "-o", str(out)).returncode == 0
    before = tree_hashes(out)
    user = other_user()
    if user is None:
        (open_tmp / "www").chmod(0o555)
        out.chmod(0o555)
    grow(site, n=2)
    result = sitegen("build", str(site), "-o", str(out), user=user)
    refused(result.returncode, result.stderr, f"cannot write the site into {out}: you do not have permission",
            "Check who owns that folder", "Nothing was changed")
    assert tree_hashes(out) == before
    assert leftovers(out) == []
    if user is not None:  # the site's build cache is root's too: a warning, never a failure of its own
        cache = tree_hashes(site / ".sitegen-cache")
        mine = open_tmp / "mine"
        mine.mkdir(mode=0o777)
        mine.chmod(0o777)
        result = sitegen("build", str(site), "-o", str(mine / "public"), user=user)
        assert result.returncode == 0, result.stderr
        assert ".sitegen-cache: warning: cannot use the build cache in .sitegen-cache/: you do not have " \
               "permission; this build reads every file again" in result.stderr
        assert tree_hashes(site / ".sitegen-cache") == cache


def test_a_post_that_cannot_be_read(open_tmp):
    site = write_site(open_tmp / "site", {**VALID_SITE, "content/posts/locked.md": post("Locked", "2024-03-02")})
    user = other_user()
    (site / "content/posts/locked.md").chmod(0o600 if user is not None else 0o000)
    (open_tmp / "www").mkdir(mode=0o777)
    (open_tmp / "www").chmod(0o777)
    result = sitegen("build", str(site), "-o", str(open_tmp / "www" / "public"), user=user)
    refused(result.returncode, result.stderr, "content/posts/locked.md: cannot read this file: you do not have "
            "permission", "nothing was built, so the site is not published without it")
    assert not (open_tmp / "www" / "public").exists()


def test_a_storage_quota(open_tmp):
    """EDQUOT needs a file system with quotas (tmpfs quotas: Linux 6.6+ built with them)."""
    user = other_user()
    if user is None:
        unavailable("a quota test needs root, to mount a disk with a quota for another user")
    disk = open_tmp / "disk"
    with small_disk(disk, "4m", "usrquota,usrquota_block_hardlimit=128k,mode=0777") as disk:
        site = write_site(open_tmp / "site", VALID_SITE)
        grow(site, n=40, words=400)
        result = sitegen("build", str(site), "-o", str(disk / "public"), user=user)
        refused(result.returncode, result.stderr, "your storage quota on that disk is used up", "Nothing was written")
        assert list(disk.iterdir()) == []


def test_every_reason_says_what_to_do():
    for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO):
        reason, fix = os_reason(OSError(code, os.strerror(code)))
        assert reason and fix and "sitegen" not in reason
    assert os_reason(OSError(errno.ENOENT, "gone")) is None  # a missing file sitegen expected is its own fault


# -- the build cache ----------------------------------------------------------------------------

def test_a_cache_that_cannot_be_saved_is_removed_and_the_site_still_built(tmp_path, capsys):
    with small_disk(tmp_path / "disk", "4m") as disk:
        site = write_site(disk / "site", VALID_SITE)
        out = tmp_path / "public"
        assert build(site, out, capsys)[0] == 0
        grow(site, n=3)
        filler = fill(disk)
        code, err = build(site, out, capsys)
        assert code == 0, err
        assert ".sitegen-cache: warning: the build cache could not be saved in .sitegen-cache/" in err
        assert "The site was built; the cache was removed" in err
        assert not (site / ".sitegen-cache/cache.sqlite").exists()
        filler.unlink()
        assert tree_hashes(out) == clean_build(site, tmp_path / "clean")
        code, err = build(site, out, capsys)
        assert code == 0 and "warning" not in err


def test_a_cache_on_a_read_only_disk_is_left_alone(tmp_path, capsys):
    with small_disk(tmp_path / "disk", "4m") as disk:
        site = write_site(disk / "site", VALID_SITE)
        assert build(site, tmp_path / "first", capsys)[0] == 0
        cache_before = tree_hashes(site / ".sitegen-cache")
        remount_read_only(disk)
        code, err = build(site, tmp_path / "public", capsys)
        assert code == 0, err
        assert ".sitegen-cache: warning: cannot use the build cache in .sitegen-cache/" in err
        assert tree_hashes(site / ".sitegen-cache") == cache_before
        assert tree_hashes(tmp_path / "public") == tree_hashes(tmp_path / "first")


# -- serve and publish ------------------------------------------------------------------------

def test_the_preview_on_a_full_disk_keeps_showing_the_last_good_build(tmp_path):
    from tests.test_serve import Server, fetch, wait_for

    site = write_site(tmp_path / "site", VALID_SITE)
    with small_disk(tmp_path / "disk", "4m") as disk:
        server = Server(site, disk)
        edited = site / "content/posts/first-week.md"

        def saved_until(text: str, check):
            """Save `text` (again every two seconds, as a person would if nothing happened) until check()."""
            last = [0.0]

            def poll():
                if time.monotonic() - last[0] > 2:
                    edited.write_text(post(text, "2024-03-01"))
                    last[0] = time.monotonic()
                return check()
            return wait_for(poll, f"the preview after saving {text!r}", deadline=45)

        try:
            filler = fill(disk)
            grow(site, n=5)
            page = saved_until("Renamed week", lambda: (lambda r: r if "the disk is full" in r[2] else None)(
                fetch(server.url)))
            assert page[0] == 200 and "My first week" in page[2] and "Renamed week" not in page[2]
            assert leftovers(server.built()) == []
            filler.unlink()
            saved_until("Renamed again", lambda: (lambda b: "Renamed again" in b and "sitegen-errors" not in b)(
                fetch(server.url)[2]))
        finally:
            code, out, err = server.stop()
        assert code == 0, err
        assert "the disk is full" in err and "Traceback" not in err


def test_publishing_into_a_full_folder_changes_nothing(site, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "2m") as disk:
        target = disk / "www"
        assert main(["publish", str(site), "--to", str(target), "-q"]) == 0
        before = tree_hashes(target)
        grow(site)
        filler = fill(disk)
        code = main(["publish", str(site), "--to", str(target)])
        refused(code, capsys.readouterr().err, f"cannot publish into {target}: the disk is full",
                "Nothing was published: the folder is as it was, and nothing was left behind")
        assert tree_hashes(target) == before
        filler.unlink()
        assert main(["publish", str(site), "--to", str(target), "-q"]) == 0
        assert tree_hashes(target) != before


def test_publishing_with_a_temporary_folder_too_small_for_the_site(site, tmp_path):
    grow(site, n=60, words=1200)
    with small_disk(tmp_path / "disk", "512k") as disk:
        target = tmp_path / "www"
        result = sitegen("publish", str(site), "--to", str(target), env={"TMPDIR": str(disk)})
        refused(result.returncode, result.stderr, f"cannot build the site for publishing in {disk}",
                "TMPDIR", "Nothing was published")
        assert not target.exists()
        assert list(disk.iterdir()) == []


# -- init and new -------------------------------------------------------------------------------

def test_new_and_init_on_a_full_or_read_only_disk_leave_nothing_half_made(tmp_path, capsys):
    with small_disk(tmp_path / "disk", "1m") as disk:
        assert main(["init", str(disk / "journal")]) == 0
        posts = sorted(p.name for p in (disk / "journal/content/posts").iterdir())
        filler = fill(disk)
        capsys.readouterr()
        code = main(["new", "essay", "What the quiet taught me", "--site", str(disk / "journal")])
        refused(code, capsys.readouterr().err, f"cannot write a new piece into {disk / 'journal/content/posts'}: "
                "the disk is full", "Nothing was created.")
        assert sorted(p.name for p in (disk / "journal/content/posts").iterdir()) == posts  # no empty file
        code = main(["init", str(disk / "second")])
        refused(code, capsys.readouterr().err, f"cannot create the site in {disk / 'second'}: the disk is full",
                "Nothing was created.")
        assert not (disk / "second").exists()
        filler.unlink()
        remount_read_only(disk)
        code = main(["new", "essay", "What the quiet taught me", "--site", str(disk / "journal")])
        refused(code, capsys.readouterr().err, "that disk is read-only", "Nothing was created.")


def test_check_exits_2_for_a_post_that_cannot_be_read(open_tmp):
    site = write_site(open_tmp / "site", {**VALID_SITE, "content/posts/locked.md": post("Locked", "2024-03-02")})
    user = other_user()
    (site / "content/posts/locked.md").chmod(0o600 if user is not None else 0o000)
    result = sitegen("check", str(site), user=user)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "content/posts/locked.md: cannot read this file" in result.stdout


def test_a_review_copy_on_a_full_disk(tmp_path, capsys):
    from tests.test_consent import CASE

    with small_disk(tmp_path / "disk", "1m") as disk:
        site = write_site(disk / "site", {"content/case-studies/slow-neck.md": CASE})
        fill(disk)
        code = main(["consent", "content/case-studies/slow-neck.md", "--site", str(site)])
        refused(code, capsys.readouterr().err, f"cannot write the review copy into {site / 'private/consent'}: "
                "the disk is full", "Nothing was written.")
        assert not any((site / "private/consent").glob("*"))  # no half-written copy
