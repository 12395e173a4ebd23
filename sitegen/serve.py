"""Preview server: build into a temporary folder, serve it locally, rebuild on change, reload the browser.

The preview is built with `base_url` set to the server's own address, into a temporary
folder that is removed on exit: the user's `output/` is never touched.  Files under
content/, templates/ and static/, site.toml and the private client register are watched
with watchfiles; each batch of changes rebuilds the site (incrementally, through the
build cache) and moves the *build epoch* on.  Every HTML response -- and only the
response, never the file on disk -- gets a small script that listens to the
Server-Sent Events endpoint EVENTS_PATH and reloads the page when the epoch it was served
with is no longer the current one.

A build that fails leaves the last good build in place; while the error stands, every
HTML page served carries the list of errors (`path:line: message`) in an overlay, and
the terminal shows the same list.  The next good build clears it.
"""

from __future__ import annotations

import errno
import mimetypes
import queue
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote

from .errors import ConfigError, ContentErrors, Diagnostic, SitegenError, UsageError, file_system_error
from .guard import RequestGuard
from .options import BuildMemory
from .overlay import EVENTS_PATH, inject, no_build_page
from .watch import SiteWatcher

PERIODIC_CHECK = 60.0  # seconds: rebuild even without a change, so a scheduled post appears when due
CATCH_UP = 1.0  # seconds after starting: one more rebuild, for a save made while the watcher was starting
KEEPALIVE = 15.0  # seconds between SSE comments, so a closed tab's thread notices and ends

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
    ".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".pdf": "application/pdf",
    ".woff": "font/woff", ".woff2": "font/woff2", ".webmanifest": "application/manifest+json",
    ".mp3": "audio/mpeg", ".mp4": "video/mp4",
}


def content_type(path: Path) -> str:
    """The Content-Type for a served file: a fixed table first (system tables vary), then mimetypes."""
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


# -- shared state between the rebuild loop and the request threads --------------------------------

class PreviewState:
    """The current build epoch and the errors standing against it; request threads wait on it."""

    def __init__(self, root: Path):
        self.root = root
        self._cond = threading.Condition()
        # Starts from the clock, so a tab left open across a restart of the server reloads.
        self.epoch = int(time.time() * 1000)
        self.errors: tuple[str, ...] = ()
        self.have_build = False
        self.stopping = False
        # The last epoch that changed more than pages (a stylesheet, a picture, …): a tab showing
        # an older one reloads whole; otherwise it puts the new version of its page in place.
        self.reload_from = self.epoch

    def update(self, errors: tuple[str, ...], built: bool, pages_only: bool = False) -> None:
        with self._cond:
            self.errors = errors
            self.have_build = self.have_build or built
            self.epoch += 1
            if not pages_only:
                self.reload_from = self.epoch
            self._cond.notify_all()

    def snapshot(self) -> tuple[int, tuple[str, ...], bool]:
        with self._cond:
            return self.epoch, self.errors, self.have_build

    def wait_change(self, seen: int | None, timeout: float) -> tuple[int, int]:
        """(the epoch, the last epoch a tab must reload whole for) once the epoch is not `seen`."""
        with self._cond:
            self._cond.wait_for(lambda: self.epoch != seen or self.stopping, timeout)
            return self.epoch, self.reload_from

    def stop(self) -> None:
        with self._cond:
            self.stopping = True
            self._cond.notify_all()


def resolve_request_path(root: Path, url_path: str) -> Path | None:
    """The file or folder a URL path names inside root; None if it would lead outside root."""
    try:
        decoded = unquote(url_path, errors="strict")
    except UnicodeDecodeError:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    for p in parts:
        if p == ".." or "\\" in p or "\x00" in p or p.startswith(".sitegen"):
            return None
    path = root.joinpath(*parts)
    try:
        real, base = path.resolve(), root.resolve()
    except (OSError, RuntimeError):
        return None
    if real != base and not real.is_relative_to(base):
        return None  # a symbolic link pointing out of the served folder
    return path


class _Handler(BaseHTTPRequestHandler):
    server_version = "sitegen-preview"
    protocol_version = "HTTP/1.0"  # one response per connection: simple, and fine for a preview
    server: _PreviewServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        if self.server.verbose:
            sys.stderr.write(f"  {self.command} {self.path} {args[1] if len(args) > 1 else ''}\n")

    def _respond(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        rest = self.path[len(path):]
        state = self.server.state
        guard = self.server.guard
        why = guard.refusal(self.path, self.headers, events=path == EVENTS_PATH)
        if why:
            guard.log_once(why, sys.stderr)
            body = f"Forbidden: this preview answers only at {guard.shown}\n".encode()
            self._send(403, "text/plain; charset=utf-8", body, send_body)
            return
        if path == EVENTS_PATH:
            if send_body:
                self._events(state)
            else:
                self._send(200, "text/event-stream", b"")
            return
        epoch, errors, have_build = state.snapshot()
        if not have_build:
            self._send(500, "text/html; charset=utf-8", inject(no_build_page(), epoch, errors, False), send_body)
            return
        target = resolve_request_path(state.root, path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                # One leading slash only: "//name/" would send the browser to another host.
                query = rest.split("#", 1)[0] if rest.startswith("?") else ""
                self.send_header("Location", "/" + path.lstrip("/") + "/" + query)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        data = None
        if target is not None and target.is_file():
            try:
                data = target.read_bytes()
            except OSError:  # replaced by a rebuild at this very moment
                data = None
        status = 200
        if data is None:
            status = 404
            target = state.root / "404.html"
            try:
                data = target.read_bytes()
            except OSError:
                target = Path("404.txt")
                data = b"Not found\n"
        ctype = content_type(target)
        if ctype.startswith("text/html"):
            data = inject(data, epoch, errors)
        self._send(status, ctype, data, send_body)

    def _send(self, status: int, ctype: str, data: bytes, send_body: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away; nothing to tell anyone

    def _events(self, state: PreviewState) -> None:
        """Server-Sent Events: the current epoch now, then again each time it changes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen: int | None = None
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not state.stopping:
                epoch, reload_from = state.wait_change(seen, KEEPALIVE)
                if state.stopping:
                    break
                if epoch != seen:
                    self.wfile.write(f"data: {epoch} {reload_from}\n\n".encode())
                    seen = epoch
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return  # the tab was closed or reloaded


class _PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: PreviewState, verbose: bool):
        self.state = state
        self.verbose = verbose
        super().__init__(address, _Handler)
        self.guard = RequestGuard(address[0], self.server_address[1])


class _PreviewServer6(_PreviewServer):
    address_family = socket.AF_INET6


def _bind(host: str, port: int, state: PreviewState, verbose: bool) -> _PreviewServer:
    cls = _PreviewServer6 if ":" in host else _PreviewServer
    try:
        return cls((host, port), state, verbose)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} is already in use on {host} (perhaps another preview is still "
                             f"running). Use another port: sitegen serve --port {port + 1 if port < 65535 else 8001}") from exc
        if exc.errno == errno.EACCES:
            raise UsageError(f"not allowed to use port {port} (ports below 1024 need administrator rights). "
                             "Use a higher one, for example --port 8000") from exc
        if isinstance(exc, socket.gaierror) or exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
            raise UsageError(f"cannot listen on the address {host!r}: it is not an address of this computer. "
                             "Leave out --host to use 127.0.0.1 (this computer only)") from exc
        raise UsageError(f"cannot start the preview server on {host} port {port}: {exc.strerror or exc}") from exc


def _display_url(host: str, port: int) -> str:
    if host in ("", "0.0.0.0", "::"):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


# -- the rebuild loop ------------------------------------------------------------------------------

@dataclass
class _Rebuilder:
    site_dir: Path
    root: Path
    base_url: str
    drafts: bool
    strict: bool
    quiet: bool
    state: PreviewState
    err: TextIO
    out: TextIO
    _warnings: tuple[str, ...] = ()
    _failed: bool = False
    _memory: BuildMemory = field(default_factory=BuildMemory)  # the preview rebuilds in this one process

    def __call__(self) -> None:
        from .build import BuildOptions, build
        from .progress import progress_bar

        started = time.perf_counter()
        try:
            with progress_bar(self.quiet, self.err) as progress:
                result = build(self.site_dir, BuildOptions(output=self.root, drafts=self.drafts, strict=self.strict,
                                                           base_url=self.base_url, progress=progress,
                                                           memory=self._memory, preview=True))
        except (ContentErrors, ConfigError) as exc:
            self._fail(exc.diagnostics, None)
            return
        except SitegenError as exc:
            self._fail((), str(exc))
            return
        except Exception as exc:  # a bug in sitegen: keep the preview up and say what happened
            self._fail((), f"internal error in sitegen — please report it: {type(exc).__name__}: {exc}")
            return
        warnings = tuple(str(d) for d in result.diagnostics)
        if warnings != self._warnings and not self.quiet:
            for w in warnings:
                print(w, file=self.err)
        self._warnings = warnings
        changed = result.written is not None and result.written.swapped
        if self._failed or changed or not self.state.have_build:
            self.state.update((), built=True, pages_only=changed and result.written.pages_only)
            if not self.quiet:
                w = result.written
                what = f"{w.changed} file{'s' if w.changed != 1 else ''} changed" if w is not None else "no change"
                fixed = "Fixed: the site builds again. " if self._failed else ""
                print(f"{fixed}Built {result.pages} pages in {time.perf_counter() - started:.2f} s ({what})",
                      file=self.out, flush=True)
        self._failed = False

    def _fail(self, diags: Sequence[Diagnostic], message: str | None) -> None:
        errors = tuple(str(d) for d in diags if d.is_error) or tuple(str(d) for d in diags)
        if message:
            errors += (message,)
        for line in errors:
            print(line, file=self.err)
        n = len(errors)
        print(f"sitegen: {n} problem{'s' if n != 1 else ''}; "
              + ("the preview shows the last version that built, with the problems on top. "
                 if self.state.have_build else "the preview shows the problems until they are fixed. ")
              + "Fix them and save: the site rebuilds by itself.", file=self.err, flush=True)
        self._failed = True
        self.state.update(errors, built=False)


def serve(site_dir: Path, *, host: str = "127.0.0.1", port: int = 8000, drafts: bool = False,
          strict: bool = False, quiet: bool = False, verbose: bool = False,
          out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Serve a live preview of the site until Ctrl-C; returns the exit code."""
    from .config import load_config
    from .scaffold import is_site

    out = out or sys.stdout
    err = err or sys.stderr
    site_dir = Path(site_dir)
    if not site_dir.is_dir() or not is_site(site_dir):
        raise UsageError(f"{site_dir} is not a sitegen site (it has no site.toml and no content/ folder). "
                         "Give the site folder, for example sitegen serve my-journal, or start one with sitegen init")
    try:
        register = load_config(site_dir)[0].privacy.register
    except ConfigError:
        register = "private/clients.toml"  # the first build reports the error in the browser
    try:
        tmp = Path(tempfile.mkdtemp(prefix="sitegen-preview-"))
    except OSError as exc:
        raise file_system_error(exc, "make a folder for the preview in", tempfile.gettempdir(),
                                "The preview is built in a temporary folder (the TMPDIR setting chooses "
                                "another); nothing was changed.") or exc from exc
    state = PreviewState(tmp / "site")
    server: _PreviewServer | None = None
    serving: threading.Thread | None = None
    watcher: SiteWatcher | None = None
    try:
        server = _bind(host, port, state, verbose)  # before building: a busy port fails at once
        url = _display_url(host, server.server_address[1])
        rebuild = _Rebuilder(site_dir, state.root, url, drafts, strict, quiet, state, err, out)
        changes: queue.SimpleQueue[bool] = queue.SimpleQueue()
        watcher = SiteWatcher(site_dir, register, lambda: changes.put(True),
                              lambda msg: print(f"sitegen: {msg}", file=err, flush=True))
        rebuild()  # before any thread starts, so a large first build may use the build's worker processes
        watcher.start()
        changes.put(True)  # and look again at once, in case a file was saved during that first build
        serving = threading.Thread(target=server.serve_forever, name="sitegen-http", daemon=True)
        serving.start()
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"sitegen: warning: serving on {host}: other computers on your network can open this preview"
                  + (", drafts included" if drafts else ""), file=err)
        where = "the site in this folder" if site_dir.resolve() == Path.cwd().resolve() else str(site_dir)
        print(f"Previewing {where} at {url}" + (" (drafts included)" if drafts else "")
              + " — it rebuilds when you save a file. Press Ctrl-C to stop.", file=out, flush=True)
        last = time.monotonic()
        # One more look a moment later: the watcher needs a little time to be in place, and a file
        # saved in that time (while the first look was reading the files) would otherwise wait for
        # the periodic check.
        catch_up: float | None = last + CATCH_UP
        while True:
            try:
                changes.get(timeout=0.5)
            except queue.Empty:
                if catch_up is not None and time.monotonic() >= catch_up:
                    catch_up = None
                elif time.monotonic() - last < PERIODIC_CHECK:
                    continue
            while True:  # one rebuild for a burst of changes
                try:
                    changes.get_nowait()
                except queue.Empty:
                    break
            rebuild()
            last = time.monotonic()
    except KeyboardInterrupt:
        print("\nStopped the preview. Your files and output/ are unchanged.", file=out, flush=True)
        return 0
    finally:
        state.stop()
        if watcher is not None:
            watcher.stop()
        if server is not None:
            if serving is not None:
                server.shutdown()
            server.server_close()
        shutil.rmtree(tmp, ignore_errors=True)
