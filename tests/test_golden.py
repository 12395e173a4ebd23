"""Golden output: one page of each kind from tests/sample_site, compared byte for byte.

After an intended change to the theme or the renderer, regenerate the expected files with
    python3 dev.py test tests/test_golden.py --update-golden
and review the diff of tests/golden/ in the commit.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build

HERE = Path(__file__).parent
SAMPLE = HERE / "sample_site"
GOLDEN = HERE / "golden" / "sample_site"
PAGES = [
    "index.html", "page/2/index.html", "posts/first-week/index.html", "posts/same-day-a/index.html",
    "case-studies/heavy-legs/index.html", "case-studies/index.html", "about/index.html",
    "tags/index.html", "tags/self-care/index.html", "archive/index.html", "404.html",
    "feed.xml", "tags/listening/feed.xml", "sitemap.xml", "robots.txt", "search-index.json",
]


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory):
    root = tmp_path_factory.mktemp("golden")
    site = root / "site"
    shutil.copytree(SAMPLE, site)
    out = root / "out"
    # A fixed "now", so the output never depends on the day the tests run.
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    try:
        build(site, BuildOptions(output=out))
    finally:
        mp.undo()
    return out


@pytest.mark.parametrize("rel", PAGES)
def test_page_matches_golden(sample_output, rel, request):
    got = (sample_output / rel).read_text(encoding="utf-8")
    expected_file = GOLDEN / rel
    if request.config.getoption("--update-golden"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(got, encoding="utf-8")
        return
    assert expected_file.exists(), f"no golden file for {rel}: run with --update-golden"
    expected = expected_file.read_text(encoding="utf-8")
    if got != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                            f"golden/{rel}", f"built/{rel}"))
        pytest.fail(f"{rel} differs from its golden copy:\n{diff}")


def test_golden_set_is_complete():
    """Every golden file is still produced (a renamed page must not leave a stale golden behind)."""
    if not GOLDEN.exists():
        pytest.skip("no golden files yet")
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert on_disk == set(PAGES)
