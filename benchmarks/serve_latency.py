#!/usr/bin/env python3
"""Save-to-reload latency of the preview servers: `sitegen serve` against `hugo server`.

    python benchmarks/serve_latency.py [--size 1000] [--edits 7] [--tools sitegen,hugo]
                                       [--sitegen CMD] [--work DIR] [--results FILE]

For each tool, its copy of the benchmark corpus (benchmarks/generate.py) is served on
127.0.0.1, and a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright) opens one post.  Then, --edits times, a sentence with a fresh marker is
appended to that post's Markdown file, and the clock runs from the moment the file is
written until the marker is on the page the browser shows (the tool's own live reload
brought it), as the page itself records it: a script in every document notes the time
the marker first appears, so the driver's own delay in noticing is not counted.  The first edit is a warm-up; the median of the rest is
reported, with the spread.  Both servers run with their defaults (Hugo's fast render mode
included), as a writer would run them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
from run import ensure_corpus, find_hugo, fresh_copy, make_tools, pick_post  # noqa: E402

# Runs in every document the browser loads (a reload included) and notes, in the tab's
# sessionStorage, the moment the awaited marker is first on the page, whether it arrived
# by a reload or by an update of the page in place.  The time is the page's own clock, so
# the figure does not include how long the driver takes to notice, which is not the same
# for every tool.
SEEN_SCRIPT = """
(() => {
  const check = () => {
    const want = sessionStorage.getItem('sitegen-bench-want');
    if (want && !sessionStorage.getItem('sitegen-bench-seen') && document.body
        && document.body.textContent.includes(want)) {
      sessionStorage.setItem('sitegen-bench-seen', String(Date.now()));
    }
  };
  // Once the document is parsed (a reload) and on every change after that (an update in place).
  const watch = () => {
    check();
    new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def server(tool: str, site: Path, port: int, sitegen_cmd: list[str]) -> list[str]:
    if tool == "sitegen":
        return [*sitegen_cmd, "serve", str(site), "--port", str(port), "-q"]
    hugo = find_hugo()
    return [hugo, "server", "--source", str(site), "--port", str(port), "--bind", "127.0.0.1",
            "--baseURL", f"http://127.0.0.1:{port}/", "--quiet"]


def post_address(tool: str, rel: str) -> str:
    slug = Path(rel).stem
    return f"posts/{slug}/"


def measure(tool: str, site: Path, post_rel: str, edits: int, sitegen_cmd: list[str]) -> list[float]:
    from playwright.sync_api import sync_playwright

    port = free_port()
    log = open(site.parent / f"{tool}-serve.log", "w")
    proc = subprocess.Popen(server(tool, site, port, sitegen_cmd), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    times: list[float] = []
    try:
        url = f"http://127.0.0.1:{port}/{post_address(tool, post_rel)}"
        wait_for(url, 600)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = browser.new_page()
            page.add_init_script(SEEN_SCRIPT)
            page.goto(url)
            page.wait_for_load_state("load")
            time.sleep(2)  # let the live-reload connection settle
            post = site / post_rel
            for i in range(edits):
                marker = f"reload-marker-{os.getpid()}-{i}-{time.time_ns()}"
                page.evaluate(f"sessionStorage.setItem('sitegen-bench-want', {marker!r})")
                t0 = time.time() * 1000  # the clock the page's Date.now() reads
                with open(post, "a", encoding="utf-8") as fh:
                    fh.write(f"\n\nA new sentence, {marker}.\n")
                seen = page.wait_for_function("Number(sessionStorage.getItem('sitegen-bench-seen')) || 0",
                                              timeout=120_000, polling=50)
                times.append((seen.json_value() - t0) / 1000)
                page.evaluate("sessionStorage.removeItem('sitegen-bench-seen')")
                time.sleep(1.5)  # a writer does not save twice a second
            browser.close()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
        log.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=7)
    ap.add_argument("--tools", default="sitegen,hugo")
    ap.add_argument("--sitegen", default=str(REPO / ".venv" / "bin" / "sitegen"))
    ap.add_argument("--work", default=str(BENCH / "work"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--results", default=str(BENCH / "results" / "serve.md"))
    args = ap.parse_args(argv)
    work = Path(args.work)
    corpus = ensure_corpus(work, args.size, args.seed)
    sitegen_cmd = shlex.split(args.sitegen)
    tools, _ = make_tools([t for t in args.tools.split(",")], sitegen_cmd)
    post = pick_post(corpus)
    rows = []
    for tool in tools:
        site = fresh_copy(corpus, work / f"serve-{args.size}", tool)
        rel = f"content/posts/{post}"
        times = measure(tool.name, site, rel, args.edits, sitegen_cmd)[1:]
        med = statistics.median(times)
        rows.append((tool.name, med, min(times), max(times)))
        print(f"{tool.name}: median {med:.3f} s (min {min(times):.3f}, max {max(times):.3f}) over {len(times)} saves",
              flush=True)
    lines = [f"### Save to reload, {args.size} posts (median of {args.edits - 1} saves after a warm-up)", "",
             "| tool | median (s) | min | max |", "|---|---:|---:|---:|"]
    lines += [f"| {n} | {m:.3f} | {lo:.3f} | {hi:.3f} |" for n, m, lo, hi in rows]
    by = {n: m for n, m, _, _ in rows}
    if "sitegen" in by and "hugo" in by:
        lines += ["", f"sitegen ÷ Hugo: {by['sitegen'] / by['hugo']:.2f}×"]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.results).parent.mkdir(parents=True, exist_ok=True)
    Path(args.results).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
