"""The writing-workflow verbs on the command line: init, new, consent, serve, publish.

Each handler turns parsed arguments into one call of a function in scaffold, serve or
publish, prints what happened, and returns the exit code; errors are SitegenError
subclasses, which cli.main shows without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UsageError


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number; use a number such as 8000") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number; use one between 1024 and 65535, such as 8000")
    return port


def add_parsers(sub, common) -> None:
    """Register the workflow subcommands (each module adds its own)."""
    from .scaffold import MODELS

    i = sub.add_parser("init", help="start a new site in a folder (or add what an existing site lacks)")
    i.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="DIR",
                   help="the folder for the new site (default: the current folder)")
    i.set_defaults(handler=_cmd_init)

    n = sub.add_parser("new", help="start a new essay or case study, ready to fill in")
    n.add_argument("kind", choices=("essay", "case-study"), help="essay or case-study")
    n.add_argument("title", nargs="+", help='its title, in quotes: "What silence taught me"')
    n.add_argument("--model", choices=tuple(MODELS), type=str.lower,
                   help="lay it out with the headings of a reflective model: " + ", ".join(MODELS))
    n.add_argument("--slug", metavar="SLUG", help="file name and web address to use instead of one made from the title")
    n.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    n.set_defaults(handler=_cmd_new)

    c = sub.add_parser("consent", help="make a copy of a case study for the client to review, and its fingerprint")
    c.add_argument("file", type=Path, metavar="FILE", help="the case study, e.g. content/case-studies/a-shoulder.md")
    c.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    c.set_defaults(handler=_cmd_consent)

    s = sub.add_parser("serve", help="preview the site in your browser; it rebuilds and reloads as you write")
    common(s)
    s.add_argument("--port", type=_port, default=8000, help="port to serve on (default: 8000)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this computer only)")
    s.set_defaults(handler=_cmd_serve)

    p = sub.add_parser("publish", help="build the site afresh, without drafts, and publish it")
    p.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    p.add_argument("--to", required=True, metavar="gh-pages|PATH",
                   help="gh-pages: push to the GitHub Pages branch; or a folder your web host serves")
    p.add_argument("--remote", default=None, help="git remote to push to (default: origin)")
    p.add_argument("--branch", default=None, help="branch to publish on (default: gh-pages)")
    p.add_argument("--strict", action="store_true", help="refuse to publish if there is any warning")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument("-v", "--verbose", action="store_true", help="list every item held back, not just the first five")
    p.set_defaults(handler=_cmd_publish)


def _cmd_init(args) -> int:
    from .scaffold import display_path, init_site

    result = init_site(args.site_dir)
    here = result.site_dir.resolve() == Path.cwd().resolve()
    where = "this folder" if here else display_path(result.site_dir)
    if result.existed:
        if result.added:
            print(f"{where.capitalize() if here else where} is already a site; added what it was missing: "
                  + ", ".join(result.added))
        else:
            print(f"{where.capitalize() if here else where} is already a site and has everything sitegen init "
                  "would add; nothing was changed.")
        return 0
    for rel in result.added:
        print(f"  created {rel}")
    go = "" if here else f"cd {_quote(where)}, then "
    print(f"Your new site is ready in {where}. Next: {go}sitegen serve to see it in your browser, "
          'and sitegen new essay "Your title" to start writing. Your settings are in site.toml.')
    return 0


def _quote(path: str) -> str:
    return f'"{path}"' if any(c.isspace() for c in path) else path


def _cmd_new(args) -> int:
    from .scaffold import display_path, new_piece

    path = new_piece(args.site, args.kind, " ".join(args.title), model=args.model, slug=args.slug)
    print(display_path(path))
    extra = " and fill in the consent block once the client has agreed" if args.kind == "case-study" else ""
    print(f"Open it in your editor to write{extra}. It is a draft: delete the line draft: true when it is ready "
          "to publish. sitegen serve --drafts shows drafts in the preview.", file=sys.stderr)
    return 0


def _cmd_consent(args) -> int:
    from .review_copy import make_review_copy
    from .scaffold import display_path

    copy = make_review_copy(args.site, args.file)
    for d in copy.warnings:
        print(str(d), file=sys.stderr)
    print(f"Review copy written to {display_path(copy.path)}: print it or send it to the client. It stays in private/ "
          "and is never published.")
    print(f"When the client has read it and agreed, add this line under consent: in {copy.source}:")
    print()
    print(f"reviewed: {copy.fingerprint}")
    print()
    print("If the text changes after that, the build stops until you make a new copy and ask again.")
    return 0


def _cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.site_dir, host=args.host, port=args.port, drafts=args.drafts, strict=args.strict,
                 quiet=args.quiet, verbose=args.verbose)


def _cmd_publish(args) -> int:
    from .publish import GH_PAGES, publish, report

    if args.to != GH_PAGES and (args.remote is not None or args.branch is not None):
        raise UsageError(f"--remote and --branch are for --to {GH_PAGES}; a folder target takes neither "
                         f"(did you mean --to {GH_PAGES}?)")
    result = publish(args.site_dir, args.to, remote=args.remote or "origin", branch=args.branch or GH_PAGES,
                     strict=args.strict, quiet=args.quiet)
    report(result, sys.stdout, sys.stderr, quiet=args.quiet, verbose=args.verbose)
    return 0
