"""Lighthouse on a phone: every kind of page of the example site (photos included) scores 100 in
performance, accessibility, best practices and SEO.  Real Lighthouse, real headless Chromium."""

from __future__ import annotations

import json
import subprocess

import pytest

from sitegen.build import BuildOptions, build
from tests.browser.support import NODE_MODULES, chromium, start_server, unavailable
from tests.conftest import copy_example

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {  # one page of each kind; the essay and the home page show the example's photo
    "home": "",
    "essay with a photo": "posts/the-ten-minutes-between-clients/",
    "case study": "case-studies/a-shoulder-that-needed-less-not-more/",
    "case studies": "case-studies/",
    "topics": "tags/",
    "archive": "archive/",
    "search": "search/",
    "page": "about/",
}
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
         "--disable-sync --no-first-run")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("lighthouse")
    out = root / "out"
    out.mkdir()
    server = start_server(out, out / "404.html")
    site = copy_example(root / "site")
    build(site, BuildOptions(output=out, base_url=server.origin + "/"))
    yield server.origin
    server.stop()


def _audit(url: str, tmp_path) -> tuple[dict, list[str]]:
    lighthouse = NODE_MODULES / ".bin" / "lighthouse"
    if not lighthouse.exists():
        unavailable(f"lighthouse not found in {NODE_MODULES}")
    report = tmp_path / "report.json"
    done = subprocess.run([str(lighthouse), url, "--quiet", "--output=json",
                           f"--output-path={report}", f"--chrome-flags={FLAGS}"],
                          env={"CHROME_PATH": str(chromium()), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(report.read_text())
    assert result["configSettings"]["formFactor"] == "mobile"
    scores = {name: category["score"] for name, category in result["categories"].items()}
    failing = [f"{a}: {v['title']}" for a, v in result["audits"].items()
               if v.get("scoreDisplayMode") == "binary" and v.get("score") == 0]
    return scores, failing


PERFORMANCE_RUNS = 3  # the performance score is timed: on a busy machine one run can fall to 0.99


@pytest.mark.parametrize("kind", PAGES)
def test_lighthouse_scores_100_on_a_phone(site_url, tmp_path, kind):
    """Accessibility, best practices and SEO must be 100 in every run. Performance is measured on
    this machine's clock (Lighthouse's own advice is to run it several times): it must reach 100
    in one of three runs, and it does at once on an idle machine."""
    for _ in range(PERFORMANCE_RUNS):
        scores, failing = _audit(f"{site_url}/{PAGES[kind]}", tmp_path)
        assert {k: v for k, v in scores.items() if k != "performance"} == \
            {"accessibility": 1, "best-practices": 1, "seo": 1}, (scores, failing)
        if scores["performance"] == 1:
            break
    assert scores == {"performance": 1, "accessibility": 1, "best-practices": 1, "seo": 1}, (scores, failing)
