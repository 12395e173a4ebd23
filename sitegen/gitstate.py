"""Where the site's sources go in git, asked of git itself and never over the network.

Everything here reads the repository as it is on this computer: which remotes it has,
which branches were pushed to them (their remote-tracking branches, as of the last push or
fetch), which branch a `git push` would send, and which files are tracked or sit in a
pushed branch.  Nothing is fetched, nothing is written, and no network is used, so the
answer is quick and works offline (issue 18).  No git, or a folder that is not in a
repository: `read_state` returns None and the callers say nothing.

Standard library only: `sitegen build` asks this on its no-change fast path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

_TIMEOUT = 20  # seconds; a repository on a stalled network share must not hang a build


@dataclass(frozen=True, slots=True)
class Remote:
    name: str
    url: str  # where `git push` sends (the push URL when one is set)


@dataclass(frozen=True, slots=True)
class GitState:
    """What git says about the repository that holds the site folder."""

    top: Path  # the repository's top folder
    site_dir: Path  # the site folder the paths below are relative to
    prefix: str  # the site folder inside the repository: "" or "blog/"
    branch: str | None  # the current branch; None when detached, before the first commit, or with no remote
    push_remote: str | None  # the remote `git push` sends the current branch to, when set up
    remotes: tuple[Remote, ...]
    remote_branches: tuple[tuple[str, str], ...]  # (remote, branch) of every pushed branch git knows of

    def remote(self, name: str) -> Remote | None:
        return next((r for r in self.remotes if r.name == name), None)

    def pushed_to(self, remote: str) -> tuple[str, ...]:
        """The branches of `remote` git knows of (from the last push or fetch)."""
        return tuple(b for r, b in self.remote_branches if r == remote)

    def default_push_remote(self) -> str | None:
        """Where a plain `git push` (or the `git push -u origin main` that hosts suggest) would go."""
        if self.push_remote:
            return self.push_remote
        names = [r.name for r in self.remotes]
        if "origin" in names:
            return "origin"
        return names[0] if len(names) == 1 else None


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess | None:
    """Run git offline; None when git is missing or does not answer in time."""
    import subprocess  # only once there is a repository to ask about

    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, timeout=_TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None


def _lines(out: bytes, sep: bytes = b"\n") -> list[str]:
    return [part.decode("utf-8", "surrogateescape") for part in out.split(sep) if part]


def might_be_in_repository(folder: Path) -> bool:
    """A quick look without starting git: is there a .git in this folder or any above it?"""
    if os.environ.get("GIT_DIR"):
        return True
    try:
        here = folder.resolve()
    except OSError:
        return False
    return any((p / ".git").exists() for p in (here, *here.parents))


def read_state(site_dir: Path) -> GitState | None:
    """The repository holding site_dir as git sees it; None without git or outside a repository."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir() or not might_be_in_repository(site_dir):
        return None
    where = _git(site_dir, "rev-parse", "--show-toplevel", "--show-prefix")
    if where is None or where.returncode != 0:
        return None  # not a repository (or a bare one, or one git refuses to read): nothing to say
    parts = where.stdout.decode("utf-8", "surrogateescape").split("\n")
    top, prefix = Path(parts[0]), (parts[1] if len(parts) > 1 else "")
    remotes = _remotes(site_dir)
    branch = push_remote = None
    remote_branches: list[tuple[str, str]] = []
    if not remotes:  # the sources go nowhere: nothing more to ask
        return GitState(top, site_dir, prefix, None, None, (), ())
    refs = _git(site_dir, "for-each-ref", "--format=%(HEAD)%00%(refname)%00%(push:remotename)%00"
                "%(upstream:remotename)", "refs/heads", "refs/remotes")
    names = sorted((r.name for r in remotes), key=len, reverse=True)  # "a/b" before "a"
    for line in _lines(refs.stdout) if refs is not None and refs.returncode == 0 else ():
        head, ref, push, upstream = (line.split("\0") + ["", "", "", ""])[:4]
        if ref.startswith("refs/heads/") and head == "*":
            branch, push_remote = ref.removeprefix("refs/heads/"), (push or upstream or None)
        elif ref.startswith("refs/remotes/"):
            rest = ref.removeprefix("refs/remotes/")
            owner = next((n for n in names if rest.startswith(n + "/")), None)
            if owner is not None and rest != f"{owner}/HEAD":
                remote_branches.append((owner, rest[len(owner) + 1:]))
    return GitState(top, site_dir, prefix, branch, push_remote, remotes, tuple(remote_branches))


def _remotes(cwd: Path) -> tuple[Remote, ...]:
    out = _git(cwd, "remote", "-v")
    if out is None or out.returncode != 0:
        return ()
    fetch: dict[str, str] = {}
    push: dict[str, str] = {}
    for line in _lines(out.stdout):
        name, _, rest = line.partition("\t")
        m = re.match(r"(.*) \((fetch|push)\)$", rest)
        if m:
            (push if m.group(2) == "push" else fetch).setdefault(name, m.group(1))
    return tuple(Remote(n, push.get(n) or fetch[n]) for n in sorted(set(fetch) | set(push), key=str)
                 if push.get(n) or fetch.get(n))


def _specs(state: GitState, paths: Iterable[str]) -> list[str]:
    # Site-relative files and folders (content, private/clients.toml) → literal pathspecs from
    # the repository's top: file names may hold *, ? or [, matched as they are.
    return [":(literal)" + state.prefix + p.rstrip("/") for p in paths]


def _to_site(state: GitState, repo_path: str) -> str:
    return repo_path[len(state.prefix):] if repo_path.startswith(state.prefix) else repo_path


def _listing(state: GitState, *args: str) -> tuple[str, ...]:
    out = _git(state.top, *args)
    if out is None or out.returncode != 0:
        return ()
    return tuple(sorted(_to_site(state, p) for p in _lines(out.stdout, b"\0")))


def tracked(state: GitState, paths: Iterable[str]) -> tuple[str, ...]:
    """The files git tracks here (committed or staged) among these site-relative files and folders."""
    specs = _specs(state, paths)
    return _listing(state, "ls-files", "-z", "--full-name", "--", *specs) if specs else ()


def files_on(state: GitState, remote: str, branch: str, paths: Iterable[str]) -> tuple[str, ...]:
    """The files among these site-relative files and folders that are in `branch` of `remote`,
    as it was when this computer last pushed to it or fetched from it."""
    specs = _specs(state, paths)
    if not specs:
        return ()
    return _listing(state, "ls-tree", "-r", "-z", "--name-only", "--full-tree", f"refs/remotes/{remote}/{branch}",
                    "--", *specs)


def repository_key(url: str, base: Path) -> str:
    """What identifies a repository behind an address: the https and ssh forms of one GitHub
    repository give the same key; a folder is resolved from `base` (where a relative one starts)."""
    url = url.strip()
    scp_like = re.match(r"^[^/\\]+:", url) and not re.match(r"^[A-Za-z]:[\\/]", url)
    if url.lower().startswith("file://") or ("://" not in url and not scp_like):  # a folder, as git reads it
        path = Path(os.path.expanduser(url[7:] if url.lower().startswith("file://") else url))
        full = os.path.realpath(path if path.is_absolute() else base / path)
        return "file:" + os.path.normcase(full).rstrip("/\\").removesuffix(".git")
    m = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+)$", url, re.I)
    if not m:
        return url
    # GitHub and GitLab ignore the case of names and a trailing .git.
    path = m.group(2).strip("/").removesuffix(".git").lower()
    return f"{m.group(1).lower()}/{path}"


def looks_like_path(text: str) -> bool:
    """A folder on this computer (a bare repository, say) rather than a remote's name or a web address."""
    return (text.startswith(("/", "./", "../", "~", "\\")) or bool(re.match(r"^[A-Za-z]:[\\/]", text))
            or text in (".", ".."))


def looks_like_address(text: str) -> bool:
    """A repository's address (https://…, git@host:…, file://… or a folder), not a remote's name."""
    return ("://" in text or bool(re.match(r"^[\w.-]+@[\w.-]+:", text)) or looks_like_path(text))
