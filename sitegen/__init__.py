"""sitegen: a static site generator for therapists' reflective-practice blogs.

Public API (everything else is internal):

    build(site_dir, BuildOptions(...)) -> BuildResult   build the site, atomically
    check(site_dir, BuildOptions(...)) -> BuildResult   every check, nothing written
    load_config(site_dir) -> (SiteConfig, diagnostics)
    Diagnostic, SitegenError, ContentErrors, ConfigError, UnsafeOutputError
"""

from __future__ import annotations

from . import warmstart

warmstart.install()  # before any dataclass or pattern of the program is made

__version__ = "0.1.0"

_EXPORTS = {
    "BuildOptions": "options", "BuildResult": "options", "build": "build", "check": "build",
    "SiteConfig": "config", "load_config": "config",
    "ConfigError": "errors", "ContentErrors": "errors", "Diagnostic": "errors", "SitegenError": "errors",
    "UnsafeOutputError": "errors",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    # Imported on first use: `sitegen build` with nothing to do must not pay for Markdown and Jinja.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'sitegen' has no attribute {name!r}")
