"""The privacy gate: no case study without consent, no identifiable client, no private value published.

    check_consent   — a case study is published only with valid, current consent
    scan_entry      — identifiers (names, phones, dates, …) in published text → path:line:col diagnostics
    load_register   — the private client register (real names and contacts, never published)
    audit_output    — after rendering: no private value or draft text in any output file
    review          — review items: confirmations recorded in the post, unconfirmed items hold it back
"""

from .gate import audit_needles, audit_output, check_consent, register_reminders, review_counts, scan_entry
from .register import Register, load_register
from .review import has_unconfirmed_items, mark_review_items, review_hold, unconfirmed_items

__all__ = ["Register", "audit_needles", "audit_output", "check_consent", "has_unconfirmed_items", "load_register",
           "mark_review_items", "register_reminders", "review_counts", "review_hold", "scan_entry", "unconfirmed_items"]


def release_tables() -> None:
    """Let go of the scan's word and name tables (tens of megabytes) in a process that will
    not scan again in this build: the workers that scan have their own copies."""
    from .givennames import given_names
    from .wordstats import stats

    stats.cache_clear()
    given_names.cache_clear()

