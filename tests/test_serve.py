"""`sitegen serve`: a real server in a subprocess on 127.0.0.1, real HTTP, real edits to the files."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen.guard import RequestGuard
from sitegen.scaffold import init_site
from sitegen.serve import inject, resolve_request_path

DEADLINE = 15.0  # seconds: generous for a loaded CI machine; a healthy run takes well under one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str, str]:
    """(status, content type, body) — 4xx answers included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def raw_get(port: int, path: str) -> int:
    """A request with the path exactly as given (urllib would tidy it up)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def wait_for(predicate, what: str, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    last = None
    while time.monotonic() < end:
        try:
            last = predicate()
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        else:
            if last:
                return last
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what} (last: {last!r})")


class Server:
    def __init__(self, site: Path, tmp: Path, *extra: str):
        self.site, self.port = site, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.tmp = tmp  # TMPDIR of the server, so the test can look at the built files
        env = dict(os.environ, TMPDIR=str(tmp), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", str(site), "--port", str(self.port),
                                      *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for(self._up, "the server to answer")

    def _up(self) -> bool:
        if self.proc.poll() is not None:
            out, err = self.proc.communicate()
            pytest.fail(f"serve exited with {self.proc.returncode}: {out}{err}")
        return fetch(self.url)[0] == 200

    def built(self) -> Path:
        (root,) = self.tmp.glob("sitegen-preview-*/site")
        return root

    def stop(self) -> tuple[int, str, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        out, err = self.proc.communicate()
        return self.proc.returncode, out, err


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    site = init_site(root / "site").site_dir
    tmp = root / "tmp"
    tmp.mkdir()
    server = Server(site, tmp)
    try:
        yield server
    finally:
        server.stop()


POST = "content/posts/first-five-minutes.md"


def test_pages_carry_the_reload_script_but_the_built_files_do_not(served):
    status, ctype, body = fetch(served.url)
    assert status == 200 and ctype == "text/html; charset=utf-8"
    script = BeautifulSoup(body, "html.parser").find("script", id="sitegen-live-reload")
    assert script is not None and "/__sitegen/events" in script.text
    on_disk = [p.read_text(encoding="utf-8") for p in served.built().rglob("*.html")]
    assert on_disk and not any("sitegen-live-reload" in page or "__sitegen" in page for page in on_disk)
    assert not (served.site / "output").exists()  # never the user's output folder
    # Absolute links point at the preview itself.
    canonical = BeautifulSoup(body, "html.parser").find("link", rel="canonical")
    assert canonical["href"] == served.url


@pytest.mark.parametrize("path,ctype", [
    ("feed.xml", "application/xml"), ("search-index.json", "application/json"), ("favicon.svg", "image/svg+xml"),
    ("style.css", "text/css; charset=utf-8"), ("search.js", "text/javascript; charset=utf-8"),
])
def test_content_types(served, path, ctype):
    status, got, body = fetch(served.url + path)
    assert (status, got) == (200, ctype)
    assert "sitegen-live-reload" not in body


def test_unknown_paths_get_the_sites_404_page(served):
    status, ctype, body = fetch(served.url + "no/such/page/")
    assert status == 404 and ctype.startswith("text/html")
    assert BeautifulSoup(body, "html.parser").find("h1").text == "Page not found"
    assert "sitegen-live-reload" in body


def test_a_folder_without_its_slash_is_redirected(served):
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    conn.request("GET", "/about?x=1")
    r = conn.getresponse()
    assert (r.status, r.getheader("Location")) == (301, "/about/?x=1")
    conn.close()


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                  "/posts/..%2f..%2f..%2fetc/passwd", "/..\\..\\etc\\passwd", "//etc/passwd"])
def test_paths_cannot_escape_the_served_folder(served, path):
    assert raw_get(served.port, path) == 404


def test_an_edit_is_served_within_seconds_and_announced_on_the_event_stream(served):
    events = urllib.request.urlopen(served.url + "__sitegen/events", timeout=DEADLINE)
    try:
        assert events.headers["Content-Type"] == "text/event-stream"

        def next_data() -> str:
            while True:
                line = events.readline().decode()
                assert line, "the event stream closed"
                if line.startswith("data: "):
                    return line[6:].strip()

        first, _ = map(int, next_data().split())
        post = served.site / POST
        post.write_text(post.read_text().replace("title: What the first five minutes tell me",
                                                 "title: The first five minutes, revisited"))
        second, reload_from = map(int, next_data().split())
        assert second > first
        assert reload_from < second  # only pages changed: an open tab may put the new page in place
        css = served.site / "static/extra.css"
        css.parent.mkdir(exist_ok=True)
        css.write_text("p { margin: 0 }\n")
        third, reload_from = map(int, next_data().split())
        assert third > second and reload_from == third  # a stylesheet changed: tabs reload whole
    finally:
        events.close()
    page = wait_for(lambda: "revisited" in fetch(served.url + "posts/first-five-minutes/")[2] and
                    fetch(served.url + "posts/first-five-minutes/")[2], "the edited title")
    assert BeautifulSoup(page, "html.parser").find("h1").text == "The first five minutes, revisited"


def test_a_build_error_is_shown_over_every_page_until_it_is_fixed(served):
    post = served.site / POST
    good = post.read_text()
    post.write_text(good.replace("\ndate: ", "\ndate: [not a date\n", 1))
    try:
        def overlay():
            box = BeautifulSoup(fetch(served.url)[2], "html.parser").find(id="sitegen-errors")
            return box and box.text
        text = wait_for(overlay, "the error overlay")
        assert re.search(rf"{re.escape(POST)}:\d+: ", text)
        # Every HTML page carries it, over the last good build; the server stays up.
        status, _, body = fetch(served.url + "about/")
        about = BeautifulSoup(body, "html.parser")
        assert status == 200 and about.find(id="sitegen-errors") is not None and about.find("h1").text == "About"
        status, _, body = fetch(served.url + "no-such-page/")
        assert status == 404 and 'id="sitegen-errors"' in body
        assert served.proc.poll() is None
    finally:
        post.write_text(good)
    wait_for(lambda: 'id="sitegen-errors"' not in fetch(served.url)[2], "the overlay to go")
    assert served.proc.poll() is None


def test_the_overlay_escapes_what_it_shows():
    page = inject(b"<html><body><p>hi</p></body></html>", 7, ["content/posts/a.md:3: bad <script>alert(1)</script>"])
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find(id="sitegen-errors").find("li").text == "content/posts/a.md:3: bad <script>alert(1)</script>"
    assert [s.get("id") for s in soup.find_all("script")] == ["sitegen-live-reload"]
    assert page.index(b"sitegen-errors") < page.index(b"<p>hi</p>") < page.index(b"sitegen-live-reload")


def test_resolve_request_path_stays_inside(tmp_path):
    (tmp_path / "site/posts").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("no")
    (tmp_path / "site/link").symlink_to(tmp_path / "secret.txt")
    root = tmp_path / "site"
    assert resolve_request_path(root, "/posts/") == root / "posts"
    for bad in ("/../secret.txt", "/%2E%2E/secret.txt", "/link", "/posts/%00", "/.sitegen-output"):
        assert resolve_request_path(root, bad) is None, bad


def request(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """(status, first bytes of the body) of a GET with exactly these headers (Host included)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, r.read1(64) if path.startswith("/__sitegen/") else r.read()
    finally:
        conn.close()


def test_only_the_previews_own_address_is_answered(tmp_path):
    """A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not read the preview."""
    site = init_site(tmp_path / "site").site_dir
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(site, tmp, "--drafts")
    port = server.port
    try:
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
            status, body = request(port, "/", {"Host": host})
            assert status == 200 and b"<html" in body, host
        for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}",
                     f"127.0.0.1:{port + 1}", "127.0.0.1", f"localhost:{port}@evil.example"):
            status, body = request(port, "/", {"Host": host})
            assert status == 403 and b"<html" not in body and b"answers only at" in body, host
        assert request(port, "/", {})[0] == 403  # no Host at all
        events = "/__sitegen/events"
        assert request(port, events, {"Host": f"evil.example:{port}"})[0] == 403
        for origin in ("http://evil.example", f"http://evil.example:{port}", "null", f"https://127.0.0.1:{port}",
                       f"http://127.0.0.1:{port + 1}"):
            assert request(port, events, {"Host": f"127.0.0.1:{port}", "Origin": origin})[0] == 403, origin
        for site_kind in ("cross-site", "same-site"):
            assert request(port, events, {"Host": f"127.0.0.1:{port}", "Sec-Fetch-Site": site_kind})[0] == 403
        for allowed in ({}, {"Origin": f"http://127.0.0.1:{port}"}, {"Origin": f"http://localhost:{port}"},
                        {"Sec-Fetch-Site": "same-origin"}):
            status, first = request(port, events, {"Host": f"127.0.0.1:{port}", **allowed})
            assert status == 200 and first.startswith(b"retry:"), allowed
    finally:
        code, out, err = server.stop()
    assert code == 0
    refusals = [line for line in err.splitlines() if line.startswith("sitegen: refused a request")]
    assert f"sitegen: refused a request: Host 'evil.example' is not this preview's address; the preview answers " \
           f"only at http://127.0.0.1:{port}/" in refusals
    assert any("a page of 'http://evil.example'" in line for line in refusals)
    assert len(refusals) == len(set(refusals)), "each kind of refusal is logged once"


def test_which_hosts_each_listening_address_answers():
    local = RequestGuard("127.0.0.1", 8000)
    assert local.host_allowed("127.0.0.1:8000") and local.host_allowed("localhost:8000")
    assert not local.host_allowed("192.168.1.20:8000") and not local.host_allowed("127.0.0.1")
    lan = RequestGuard("192.168.1.20", 8000)
    assert lan.host_allowed("192.168.1.20:8000") and not lan.host_allowed("192.168.1.21:8000")
    everywhere = RequestGuard("0.0.0.0", 8000)  # a phone on the same network uses the computer's address
    assert everywhere.host_allowed("192.168.1.20:8000") and everywhere.host_allowed("[fe80::1]:8000")
    assert everywhere.host_allowed(f"{socket.gethostname()}:8000")
    assert not everywhere.host_allowed("evil.example:8000") and not everywhere.host_allowed("192.168.1.20:80")
    six = RequestGuard("::1", 8000)
    assert six.host_allowed("[::1]:8000") and not six.host_allowed("::1:8000")
    port80 = RequestGuard("127.0.0.1", 80)
    assert port80.host_allowed("localhost") and port80.host_allowed("localhost:80")


def test_a_busy_port_is_a_clear_error(tmp_path):
    site = init_site(tmp_path / "site").site_dir
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "sitegen", "serve", str(site), "--port", str(port)],
                              capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert f"port {port} is already in use" in proc.stderr and f"--port {port + 1}" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_ctrl_c_stops_cleanly_and_removes_the_preview(tmp_path):
    site = init_site(tmp_path / "site").site_dir
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(site, tmp)
    try:
        assert server.built().is_dir()
    finally:
        code, out, err = server.stop()
    assert code == 0, err
    assert "Stopped the preview" in out and "Traceback" not in err
    assert not list(tmp.glob("sitegen-preview-*"))
    assert not (site / "output").exists()


@pytest.mark.browser
def test_an_open_tab_reloads_by_itself_after_an_edit_and_shows_errors(tmp_path):
    """In a real browser: the injected script reloads the tab; a build error appears in it, then goes."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.is_file():
        pytest.skip(f"Chromium not found at {chromium}")
    sync_api = pytest.importorskip("playwright.sync_api")
    site = init_site(tmp_path / "site").site_dir
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(site, tmp)
    post = site / POST
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium),
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(server.url + "posts/first-five-minutes/")
            page.wait_for_function("() => !!window.EventSource")
            page.wait_for_timeout(300)  # let the event stream connect
            page.evaluate("() => { window.sameDocument = true; }")
            post.write_text(post.read_text().replace("title: What the first five minutes tell me",
                                                     "title: Reloaded by itself"))
            page.wait_for_function("() => document.querySelector('h1').textContent === 'Reloaded by itself'",
                                   timeout=DEADLINE * 1000)
            # Only pages changed: the new version was put in place, in the same document.
            assert page.evaluate("() => window.sameDocument === true")
            assert page.title().startswith("Reloaded by itself")
            css = site / "static/extra.css"
            css.parent.mkdir(exist_ok=True)
            css.write_text("p { margin: 0 }\n")
            # A stylesheet changed: the tab is reloaded whole (a new document, without the mark).
            page.wait_for_function("() => window.sameDocument === undefined", timeout=DEADLINE * 1000)
            page.wait_for_function("() => !!window.EventSource && document.readyState === 'complete'")
            page.wait_for_timeout(300)  # let the new document's event stream connect
            good = post.read_text()
            post.write_text(good.replace("\ndate: ", "\ndate: [not a date\n", 1))
            page.wait_for_selector("#sitegen-errors", timeout=DEADLINE * 1000)
            assert POST in page.inner_text("#sitegen-errors")
            post.write_text(good)
            page.wait_for_selector("#sitegen-errors", state="detached", timeout=DEADLINE * 1000)
            assert page.inner_text("h1") == "Reloaded by itself"
            browser.close()
        assert problems == []
    finally:
        server.stop()


def test_a_case_study_with_details_to_review_is_previewed_with_them_marked(tmp_path):
    """`sitegen serve` shows a case study that a build would hold back, each detail highlighted."""
    from bs4 import BeautifulSoup

    site = init_site(tmp_path / "site").site_dir
    (site / "content/case-studies/a-teacher.md").write_text(
        "---\ntitle: A teacher's shoulder\ndate: 2025-05-12\nclient: Client C\nsessions: 4\npresenting: Stiff shoulder\n"
        "approach: [soft tissue work]\noutcome: Better reach\nconsent:\n  obtained: 2025-04-10\n  form: written\n---\n"
        "Client C is a primary school teacher who lives in Thirsk.\n", encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(site, tmp)
    try:
        status, _, body = fetch(server.url + "case-studies/a-teacher/")
        assert status == 200
        marks = [m.get_text() for m in BeautifulSoup(body, "html.parser").select("mark.privacy-review")]
        assert any("primary school teacher" in m for m in marks) and "Thirsk" in marks
    finally:
        server.stop()
