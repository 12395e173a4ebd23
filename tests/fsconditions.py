"""Real file-system failures for tests: a small disk, a full one, a read-only one, a locked
folder, another user's folder, a limit on file size.

Each condition is made with the operating system's own means (a tmpfs mounted for the
test, `chattr +i`, a process running as another user, RLIMIT_FSIZE), never by mocking.
A condition this machine cannot make skips the test with the reason, except where a test
asks for it to be required on CI (a fresh root machine), where it fails instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

NOBODY = 65534


def unavailable(reason: str, required_in_ci: bool = False) -> None:
    if required_in_ci and os.environ.get("CI"):
        pytest.fail(f"{reason}; CI runs as root on a fresh machine and must be able to run this test")
    pytest.skip(reason)


@contextlib.contextmanager
def small_disk(path: Path, size: str = "1m", options: str = "", required_in_ci: bool = False) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `path` for the duration (root, or a process allowed to mount)."""
    path.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + (f",{options}" if options else "")
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True, text=True)
    except FileNotFoundError:
        unavailable("there is no mount command here", required_in_ci)
    if r.returncode != 0:
        unavailable(f"cannot mount a small tmpfs ({opts}) here: {r.stderr.strip() or r.returncode}", required_in_ci)
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-R", "-i", str(path)], capture_output=True)
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(disk: Path) -> None:
    r = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
    if r.returncode != 0:
        unavailable(f"cannot remount {disk} read-only here: {r.stderr.strip()}")


def fill(disk: Path) -> Path:
    """Fill the disk holding `disk` until a write fails with ENOSPC; returns the filler file."""
    filler = disk / "filler"
    block = b"\0" * 65536
    with open(filler, "wb", buffering=0) as fh:
        while True:
            try:
                fh.write(block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                if len(block) == 512:
                    break
                block = block[: len(block) // 2]
    return filler


def used(disk: Path) -> int:
    st = os.statvfs(disk)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[Path]:
    """`folder` made immutable (chattr +i): nobody, root included, may add, remove or rename in it."""
    r = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if r.returncode != 0:
        unavailable(f"cannot lock {folder} with chattr +i here: {r.stderr.strip() or 'no chattr'}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)


@pytest.fixture
def open_tmp():
    """A temporary folder every user may enter (pytest's own are private to their owner)."""
    root = Path(tempfile.mkdtemp(prefix="sitegen-fs-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        subprocess.run(["chattr", "-R", "-i", str(root)], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def sitegen(*args: str, user: int | None = None, fsize: int | None = None, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m sitegen ARGS` in a real process, as another user or with a file size limit."""
    def limit() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if user is not None:
            os.setgroups([])
            os.setgid(user)
            os.setuid(user)

    full_env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": "/nonexistent-home", **(env or {})}
    return subprocess.run([sys.executable, "-m", "sitegen", *args], capture_output=True, text=True,
                          env=full_env, preexec_fn=limit, timeout=timeout)


def other_user() -> int | None:
    """A user other than this one whose writes a plain folder permission stops: `nobody` when we
    are root (root itself ignores permissions), None when we are not (then chmod suffices)."""
    return NOBODY if os.geteuid() == 0 else None
