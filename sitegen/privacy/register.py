"""The therapist's private client register: private/clients.toml, read but never published."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..config import load_toml
from ..consent import Consent, read_consent
from ..errors import Diagnostic, error
from ..files import CPD_FILE


@dataclass(frozen=True, slots=True)
class RegisterClient:
    pseudonym: str
    secrets: tuple[str, ...]  # real names, nicknames, contact details: never to be published
    consent: Consent | None  # read exactly as a case study's consent block is
    line: int


@dataclass(frozen=True, slots=True)
class Register:
    path: str  # relative to the site folder, for messages
    clients: tuple[RegisterClient, ...] = ()
    # Other private text the output audit looks for: (text, file, line, what), from private/cpd.toml.
    private_texts: tuple[tuple[str, str, int | None, str], ...] = ()

    def find(self, pseudonym: str) -> RegisterClient | None:
        key = pseudonym.strip().casefold()
        return next((c for c in self.clients if c.pseudonym.casefold() == key), None)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(sorted({s for c in self.clients for s in c.secrets}))


_SECRET_KEYS = ("names", "name", "nicknames", "contact", "contacts", "phone", "phones", "email", "emails",
                "address", "addresses", "workplace", "other")


def load_register(site_dir: Path, rel: str,
                  read_date: Callable[[Any], date | None] | None = None) -> tuple[Register, tuple[Diagnostic, ...]]:
    """Read the register, and the private CPD file's text, if they exist; either broken is an error
    (we cannot check without them).

    `read_date` reads a consent date written as text (the site's own date reading); TOML
    dates need no help."""
    texts: tuple = ()
    text_diags: tuple[Diagnostic, ...] = ()
    if (site_dir / CPD_FILE).is_file():  # the CPD reader is loaded only for a site that has the file
        from ..cpd.activities import private_texts

        texts, text_diags = private_texts(site_dir)
    register, diags = _load_clients(site_dir, rel, read_date)
    return replace(register, private_texts=texts), diags + text_diags


def _load_clients(site_dir: Path, rel: str,
                  read_date: Callable[[Any], date | None] | None) -> tuple[Register, tuple[Diagnostic, ...]]:
    path = site_dir / rel
    if not path.is_file():
        return Register(rel), ()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return Register(rel), (error(rel, 1, "register.syntax", f"the client register cannot be read: {exc}",
                                     "save it again with the encoding UTF-8"),)
    except OSError as exc:
        return Register(rel), (error(rel, None, "register.unreadable",
                                     f"the client register cannot be read: {exc.strerror or exc}",
                                     "check that the file is readable"),)
    data, problem = load_toml(text, rel, "register.syntax")
    if problem is not None:
        return Register(rel), (problem,)
    starts = [n for n, s in enumerate(text.splitlines(), 1) if s.strip().startswith("[[client")]
    clients = []
    diags = []
    raw_clients = data.get("client", data.get("clients", [])) or []
    if not isinstance(raw_clients, list):
        raw_clients = []
    for i, raw in enumerate(raw_clients):
        line = starts[i] if i < len(starts) else 1
        if not isinstance(raw, dict) or not str(raw.get("pseudonym", "")).strip():
            diags.append(error(rel, line, "register.pseudonym", "each [[client]] needs a pseudonym = \"…\""))
            continue
        secrets: list[str] = []
        for key in _SECRET_KEYS:
            value = raw.get(key)
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list):
                secrets.extend(str(v).strip() for v in value if str(v).strip())
        consent = None
        if "consent" in raw:
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text.splitlines())
            lines = _consent_lines(text, line, end)
            consent = read_consent(raw["consent"], path=rel, lines=lines,
                                   read_date=lambda v: _toml_date(v, read_date), where="client.consent")
            # Its problems are reported by the consent gate, for the case study that relies on it.
        clients.append(RegisterClient(str(raw["pseudonym"]).strip(), tuple(secrets), consent, line))
    return Register(rel, tuple(clients)), tuple(diags)


def _toml_date(value: Any, read_text: Callable[[Any], date | None] | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return read_text(value) if read_text is not None else None


def _consent_lines(text: str, first: int, last: int) -> dict[str, int]:
    """Lines of one client's consent table and of each key in it ("consent", "withdrawn", …)."""
    lines: dict[str, int] = {}
    inside = False
    for n, raw in enumerate(text.splitlines()[first - 1:last], first):
        s = raw.strip()
        if s.startswith("["):
            inside = re.match(r"\[\s*clients?\s*\.\s*consent\s*\]", s) is not None
            if inside:
                lines["consent"] = n
            continue
        m = re.match(r"([A-Za-z_]+)\s*=", s)
        if not m:
            continue
        if m.group(1) == "consent":
            lines["consent"] = n
            for key in re.findall(r"([A-Za-z_]+)\s*=", s.split("=", 1)[1]):
                lines.setdefault(key, n)
        elif inside:
            lines.setdefault(m.group(1), n)
    return lines


def add_client(site_dir: Path, rel: str, pseudonym: str, names: list[str], contact: list[str] = ()) -> Path:
    """Add a [[client]] entry to the register (creating it if need be); the file is checked
    after writing and left exactly as it was if the result would not read back."""
    import json
    import os
    import tomllib

    path = site_dir / rel
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    entry = ["", "[[client]]", f"pseudonym = {json.dumps(pseudonym, ensure_ascii=False)}"]
    if names:
        entry.append("names = [" + ", ".join(json.dumps(n, ensure_ascii=False) for n in names) + "]")
    if contact:
        entry.append("contact = [" + ", ".join(json.dumps(c, ensure_ascii=False) for c in contact) + "]")
    new = old.rstrip("\n") + "\n" + "\n".join(entry) + "\n" if old else "\n".join(entry[1:]) + "\n"
    try:
        data = tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{rel} cannot be read as TOML ({exc}); fix it first, then add the client by hand") from None
    if not any(isinstance(c, dict) and c.get("pseudonym") == pseudonym for c in data.get("client", [])):
        raise ValueError(f"{rel} keeps its clients in another form; add the client by hand")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.sitegen-{os.getpid()}")
    tmp.write_text(new, encoding="utf-8")
    os.replace(tmp, path)
    return path
