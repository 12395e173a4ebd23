"""The CPD record in a real headless Chromium: it requests nothing, passes axe-core, prints cleanly.

The example site's record (tests/cpd_site) is made for CNHC and as an HCPC profile, served
from 127.0.0.1, and opened in Chromium.  Every request the page makes is recorded: the
document itself must be the only one.  The screenshot in the README is taken here.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.browser import support
from tests.test_browser import ARTIFACTS, DESKTOP, PHONE, SCREENSHOTS, WCAG

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parent / "cpd_site"
MADE = str(int(datetime(2026, 12, 15, 12, tzinfo=UTC).timestamp()))


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    """The records, served: (origin, {"cnhc": path, "hcpc": path})."""
    tmp = tmp_path_factory.mktemp("cpd-browser")
    site = tmp / "site"
    shutil.copytree(EXAMPLE, site)
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", MADE)
    try:
        for body in ("cnhc", "hcpc"):
            assert main(["cpd", str(site), "--from", "2025-01-01", "--to", "2026-12-31", "--body", body,
                         "-o", str(tmp / f"{body}.html")]) == 0
    finally:
        mp.undo()
    server = support.start_server(tmp)
    try:
        yield server.origin, {"cnhc": "/cnhc.html", "hcpc": "/hcpc.html"}
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    executable = support.chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(executable), args=support.CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, url: str, viewport: dict):
    """A fresh page at url, with every request and console message it caused.

    The record's own Content-Security-Policy would block any request anyway; it is bypassed
    here so that the test shows the document refers to nothing (and so that axe can run)."""
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    requests: list[str] = []
    problems: list[str] = []

    def route(r):
        requests.append(r.request.url)
        r.continue_() if r.request.url == url else r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200
    return context, page, requests, problems


@pytest.mark.parametrize("body", ["cnhc", "hcpc"])
def test_the_record_requests_nothing_and_passes_axe(records, browser, body):
    origin, paths = records
    url = origin + paths[body]
    context, page, requests, problems = _open(browser, url, DESKTOP)
    try:
        assert requests == [url], f"the record made requests: {requests[1:]}"
        assert problems == []
        page.add_script_tag(path=str(support.axe_script()))  # after the check: axe itself is a request
        found = []
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            violations = page.evaluate(
                """async (tags) => {
                     const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                     return r.violations.map(v => `[${v.impact}] ${v.id}: ${v.help} at ` +
                                                  v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
                   }""", WCAG)
            found += [f"{viewport['width']} px: {v}" for v in violations]
        assert [f for f in found if "[serious]" in f or "[critical]" in f] == [], "\n".join(found)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, f"the record scrolls sideways on a phone: {width}px"
    finally:
        context.close()


def test_printing_leaves_out_what_is_for_the_author_only(records, browser):
    origin, paths = records
    context, page, _, _ = _open(browser, origin + paths["hcpc"], DESKTOP)
    try:
        checklist = page.locator(".checklist")
        assert checklist.is_visible()
        page.emulate_media(media="print")
        assert not checklist.is_visible()
        assert page.locator("h2", has_text="1. Summary of practice").is_visible()
        assert page.locator("tr.gap").count() == 2 and page.locator("tr.gap").first.is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        pdf = page.pdf(path=str(ARTIFACTS / "cpd-profile.pdf"), format="A4")
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 4
    finally:
        context.close()


def test_screenshot_for_the_readme(records, browser):
    origin, paths = records
    context, page, _, _ = _open(browser, origin + paths["cnhc"], {"width": 1100, "height": 1500})
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "cpd-record.png"
        page.screenshot(path=str(shot))
        if not (SCREENSHOTS / shot.name).is_file() or (SCREENSHOTS / shot.name).read_bytes() != shot.read_bytes():
            shutil.copyfile(shot, SCREENSHOTS / shot.name)
        page.screenshot(path=str(ARTIFACTS / "cpd-record-full.png"), full_page=True)
    finally:
        context.close()
