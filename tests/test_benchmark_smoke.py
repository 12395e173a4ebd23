"""Smoke tests for the benchmark harness in benchmarks/ (no network, no peer generators)."""

from __future__ import annotations

import collections
import importlib.util
import random
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
N = 20


def _load_generate():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(BENCH))


def _front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    assert m, f"{path} has no YAML front matter"
    return yaml.safe_load(m.group(1)), m.group(2)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(BENCH / "generate.py"), str(N), str(out), "--seed", "3"],
                   check=True, capture_output=True, text=True, timeout=120)
    return out


def test_four_sites_with_the_same_posts(corpus: Path):
    essays = sorted(p.name for p in (corpus / "sitegen/content/posts").glob("*.md"))
    cases = sorted(p.name for p in (corpus / "sitegen/content/case-studies").glob("*.md"))
    assert len(essays) + len(cases) == N
    assert len(cases) == round(N * 0.10)
    everything = sorted(essays + cases)
    assert sorted(p.name for p in (corpus / "pelican/content").glob("*.md")) == everything
    assert sorted(p.name for p in (corpus / "eleventy/posts").glob("*.md")) == everything
    assert sorted(p.name for p in (corpus / "hugo/content/posts").glob("*.md")) == everything
    for f in ("sitegen/site.toml", "pelican/pelicanconf.py", "pelican/theme/templates/base.html",
              "pelican/theme/templates/index.html", "pelican/theme/templates/article.html",
              "pelican/theme/templates/tag.html", "pelican/theme/templates/tags.html",
              "eleventy/eleventy.config.js", "eleventy/_includes/base.njk", "eleventy/feed.njk",
              "hugo/hugo.toml", "hugo/layouts/_default/baseof.html", "hugo/layouts/_default/single.html",
              "hugo/layouts/_default/list.html", "hugo/layouts/_default/terms.html", "hugo/layouts/index.html"):
        assert (corpus / f).is_file(), f


def test_site_toml(corpus: Path):
    import tomllib

    cfg = tomllib.loads((corpus / "sitegen/site.toml").read_text())
    assert cfg["base_url"] == "https://example.org/"
    assert cfg["timezone"] == "Europe/London"
    assert cfg["posts_per_page"] == 10
    assert cfg["title"] and cfg["author"] and cfg["business"]


def test_front_matter_and_bodies(corpus: Path):
    dates = []
    for path in sorted((corpus / "sitegen/content").rglob("*.md")):
        meta, body = _front_matter(path)
        assert isinstance(meta["title"], str) and meta["title"]
        assert 1 <= len(meta["tags"]) <= 4 and len(set(meta["tags"])) == len(meta["tags"])
        assert str(meta["date"]) < "2026-01-01"
        dates.append(meta["date"])
        words = len(body.split())
        assert 600 <= words <= 1500, (path.name, words)
        assert "\n## " in body
        assert "\n- " in body
        assert "](" in body
        if path.parent.name == "case-studies":
            for key in ("client", "sessions", "presenting", "approach", "outcome", "consent"):
                assert key in meta, (path.name, key)
            assert re.fullmatch(r"Client \d+", meta["client"])
            assert isinstance(meta["sessions"], int) and isinstance(meta["approach"], list)
            assert meta["consent"]["form"] == "written"
            assert meta["consent"]["obtained"] < meta["date"]
            # Only relative links, and nothing that looks like a contact detail.
            assert "http" not in body and "@" not in body
            assert not re.search(r"\d{5,}", body)
        # The same front matter in the Eleventy and Hugo copies; Pelican's metadata lines.
        assert _front_matter(corpus / "eleventy/posts" / path.name) == (meta, body)
        assert _front_matter(corpus / "hugo/content/posts" / path.name) == (meta, body)
        pel = (corpus / "pelican/content" / path.name).read_text()
        assert pel.startswith(f"Title: {meta['title']}\n") and pel.endswith(body)
    assert len(set(dates)) > N * 0.8  # spread over years, mostly distinct
    years = {d.year for d in dates}
    assert max(years) - min(years) >= 7


def test_deterministic_and_zipf_tags():
    gen = _load_generate()
    assert gen.make_posts(N, 5) == gen.make_posts(N, 5)
    assert gen.make_posts(N, 5) != gen.make_posts(N, 6)
    assert 50 <= len(gen.V.TAGS) <= 70
    w = gen.Writer(random.Random(0))
    counts = collections.Counter(t for _ in range(5000) for t in w.tags())
    ranked = [c for _, c in counts.most_common()]
    assert len(ranked) >= 55
    # Zipf-like: steeply falling head, long flat tail.
    assert ranked[0] > 1.4 * ranked[1] and ranked[1] > 1.2 * ranked[3]
    assert ranked[0] > 8 * ranked[len(ranked) // 2]
    assert ranked[0] / sum(ranked) > 0.1


def _sitegen_cmd() -> list[str] | None:
    if importlib.util.find_spec("sitegen") is None or importlib.util.find_spec("sitegen.cli") is None:
        return None
    return [sys.executable, "-m", "sitegen"]


@pytest.mark.slow
def test_run_py_with_sitegen(tmp_path: Path):
    cmd = _sitegen_cmd()
    if cmd is None:
        pytest.skip("sitegen is not importable")
    results = tmp_path / "latest.md"
    p = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--sizes", str(N), "--runs", "1", "--tools", "sitegen",
         "--sitegen", shlex.join(cmd), "--work", str(tmp_path / "work"), "--results", str(results)],
        capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    out = p.stdout
    assert f"N = {N} posts" in out
    for scenario in ("cold", "no change", "one post edited", "template edited"):
        rows = [line for line in out.splitlines() if line.startswith(f"| {scenario} |")]
        assert len(rows) == 5, (scenario, out)
        wall = next(r for r in rows if "wall" in r)
        assert re.search(r"\| \d+\.\d+ \|$", wall), wall  # a number, not a failure
    cold_files = next(line for line in out.splitlines() if line.startswith("| cold | files written"))
    assert int(cold_files.rstrip(" |").split("|")[-1]) > N
    assert "FAILED" not in p.stderr
    # cold builds move the old output aside rather than deleting it mid-run; nothing is left over
    assert not (tmp_path / "work" / f"run-{N}" / "trash").exists()
    assert (tmp_path / "work" / f"run-{N}" / "sitegen" / "output" / "index.html").is_file()
    report = results.read_text()
    assert "## Machine" in report and "CPU" in report and out.strip().splitlines()[0] in report
