"""The writing-workflow verbs on the command line: init, new, serve, publish."""

from __future__ import annotations


def add_parsers(sub, common) -> None:
    """Register the workflow subcommands (each module adds its own)."""
