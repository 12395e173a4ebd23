"""Command line: a thin layer over sitegen's functions; errors become messages and exit codes."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import ConfigError, ContentErrors, Diagnostic, SitegenError, Terminated, UsageError

if TYPE_CHECKING:
    from .build import BuildResult

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _on_sigterm(signum, frame):  # pragma: no cover - exercised by a subprocess test
    raise Terminated()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit 2 with a one-line hint
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"sitegen: error: {message}\nRun 'sitegen --help' for the commands and options.\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sitegen", description="Build a therapist's reflective-practice blog into a static website.")
    p.add_argument("--version", action="version", version=f"sitegen {__version__}")
    p.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="SITE_DIR",
                        help="the site folder (default: the current folder)")
        sp.add_argument("--drafts", action="store_true", help="include drafts and scheduled posts")
        sp.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sp.add_argument("-q", "--quiet", action="store_true", help="print only errors")
        sp.add_argument("-v", "--verbose", action="store_true", help="list every item held back, not just the first five")

    b = sub.add_parser("build", help="build the site into the output folder")
    common(b)
    b.add_argument("-o", "--output", type=Path, metavar="OUTPUT_DIR", help="output folder (default: SITE_DIR/output)")
    b.add_argument("--clean", action="store_true", help="ignore the build cache and rebuild everything")
    b.set_defaults(handler=_cmd_build)

    c = sub.add_parser("check", help="check content and privacy without writing anything")
    common(c)
    c.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    c.set_defaults(handler=_cmd_check)

    from . import commands  # the workflow verbs: init, new, serve, publish

    commands.add_parsers(sub, common)
    return p


def _print_diags(diags: Sequence[Diagnostic], stream: TextIO, quiet: bool = False) -> None:
    for d in diags:
        if quiet and not d.is_error:
            continue
        print(str(d), file=stream)


def _summary(result: BuildResult, verbose: bool) -> str:
    w = result.written
    parts = [f"{result.pages} pages", f"{result.files} files in all"]
    parts.append(f"{w.changed} changed, {w.removed} removed" if w is not None and w.swapped else "nothing changed")
    held = result.held_back
    text = f"Built {', '.join(parts)} into {result.output} in {result.elapsed:.2f} s"
    if held:
        shown = held if verbose or len(held) <= 5 else held[:5]
        text += f"; held back {len(held)}: " + "; ".join(f"{h.rel} ({h.reason})" for h in shown)
        if len(shown) < len(held):
            text += f"; and {len(held) - len(shown)} more (-v lists them)"
    n_review = sum(d.is_review for d in result.diagnostics)
    n_warn = len(result.diagnostics) - n_review
    if n_review:
        text += f"; {n_review} detail{'s' if n_review != 1 else ''} to review (sitegen review)"
    if n_warn:
        text += f"; {n_warn} warning{'s' if n_warn != 1 else ''}"
    return text


def _sources_warning(site_dir: Path, private: tuple, config=None) -> str:
    """The warning about private material that git has pushed, or would push (issue 18); "" if none."""
    from .gitstate import might_be_in_repository

    if not might_be_in_repository(site_dir):  # most sites: nothing more to import or ask
        return ""
    from .exposure import check_site, warning_text

    return warning_text(check_site(site_dir, private, config))


def _cmd_build(args) -> int:
    from . import collector

    # In the `sitegen` command the collector stays off to the end: a collection as the build
    # finishes would look at everything it made, to free nothing the exit does not (collector.py).
    with collector.paused(resume=not args.then_exit):
        return _build_and_report(args)


def _build_and_report(args) -> int:
    from .options import BuildOptions
    from .progress import progress_bar
    from .quick import try_unchanged

    try:
        with progress_bar(quiet=args.quiet) as progress:
            opts = BuildOptions(output=args.output, drafts=args.drafts, strict=args.strict, clean=args.clean,
                                progress=progress)
            # A build with nothing to do is answered without loading Markdown, Jinja or the scanner.
            look = try_unchanged(args.site_dir, opts)
            result = look.answer
            if result is None:
                from .build import build

                result = build(args.site_dir, opts, look)
    except ContentErrors as exc:
        text = "" if args.quiet else _sources_warning(args.site_dir, exc.private)
        if text:
            exc.add_note(text)
        raise
    _print_diags(result.diagnostics, sys.stderr, args.quiet)
    if not args.quiet:
        text = _sources_warning(args.site_dir, result.private, result.config)
        if text:
            print(text, file=sys.stderr)
        print(_summary(result, args.verbose))
    return EXIT_OK


def _finding(d: Diagnostic) -> dict:
    return {"file": d.path, "line": d.line, "column": d.column, "kind": d.code, "severity": d.severity.value,
            "message": d.message + (f" — {d.hint}" if d.hint else ""), "text": d.text}


def _cmd_check(args) -> int:
    from .build import BuildOptions, check
    from .exposure import check_site, findings, warning_text

    held: tuple = ()
    try:
        result = check(args.site_dir, BuildOptions(drafts=args.drafts, strict=args.strict))
        diags, code, held = result.diagnostics, EXIT_OK, result.held_back
        private, config = result.private, result.config
    except ContentErrors as exc:
        # exit 2 when a file could not be read at all
        diags, code, private, config = exc.diagnostics, exc.exit_code, exc.private, None
    sources = check_site(args.site_dir, private, config)
    if args.format == "json":
        json.dump({"findings": [_finding(d) for d in (*diags, *findings(sources))],
                   "held_back": [{"file": h.rel, "title": h.title, "reason": h.reason} for h in held]},
                  sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print_diags(diags, sys.stdout, args.quiet)
        if not args.quiet:
            for h in held:
                print(f"{h.rel}: held back ({h.reason}): it will not be published")
        errors = sum(d.is_error for d in diags)
        reviews = sum(d.is_review for d in diags)
        warnings = len(diags) - errors - reviews
        if not args.quiet:
            text = warning_text(sources)
            if text:
                print(text)
            ready = (": the rest is ready to publish" if held else ": ready to publish") if not text else \
                ": the site is ready to publish, but read the git warning above"
            to_review = f", {reviews} to review (sitegen review)" if reviews else ""
            print(f"{errors} error{'s' if errors != 1 else ''}{to_review}, {warnings} warning"
                  f"{'s' if warnings != 1 else ''}" + ("" if errors else ready))
    return code


def _check_site_dir(site_dir: Path) -> None:
    """A mistyped folder is named, not built into an empty site (nor made)."""
    if not site_dir.is_dir():
        what = "is a file, not a folder" if site_dir.exists() else "does not exist"
        raise UsageError(f"{site_dir}: {what} — give the folder of your site (the one holding site.toml and "
                         "content/), or start one with: sitegen init FOLDER")
    if not (site_dir / "site.toml").exists() and not (site_dir / "content").is_dir():
        raise UsageError(f"{site_dir}: not a sitegen site: it has no site.toml and no content/ folder — give the "
                         "folder of your site, or start one here with: sitegen init")


def run() -> None:
    """The `sitegen` command: main(), then leave at once.

    A build holds the whole site in memory; letting Python take every object apart on the
    way out cost more than a second at 10,000 posts, after all the work was done.  So the
    output streams are flushed and the exit handlers run (temporary folders are removed,
    as always), and the process ends without that teardown."""
    import atexit
    import os

    code = main(then_exit=True)
    atexit._run_exitfuncs()
    try:  # what this start compiled afresh, for the next one; never a reason not to leave at once
        from . import warmstart

        warmstart.save()
    except Exception:  # noqa: BLE001
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach the reader anyway
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, then_exit: bool = False) -> int:
    """Run the command line; returns the exit code (0 ok, 1 content errors, 2 usage/config errors).

    `then_exit`: the process ends when the command does (the `sitegen` command, run())."""
    parser = _parser()
    args = parser.parse_args(argv)
    args.then_exit = then_exit
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        old = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not in the main thread (tests calling main() from a thread)
        old = None
    try:
        if args.command in ("build", "check", "serve"):
            _check_site_dir(args.site_dir)
        return args.handler(args)
    except ContentErrors as exc:
        _print_diags(exc.diagnostics, sys.stderr)
        for note in getattr(exc, "__notes__", ()):  # the git warning, for one (issue 18)
            print(note, file=sys.stderr)
        print(f"sitegen: {exc}", file=sys.stderr)
        return exc.exit_code
    except ConfigError as exc:
        _print_diags(exc.diagnostics, sys.stderr)
        where = sorted({d.path for d in exc.diagnostics if d.is_error}) or ["site.toml"]
        print(f"sitegen: {' and '.join(where)} {'has' if len(where) == 1 else 'have'} errors; nothing was built",
              file=sys.stderr)
        return exc.exit_code
    except SitegenError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`sitegen check | head`): not a fault. Point stdout at nothing, so
        # Python's own flush at exit does not complain a second time.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("sitegen: interrupted; the previous output is unchanged", file=sys.stderr)
        return 130
    except Terminated:
        print("sitegen: terminated; the previous output is unchanged", file=sys.stderr)
        return 143
    except Exception as exc:  # a bug in sitegen, not in the user's files
        if args.debug:
            traceback.print_exc()
        where = "".join(f" ({n})" for n in getattr(exc, "__notes__", ()) if n.startswith("while "))
        print(f"sitegen: internal error — please report it, with the command you ran: {type(exc).__name__}: {exc}"
              f"{where}" + ("" if args.debug else " (run with --debug for details)"), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if old is not None:
            signal.signal(signal.SIGTERM, old)

