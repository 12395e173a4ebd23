"""Private material that git could make public, and the warning that says so (issue 18).

A therapist's content folder holds what must never be public: drafts (often written
before the client's details are disguised), `private:` notes, case studies still waiting
for consent.  On GitHub's free plan a Pages site needs a public repository, so one
`git push` of the sources' branch publishes all of it.  This module joins two answers:

* what the build knows of each file -- `private_files`, over the check's result: which
  files hold private material, and why (one line in PRIVATE_MATERIAL per kind);
* what git says (`gitstate`, offline) -- which of those files sit in a pushed branch, or
  are committed and would go with the next push;

into one warning naming the remote and the files and saying what to do, and into the
reason `publish` refuses to push the site to a repository that holds them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Diagnostic, Severity

if TYPE_CHECKING:
    from . import gitstate
    from .model import HeldBack
    from .validate import Entry

CONSENT_PROBLEMS = frozenset({"consent.missing", "consent.malformed", "consent.future", "consent.reviewed"})
REGISTER_REASON = "your private client register (real names and contact details)"
PRIVATE_FOLDER = "private"
PRIVATE_FOLDER_REASON = "from your private/ folder"
SHOWN_FILES = 10
MAX_NAMED = 200  # files named to git one by one; beyond this, whole folders (command lines have limits)
GUIDE = 'see "Keep your sources private" in the README'
PAGES_EXAMPLE = "https://github.com/YOUR-NAME/YOUR-NAME.github.io.git"


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the check knows of one source file."""

    rel: str  # content/case-studies/a.md
    kind: str  # "essay", "case-study" or "page"
    draft: bool
    private_notes: bool  # it has values under private:
    held_back: str  # why the build keeps it off the site ("draft", …), or ""
    codes: frozenset[str]  # the kinds of diagnostics about it: "consent.missing", "privacy.name", …


# What counts as private material: one line per kind, (what the warning calls it, the test).
PRIVATE_MATERIAL: tuple[tuple[str, Callable[[FileFacts], bool]], ...] = (
    ("a draft", lambda f: f.draft),
    ("private notes (under private:)", lambda f: f.private_notes),
    ("a case study without valid consent", lambda f: f.kind == "case-study" and bool(f.codes & CONSENT_PROBLEMS)),
    ("a case study whose client withdrew consent", lambda f: f.held_back.startswith("consent withdrawn")),
    ("a case study changed since the client reviewed it", lambda f: "consent.changed" in f.codes),
    # held back by the disguise review: details nobody has confirmed yet (privacy/review.py)
    ("a case study with details still to review", lambda f: "to review: run sitegen review" in f.held_back),
)


@dataclass(frozen=True, slots=True)
class PrivateFile:
    rel: str  # relative to the site folder
    reasons: tuple[str, ...]  # labels from PRIVATE_MATERIAL


def private_files(entries: Iterable[Entry], held_back: Iterable[HeldBack], diagnostics: Iterable[Diagnostic],
                  register: str) -> tuple[PrivateFile, ...]:
    """The source files holding private material, from what the build found; the register always counts."""
    codes: dict[str, set[str]] = defaultdict(set)
    for d in diagnostics:
        codes[d.path].add(d.code)
    held = {h.rel: h.reason for h in held_back}
    found: list[PrivateFile] = []
    for e in entries:
        facts = FileFacts(e.rel, e.kind.value, e.draft, bool(e.private_values), held.get(e.rel, ""),
                          frozenset(codes.get(e.rel, ())))
        reasons = tuple(label for label, test in PRIVATE_MATERIAL if test(facts))
        if reasons:
            found.append(PrivateFile(e.rel, reasons))
    if not Path(register).is_absolute() and ".." not in Path(register).parts:
        found.append(PrivateFile(Path(register).as_posix(), (REGISTER_REASON,)))
    return tuple(sorted(found, key=lambda p: p.rel))


def _as_private(p: PrivateFile | tuple[str, tuple[str, ...]]) -> PrivateFile:
    # The no-change build hands over (rel, reasons) pairs: its cache record stays free of imports.
    return p if isinstance(p, PrivateFile) else PrivateFile(p[0], tuple(p[1]))


# -- where git has them -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Exposure:
    remote: str
    url: str
    branches: tuple[str, ...]  # the pushed branches holding the files; () when they are only committed here
    files: tuple[PrivateFile, ...]

    @property
    def pushed(self) -> bool:
        return bool(self.branches)


@dataclass(frozen=True, slots=True)
class SourceCheck:
    in_git: bool  # the site folder is in a git repository (and git is installed)
    remotes: tuple[gitstate.Remote, ...]
    exposures: tuple[Exposure, ...]
    top: Path | None = None  # the repository's top folder (relative remote addresses start there)


NOT_IN_GIT = SourceCheck(False, (), ())


def check_sources(site_dir: Path, private: Iterable[PrivateFile], private_remotes: Iterable[str] = ()) -> SourceCheck:
    """Which private files are in a pushed branch of each remote, or would go with the next `git push`."""
    from . import gitstate

    state = gitstate.read_state(Path(site_dir))
    if state is None:
        return NOT_IN_GIT
    wanted = {p.rel: p for p in map(_as_private, private)}
    if not state.remotes or not wanted:
        return SourceCheck(True, state.remotes, (), state.top)
    # Ask git about these files by name (a short answer), or about their folders when there are many.
    named = [r for r in wanted if r.split("/")[0] != PRIVATE_FOLDER]
    folders = sorted({PRIVATE_FOLDER, *named}) if len(named) <= MAX_NAMED else \
        sorted({"content", PRIVATE_FOLDER} | {r for r in named if r.split("/")[0] != "content"})
    declared = tuple(private_remotes)

    def pick(paths: Iterable[str]) -> list[PrivateFile]:
        out = []
        for path in paths:
            if path in wanted:
                out.append(wanted[path])
            elif path.startswith(PRIVATE_FOLDER + "/"):
                out.append(PrivateFile(path, (PRIVATE_FOLDER_REASON,)))
        return out

    exposures: list[Exposure] = []
    pushed_files: dict[str, set[str]] = {}
    for remote in state.remotes:
        if _declared_private(remote, declared, state):
            continue
        branches: set[str] = set()
        files: dict[str, PrivateFile] = {}
        for branch in state.pushed_to(remote.name):
            here = pick(gitstate.files_on(state, remote.name, branch, folders))
            branches.update([branch] if here else [])
            files.update((p.rel, p) for p in here)
        pushed_files[remote.name] = set(files)
        if files:
            exposures.append(Exposure(remote.name, remote.url, tuple(sorted(branches)),
                                      tuple(sorted(files.values(), key=lambda p: p.rel))))
    target = state.remote(state.default_push_remote() or "")
    if target is not None and not _declared_private(target, declared, state):
        pending = [p for p in pick(gitstate.tracked(state, folders)) if p.rel not in pushed_files.get(target.name, ())]
        if pending:
            exposures.append(Exposure(target.name, target.url, (), tuple(pending)))
    return SourceCheck(True, state.remotes, tuple(exposures), state.top)


def check_site(site_dir: Path, private: Iterable[PrivateFile], config=None) -> SourceCheck:
    """check_sources with the site's own [publish] private_remotes (site.toml is read when no config is given)."""
    if config is None:
        from .config import load_config
        from .errors import SitegenError

        try:
            config = load_config(Path(site_dir))[0]
        except SitegenError:
            return check_sources(site_dir, private)
    return check_sources(site_dir, private, config.publish.private_remotes)


def _declared_private(remote: gitstate.Remote, declared: tuple[str, ...], state: gitstate.GitState) -> bool:
    """The author said in site.toml that this repository is private ([publish] private_remotes): by the
    remote's name, or by its address (a folder there is relative to the site folder)."""
    from . import gitstate

    key = gitstate.repository_key(remote.url, state.top)
    return any(d == remote.name or (gitstate.looks_like_address(d) and gitstate.repository_key(d, state.site_dir) == key)
               for d in declared)


# -- what the author reads -----------------------------------------------------------------------

def _where(x: Exposure) -> str:
    return f"the git remote '{x.remote}' ({x.url})"


def _branches(x: Exposure) -> str:
    names = [f"'{b}'" for b in x.branches]
    return ("branch " if len(names) == 1 else "branches ") + ", ".join(names)


def warning_text(check: SourceCheck) -> str:
    """One warning per remote: the files, where they are, and what to do. Empty when all is well."""
    blocks = []
    for x in check.exposures:
        if x.pushed:
            head = (f"warning: private material from your site is on {_where(x)}, in {_branches(x)}. "
                    "If that repository is public, anyone can read these files:")
        else:
            head = (f"warning: private material from your site is committed to git, and the next git push "
                    f"would send it to {_where(x)}:")
        lines = [head, *_file_lines(x), "  What to do:"]
        lines += [f"  - {step[0].upper()}{step[1:]}." for step in _advice(x)]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _advice(x: Exposure) -> list[str]:
    declare = (f'if the repository is private, say so once in site.toml: private_remotes = ["{x.remote}"] '
               "in the [publish] section, and this warning stops")
    separate = (f"publish the site on GitHub Pages from a separate repository that holds only the built pages: "
                f"sitegen publish --to gh-pages --remote {PAGES_EXAMPLE} ({GUIDE})")
    drafts = ("write new drafts in a folder called drafts (for example content/case-studies/drafts/): "
              "the .gitignore made by sitegen init keeps every drafts folder out of git")
    if x.pushed:
        return ["if that repository is public, make it private now: on GitHub, open the repository's Settings, "
                "and under Danger Zone choose Change visibility. Deleting the files is not enough: they stay in "
                "the repository's history",
                separate, declare, drafts]
    return [f"don't push to '{x.remote}' while it is public (or if you are not sure): once pushed, these files "
            "stay in the repository's history even if you delete them later",
            f"make that repository private first, or keep your sources on this computer only: "
            f"git remote remove {x.remote}, then {separate[0].lower()}{separate[1:]}",
            declare, drafts]


def findings(check: SourceCheck) -> list[Diagnostic]:
    """The same warning as one finding per file, for `sitegen check --format json`."""
    out = []
    for x in check.exposures:
        where = f"it is on {_where(x)}, in {_branches(x)}" if x.pushed else \
            f"it is committed to git, and the next git push would send it to {_where(x)}"
        for p in x.files:
            out.append(Diagnostic(p.rel, None, Severity.WARNING, "git.pushed" if x.pushed else "git.unpushed",
                                  f"{', '.join(p.reasons)}, and {where}",
                                  f"if that repository is public, anyone can read this file: {GUIDE}"))
    return out


def refusal(check: SourceCheck, remote: str) -> str | None:
    """Why publishing the site to this remote (a name, or an address) must not go ahead, if it must not:
    the remote already holds the sources' branch with private material in it."""
    from . import gitstate

    top = check.top or Path.cwd()
    if gitstate.looks_like_address(remote):
        key = gitstate.repository_key(remote, Path.cwd())  # an address typed on the command line
    else:
        named = next((r for r in check.remotes if r.name == remote), None)
        key = gitstate.repository_key(named.url, top) if named else None
    held = [x for x in check.exposures if x.pushed and (
        x.remote == remote or (key is not None and gitstate.repository_key(x.url, top) == key))]
    if not held:
        return None
    x = held[0]
    return "\n".join([
        f"not publishing to {_where(x)}: it already holds your sources, in {_branches(x)}, with private "
        "material in them:", *_file_lines(x),
        "A GitHub Pages site on a free account needs a public repository, so these files would be readable by "
        "anyone. If the repository is public already, they are readable now: make it private on GitHub (the "
        "repository's Settings, then Change visibility under Danger Zone).",
        f"Publish the site to a separate, empty repository instead: sitegen publish --to gh-pages --remote "
        f"{PAGES_EXAMPLE} ({GUIDE}). If you really mean your sources to be public, add --sources-are-public. "
        "Nothing was published"])


def _file_lines(x: Exposure) -> list[str]:
    lines = [f"  {p.rel}: {', '.join(p.reasons)}" for p in x.files[:SHOWN_FILES]]
    if len(x.files) > SHOWN_FILES:
        lines.append(f"  and {len(x.files) - SHOWN_FILES} more")
    return lines


def publish_note(check: SourceCheck) -> str:
    """One line after publishing to a separate repository: where the sources are (or are not)."""
    if not check.in_git:
        return "Only the built site was uploaded: your sources are not in a git repository, so they stay on this computer."
    if not check.remotes:
        return "Only the built site was uploaded: your sources' git repository has no remote, so they stay on this computer."
    return ""
