"""Publish the site: a fresh, draft-free build, then a gh-pages branch push or a mirror into a folder.

Publishing always starts from a new build into a temporary folder (never from output/,
which may hold a preview with drafts) and refuses on any error -- privacy and consent
errors included -- and, with --strict, on any warning.  The hosting extras are added to
what is published: `.nojekyll` (GitHub Pages must not run Jekyll over the site) and
`CNAME` when site.toml sets `domain`.

* `--to gh-pages` commits the site to a branch with ghp-import (the library behind
  MkDocs' gh-deploy) and pushes it to the remote.  Given a repository's address
  (`--remote https://…`) rather than a remote's name, the commit is made in a repository
  of its own in a temporary folder, so the sources' repository (if there is one) is never
  touched and the site's repository holds only built files.  Publishing refuses to push to
  a remote that already holds the sources with private material in them (issue 18).
* `--to PATH` mirrors the site into a folder that may hold other files, such as a mounted
  share or a folder an FTP client keeps in sync.  A manifest in the folder
  (MANIFEST_NAME) lists what the previous publish wrote, with each file's hash, so only
  those files are ever removed, only when their bytes are still what was published, and
  files whose bytes are unchanged are not rewritten.  A file sitegen did not write is
  never overwritten: publishing stops and says which ones are in the way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

from .errors import (
    ContentErrors,
    Diagnostic,
    FileSystemError,
    NotPublished,
    PublishError,
    UsageError,
    file_system_error,
    sorted_diagnostics,
    warning,
)
from .gitstate import looks_like_address, looks_like_path

GH_PAGES = "gh-pages"
MANIFEST_NAME = ".sitegen-manifest.json"
MANIFEST_VERSION = 1
_INTERNAL = (".sitegen-output", ".sitegen-journal")  # the build's own bookkeeping, never published


@dataclass(frozen=True, slots=True)
class Published:
    where: str  # what the user reads: "branch gh-pages of origin (url)" or the folder
    pages: int
    files: int  # files in the published site, extras included
    written: int  # files actually (re)written; for gh-pages, every file goes into the commit
    unchanged: int
    removed: int
    kept: tuple[str, ...]  # stale files left in place because they changed since they were published
    held_back: tuple
    diagnostics: tuple[Diagnostic, ...]
    address: str = ""  # where the site can be seen, when known
    fresh_history: bool = False  # gh-pages was started afresh (a withdrawn case study must not stay in its history)
    sources: object = None  # exposure.SourceCheck: where git has the sources' private material
    pushed: bool = False  # published with a git push (gh-pages), not into a folder


# -- the build every publish starts from ------------------------------------------------------

def _fresh_build(site_dir: Path, tree: Path, strict: bool, quiet: bool):
    """Build without drafts into tree; raise NotPublished on any error (on any warning with strict)."""
    from .build import BuildOptions, build
    from .progress import progress_bar

    try:
        with progress_bar(quiet) as progress:
            result = build(site_dir, BuildOptions(output=tree, drafts=False, strict=strict, clean=False,
                                                  write=True, progress=progress))
    except ContentErrors as exc:
        raise NotPublished(exc.diagnostics, exc.private) from None
    extra = _publish_warnings(result.config)
    if strict and extra:
        raise NotPublished([d.as_error() for d in extra])
    for name in _INTERNAL:
        with contextlib.suppress(FileNotFoundError):
            (tree / name).unlink()
    (tree / ".nojekyll").write_bytes(b"")
    domain = _domain(result.config.domain)
    if domain:
        (tree / "CNAME").write_text(domain + "\n", encoding="utf-8")
    return result, sorted_diagnostics(list(result.diagnostics) + extra)


def _publish_warnings(config) -> list[Diagnostic]:
    if config.base_url:
        return []
    return [warning("site.toml", None, "publish.base-url",
                    f"base_url is not set, so the feeds, the sitemap and the not-found page point to "
                    f"{config.site_url} instead of your site",
                    'set it to your site\'s address, e.g. base_url = "https://yourname.github.io/journal/"')]


def _domain(raw: str) -> str:
    domain = raw.strip()
    if not domain:
        return ""
    if "://" in domain or "/" in domain or " " in domain:
        raise PublishError(f"site.toml: domain = {raw!r} is not a bare domain name. Write only the name, "
                           'without https:// or any /, for example domain = "www.example.org"')
    return domain


def _tree_files(tree: Path) -> dict[str, Path]:
    """Every file in the built tree by its posix path; symbolic links are not followed."""
    files: dict[str, Path] = {}
    for folder, dirs, names in os.walk(tree):
        dirs.sort()
        for name in sorted(names):
            p = Path(folder, name)
            files[PurePosixPath(p.relative_to(tree)).as_posix()] = p
    return files


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def publish(site_dir: Path, to: str | None = None, *, remote: str | None = None, branch: str | None = None,
            strict: bool = False, quiet: bool = False, sources_are_public: bool = False) -> Published:
    """Build afresh and publish to a gh-pages branch (to == "gh-pages") or a folder (any other value).

    What is not given comes from [publish] in site.toml; the remote may be a remote's name or
    the address of a separate repository for the site.
    """
    site_dir = Path(site_dir)
    from .scaffold import is_site

    if not site_dir.is_dir() or not is_site(site_dir):
        raise PublishError(f"{site_dir} is not a sitegen site (it has no site.toml and no content/ folder). "
                           "Give the site folder, for example sitegen publish my-journal --to gh-pages")
    to, remote, branch = _targets(site_dir, to, remote, branch)
    git_target = to == GH_PAGES
    separate = git_target and looks_like_address(remote)  # a repository of its own for the built site
    if separate:
        _check_git_installed()
    elif git_target:
        repo = _check_git(site_dir, remote, branch)  # before building: a missing remote fails at once
    else:
        target = _check_folder(site_dir, Path(to).expanduser())
    building = "build the site for publishing in"
    try:
        workspace = tempfile.TemporaryDirectory(prefix="sitegen-publish-")
    except OSError as exc:
        raise file_system_error(exc, building, tempfile.gettempdir(), "Nothing was published.") or exc from exc
    with workspace as tmp:
        tree = Path(tmp) / "site"
        try:
            result, diags = _fresh_build(site_dir, tree, strict, quiet)
        except FileSystemError as exc:  # the temporary folder's disk: say which, and how to choose another
            raise FileSystemError(building, tempfile.gettempdir(), exc.reason, exc.fix + " (or choose another "
                                  "folder for temporary files with the TMPDIR setting)", "Nothing was published.") from None
        except OSError as exc:  # adding .nojekyll or CNAME
            raise file_system_error(exc, building, tempfile.gettempdir(), "Nothing was published.") or exc from exc
        sources = _check_sources(site_dir, result, remote if git_target else None, sources_are_public)
        if separate:
            repo = _site_repository(Path(tmp) / "repository", remote)
        if git_target:
            published = _push(site_dir, repo, tree, result, diags, SITE_REMOTE if separate else remote, branch,
                              separate=separate)
            return dataclasses.replace(published, sources=sources)
        return dataclasses.replace(_mirror(tree, target, result, diags), sources=sources)


def _targets(site_dir: Path, to: str | None, remote: str | None, branch: str | None) -> tuple[str, str, str]:
    """The target, remote and branch: from the command line, else from site.toml's [publish]."""
    from .config import load_config

    settings = load_config(site_dir)[0].publish
    target = to or settings.to
    if not target:
        raise UsageError(f"say where to publish: --to {GH_PAGES} (GitHub Pages) or --to FOLDER (a folder your web "
                         f"host serves), or set it once in site.toml: to = \"{GH_PAGES}\" in the [publish] section")
    if target != GH_PAGES and (remote is not None or branch is not None):
        raise UsageError(f"--remote and --branch are for --to {GH_PAGES}; a folder target takes neither "
                         f"(did you mean --to {GH_PAGES}?)")
    if remote is None and settings.remote and looks_like_path(settings.remote):
        # A folder written in site.toml is relative to the site folder, not to where the command runs.
        remote = os.path.join(site_dir, os.path.expanduser(settings.remote))
    return target, remote or settings.remote or "origin", branch or settings.branch or GH_PAGES


def _check_sources(site_dir: Path, result, remote: str | None, allowed: bool):
    """Where git has the sources' private material; refuse to push the site to a remote that holds it."""
    from .exposure import check_sources, refusal

    sources = check_sources(site_dir, result.private, result.config.publish.private_remotes)
    why = refusal(sources, remote) if remote is not None and not allowed else None
    if why:
        raise PublishError(why)
    return sources


# -- gh-pages ---------------------------------------------------------------------------------

def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "").removeprefix("fatal: ").removeprefix("error: ")


_NO_GIT = ("git is not installed, and publishing to GitHub Pages needs it. Install Git "
           "(https://git-scm.com/downloads), then publish again")
_SITE_REPOSITORY = "https://github.com/YOUR-NAME/YOUR-NAME.github.io.git"


def _check_git_installed() -> None:
    try:
        _git(Path.cwd(), "--version")
    except FileNotFoundError:
        raise PublishError(_NO_GIT) from None


def _check_git(site_dir: Path, remote: str, branch: str) -> Path:
    """The repository's top folder; PublishError when git, the repository or the remote is missing."""
    try:
        top = _git(site_dir, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        raise PublishError(_NO_GIT) from None
    if top.returncode != 0:
        raise PublishError(f"{site_dir} is not a git repository, so there is no remote called {remote!r} to push the "
                           f"site to. Give the address of the repository for your site instead: sitegen publish "
                           f"--to gh-pages --remote {_SITE_REPOSITORY} (or set remote in the [publish] section of "
                           "site.toml); your sources then stay on this computer. The README's \"Keep your sources "
                           "private\" shows every step. Or publish to a folder with --to PATH")
    url = _git(site_dir, "remote", "get-url", remote)
    if url.returncode != 0:
        remotes = _git(site_dir, "remote").stdout.split()
        have = f"it has: {', '.join(remotes)}" if remotes else "it has none"
        raise PublishError(f"this repository has no remote called {remote!r} ({have}). Give the address of the "
                           f"repository for your site instead: --remote {_SITE_REPOSITORY}"
                           + (f", or choose a remote with --remote {remotes[0]}" if remotes else ""))
    repo = Path(top.stdout.strip())
    if _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip() == branch:
        raise PublishError(f"the branch {branch!r} is the one checked out in {repo}; publishing would replace the "
                           f"files you are working on with the built site. Switch back to your own branch "
                           f"(for example git checkout main) and publish again")
    return repo


@contextlib.contextmanager
def _committer(repo: Path, fallback_name: str):
    """ghp-import signs the commit with git's user.name/email; lend it one if git has none."""
    saved = {k: os.environ.get(k) for k in ("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")}
    if not saved["GIT_COMMITTER_NAME"] and not _git(repo, "config", "user.name").stdout.strip():
        os.environ["GIT_COMMITTER_NAME"] = fallback_name or "sitegen"
    if not saved["GIT_COMMITTER_EMAIL"] and not _git(repo, "config", "user.email").stdout.strip():
        os.environ["GIT_COMMITTER_EMAIL"] = "sitegen@localhost"
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _pages_address(remote_url: str, domain: str) -> str:
    if domain:
        return f"https://{domain}/"
    m = re.search(r"github\.com[:/]+([^/]+)/([^/]+?)(?:\.git)?/?$", remote_url)
    if not m:
        return ""
    owner, name = m.group(1), m.group(2)
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{owner.lower()}.github.io/"
    return f"https://{owner.lower()}.github.io/{name}/"


SITE_REMOTE = "site"  # the remote's name in the repository of its own a separate site is pushed from


def _site_repository(folder: Path, address: str) -> Path:
    """An empty repository in a temporary folder, with the site's repository as its remote."""
    if looks_like_path(address):  # the new repository is in another folder: a relative path would point elsewhere
        address = os.path.abspath(os.path.expanduser(address))
    for args in (("init", "--quiet", str(folder)), ("-C", str(folder), "remote", "add", SITE_REMOTE, address)):
        done = _git(Path.cwd(), *args)
        if done.returncode != 0:
            raise PublishError(f"git could not prepare the publishing repository: {_last_line(done.stderr)}; "
                               "nothing was published")
    return folder


def _push(site_dir: Path, repo: Path, tree: Path, result, diags, remote: str, branch: str,
          separate: bool = False) -> Published:
    import ghp_import

    url = _git(repo, "remote", "get-url", remote).stdout.strip()
    name = url if separate else f"{remote!r} ({url})"
    # Bring the remote's branch in first, so the new commit follows it and the push is a
    # fast-forward (ghp-import builds on <remote>/<branch> when that ref exists).
    probe = _git(repo, "ls-remote", "--heads", remote, f"refs/heads/{branch}")
    if probe.returncode != 0:
        raise PublishError(f"cannot reach the remote {name}: {_last_line(probe.stderr)}. Check your "
                           "internet connection and that you are allowed to push to that repository; nothing was published")
    if probe.stdout.strip():
        # A repository of its own needs only the branch's last commit to build on.
        fetched = _git(repo, "fetch", "--quiet", *(("--depth", "1") if separate else ()), remote,
                       f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
        if fetched.returncode != 0:
            raise PublishError(f"cannot fetch branch {branch!r} from {name}: {_last_line(fetched.stderr)}; "
                               "nothing was published")
    before = _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}").stdout.strip()
    files = _tree_files(tree)
    message = f"Publish {result.pages} pages with sitegen"
    # A withdrawn case study must leave the branch's history too, not just its newest commit:
    # the branch is started afresh, with one commit holding only the site as it is now.
    fresh = bool(withdrawn(result.held_back))
    try:
        with contextlib.chdir(repo), _committer(repo, result.config.author):
            ghp_import.ghp_import(str(tree), mesg=message, remote=remote, branch=branch, push=True,
                                  nojekyll=False, cname=None, prefix=None, followlinks=False, no_history=fresh)
    except ghp_import.GhpError as exc:
        raise PublishError(f"could not record the site on branch {branch!r}: {exc.message}; nothing was published") from exc
    except subprocess.CalledProcessError:
        raise PublishError(f"the site was committed to the local branch {branch!r}, but git could not push it to "
                           f"{name}; git's message is above. Check your connection and your "
                           f"permission to push, then publish again") from None
    except TypeError:
        # ghp-import 2.1 reports a failed `git fast-import` by writing bytes to sys.stdout,
        # which raises TypeError on Python 3; git has printed its own reason above.
        after = _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}").stdout.strip()
        if after != before:
            raise
        raise PublishError(f"git could not record the site on branch {branch!r} (its message is above); "
                           "nothing was published") from None
    where = f"branch {branch} of {url}" if separate else f"branch {branch} of {remote} ({url})"
    return Published(where, result.pages, len(files), len(files), 0, 0, (),
                     result.held_back, diags, _pages_address(url, _domain(result.config.domain)),
                     fresh_history=fresh, pushed=True)


def withdrawn(held_back: tuple) -> tuple:
    """The held-back items whose client withdrew consent: they must come off the host too."""
    return tuple(h for h in held_back if h.reason.startswith("consent withdrawn"))


# -- a folder ---------------------------------------------------------------------------------

def _check_folder(site_dir: Path, target: Path) -> Path:
    from .safewrite import MARKER

    target = Path(os.path.abspath(target))  # absolute, with any .. folded away, for messages
    real, site = target.resolve(), site_dir.resolve()
    home = Path.home().resolve()
    why = None
    if real == Path(real.anchor):
        why = "it is the root of the file system"
    elif real == home:
        why = "it is your home folder"
    elif real == site or site.is_relative_to(real):
        why = "it is the site folder, or holds it"
    elif real.is_relative_to(site) and real.relative_to(site).parts[0] in ("content", "templates", "static", "private"):
        why = f"it is inside the site's own {real.relative_to(site).parts[0]}/ folder"
    elif (target / MARKER).exists():
        why = "it is a build output folder (sitegen build replaces it whole); choose the folder your host serves"
    elif target.exists() and not target.is_dir():
        why = "it is a file, not a folder"
    elif not target.exists() and not target.parent.is_dir():
        why = (f"neither it nor the folder it would go in ({target.parent}) exists. If it is a network share, "
               "check that it is connected (mounted)")
    if why:
        raise PublishError(f"refusing to publish into {target}: {why}. Nothing was published")
    return target


def _read_manifest(target: Path) -> dict[str, str]:
    path = target / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if data.get("version") != MANIFEST_VERSION or not isinstance(files, dict):
            raise ValueError("unknown layout")
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PublishError(f"{path} cannot be read ({exc}), so sitegen cannot tell which files in {target} it "
                           "published before. Nothing was published. If you have not edited that file, move it "
                           "away and publish again (sitegen will then ask you about any file in its way)") from None


def _write_manifest(target: Path, files: dict[str, str]) -> None:
    data = {"version": MANIFEST_VERSION,
            "about": "Files sitegen published here, with their SHA-256; it removes only these, and only unchanged.",
            "files": dict(sorted(files.items()))}
    _atomic_write(target / MANIFEST_NAME, (json.dumps(data, indent=1) + "\n").encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = _staging(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _staging(dest: Path) -> Path:
    """Where a file is written before it is moved into place, beside it (never published as it is)."""
    return dest.with_name(f".{dest.name}.sitegen-tmp")


def _mirror(tree: Path, target: Path, result, diags) -> Published:
    """Copy the site into target, touching only files sitegen published there (see the module docstring).

    Every new or changed file is first written beside its place; only when all of them are
    written (and the disk had room for them) are they moved in, so a full disk or a refused
    write leaves the folder exactly as it was."""
    new_files = _tree_files(tree)
    new = {rel: _sha(p) for rel, p in new_files.items()}
    old = _read_manifest(target)
    try:
        _refuse_blocked(target, new, old)
        for rel in set(old) | set(new):  # left by a publish that was killed while staging
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                _staging(target / rel).unlink()
        todo = [rel for rel in new_files if not ((target / rel).is_file() and not (target / rel).is_symlink()
                                                 and _sha(target / rel) == new[rel])]
        _stage(target, new_files, todo, {**old, **new})
    except OSError as exc:
        raise file_system_error(exc, "publish into", target, "Nothing was published: the folder is as it was, "
                                "and nothing was left behind.") or exc from exc
    try:
        for rel in todo:
            os.replace(_staging(target / rel), target / rel)
        removed, kept = _remove_stale(target, old, new)
        _write_manifest(target, new)
    except OSError as exc:
        raise file_system_error(exc, "publish into", target, "The folder now holds part of the new site; once "
                                "this is fixed, publish again to finish (nothing of yours was removed).") or exc from exc
    return Published(str(target), result.pages, len(new), len(todo), len(new) - len(todo), removed, tuple(kept),
                     result.held_back, diags)


def _refuse_blocked(target: Path, new: dict[str, str], old: dict[str, str]) -> None:
    """PublishError, before anything is touched, if a file sitegen did not publish is in the way."""
    blocked: list[str] = []
    for rel, digest in new.items():
        dest = target / rel
        for parent in PurePosixPath(rel).parents:
            if str(parent) != "." and (target / parent).exists() and not (target / parent).is_dir():
                blocked.append(f"{parent} (a file where the site needs a folder)")
        if dest.is_symlink() or (dest.exists() and not dest.is_file()):
            blocked.append(f"{rel} (a {'link' if dest.is_symlink() else 'folder'} where the site needs a file)")
        elif dest.is_file() and rel not in old and _sha(dest) != digest:
            blocked.append(rel)
    if blocked:
        blocked = sorted(set(blocked))
        shown = "; ".join(blocked[:8]) + (f"; and {len(blocked) - 8} more" if len(blocked) > 8 else "")
        raise PublishError(f"{target} already holds files that sitegen did not publish there and would have to "
                           f"replace: {shown}. Nothing was published. Move them somewhere else (or delete them if "
                           "they are not needed), then publish again")


def _stage(target: Path, new_files: dict[str, Path], todo: list[str], claim: dict[str, str]) -> None:
    """Write each file of `todo` beside its place, and claim every file old and new in the manifest
    (so an interrupted publish never leaves a file of its own looking like someone else's).
    On failure, remove whatever this made and re-raise."""
    made: list[Path] = []
    staged: list[Path] = []
    try:
        for folder in [target] + sorted({(target / rel).parent for rel in todo}):
            for d in [*reversed(folder.relative_to(target).parents), folder.relative_to(target)]:
                if not (target / d).exists():
                    (target / d).mkdir()
                    made.append(target / d)
        for rel in todo:
            staged.append(_staging(target / rel))
            shutil.copyfile(new_files[rel], staged[-1])
            os.chmod(staged[-1], 0o644)
        _write_manifest(target, claim)
    except BaseException:
        for f in staged:
            with contextlib.suppress(OSError):
                f.unlink()
        for d in reversed(made):
            with contextlib.suppress(OSError):
                d.rmdir()
        raise


def _remove_stale(target: Path, old: dict[str, str], new: dict[str, str]) -> tuple[int, list[str]]:
    """Remove files an earlier publish put there that the site no longer has, unless changed since."""
    removed = 0
    kept: list[str] = []
    for rel, digest in sorted(old.items()):
        if rel in new:
            continue
        dest = target / rel
        if dest.is_symlink() or not dest.is_file():
            continue  # gone already, or replaced by something that is not ours
        if _sha(dest) != digest:
            kept.append(rel)  # edited since it was published: it is somebody's now
            continue
        dest.unlink()
        removed += 1
        _prune_empty(dest.parent, target)
    return removed, kept


def _prune_empty(folder: Path, stop: Path) -> None:
    """Remove folders emptied by removing stale files, up to (not including) the target."""
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


# -- what the command prints --------------------------------------------------------------------

def report(p: Published, out: TextIO, err: TextIO, quiet: bool = False, verbose: bool = False) -> None:
    if not quiet:
        for d in p.diagnostics:
            print(str(d), file=err)
    for rel in p.kept:
        print(f"sitegen: warning: left {rel} in place: it no longer belongs to the site, but it was changed "
              "after sitegen published it, so it is yours now", file=err)
    if quiet:
        return
    if p.written != p.files or p.removed or p.unchanged:
        detail = f"{p.written} written, {p.unchanged} unchanged, {p.removed} removed"
    else:
        detail = f"{p.files} files"
    text = f"Published {p.pages} pages ({detail}) to {p.where}"
    if p.held_back:
        shown = p.held_back if verbose or len(p.held_back) <= 5 else p.held_back[:5]
        text += f"; held back {len(p.held_back)}: " + "; ".join(f"{h.rel} ({h.reason})" for h in shown)
        if len(shown) < len(p.held_back):
            text += f"; and {len(p.held_back) - len(shown)} more (-v lists them)"
    print(text, file=out)
    for h in withdrawn(p.held_back):
        how = (" The branch was started afresh, so no earlier copy stays in its history." if p.fresh_history else
               " Any copy an earlier publish put there has been removed.")
        print(f"Taken off the site: {h.rel} ({h.reason}).{how}", file=out)
    if p.address:
        print(f"It will be online at {p.address} in a minute or two, once GitHub Pages is set to publish "
              "this branch (on GitHub: your repository's Settings, then Pages, then the branch).", file=out)


__all__ = ["GH_PAGES", "MANIFEST_NAME", "NotPublished", "PublishError", "Published", "publish", "report"]
