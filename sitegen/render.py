"""Site → output files: every page through Jinja, plus feeds, sitemap, robots.txt and search index."""

from __future__ import annotations

import html
import json
import posixpath
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Diagnostic, error
from .files import THEME_DIR, OutputFile
from .model import Item, Site, page_url, paginate

if TYPE_CHECKING:
    import jinja2

FEED_ENTRIES = 20


@dataclass(frozen=True, slots=True)
class Job:
    """One page to render: where it goes, which template, and the data it receives."""

    rel: str
    template: str
    context: dict[str, Any]
    absolute_links: bool = False  # 404.html can be served from any folder: links must be absolute


def make_env(site_dir: Path) -> jinja2.Environment:
    """Templates: the site's templates/ first, then the theme shipped with sitegen."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    user = site_dir / "templates"
    if user.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user)))
    loaders.append(jinja2.FileSystemLoader(str(THEME_DIR / "templates")))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=_compiled_templates(site_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["human_date"] = human_date
    env.filters["iso"] = lambda d: d.isoformat() if d else ""
    env.filters["day"] = lambda d: day(d) if d else ""
    env.filters["month_year"] = lambda d: f"{d:%B %Y}" if d else ""
    env.globals["posting_data"] = _posting_data
    env.globals["practice_data"] = _practice_data
    return env


def _compiled_templates(site_dir: Path) -> jinja2.BytecodeCache | None:
    """Templates compiled once, kept in the build cache (Jinja checks each against its source):
    compiling the theme cost more than rendering a one-post change."""
    import jinja2

    folder = site_dir / ".sitegen-cache" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only site folder: compile each time
    class CompiledTemplates(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a full disk or a folder of someone else's: the template is simply compiled next time

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError):
                bucket.reset()  # unreadable or damaged: compiled again

    return CompiledTemplates(str(folder))


def _posting_data(item: Item, config: Any, canonical: str, image: str, description: str) -> Any:
    """JSON-LD of an essay or case study, for <script type="application/ld+json"> (structured.py)."""
    from markupsafe import Markup

    from . import structured

    return Markup(structured.script(structured.posting(item, config, canonical, image, description.strip())))


def _practice_data(config: Any, image: str) -> Any:
    """JSON-LD of the site and the practice, for the home page."""
    from markupsafe import Markup

    from . import structured

    return Markup(structured.script(structured.practice(config, image)))


def day(d: date) -> str:
    """2024-03-09: strftime's %Y-%m-%d, at a fifth of its cost (and four digits for any year)."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def human_date(d: datetime | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def _relative(from_dir: str) -> Callable[[str], str]:
    """A url() for templates: site-root path → link relative to the page at from_dir."""
    depth = from_dir.count("/")

    def url(path: str = "") -> str:
        if "://" in path or path.startswith(("#", "mailto:")):
            return path
        rel = "../" * depth + path.lstrip("/")
        return rel or "./"

    return url


def page_dir(rel: str) -> str:
    """'posts/a/index.html' → 'posts/a/'; 'feed.xml' → ''."""
    d = posixpath.dirname(rel)
    return d + "/" if d else ""


def jobs(site: Site) -> Iterator[Job]:
    """Every page of the site, in a fixed order."""
    for number, items, pagination in _pages(site.posts, site.config.posts_per_page, ""):
        yield Job(page_url(number) + "index.html", "index.html", {"items": items, "pagination": pagination})
    for item in site.posts:
        newer, older = site.neighbours[item.url]
        template = "case_study.html" if item.entry.case is not None else "post.html"
        yield Job(item.url + "index.html", template, {"item": item, "newer": newer, "older": older})
    yield Job("case-studies/index.html", "case_studies.html", {"items": site.case_studies})
    for item in site.pages:
        yield Job(item.url + "index.html", "page.html", {"item": item})
    yield Job("tags/index.html", "tags.html", {"tags": site.tags})
    for tag in site.tags:
        for number, items, pagination in _pages(tag.items, site.config.posts_per_page, tag.url):
            yield Job(page_url(number, tag.url) + "index.html", "tag.html",
                      {"tag": tag, "items": items, "pagination": pagination})
        yield Job(tag.url + "feed.xml", "feed.xml", {"feed_items": tag.items[:FEED_ENTRIES], "feed_tag": tag,
                                                      "feed_url": tag.url + "feed.xml", "feed_page": tag.url})
    yield Job("archive/index.html", "archive.html", {"archive": site.archive})
    yield Job("search/index.html", "search.html", {})
    yield Job("404.html", "404.html", {}, absolute_links=True)
    yield Job("feed.xml", "feed.xml", {"feed_items": site.posts[:FEED_ENTRIES], "feed_tag": None,
                                       "feed_url": "feed.xml", "feed_page": ""})
    yield Job("robots.txt", "robots.txt", {})


def _pages(items: tuple[Item, ...], per_page: int, base: str) -> Iterator[tuple[int, tuple[Item, ...], dict]]:
    pages = paginate(items, per_page)
    last = len(pages)
    for number, chunk in pages:
        yield number, chunk, {"number": number, "count": last,
                              "newer": page_url(number - 1, base) if number > 1 else None,
                              "older": page_url(number + 1, base) if number < last else None}


def page_urls(site: Site, rels: Iterable[str] | None = None) -> list[str]:
    """Every HTML page's URL (site-root relative), for the sitemap; `rels`: every page's path
    in the output, in the order of `jobs` (when the caller has them already)."""
    return [posixpath.dirname(rel) + "/" if rel.endswith("/index.html") else ("" if rel == "index.html" else rel)
            for rel in (rels if rels is not None else (j.rel for j in jobs(site))) if rel.endswith("index.html")]


def render_job(env: jinja2.Environment, site: Site, job: Job) -> OutputFile:
    cfg = site.config
    here = page_dir(job.rel)
    url = (lambda p="": cfg.site_url + p.lstrip("/")) if job.absolute_links else _relative(here)
    canonical = cfg.site_url + (here if job.rel.endswith("index.html") else job.rel)
    ctx = {"site": site, "config": cfg, "url": url, "absolute": lambda p="": cfg.site_url + p.lstrip("/"),
           "canonical": canonical, "page_path": here, **job.context}
    text = env.get_template(job.template).render(ctx)
    absolute = job.absolute_links or not job.rel.endswith(".html")  # feeds: full addresses
    return OutputFile(job.rel, finish_page(text, cfg.site_url if absolute else url(""), job.rel).encode("utf-8"))


_LAZY = ' loading="lazy" decoding="async"'


def finish_page(text: str, root: str, rel: str) -> str:
    """Links in posts' text made to work from this page (htmlrefs.ROOT → `root`); on an HTML
    page the first picture is fetched at once, since it is likely the largest thing on the
    first screen (the Largest Contentful Paint), and the others only when scrolled to."""
    from .htmlrefs import ROOT

    if ROOT in text:
        text = text.replace(ROOT, root if root.endswith("/") else root + "/")
    if rel.endswith(".html") and _LAZY in text:
        text = text.replace(_LAZY, ' fetchpriority="high" decoding="async"', 1)
    return text


# What template code itself can raise (a division by zero, a bad index, a method called with
# the wrong argument): these become template errors only when the innermost frame is a
# template's; raised inside sitegen's own code, they are sitegen's bugs and go on as such.
TEMPLATE_FAULTS = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError)


def render_page(env: jinja2.Environment, site: Site, job: Job, site_dir: Path) -> OutputFile | Diagnostic:
    """One page, or the template error that stopped it (path:line of the template)."""
    import jinja2

    try:
        return render_job(env, site, job)
    except jinja2.TemplateError as exc:
        return template_diagnostic(exc, site_dir)
    except TEMPLATE_FAULTS as exc:
        if not raised_by_template(exc):
            raise
        return template_diagnostic(exc, site_dir)


def raised_by_template(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and frames[-1].filename.endswith((".html", ".xml", ".txt"))


def render_extras(site: Site, memo: dict | None = None, rels: Iterable[str] | None = None) -> list[OutputFile]:
    """Sitemap and search index: built from the model directly, no template needed.

    `rels` is every page's path in the output, in the order of `jobs`, when the caller has
    them.  `memo` (kept by a resident process) holds the last sitemap by what it was made of,
    and each item's search entry by the item (media.attach hands over an unchanged item as the
    very same object); it is left holding this build's."""
    items = site.posts + site.pages
    sitemap, made_of = _sitemap(site, page_urls(site, rels), memo.get("sitemap") if memo is not None else None)
    if memo is None:
        entries = [_search_entry(i) for i in items]
    else:
        last = memo.get("entries", {})
        kept: dict[int, tuple[Item, str]] = {}
        for i in items:
            got = last.get(id(i))
            kept[id(i)] = got if got is not None and got[0] is i else (i, _search_entry(i))
        entries = [kept[id(i)][1] for i in items]
        memo.clear()
        memo.update(sitemap=(made_of, sitemap), entries=kept)
    index = "[" + ",".join(entries) + "]"
    return [OutputFile("sitemap.xml", sitemap), OutputFile("search-index.json", index.encode("utf-8"))]


def _sitemap(site: Site, urls: list[str], last: tuple[tuple, bytes] | None) -> tuple[bytes, tuple]:
    """The sitemap, and what it is made of; `last` (made of, bytes) is taken when it is the same."""
    cfg = site.config
    lastmod: dict[str, datetime] = {}
    for item in site.posts + site.pages:
        d = item.entry.updated or item.entry.date
        if d:
            lastmod[item.url] = d
    made_of = (cfg.site_url, tuple(urls), tuple(lastmod.items()))
    if last is not None and last[0] == made_of:
        return last[1], made_of
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for u in urls:
        loc = html.escape(cfg.site_url + u)
        mod = f"<lastmod>{day(lastmod[u])}</lastmod>" if u in lastmod else ""
        lines.append(f"  <url><loc>{loc}</loc>{mod}</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8"), made_of


def _search_entry(i: Item) -> str:
    """One item of the search index: {"t": title, "u": address, "d": date, "g": topics, "s":
    summary, "x": words}, as JSON; the text's own members were worked out with its file."""
    date = day(i.entry.date) if i.entry.date else ""
    return (f'{{"t":{_json(i.title)},"u":{_json(i.url)},"d":"{date}","g":{_json([t.name for t in i.tags])},'
            f'{i.rendered.search}}}')


def search_members(summary_html: str, words: str) -> str:
    """The "s" (the summary as plain text) and "x" (each word once) members of a text's search entry."""
    from .markup import plain_text

    return f'"s":{_json(plain_text(summary_html))},"x":{_json(words)}'


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder for every value


def template_diagnostic(exc: BaseException, site_dir: Path) -> Diagnostic:
    """A template error as path:line: message, pointing into the template, not into sitegen."""
    import jinja2

    user = (site_dir / "templates").resolve()

    def show(filename: str | None) -> str:
        if not filename:
            return "templates/?"
        p = Path(filename).resolve()
        if p.is_relative_to(user):
            return "templates/" + p.relative_to(user).as_posix()
        if p.is_relative_to(THEME_DIR.resolve()):
            return "(theme)/" + p.relative_to(THEME_DIR.resolve()).as_posix()
        return str(p)

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return error(show(exc.filename), exc.lineno, "template.syntax", f"template syntax error: {exc.message}",
                     "check the {% %} and {{ }} tags on this line")
    if isinstance(exc, jinja2.TemplateNotFound):
        return error("templates/", None, "template.missing", f"template {exc.name!r} not found",
                     "a template can only extend or include a file that exists in templates/ or the theme")
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename and f.filename.endswith((".html", ".xml", ".txt"))]
    if frames:
        f = frames[-1]
        plain = re.sub(r"'sitegen\.[\w.]+\.(\w+) object'", lambda m: f"the {m.group(1).lower()}", str(exc))
        return error(show(f.filename), f.lineno, "template.runtime", f"template error: {plain}",
                     "check the names used in this template; see the README's list of template variables")
    return error("templates/", None, "template.runtime", f"template error: {exc}")
