"""The therapist's private client register: private/clients.toml, read but never published."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..errors import Diagnostic, error


@dataclass(frozen=True, slots=True)
class RegisterClient:
    pseudonym: str
    secrets: tuple[str, ...]  # real names, nicknames, contact details: never to be published
    consent: dict | None  # same shape as a case study's consent block
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


def load_register(site_dir: Path, rel: str) -> tuple[Register, tuple[Diagnostic, ...]]:
    """Read the register, and the private CPD file's text, if they exist; either broken is an error."""
    from ..cpd.activities import private_texts

    texts, text_diags = private_texts(site_dir)
    register, diags = _load_clients(site_dir, rel)
    return replace(register, private_texts=texts), diags + text_diags


def _load_clients(site_dir: Path, rel: str) -> tuple[Register, tuple[Diagnostic, ...]]:
    path = site_dir / rel
    if not path.is_file():
        return Register(rel), ()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        m = re.search(r"at line (\d+)", str(exc))
        return Register(rel), (error(rel, int(m.group(1)) if m else 1, "register.syntax",
                                     f"the client register cannot be read: {exc}",
                                     "fix the TOML syntax (see the README's 'Client register' section)"),)
    lines = [n for n, s in enumerate(text.splitlines(), 1) if s.strip().startswith("[[client")]
    clients = []
    diags = []
    for i, raw in enumerate(data.get("client", data.get("clients", [])) or []):
        line = lines[i] if i < len(lines) else 1
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
        consent = raw.get("consent")
        if consent is not None and isinstance(consent, dict):
            consent = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in consent.items()}
        clients.append(RegisterClient(str(raw["pseudonym"]).strip(), tuple(secrets), consent, line))
    return Register(rel, tuple(clients)), tuple(diags)
