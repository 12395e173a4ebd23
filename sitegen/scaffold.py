"""Start a site (`sitegen init`) and new pieces of writing (`sitegen new`), never overwriting a file.

Everything written here is a starting point the therapist fills in: a `site.toml` whose
every setting is commented out (generated from `SiteConfig` and its field docstrings, so it
cannot drift from what `load_config` accepts), example content that passes the privacy
scan, and essays or case studies with their front matter ready and, on request, the
headings of a reflective-practice model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .config import CONFIG_NAME, SiteConfig, load_config, run_context
from .errors import FileExists, FileSystemError, UsageError, file_system_error
from .files import CPD_FILE
from .reflection import MODELS as REFLECTION_MODELS
from .validate import slugify

KINDS = {"essay": "posts", "case-study": "case-studies"}

# Reflective-practice models: (name, ((heading, the one question that opens it), ...)).
MODELS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    key: (m.name, tuple((s.heading, s.prompt) for s in m.stages)) for key, m in REFLECTION_MODELS.items()}

_CASE_BODY = (
    ("Background", "What brought the client to you, in general terms?"),
    ("What we did", "Which approach did you take across the sessions, and why?"),
    ("What changed", "How did things move from one session to the next?"),
    ("The client's perspective", "With their consent, what did the work mean to them, in their words?"),
    ("What I learned", "What will you take into your practice?"),
)
_ESSAY_BODY = "<!-- Start writing here. The first paragraph becomes the summary on the home page. -->\n"

# Files that may already sit in a new folder without it being "somebody else's folder":
# what a freshly created repository on GitHub or a file manager puts there.
_HARMLESS = {".git", ".gitignore", ".gitattributes", ".DS_Store", "Thumbs.db", "desktop.ini", "LICENSE",
             "LICENSE.md", "LICENSE.txt", "README", "README.md", "README.txt"}
GITIGNORE_LINES = ("output/", ".sitegen-cache/", "private/", "drafts/")


def _scaffold_file(name: str) -> str:
    return resources.files("sitegen").joinpath("scaffold_files", name).read_text(encoding="utf-8")


def _fill(name: str, **values: str) -> str:
    return string.Template(_scaffold_file(name)).substitute(values)


# -- site.toml, generated from the settings themselves ------------------------------------------

def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _default(f: dataclasses.Field) -> object:
    if f.default is not dataclasses.MISSING:
        return f.default
    return f.default_factory()  # type: ignore[misc]


def _commented_settings(cls: type) -> list[str]:
    lines: list[str] = []
    for f in dataclasses.fields(cls):
        if "doc" not in f.metadata or dataclasses.is_dataclass(_default(f)):
            continue  # a [table] comes after the plain settings
        lines += [f"# {f.metadata['doc']}", f"# {f.name} = {_toml_value(_default(f))}", ""]
    return lines


def site_toml_text() -> str:
    """site.toml with every setting present, commented out, at its default, under its explanation."""
    lines = [
        "# Settings for your site. Every setting is optional: a line that starts with # is",
        "# ignored, and the value shown there is the default. To change a setting, remove",
        "# the # at the start of its line and edit the value (text goes in \"quotes\").",
        "# Run `sitegen check` after editing: any mistake is reported with its line number.",
        "",
    ]
    lines += _commented_settings(SiteConfig)
    nested = [f for f in dataclasses.fields(SiteConfig) if dataclasses.is_dataclass(_default(f))]
    for f in nested:
        lines += [f"[{f.name}]",
                  f"# The settings below belong to [{f.name}]: keep them under this line.", ""]
        lines += _commented_settings(type(_default(f)))
    return "\n".join(lines).rstrip("\n") + "\n"


# -- sitegen init --------------------------------------------------------------------------------

def is_site(folder: Path) -> bool:
    return (folder / CONFIG_NAME).is_file() or (folder / "content").is_dir()


def others_files(folder: Path) -> list[str]:
    """Names in a folder that is not a site yet which make it somebody else's folder (not to be mixed in)."""
    if not folder.is_dir() or is_site(folder):
        return []
    return sorted(p.name for p in folder.iterdir() if p.name not in _HARMLESS)


@dataclass(frozen=True, slots=True)
class InitResult:
    site_dir: Path
    existed: bool  # it was a site already: only what was missing was added
    added: tuple[str, ...]  # what was created or extended, as the user sees it


def init_site(site_dir: Path, pages_repository: str | None = None) -> InitResult:
    """Create a new site in site_dir, or add what is missing to an existing one; never overwrite.

    With pages_repository (the address of a separate repository for the built site), a new
    site.toml is set to publish there (issue 18: the sources never share a repository with it).
    """
    site_dir = Path(site_dir)
    if pages_repository is not None:
        _check_pages_repository(pages_repository)
    if site_dir.exists() and not site_dir.is_dir():
        raise UsageError(f"{site_dir} is a file, not a folder: choose a folder name, for example sitegen init my-journal")
    existed = site_dir.is_dir() and is_site(site_dir)
    if site_dir.is_dir() and not existed:
        others = others_files(site_dir)
        if others:
            shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
            raise UsageError(
                f"{site_dir} already holds files ({shown}) and is not a sitegen site (it has no {CONFIG_NAME} "
                f"and no content/ folder), so nothing was created. Choose a new or empty folder, for example "
                f"sitegen init my-journal")
    added: list[str] = []
    new_folder = not site_dir.exists()
    try:
        return _init(site_dir, existed, added, pages_repository)
    except OSError as exc:
        error = file_system_error(exc, "create the site in" if new_folder else "add to the site in",
                                  Path(os.path.abspath(site_dir)), "")
        if error is None:
            raise
        _undo(site_dir, added, new_folder)
        raise FileSystemError(error.doing, error.folder, error.reason, error.fix,
                              "Nothing was created." if new_folder else "Nothing was added.") from None


def _undo(site_dir: Path, added: list[str], new_folder: bool) -> None:
    """Remove what an interrupted init created (never anything that was there before)."""
    for rel in reversed(added):
        if rel.startswith(".gitignore ("):
            continue  # lines appended to the user's own file: put back as it was by _gitignore
        with contextlib.suppress(OSError):
            if rel.endswith("/"):
                (site_dir / rel).rmdir()
            else:
                (site_dir / rel).unlink()
    if new_folder:
        for folder in sorted((p for p in site_dir.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only folders this made, which are empty once its files are gone
        with contextlib.suppress(OSError):
            site_dir.rmdir()


def _init(site_dir: Path, existed: bool, added: list[str], pages_repository: str | None) -> InitResult:
    site_dir.mkdir(parents=True, exist_ok=True)

    def create(rel: str, text: str) -> None:
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fh = open(path, "x", encoding="utf-8")  # "x": never replace a file that appeared meanwhile
        except FileExistsError:
            return
        added.append(rel)  # before writing: a write that fails must still be undone
        with fh:
            fh.write(text)

    if not (site_dir / CONFIG_NAME).exists():
        create(CONFIG_NAME, _with_pages_repository(site_toml_text(), pages_repository))
    cfg, _ = load_config(site_dir)
    today = _today(site_dir, cfg)
    for folder in KINDS.values():
        _mkdir(site_dir, f"content/{folder}", added)
    _mkdir(site_dir, "content/pages", added)
    if not existed:  # examples only in a new site: in an existing one they would be published as real posts
        create("content/posts/first-five-minutes.md", _fill("example-essay.md", date=today))
        create("content/case-studies/tension-headaches-and-pausing.md", _fill("example-case-study.md", date=today))
        create("content/pages/about.md", _scaffold_file("about.md"))
    register = Path(cfg.privacy.register)
    if not register.is_absolute() and ".." not in register.parts and not (site_dir / register).exists():
        create(register.as_posix(), _scaffold_file("clients.toml"))
    if not (site_dir / CPD_FILE).exists():
        create(CPD_FILE, _scaffold_file("cpd.toml"))
    _gitignore(site_dir, added)
    return InitResult(site_dir, existed, tuple(added))


def _check_pages_repository(address: str) -> None:
    from .gitstate import looks_like_address

    if not looks_like_address(address):
        raise UsageError(f"{address!r} is not a repository's address: give the one GitHub shows for the "
                         "repository of your site, for example https://github.com/YOUR-NAME/YOUR-NAME.github.io.git")


def _with_pages_repository(text: str, address: str | None) -> str:
    """site.toml set to publish to the separate repository: to and remote under [publish]."""
    if address is None:
        return text
    from .gitstate import looks_like_path

    if looks_like_path(address):  # a folder typed relative to here, read later relative to the site folder
        address = os.path.abspath(os.path.expanduser(address))
    text = re.sub(r'^# to = ""$', 'to = "gh-pages"', text, count=1, flags=re.M)
    return re.sub(r'^# remote = ""$', lambda _: f"remote = {_toml_value(address)}", text, count=1, flags=re.M)


def _mkdir(site_dir: Path, rel: str, added: list[str]) -> None:
    path = site_dir / rel
    if not path.is_dir():
        if not path.parent.is_dir():
            _mkdir(site_dir, str(Path(rel).parent), added)
        path.mkdir()
        added.append(rel + "/")


def _gitignore(site_dir: Path, added: list[str]) -> None:
    """Create .gitignore, or append the lines it lacks: output, cache, private/ and drafts/ stay out of git."""
    path = site_dir / ".gitignore"
    if not path.exists():
        added.append(".gitignore")
        path.write_text(_scaffold_file("gitignore"), encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    present = {line.strip().strip("/") for line in text.splitlines()}
    missing = [line for line in GITIGNORE_LINES if line.strip("/") not in present]
    if missing:
        lead = "" if text.endswith("\n") or not text else "\n"
        size = path.stat().st_size
        try:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(lead + "# Added by sitegen: generated files, your private notes and drafts stay out of git.\n"
                         + "".join(f"{line}\n" for line in missing))
        except OSError:
            with contextlib.suppress(OSError):
                os.truncate(path, size)  # the user's .gitignore as it was
            raise
        added.append(".gitignore (added " + ", ".join(missing) + ")")


# -- sitegen new ---------------------------------------------------------------------------------

def _today(site_dir: Path, cfg: SiteConfig) -> str:
    return run_context(site_dir).today(cfg).isoformat()


def _model_body(model: str) -> str:
    name, steps = MODELS[model]
    parts = [f"<!-- Written with {name}: one heading for each step. -->"]
    for heading, prompt in steps:
        parts.append(f"## {heading}\n\n<!-- {prompt} -->")
    return "\n\n".join(parts) + "\n"


def _case_body() -> str:
    return "\n\n".join(f"## {h}\n\n<!-- {p} -->" for h, p in _CASE_BODY) + "\n"


def _yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


_CLIENT_RE = re.compile(r"^client:\s*[\"']?Client ([A-Z])\b", re.M)


def _next_client(site_dir: Path) -> str:
    """'Client A', or the first letter no existing case study uses yet."""
    used: set[str] = set()
    folder = site_dir / "content" / KINDS["case-study"]
    if folder.is_dir():
        for p in folder.rglob("*.md"):
            try:
                used.update(_CLIENT_RE.findall(p.read_text(encoding="utf-8", errors="replace")[:4000]))
            except OSError:
                continue
    letter = next((c for c in string.ascii_uppercase if c not in used), "A")
    return f"Client {letter}"


def case_client(path: Path) -> str:
    """The pseudonym a new case study was given (its client: line)."""
    m = re.search(r"^client:\s*[\"']?([^\"'#\n]+?)[\"']?\s*(?:#.*)?$", path.read_text(encoding="utf-8"), re.M)
    return m.group(1).strip() if m else ""


def new_piece(site_dir: Path, kind: str, title: str, model: str | None = None, slug: str | None = None) -> Path:
    """Create content/posts/<slug>.md (or content/case-studies/...) ready to fill in; return its path."""
    site_dir = Path(site_dir)
    title = " ".join(title.split())
    if not site_dir.is_dir() or not is_site(site_dir):
        raise UsageError(f"{site_dir} is not a sitegen site (it has no {CONFIG_NAME} and no content/ folder). "
                         "Run the command inside your site folder, point to it with --site my-journal, "
                         "or start a new site with sitegen init my-journal")
    if not title:
        raise UsageError('the title is empty: write it in quotes, for example sitegen new essay "My first week"')
    stem = slugify(slug if slug is not None else title)
    if not stem:
        what = f"the slug {slug!r}" if slug is not None else f"the title {title!r}"
        raise UsageError(f"{what} has no letters or digits to make a file name and web address from. "
                         "Add a word to it, or choose the file name yourself with --slug, for example --slug my-first-week")
    cfg, _ = load_config(site_dir)
    folder_rel = f"content/{KINDS[kind]}"
    folder = site_dir / folder_rel
    clash = _existing(folder, stem)
    if clash is not None:
        free = _free_slug(folder, stem)
        raise FileExists(f"{folder_rel}/{clash.name} already exists, so nothing was changed. Choose another "
                         f"title, or another file name with --slug, for example --slug {free}")
    extra = _cpd_lines(kind, model)
    body = _model_body(model) if model else (_case_body() if kind == "case-study" else _ESSAY_BODY)
    if kind == "case-study":
        text = _fill("case-study.md", title=_yaml_text(title), date=_today(site_dir, cfg), client=_next_client(site_dir),
                     extra=extra, body=body)
    else:
        text = _fill("essay.md", title=_yaml_text(title), date=_today(site_dir, cfg), extra=extra, body=body)
    path = folder / f"{stem}.md"
    created = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as fh:
            created = True
            fh.write(text)
    except FileExistsError:  # created between the check and now
        raise FileExists(f"{folder_rel}/{path.name} already exists, so nothing was changed. "
                         f"Choose another title, or another file name with --slug") from None
    except OSError as exc:
        if created:
            with contextlib.suppress(OSError):
                path.unlink()  # never leave an empty or half-written piece behind
        raise file_system_error(exc, "write a new piece into", Path(os.path.abspath(folder)),
                                "Nothing was created.") or exc from exc
    return path


def _cpd_lines(kind: str, model: str | None) -> str:
    """Front matter for the CPD record: filled in with --model (a reflection is CPD), else one hint."""
    if not model:
        return "# cpd_hours: 1.5     # remove the # to count this in your CPD record (sitegen cpd)\n"
    type_ = "case-study" if kind == "case-study" else "reflective-writing"
    return (f"reflection_model: {model}\n"
            "# For your CPD record (sitegen cpd): fill these in, or delete them.\n"
            "cpd_hours:           # the time this took you, in hours, for example 1.5\n"
            f"cpd_type: {type_}  # or course, reading, supervision … (see the README)\n"
            "cpd_category: discipline  # discipline, general or ethics\n"
            "learning: []         # what you learnt, for example [pace before range]\n"
            "cpd_benefit:         # how your clients benefit from it, in a sentence\n")


def _existing(folder: Path, stem: str) -> Path | None:
    """A file in folder that would get the same address: <stem>.md, or with a date in front of it."""
    if not folder.is_dir():
        return None
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() in (".md", ".markdown"):
            if slugify(re.sub(r"^\d{4}-\d{2}-\d{2}[-_]", "", p.stem)) == stem:
                return p
    return None


def _free_slug(folder: Path, stem: str) -> str:
    n = 2
    while _existing(folder, f"{stem}-{n}") is not None:
        n += 1
    return f"{stem}-{n}"


def display_path(path: Path) -> str:
    """The path relative to the current folder when it is inside it, as the user would type it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)


__all__ = ["MODELS", "KINDS", "FileExists", "InitResult", "init_site", "is_site", "new_piece", "site_toml_text",
           "others_files",
           "display_path"]
