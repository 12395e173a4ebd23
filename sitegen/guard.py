"""Who may use the preview server: requests are answered only at its own address, and its
live-reload stream only for its own pages (a guard against DNS rebinding)."""

from __future__ import annotations

import ipaddress
import socket
from typing import TextIO

from .errors import printable

_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_WILDCARDS = ("", "0.0.0.0", "::")


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") and name.endswith("]") else name)
    except ValueError:
        return False
    return True


class RequestGuard:
    """Which Host and Origin values may use the preview.

    A web page the author happens to visit can point a name it controls at 127.0.0.1 (DNS
    rebinding) and then read the preview, drafts and held-back case studies included, as a
    page of its own.  Such a request carries that name in Host: only the addresses the
    server listens on are answered.  The live-reload stream is also refused to scripts of
    any other origin (Origin, Sec-Fetch-Site).  An address given as digits cannot be
    rebound, so when the server listens on every address (--host 0.0.0.0, to try the
    preview on a phone) any IP address is accepted, with this computer's own names."""

    def __init__(self, host: str, port: int):
        self.port = port
        names = set(_LOOPBACK_NAMES)
        if host not in _WILDCARDS:
            names.add(f"[{host}]" if ":" in host else host)
        self.wildcard = host in _WILDCARDS
        if self.wildcard:
            own = socket.gethostname()
            names |= {own, f"{own}.local", socket.getfqdn()}
        self.names = frozenset(n.lower() for n in names if n)
        self.shown = f"http://{'localhost' if self.wildcard else (f'[{host}]' if ':' in host else host)}:{port}/"
        self._logged: set[str] = set()

    def host_allowed(self, value: str | None) -> bool:
        if not value:
            return False
        value = value.strip().lower()
        name, sep, port = value.rpartition(":") if not value.endswith("]") else (value, "", "")
        if not sep:
            name, port = value, "80"
        if port != str(self.port):
            return False
        return name in self.names or (self.wildcard and _is_ip_literal(name))

    def refusal(self, path: str, headers, events: bool) -> str:
        """Why a request is refused ('' when it is answered)."""
        if not path.startswith("/"):
            return f"the request names another server ({path[:80]!r})"
        host = headers.get("Host")
        if not self.host_allowed(host):
            return f"Host {host!r} is not this preview's address" if host else "the request has no Host"
        if events:
            origin = headers.get("Origin")
            if origin is not None and not (origin.lower().startswith("http://")
                                           and self.host_allowed(origin[len("http://"):].rstrip("/"))):
                return f"the live-reload stream was asked for by a page of {origin!r}, another site"
            site = headers.get("Sec-Fetch-Site")
            if site is not None and site not in ("same-origin", "none"):
                return f"the live-reload stream was asked for from a {site} page"
        return ""

    def log_once(self, why: str, stream: TextIO) -> None:
        """One line per kind of refusal, so a page that keeps trying cannot flood the terminal."""
        if why in self._logged or len(self._logged) > 100:
            return
        self._logged.add(why)
        print(printable(f"sitegen: refused a request: {why}; the preview answers only at {self.shown}"),
              file=stream, flush=True)
