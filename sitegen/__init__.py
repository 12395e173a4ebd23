"""sitegen: a static site generator for therapists' reflective-practice blogs.

Public API (everything else is internal):

    build(site_dir, BuildOptions(...)) -> BuildResult   build the site, atomically
    check(site_dir, BuildOptions(...)) -> BuildResult   every check, nothing written
    load_config(site_dir) -> (SiteConfig, diagnostics)
    Diagnostic, SitegenError, ContentErrors, ConfigError, UnsafeOutputError
"""

__version__ = "0.1.0"

from .build import BuildOptions, BuildResult, build, check  # noqa: E402
from .config import SiteConfig, load_config  # noqa: E402
from .errors import ConfigError, ContentErrors, Diagnostic, SitegenError, UnsafeOutputError  # noqa: E402

__all__ = ["BuildOptions", "BuildResult", "ConfigError", "ContentErrors", "Diagnostic", "SiteConfig",
           "SitegenError", "UnsafeOutputError", "__version__", "build", "check", "load_config"]
