"""A build cache that is corrupt, truncated, from another version, of another shape, or
planted to run code: the build goes on (a warning where the cache was damaged), its
output is byte for byte a clean build's, nothing in the cache is ever executed, and the
build after it is an ordinary one."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import zoneinfo
from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.publish import _git
from tests.conftest import post, write_site
from tests.test_invalid import VALID_SITE, tree_hashes

CACHE = Path(".sitegen-cache/cache.sqlite")


class Planted:
    """Unpickling this calls `call(*args)`: what a malicious cache file would hold."""

    def __init__(self, call, *args):
        self.call, self.args = call, args

    def __reduce__(self):
        return self.call, self.args


def rewrite_values(db_path: Path, blob: bytes) -> None:
    db = sqlite3.connect(db_path)
    with db:
        db.execute("update entries set value = ?", (blob,))
        db.execute("update meta set value = ? where name != 'version'", (blob,))
    db.close()


def _random_bytes(cache: Path, _: Path) -> None:
    cache.write_bytes(os.urandom(20_000))


def _truncated(cache: Path, _: Path) -> None:
    cache.write_bytes(cache.read_bytes()[:1500])


def _empty(cache: Path, _: Path) -> None:
    cache.write_bytes(b"")


def _half_written_page(cache: Path, _: Path) -> None:
    data = bytearray(cache.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = os.urandom(4096)
    cache.write_bytes(bytes(data))


def _other_layout(cache: Path, _: Path) -> None:
    cache.unlink()
    db = sqlite3.connect(cache)
    db.execute("create table entries (id integer primary key, payload text, extra text)")
    db.execute("create table meta (k text, v text)")
    db.commit()
    db.close()


def _a_folder(cache: Path, _: Path) -> None:
    cache.unlink()
    (cache / "inside").mkdir(parents=True)


def _folder_is_a_file(cache: Path, _: Path) -> None:
    shutil.rmtree(cache.parent)
    cache.parent.write_text("not a folder")


def _garbage_pickles(cache: Path, _: Path) -> None:
    rewrite_values(cache, b"\x80\x05this is not a pickle")


def _runs_a_program(cache: Path, marker: Path) -> None:
    rewrite_values(cache, pickle.dumps(Planted(os.system, f"touch {marker}")))


def _calls_sitegen_code(cache: Path, marker: Path) -> None:
    rewrite_values(cache, pickle.dumps(Planted(_git, marker.parent, "init", str(marker))))


def _reaches_for_globals(cache: Path, marker: Path) -> None:
    rewrite_values(cache, pickle.dumps(Planted(getattr, zoneinfo.ZoneInfo, "__init__")))


DAMAGE = {f.__name__.strip("_"): f for f in (_random_bytes, _truncated, _empty, _half_written_page, _other_layout,
                                            _a_folder, _folder_is_a_file, _garbage_pickles, _runs_a_program,
                                            _calls_sitegen_code, _reaches_for_globals)}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_never_trusted(damage, tmp_path, capsys):
    site = write_site(tmp_path / "site", {**VALID_SITE, "content/posts/second.md": post("Second", "2024-03-05")})
    out = tmp_path / "public"
    assert main(["build", str(site), "-o", str(out), "-q"]) == 0
    (site / "content/posts/second.md").write_text(post("Second, revised", "2024-03-05", "New words."))
    marker = tmp_path / "ran"
    DAMAGE[damage](site / CACHE, marker)
    capsys.readouterr()

    assert main(["build", str(site), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    if damage != "empty":  # an empty file is simply a new cache
        assert ".sitegen-cache: warning:" in err and ("damaged" in err or "cannot use" in err), err
    assert not marker.exists(), "a value in the cache ran code"
    assert main(["build", str(tmp_path / "site"), "-o", str(tmp_path / "clean"), "-q", "--clean"]) == 0
    assert tree_hashes(out) == tree_hashes(tmp_path / "clean")

    capsys.readouterr()
    if damage != "folder_is_a_file":  # a file where the cache folder goes stays the user's to remove
        assert main(["build", str(site), "-o", str(out)]) == 0
        captured = capsys.readouterr()
        assert "warning" not in captured.err and "nothing changed" in captured.out


def test_a_cache_from_another_version_is_emptied_quietly(tmp_path, capsys):
    site = write_site(tmp_path / "site", VALID_SITE)
    out = tmp_path / "public"
    assert main(["build", str(site), "-o", str(out), "-q"]) == 0
    db = sqlite3.connect(site / CACHE)
    with db:
        db.execute("update meta set value = 'from-an-older-sitegen' where name = 'version'")
    db.close()
    (site / "content/posts/first-week.md").write_text(post("My first week, revised", "2024-03-01"))
    capsys.readouterr()
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert "warning" not in capsys.readouterr().err  # expected after an upgrade: nothing to warn about
    assert main(["build", str(site), "-o", str(tmp_path / "clean"), "-q", "--clean"]) == 0
    assert tree_hashes(out) == tree_hashes(tmp_path / "clean")
    versions = sqlite3.connect(site / CACHE).execute("select value from meta where name = 'version'").fetchall()
    assert versions != [("from-an-older-sitegen",)]


def test_a_damage_warning_is_given_once(tmp_path, capsys):
    """The build that found the damage says so; the no-change build after it does not repeat it."""
    site = write_site(tmp_path / "site", VALID_SITE)
    out = tmp_path / "public"
    assert main(["build", str(site), "-o", str(out), "-q"]) == 0
    _truncated(site / CACHE, tmp_path)
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert "damaged" in capsys.readouterr().err
    assert main(["build", str(site), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err and "nothing changed" in captured.out


def test_changed_sitegen_code_is_a_new_cache(tmp_path):
    """sitegen updated from its repository keeps its version number; what older code made of
    each file (its privacy findings above all) must not be trusted then."""
    import os

    from sitegen.cache import _code_key

    pkg = tmp_path / "pkg"
    (pkg / "privacy").mkdir(parents=True)
    (pkg / "build.py").write_text("x = 1\n")
    (pkg / "privacy" / "scan.py").write_text("y = 1\n")
    before = _code_key(str(pkg))
    assert _code_key(str(pkg)) == before  # stable while nothing changes
    (pkg / "privacy" / "scan.py").write_text("y = 2  # a better scan\n")
    st = (pkg / "privacy" / "scan.py").stat()
    os.utime(pkg / "privacy" / "scan.py", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert _code_key(str(pkg)) != before
