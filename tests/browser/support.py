"""What the browser tests need besides pytest: the tools, a static server and the two checkers.

The tools (Chromium from the OS packages, axe-core and the Nu Html Checker from npm in
.venv/node/, Java) are looked up once.  When one is missing the tests are skipped with the
reason on a developer's machine, and fail under CI=true, so CI never passes by skipping.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / ".venv" / "node" / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking switches Chromium tries to reach Google's servers on
# start, and those requests fail in a sandbox; --disable-quic keeps it on plain HTTP.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_HINT = ("install them with: apt-get install -y chromium default-jre-headless npm && "
                "npm install --prefix .venv/node axe-core vnu-jar (or run `python3 dev.py test`)")


def unavailable(reason: str) -> None:
    """Skip the calling test, or fail it under CI=true so a missing tool is never silently ignored."""
    message = f"{reason}; {INSTALL_HINT}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true but {message}", pytrace=False)
    pytest.skip(message)


def chromium() -> Path:
    if not CHROMIUM.is_file():
        unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the Python package playwright is not installed")
    return CHROMIUM


def _first(pattern: str) -> Path | None:
    found = sorted(NODE_MODULES.glob(pattern)) if NODE_MODULES.is_dir() else []
    return found[0] if found else None


def axe_script() -> Path:
    path = _first("axe-core/axe.min.js")
    if path is None:
        unavailable(f"axe-core not found in {NODE_MODULES}")
    return path


def vnu_command() -> list[str]:
    java = shutil.which("java") or ("/usr/bin/java" if Path("/usr/bin/java").is_file() else None)
    if java is None:
        unavailable("java not found")
    # The jar's place inside the package has moved between releases; look for it.
    jar = _first("vnu-jar/build/dist/vnu.jar") or _first("vnu-jar/**/vnu.jar")
    if jar is None:
        unavailable(f"vnu.jar (npm package vnu-jar) not found in {NODE_MODULES}")
    return [java, "-jar", str(jar)]


def start_validation(files: list[Path]) -> subprocess.Popen | None:
    """Start the Nu Html Checker on files in the background (one JVM run); None without the tools."""
    try:
        cmd = vnu_command()
    except (pytest.skip.Exception, pytest.fail.Exception):
        return None  # the test that reads the report skips or fails with the reason
    return subprocess.Popen(cmd + ["--errors-only", "--format", "json", *map(str, files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def validation_errors(proc: subprocess.Popen | None) -> list[dict]:
    """Every error in the report of a run started by start_validation."""
    if proc is None:
        vnu_command()  # skips or fails with the reason
        raise AssertionError("the Nu Html Checker was not started")
    out, err = proc.communicate(timeout=300)
    # vnu writes its report to stderr and exits 1 when there are errors.
    report = err.strip() or out.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"the Nu Html Checker did not produce a report (exit {proc.returncode}):\n{report}") from None
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


# -- a static host ----------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Plain static hosting, like GitHub Pages: a missing path gets the site's 404.html."""

    not_found_page: Path | None = None

    def log_message(self, format: str, *args: object) -> None:  # keep the test output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found_page
        if code != 404 or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser closing a connection it no longer needs is not a server error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass
class StaticServer:
    """http.server in a thread on 127.0.0.1 and a free port, serving one folder."""

    httpd: http.server.ThreadingHTTPServer
    thread: threading.Thread

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def start_server(folder: Path, not_found_page: Path | None = None) -> StaticServer:
    """Serve folder; folder may still be empty (the site is built once the port is known)."""
    handler = type("Handler", (_Handler,), {"not_found_page": not_found_page})
    httpd = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, name=f"static-{folder.name}", daemon=True)
    thread.start()
    return StaticServer(httpd, thread)


def html_pages(out: Path) -> Iterator[Path]:
    """Every HTML file of a built site (not the build's own hidden bookkeeping)."""
    yield from sorted(p for p in out.rglob("*.html")
                      if not any(part.startswith(".") for part in p.relative_to(out).parts))
