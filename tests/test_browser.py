"""The example site in a real browser: served over HTTP at the root and under /blog/.

One headless Chromium for the module.  Every page kind must load without console errors,
failed requests or any request to a host other than 127.0.0.1; clicking through the site and
searching must work at the root and under a sub-path; axe-core must find no serious or
critical WCAG 2.1 A/AA violation in light or dark mode; the Nu Html Checker must find no
error; nothing may scroll sideways on a 390 px phone; printing hides the navigation.
Screenshots go to test-artifacts/ and docs/screenshots/.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.model import Site
from tests.browser import support
from tests.conftest import copy_example

pytestmark = pytest.mark.browser

ARTIFACTS = support.REPO / "test-artifacts"
SCREENSHOTS = support.REPO / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_KINDS = ["home", "page-2", "essay", "case-study", "case-study-index", "tag-index", "tag", "archive",
              "about", "search", "search-results", "404"]
PLACES = ["root", "sub-path"]


@dataclass(frozen=True)
class Hosted:
    """One build of the example site and the address it is served at."""

    base: str  # ends in /: http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/blog/
    out: Path
    site: Site

    def url(self, kind: str) -> str:
        return self.base + _kind_paths(self)[kind]


def _kind_paths(h: Hosted) -> dict[str, str]:
    site = h.site
    essay = next(i for i in site.posts if i.entry.case is None)
    assert len(site.home_pages()) > 1, "the example site needs a second home page"
    return {
        "home": "",
        "page-2": "page/2/",
        "essay": essay.url,
        "case-study": site.case_studies[0].url,
        "case-study-index": "case-studies/",
        "tag-index": "tags/",
        "tag": max(site.tags, key=lambda t: len(t.items)).url,
        "archive": "archive/",
        "about": next(p.url for p in site.pages if p.url == "about/"),
        "search": "search/",
        "search-results": "search/?q=" + quote(site.tags[0].name.split()[0]),
        "404": "posts/there-is-no-such-post/",  # the server answers 404 with the site's 404.html
    }


@dataclass
class Served:
    hosts: dict[str, Hosted]
    validation: object  # the Nu Html Checker, started in the background over every page


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    """The example site built twice (for / and for /blog/) and served by two static servers."""
    tmp = tmp_path_factory.mktemp("browser")
    site_dir = copy_example(tmp / "site")
    root_out, parent = tmp / "root", tmp / "parent"
    parent.mkdir()
    # Bind the servers first: the builds need their addresses (404.html, feeds, sitemap).
    # The folders are only read per request, so they may appear after the servers start.
    root_server = support.start_server(root_out, root_out / "404.html")
    sub_server = support.start_server(parent, parent / "blog" / "404.html")
    try:
        hosts = {}
        for name, out, base in (("root", root_out, root_server.origin + "/"),
                                ("sub-path", parent / "blog", sub_server.origin + "/blog/")):
            result = build(site_dir, BuildOptions(output=out, base_url=base, jobs=1))
            assert result.site is not None
            hosts[name] = Hosted(base, out, result.site)
        files = [p for h in hosts.values() for p in support.html_pages(h.out)]
        validation = support.start_validation(files)  # runs while the browser tests do
        yield Served(hosts, validation)
        if validation is not None and validation.poll() is None:
            validation.kill()
            validation.wait()
    finally:
        root_server.stop()
        sub_server.stop()


@pytest.fixture(scope="module")
def hosted(served) -> dict[str, Hosted]:
    return served.hosts


@dataclass
class Watch:
    """Everything that went wrong while pages loaded: the test asserts these lists stay empty."""

    allowed_status: dict[str, int] = field(default_factory=dict)  # url → an expected non-200 status
    problems: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # requests to other hosts (all aborted)

    def clean(self) -> None:
        assert self.outside == [], f"requests to other hosts: {self.outside}"
        assert self.problems == []

    @staticmethod
    def attach(page, current) -> None:
        """Report the page's problems to current(), the Watch of the test running now."""

        def on_console(msg):
            if msg.type == "error":
                where = (msg.location or {}).get("url", "")
                if "status of 404" in msg.text and current().allowed_status.get(where) == 404:
                    return  # the 404 page itself is answered with status 404, as it should be
                current().problems.append(f"console error: {msg.text} ({where})")

        def on_response(resp):
            if resp.status >= 400 and current().allowed_status.get(resp.url) != resp.status:
                current().problems.append(f"HTTP {resp.status}: {resp.url}")

        def on_failed(req):
            # ERR_ABORTED is a request the browser cancelled itself (the page moved on before
            # the favicon arrived); a missing file shows as an HTTP error, another host above.
            if "ERR_ABORTED" not in (req.failure or ""):
                current().problems.append(f"request failed: {req.url} ({req.failure})")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: current().problems.append(f"script error: {exc}"))
        page.on("requestfailed", on_failed)
        page.on("response", on_response)


class Browser:
    """One Chromium for the module, and one tab in it reused by every test (a new tab costs more
    than the page load it is for); the tab's problems go to the current test's Watch."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts: dict[bool, object] = {}
        self.pages: dict[bool, object] = {}
        self.watch = Watch()

    def page(self, javascript: bool):
        if javascript not in self.pages:
            ctx = self.browser.new_context(viewport=PHONE, java_script_enabled=javascript)

            def route(r):
                if urlsplit(r.request.url).hostname != "127.0.0.1":
                    self.watch.outside.append(r.request.url)
                    r.abort()
                else:
                    r.continue_()

            ctx.route("**/*", route)
            page = ctx.new_page()
            Watch.attach(page, lambda: self.watch)
            self.contexts[javascript], self.pages[javascript] = ctx, page
        return self.pages[javascript]


@pytest.fixture(scope="module")
def chromium():
    executable = support.chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(executable), args=support.CHROMIUM_ARGS)
        holder = Browser(b)
        yield holder
        for ctx in holder.contexts.values():
            ctx.close()
        b.close()


@pytest.fixture
def visit(chromium):
    """visit(url, viewport=PHONE, status=200, javascript=True) → the tab, loaded; .watch has the problems."""
    chromium.watch = watch = Watch()
    used = []

    def visit_(url: str, viewport: dict = PHONE, status: int = 200, javascript: bool = True):
        page = chromium.page(javascript)
        used.append(page)
        page.set_viewport_size(viewport)
        page.emulate_media(media="screen", color_scheme="light")
        if status != 200:
            watch.allowed_status[url] = status
        resp = page.goto(url, wait_until="load")
        assert resp is not None and resp.status == status, f"{url}: HTTP {resp and resp.status}"
        return page

    visit_.watch = watch
    yield visit_
    for page in used:
        page.goto("about:blank")  # nothing of this test's page may reach the next test's Watch


def _status(kind: str) -> int:
    return 404 if kind == "404" else 200


# -- every page kind --------------------------------------------------------------------------

def _ready(page, kind: str) -> None:
    if kind == "search-results":
        page.locator("#results ol li").first.wait_for()


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_loads_cleanly_and_fits_a_phone(hosted, visit, place, kind):
    page = visit(hosted[place].url(kind), PHONE, _status(kind))
    _ready(page, kind)
    visit.watch.clean()
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px", "the stylesheet did not load"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{kind} scrolls sideways on a phone: {width}px wide"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_violation_in_light_or_dark(hosted, visit, kind):
    axe = support.axe_script()
    page = visit(hosted["root"].url(kind), DESKTOP, _status(kind))
    _ready(page, kind)
    page.add_script_tag(path=str(axe))
    found = []
    # Light on a desktop, dark on a phone: both schemes and both layouts in two runs.
    for scheme, viewport in (("light", DESKTOP), ("dark", PHONE)):
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size(viewport)
        violations = page.evaluate(
            """async (tags) => {
                 const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                 return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
               }""", WCAG)
        found += [f"{scheme}, {viewport['width']} px: [{v['impact']}] {v['id']}: {v['help']} at {v['nodes']}" for v in violations]
    serious = [f for f in found if "[serious]" in f or "[critical]" in f]
    assert serious == [], "\n".join(found)
    if found:  # minor and moderate findings are reported, not failed
        print("\n".join(found))
    visit.watch.clean()


def test_nu_html_checker_finds_no_error(served):
    errors = support.validation_errors(served.validation)
    report = "\n".join(f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m.get('message')}  [{m.get('extract', '')!r}]"
                       for m in errors)
    assert errors == [], report


# -- moving around ----------------------------------------------------------------------------

@pytest.mark.parametrize("place", PLACES)
def test_home_tag_post_next_by_clicking(hosted, visit, place):
    from playwright.sync_api import expect

    h = hosted[place]
    page = visit(h.base, DESKTOP)

    tag_link = page.locator("main .post-list .tags a").first
    tag = next(t for t in h.site.tags if t.name == tag_link.inner_text().strip())
    tag_link.click()
    expect(page).to_have_url(h.base + tag.url)
    expect(page.locator("h1")).to_contain_text(tag.name)

    post = tag.items[0]
    page.locator("main .post-list h2 a").first.click()
    expect(page).to_have_url(h.base + post.url)
    expect(page.locator("h1")).to_have_text(post.title)

    newer, older = h.site.neighbours[post.url]
    nxt, rel = (older, "prev") if older else (newer, "next")
    page.locator(f"nav.neighbours a[rel={rel}]").click()
    expect(page).to_have_url(h.base + nxt.url)
    expect(page.locator("h1")).to_have_text(nxt.title)
    visit.watch.clean()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _distinctive_word(h: Hosted) -> tuple[str, str, str]:
    """A long word from one essay's body that no other page contains (not even as a prefix)."""
    texts = {}
    for item in h.site.posts + h.site.pages:
        html = (h.out / item.url / "index.html").read_text(encoding="utf-8")
        main = BeautifulSoup(html, "html.parser").find("main")
        texts[item.url] = (item, set(_words(main.get_text(" "))), main.select_one(".body").get_text(" "))
    for url, (item, _, body) in texts.items():
        if not url.startswith("posts/"):
            continue
        for word in sorted(set(_words(body)), key=lambda w: (-len(w), w)):
            if len(word) < 8 or word in item.title.lower():
                continue
            if not any(w.startswith(word) for u, (_, ws, _) in texts.items() if u != url for w in ws):
                return word, item.url, item.title
    raise AssertionError("no distinctive word found in the example essays")


@pytest.mark.parametrize("place", PLACES)
def test_search_finds_a_post_by_a_word_from_its_body(hosted, visit, place):
    from playwright.sync_api import expect

    h = hosted[place]
    word, url, title = _distinctive_word(h)
    page = visit(h.url("search"), PHONE)
    page.fill("#q", word)
    page.press("#q", "Enter")
    results = page.locator("#results ol a")
    expect(results).to_have_count(1)
    expect(results.first).to_have_text(title)
    expect(page.locator("#search-status")).to_contain_text("1 result")
    results.first.click()
    expect(page).to_have_url(h.base + url)
    expect(page.locator("h1")).to_have_text(title)
    # Back on the search page the query is in the address, so the results come back.
    page.go_back()
    expect(page.locator("#q")).to_have_value(word)
    expect(results).to_have_count(1)
    visit.watch.clean()


def test_search_page_without_javascript_says_where_else_to_look(hosted, visit):
    page = visit(hosted["root"].url("search"), PHONE, javascript=False)
    assert "archive" in page.locator("main").inner_text().lower()
    for href in ("../archive/", "../tags/"):
        assert page.locator(f"main a[href='{href}']").first.is_visible()
    visit.watch.clean()


# -- links, feeds and sitemap at both addresses ------------------------------------------------

def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(Request(url), timeout=10) as resp:
            return resp.status, resp.read()
    except HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.parametrize("place", PLACES)
def test_every_link_asset_feed_and_sitemap_entry_resolves(hosted, place):
    h = hosted[place]
    pages = [h.base + p.relative_to(h.out).as_posix().removesuffix("index.html")
             for p in support.html_pages(h.out) if p.name != "404.html"]
    targets: set[str] = set()
    for page_url in pages:
        status, body = _fetch(page_url)
        assert status == 200, page_url
        for el in BeautifulSoup(body, "html.parser").find_all(["a", "link", "script", "img"]):
            ref = el.get("href") or el.get("src") or el.get("data-index")
            if ref and not ref.startswith(("mailto:", "tel:", "#")):
                targets.add(urljoin(page_url, ref).split("#")[0])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
    locs = [e.text for e in ET.fromstring(_fetch(h.base + "sitemap.xml")[1]).iterfind("s:url/s:loc", ns)]
    assert sorted(locs) == sorted(pages)
    targets.update(locs)
    for feed in [t for t in targets if t.endswith("feed.xml")]:
        targets.update(e.get("href") for e in ET.fromstring(_fetch(feed)[1]).iterfind(".//a:link", ns))
    origin = urlsplit(h.base).netloc
    local = sorted(t for t in targets if urlsplit(t).netloc == origin)
    assert [t for t in local if not t.startswith(h.base)] == []
    assert [t for t in local if _fetch(t)[0] != 200] == []
    assert len(local) > 40


@pytest.mark.parametrize("place", PLACES)
def test_tag_page_links_its_feed_visibly_and_in_the_head(hosted, visit, place):
    tag_url = hosted[place].url("tag")
    feed = tag_url + "feed.xml"
    page = visit(tag_url, DESKTOP)
    alt = page.locator("head link[rel=alternate][type='application/atom+xml']")
    assert feed in [urljoin(tag_url, alt.nth(i).get_attribute("href")) for i in range(alt.count())]
    links = page.locator("main a[href$='feed.xml']")
    visible = [links.nth(i) for i in range(links.count())
               if urljoin(tag_url, links.nth(i).get_attribute("href")) == feed]
    assert visible and visible[0].is_visible()
    status, body = _fetch(feed)
    assert status == 200
    self_link = ET.fromstring(body).find("{http://www.w3.org/2005/Atom}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == feed
    visit.watch.clean()


# -- look and print ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["home", "case-study"])
def test_screenshots(hosted, visit, kind):
    ARTIFACTS.mkdir(exist_ok=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("desktop", DESKTOP), ("mobile", PHONE)):
        page = visit(hosted["root"].url(kind), viewport)
        name = f"{kind}-{label}.png"
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)
        if not (SCREENSHOTS / name).is_file() or (SCREENSHOTS / name).read_bytes() != (ARTIFACTS / name).read_bytes():
            shutil.copyfile(ARTIFACTS / name, SCREENSHOTS / name)
        page.emulate_media(color_scheme="dark")
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{label}-dark.png"), full_page=True)
    visit.watch.clean()


def test_printing_a_post_hides_the_navigation(hosted, visit):
    page = visit(hosted["root"].url("essay"), DESKTOP)
    navs = page.locator("nav")
    assert navs.count() >= 2
    assert navs.first.is_visible()
    page.emulate_media(media="print")
    for i in range(navs.count()):
        assert not navs.nth(i).is_visible(), navs.nth(i).get_attribute("aria-label")
    assert not page.locator(".skip-link").is_visible()
    assert page.locator("article h1").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "essay-print.pdf"))
    visit.watch.clean()


# -- photos -----------------------------------------------------------------------------------

@pytest.mark.parametrize("label, viewport, scale", [("phone", PHONE, 3), ("desktop", DESKTOP, 1)])
def test_a_photo_is_shown_resized_at_the_width_of_the_text(hosted, chromium, label, viewport, scale):
    """The example essay's photo: the browser picks a size made for it (not the original) that is
    sharp at this screen's pixel density, and shows it as wide as the text, without distortion."""
    h = hosted["root"]
    item = next(i for i in h.site.posts if any(r.tag == "img" and r.target.endswith(".jpg") for r in i.rendered.refs))
    ctx = chromium.browser.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        page = ctx.new_page()
        page.goto(h.base + item.url, wait_until="load")
        img = page.locator(".body picture img").first
        img.scroll_into_view_if_needed()
        page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=img.element_handle())
        shown = img.evaluate("""el => ({width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height,
                                       natural: el.naturalWidth, naturalHeight: el.naturalHeight, src: el.currentSrc,
                                       column: el.closest('.body').getBoundingClientRect().width})""")
        assert abs(shown["width"] - shown["column"]) < 1, shown  # as wide as the text column
        assert abs(shown["height"] / shown["width"] - shown["naturalHeight"] / shown["natural"]) < 0.01, shown
        made = int(re.search(r"treatment-room-(\d+)\.", shown["src"]).group(1))  # a made size, never the original
        assert made >= shown["width"] * scale * 0.95, shown  # sharp on this screen
        assert made < 1440 or shown["width"] * scale > 1080, shown  # and not needlessly large
        assert not shown["src"].endswith(".jpg") or "image/webp" not in page.content(), shown  # a modern format first
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"photo-{label}.png"), full_page=False)
    finally:
        ctx.close()
