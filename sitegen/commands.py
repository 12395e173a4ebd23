"""The writing-workflow verbs on the command line: init, new, consent, review, import, serve, publish, cpd.

Each handler turns parsed arguments into one call of a function in scaffold, serve,
publish, consent or cpd, prints what happened, and returns the exit code; errors are SitegenError
subclasses, which cli.main shows without a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from .errors import ContentErrors, UsageError


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number; use a number such as 8000") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number; use one between 1024 and 65535, such as 8000")
    return port


def _day(last: bool):
    """--from / --to: YYYY-MM-DD, or YYYY-MM or YYYY for a whole month or year."""
    def parse(text: str) -> date:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
        if not m:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it year first, e.g. 2025-04-01 "
                                             "(or 2025-04 for a month, 2025 for a year)")
        year, month = int(m.group(1)), int(m.group(2) or (12 if last else 1))
        if not 1 <= month <= 12:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date: there is no month {month}")
        from calendar import monthrange  # for --from and --to only

        days = monthrange(year, month)[1]
        day = int(m.group(3) or (days if last else 1))
        if not 1 <= day <= days:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date: month {month} of {year} has no day {day}")
        return date(year, month, day)
    return parse


def add_parsers(sub, common) -> None:
    """Register the workflow subcommands (each module adds its own)."""
    from .reflection import MODELS  # the standard library only: parsing the command line stays cheap

    i = sub.add_parser("init", help="start a new site in a folder (or add what an existing site lacks)")
    i.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="DIR",
                   help="the folder for the new site (default: the current folder)")
    i.add_argument("--pages-repository", metavar="ADDRESS",
                   help="the address of a separate, public repository for the built site "
                        "(https://github.com/YOUR-NAME/YOUR-NAME.github.io.git): publish goes there, "
                        "and your sources stay private")
    i.set_defaults(handler=_cmd_init)

    n = sub.add_parser("new", help="start a new essay or case study, ready to fill in")
    n.add_argument("kind", choices=("essay", "case-study"), help="essay or case-study")
    n.add_argument("title", nargs="+", help='its title, in quotes: "What silence taught me"')
    n.add_argument("--model", choices=tuple(MODELS), type=str.lower,
                   help="lay it out with the headings of a reflective model: " + ", ".join(MODELS))
    n.add_argument("--slug", metavar="SLUG", help="file name and web address to use instead of one made from the title")
    n.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    n.add_argument("--real-name", action="append", default=[], metavar="NAME", help=_REAL_NAME_HELP)
    n.set_defaults(handler=_cmd_new)

    c = sub.add_parser("consent", help="make a copy of a case study for the client to review, and its fingerprint")
    c.add_argument("file", type=Path, metavar="FILE", help="the case study, e.g. content/case-studies/a-shoulder.md")
    c.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    c.set_defaults(handler=_cmd_consent)

    _add_review_parser(sub)

    s = sub.add_parser("serve", help="preview the site in your browser; it rebuilds and reloads as you write")
    common(s)
    s.add_argument("--port", type=_port, default=8000, help="port to serve on (default: 8000)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this computer only)")
    s.set_defaults(handler=_cmd_serve)

    im = sub.add_parser("import", help="bring a blog over from WordPress, Squarespace, Jekyll, Hugo, Zola, Pelican "
                                        "or Eleventy, or a folder of Markdown posts")
    im.add_argument("source", type=Path, metavar="SOURCE",
                    help="the old site's folder, a folder of posts, or a WordPress/Squarespace export (.xml)")
    im.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="SITE_DIR",
                    help="the sitegen site to create or fill (default: the current folder)")
    im.add_argument("--media", type=Path, metavar="DIR",
                    help="the WordPress uploads folder (wp-content/uploads), to copy the posts' images")
    im.add_argument("-v", "--verbose", action="store_true", help="list every note, not one line per kind")
    im.set_defaults(handler=_cmd_import)

    p = sub.add_parser("publish", help="build the site afresh, without drafts, and publish it")
    p.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    p.add_argument("--to", default=None, metavar="gh-pages|PATH",
                   help="gh-pages: push to the GitHub Pages branch; or a folder your web host serves "
                        "(default: 'to' in the [publish] section of site.toml)")
    p.add_argument("--remote", default=None, metavar="ADDRESS|NAME",
                   help="for gh-pages: the address of a separate repository for the site "
                        "(https://github.com/YOUR-NAME/YOUR-NAME.github.io.git), or a git remote's name (default: origin)")
    p.add_argument("--branch", default=None, help="branch to publish on (default: gh-pages)")
    p.add_argument("--sources-are-public", action="store_true",
                   help="publish even to a repository that holds your sources with drafts or private notes in them")
    p.add_argument("--strict", action="store_true", help="refuse to publish if there is any warning")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument("-v", "--verbose", action="store_true", help="list every item held back, not just the first five")
    p.set_defaults(handler=_cmd_publish)

    c = sub.add_parser("cpd", help="make your private CPD record from your posts and private/cpd.toml")
    c.add_argument("site_dir", nargs="?", default=".", type=Path, metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    c.add_argument("--from", dest="start", type=_day(False), metavar="DATE",
                   help="first day of the record: 2025-04-01, or 2025-04, or 2025")
    c.add_argument("--to", dest="end", type=_day(True), metavar="DATE", help="last day of the record (default: today)")
    c.add_argument("--body", metavar="NAME", type=str.lower,
                   help="measure it against a professional body: hcpc, cnhc, fht, ncbtmb, amta or bacp")
    c.add_argument("--format", choices=("html", "csv", "json"), default="html", help="html (default), csv or json")
    c.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="where to write it (default: a file in private/cpd/); - prints it")
    c.set_defaults(handler=_cmd_cpd)


def _cmd_init(args) -> int:
    from .scaffold import display_path, init_site

    result = init_site(args.site_dir, args.pages_repository)
    here = result.site_dir.resolve() == Path.cwd().resolve()
    where = "this folder" if here else display_path(result.site_dir)
    if result.existed:
        if result.added:
            print(f"{where.capitalize() if here else where} is already a site; added what it was missing: "
                  + ", ".join(result.added))
        else:
            print(f"{where.capitalize() if here else where} is already a site and has everything sitegen init "
                  "would add; nothing was changed.")
        if args.pages_repository and "site.toml" not in result.added:
            print(f'site.toml was already there and is unchanged. To publish to {args.pages_repository}, add '
                  f'these lines under [publish] in it: to = "gh-pages" and remote = "{args.pages_repository}"')
        return 0
    for rel in result.added:
        print(f"  created {rel}")
    go = "" if here else f"cd {_quote(where)}, then "
    print(f"Your new site is ready in {where}. Next: {go}sitegen serve to see it in your browser, "
          'and sitegen new essay "Your title" to start writing. Your settings are in site.toml.')
    print(_two_repositories(args.pages_repository))
    return 0


def _two_repositories(pages: str | None) -> str:
    """init's guidance on publishing: the built site and the sources never share a repository (issue 18)."""
    first = ("Publishing: sitegen publish sends only the built site to " + pages + ", as set in site.toml. "
             if pages else
             "Publishing on GitHub Pages: create an empty public repository for the built site only, then run "
             "sitegen publish --to gh-pages --remote https://github.com/YOUR-NAME/YOUR-NAME.github.io.git "
             "(or start with sitegen init --pages-repository ADDRESS). ")
    return (first + "Keep your sources (drafts, private notes, case studies awaiting consent) out of that "
            "repository: on this computer only, or in a second repository that is private. .gitignore already "
            "keeps private/ and every drafts/ folder out of git. The README's \"Keep your sources private\" "
            "shows each step.")


def _quote(path: str) -> str:
    return f'"{path}"' if any(c.isspace() for c in path) else path


def _cmd_new(args) -> int:
    from .scaffold import display_path, new_piece

    path = new_piece(args.site, args.kind, " ".join(args.title), model=args.model, slug=args.slug)
    print(display_path(path))
    if args.kind == "case-study":
        _offer_register(args.site, path, args.real_name)
    extra = " and fill in the consent block once the client has agreed" if args.kind == "case-study" else ""
    print(f"Open it in your editor to write{extra}. It is a draft: delete the line draft: true when it is ready "
          "to publish. sitegen serve --drafts shows drafts in the preview.", file=sys.stderr)
    return 0


def _offer_register(site: Path, path: Path, real_names: list[str]) -> None:
    """Offer to add the new case study's client to the private register (the one check that
    catches a client's own name, nickname, town or club)."""
    from .config import load_config
    from .privacy.register import add_client, load_register
    from .scaffold import case_client

    cfg, _ = load_config(site)
    pseudonym = case_client(path)
    register, _ = load_register(site, cfg.privacy.register)
    if not pseudonym or register.find(pseudonym) is not None:
        return
    names = [n.strip() for n in real_names if n.strip()]
    if not names and sys.stdin.isatty():
        print(f"Add {pseudonym} to your private client register ({cfg.privacy.register})? It is never published, "
              "and sitegen stops if anything in it appears in your posts.", file=sys.stderr)
        print("Type the client's real name (and any nickname, separated by commas), or press Enter to skip: ",
              end="", file=sys.stderr, flush=True)
        names = [n.strip() for n in sys.stdin.readline().split(",") if n.strip()]
    if not names:
        print(f"Tip: add {pseudonym} to {cfg.privacy.register} with their real name (see the README's 'Client "
              "register'): it is the only check that catches their own name, nickname, town or club.", file=sys.stderr)
        return
    try:
        add_client(site, cfg.privacy.register, pseudonym, names)
    except ValueError as exc:
        print(f"{cfg.privacy.register}: {exc}", file=sys.stderr)
        return
    print(f"Added {pseudonym} to {cfg.privacy.register} (private: never published).", file=sys.stderr)


def _cmd_import(args) -> int:
    from .importer import format_report, import_blog

    report = import_blog(args.source, args.site_dir, media=args.media)
    print(format_report(report, verbose=args.verbose))
    return 1 if report.needs_attention else 0


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


_REAL_NAME_HELP = ("case studies: the client's real name (or a nickname; repeat for more), added to your private "
                   "client register and never published. Without it you are asked, in a terminal")


def _add_review_parser(sub) -> None:
    r = sub.add_parser("review", help="go through the details of a case study that could identify the client, "
                                      "and record which may stay")
    r.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help="the case study (default: every case study with details to review)")
    r.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR",
                   help="the site folder (default: the current folder)")
    r.set_defaults(handler=_cmd_review)


def _cmd_review(args) -> int:
    from .review_walk import walk

    walk(args.site, args.file, sys.stdin, sys.stdout)
    return 0


def _cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.site_dir, host=args.host, port=args.port, drafts=args.drafts, strict=args.strict,
                 quiet=args.quiet, verbose=args.verbose)


def _cmd_publish(args) -> int:
    from .exposure import check_site, publish_note, warning_text
    from .publish import publish, report

    try:
        result = publish(args.site_dir, args.to, remote=args.remote, branch=args.branch, strict=args.strict,
                         quiet=args.quiet, sources_are_public=args.sources_are_public)
    except ContentErrors as exc:  # nothing was published; the sources may still be exposed in git
        text = warning_text(check_site(args.site_dir, exc.private))
        if text:
            exc.add_note(text)
        raise
    report(result, sys.stdout, sys.stderr, quiet=args.quiet, verbose=args.verbose)
    if not args.quiet and result.sources is not None:
        text = warning_text(result.sources)
        if text:
            print(text, file=sys.stderr)
        elif result.pushed:
            note = publish_note(result.sources)
            if note:
                print(note, file=sys.stdout)
    return 0


def _cmd_cpd(args) -> int:
    from .cpd import output
    from .cpd.record import Request, make_record, summary_lines
    from .scaffold import display_path, is_site

    if not args.site_dir.is_dir() or not is_site(args.site_dir):
        raise UsageError(f"{args.site_dir} is not a sitegen site (it has no site.toml and no content/ folder). "
                         "Run the command inside your site folder, or name it: sitegen cpd my-journal")
    record, warnings = make_record(args.site_dir, Request(args.start, args.end, args.body))
    for w in warnings:
        print(w, file=sys.stderr)
    data = output.render(record, args.format)
    if args.output is not None and str(args.output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    name = output.default_name(record.start.isoformat(), record.end.isoformat(),
                               record.body.key if record.body else "", args.format)
    path = output.destination(args.site_dir, args.output, name)
    output.write_record(path, data)
    print(f"Wrote {display_path(path)}")
    for line in summary_lines(record):
        print(line)
    note = output.git_warning(args.site_dir, path)
    if note:
        print(note, file=sys.stderr)
    return 0
