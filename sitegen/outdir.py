"""Where a site may be written: refuse any output folder whose replacement could destroy
something of the user's, and say plainly what happened when the system refuses a write."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import FileSystemError, UnsafeOutputError, file_system_error
from .safewrite import JOURNAL, MARKER, OLD_TAG, TMP_TAG, output_lock, recover, siblings

# Folders of the site that hold the user's own files: the output may be neither one of
# them nor inside one (the next build would read the output as input, or overwrite it).
SITE_FOLDERS = ("content", "templates", "static", "private", ".sitegen-cache")


# -- is this output folder safe to replace? --------------------------------------------------

def check_output_dir(output: Path, site_dir: Path) -> None:
    """Refuse any output folder whose replacement could destroy something of the user's.

    When the folder is acceptable, also clean up after an earlier build into it that was
    killed (see `recover`), so that even a build with nothing to do leaves no temporary
    folder behind."""
    shown = Path(os.path.abspath(output))  # as the user wrote it, made absolute, for messages
    out = output.resolve()
    site = site_dir.resolve()
    home = Path.home().resolve()
    why = fix = None
    own_folder = "sitegen replaces its output folder whole, so the output must be a folder of its own"
    choose = "choose another with -o, for example -o output (a new folder inside the site folder)"
    if out == Path(out.anchor):
        why, fix = "it is the root of the file system", f"{own_folder}: {choose}"
    elif out == home:
        why, fix = "it is your home folder", f"{own_folder}: {choose}"
    elif out == site:
        why, fix = "it is the site folder itself", f"{own_folder}: {choose}"
    elif site.is_relative_to(out):
        why, fix = "it holds the site folder", f"{own_folder}: {choose}"
    elif home.is_relative_to(out):
        why, fix = "it holds your home folder", f"{own_folder}: {choose}"
    elif out.is_relative_to(site) and out.relative_to(site).parts[0] in SITE_FOLDERS:
        part = out.relative_to(site).parts[0]
        why = f"it is {'' if out == site / part else 'inside '}the site's {part}/ folder"
        fix = f"the next build would read or overwrite what is there: {choose}"
    elif any((out / name).exists() for name in ("content", "templates", "site.toml")):
        why = "it holds content/, templates/ or site.toml, so it looks like a site, not an output folder"
        fix = f"{own_folder}: {choose}"
    elif out.exists() and not out.is_dir():
        why, fix = "it is a file, not a folder", choose
    elif out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        why = f"it already holds files that sitegen did not put there (it has no {MARKER} file)"
        fix = (f"{own_folder}, and everything in it would be deleted: {choose}, "
               "or empty that folder yourself if nothing in it is needed")
    elif out.is_dir() and _is_mount_point(out):
        why = "it is a mount point (a separate disk or share)"
        fix = ("sitegen builds the new output beside the old one and swaps the two, which cannot cross "
               "disks: use a folder inside it instead, for example -o " + str(shown / "site"))
    if why:
        raise UnsafeOutputError(f"refusing to write the site into {shown}: {why}. {fix[0].upper()}{fix[1:]}")
    if out.parent.is_dir():
        try:
            with output_lock(out, wait=False) as locked:
                if locked is not None:  # another build is writing this output right now: leave it be
                    recover(out, _locked=locked)
        except OSError as exc:
            raise refused(exc, out) or exc from exc


def refused(exc: OSError, output: Path) -> FileSystemError | None:
    """The operating system refused a write into (or beside) `output`: say so, and say truthfully
    what state the output is in and whether anything was left behind."""
    shown = Path(os.path.abspath(output))
    committed = any((p / JOURNAL).is_file() for p in siblings(shown, TMP_TAG))
    if committed:
        outcome = (f"The update of {shown} had begun: once this is fixed, the next build finishes it "
                   "(until then some pages may be from the previous build)")
    elif (shown / MARKER).is_file():
        outcome = f"Nothing was changed: the site already in {shown} is as it was"
    else:
        outcome = "Nothing was written"
    left = [] if committed else [p for p in siblings(shown, TMP_TAG) + siblings(shown, OLD_TAG)
                                 if p.name.endswith(f"-{os.getpid()}")]
    if left:
        outcome += f"; a temporary folder could not be removed: delete {left[0]} yourself"
    else:
        outcome += ", and nothing was left behind"
    source = Path(os.path.abspath(os.fsdecode(exc.filename))) if exc.filename else None
    if source is not None and not source.is_relative_to(shown.parent):  # a static file that cannot be read
        return file_system_error(exc, "read", source, outcome + ".")
    return file_system_error(exc, "write the site into", shown, outcome + ".")


def _is_mount_point(path: Path) -> bool:
    try:
        return path.stat().st_dev != path.parent.stat().st_dev
    except OSError:
        return False
