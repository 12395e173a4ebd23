"""The privacy gate: no case study without consent, no identifiable client, no private value published.

    check_consent   — a case study is published only with valid, current consent
    scan_entry      — identifiers (names, phones, dates, …) in published text → path:line:col diagnostics
    load_register   — the private client register (real names and contacts, never published)
    audit_output    — after rendering: no private value or draft text in any output file
"""

from .gate import audit_needles, audit_output, check_consent, scan_entry
from .register import Register, load_register

__all__ = ["Register", "audit_needles", "audit_output", "check_consent", "load_register", "scan_entry"]
