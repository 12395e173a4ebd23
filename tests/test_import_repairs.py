"""`sitegen import` mends what the build's link check would refuse: anchors made by another generator,
pictures and pages that did not come over, template syntax in addresses, Pelican's placeholders.

Each fixture in tests/import_fixtures/ is a small old site written for these tests.  Every test
imports it, checks what the new Markdown says and what the report names (at the line of the new
file), then builds the site with the build's own checks: it must build, with no hand edits.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.importer import import_blog
from sitegen.importer.anchors import find_heading
from sitegen.importer.refs import rewrite

FIXTURES = Path(__file__).parent / "import_fixtures"
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def _import(source: Path, tmp_path: Path, **kw):
    site = tmp_path / "site"
    return site, import_blog(source, site, now=NOW, **kw)


def _build(site: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))  # raises ContentErrors if the build would refuse anything
    return out


def _notes(report, kind: str) -> list:
    return [n for n in report.notes if n.kind == kind]


def _at_its_line(site: Path, note, text: str) -> None:
    """The note points at the line of the new file that holds `text`."""
    lines = (site / note.path).read_text(encoding="utf-8").split("\n")
    assert note.line is not None and text in lines[note.line - 1], (str(note), lines[note.line - 1])


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _page_text(out: Path) -> str:
    texts = []
    for page in out.rglob("*.html"):
        soup = _soup(page)
        for code in soup.find_all(["pre", "code"]):
            code.decompose()
        texts.append(str(soup))
    return "\n".join(texts)


def _link(page: Path, words: str):
    return next(a for a in _soup(page).select(".body a") if a.get_text(" ", strip=True) == words)


# -- anchors, pictures, settings: a Jekyll site whose address is known ---------------------------

def test_jekyll_anchors_pictures_and_settings_are_mended(tmp_path):
    site, report = _import(FIXTURES / "jekyll-links", tmp_path)
    post = site / "content/posts/links-back/index.md"
    body = post.read_text(encoding="utf-8")
    assert "[why I slow down](../slowing-down.md#why-i-slow-down)" in body  # {#slowing}: the heading it named
    assert "[breath and pace](../slowing-down.md#breath-pace)" in body  # kramdown's #breath--pace
    assert "[in the comments](../slowing-down.md)" in body  # no such heading: the top of the page
    assert "further down\nthere is more" in body  # a link within the page to nothing: its words stay
    assert "![my couch by the window](https://steady-breath.example/images/missing-couch.jpg)" in body
    assert "[![the room](room.png)](room.png)" in body  # a picture inside a link: both copied beside the post
    assert "[Mastodon](https://social.example/@steadybreath)" in body  # from _data/social.yml
    assert "[visitor numbers](https://stats.steady-breath.example)" in body  # from _config.yml
    assert "or every post about calm." in body  # a filter only the old site had: the link goes, its words stay
    assert "`{{ first_name }}`" in body  # escaped braces: shown as written
    assert "\n```html\n<a href=\"/only-an-example/\">" in body  # an indented fence, outdented: still code
    assert '\n<p class="divider">~ ~ ~</p>\n' in body  # a plain include file, written in
    assert "<code>{% include note.html text=" in body  # one with template syntax of its own: shown as code

    picture = _notes(report, "image.old-address")[0]
    assert picture.attention and "download it" in picture.message
    _at_its_line(site, picture, "missing-couch.jpg")
    dropped = _notes(report, "anchor.dropped")
    assert {n.attention for n in dropped} == {True} and len(dropped) == 2
    _at_its_line(site, next(n for n in dropped if "comment-12" in n.message), "[in the comments]")
    _at_its_line(site, _notes(report, "syntax.link")[0], "or every post about calm.")
    assert {n.attention for n in _notes(report, "anchor.rewritten")} == {False}
    assert not _notes(report, "build.stops")

    out = _build(site, tmp_path)
    page = out / "posts/links-back/index.html"
    target = _soup(out / "posts/slowing-down/index.html")
    for words in ("why I slow down", "breath and pace"):
        fragment = _link(page, words)["href"].split("#")[1]
        assert target.find(id=fragment) is not None and target.find(id=fragment).name == "h2"
    assert "{{" not in _page_text(out) and "{%" not in _page_text(out)


def test_mending_is_the_same_every_time_and_the_exit_code_says_look(tmp_path, capsys):
    site, first = _import(FIXTURES / "jekyll-links", tmp_path)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    site, second = _import(FIXTURES / "jekyll-links", tmp_path)
    assert second.written == () and {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert main(["import", str(FIXTURES / "jekyll-links"), str(tmp_path / "again")]) == 1
    out = capsys.readouterr().out
    assert "content/posts/links-back/index.md:" in out and "Needs your look" in out


def test_the_check_leaves_nothing_behind(tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    _import(FIXTURES / "jekyll-links", tmp_path)
    assert list(scratch.iterdir()) == []


# -- without the old site's address ---------------------------------------------------------------

def test_without_the_old_address_the_words_and_descriptions_stay(tmp_path):
    site, report = _import(FIXTURES / "plain-links", tmp_path)
    body = (site / "content/posts/first-visit.md").read_text(encoding="utf-8")
    assert "\nthe waiting room, with two chairs\n" in body and "waiting-room.jpg" not in body
    assert "no-words.png" not in body
    assert "More in my notes on intake and in The Body Keeps Going." in body
    assert "[massage-guild.org](https://massage-guild.org/guidance)" in body  # written without https://
    second = (site / "content/posts/second-visit.md").read_text(encoding="utf-8")
    assert "[the first visit](first-visit.md)" in second
    words = _notes(report, "link.words")
    assert len(words) == 2 and all(n.attention for n in words)
    _at_its_line(site, words[0], "More in my notes on intake")
    pictures = _notes(report, "image.text")
    assert len(pictures) == 2
    _at_its_line(site, pictures[0], "the waiting room, with two chairs")
    assert _notes(report, "link.guess")[0].attention
    _build(site, tmp_path)


# -- Pelican's placeholders, an embedded drawing --------------------------------------------------

def test_pelican_placeholders_and_an_embedded_drawing(tmp_path):
    site, report = _import(FIXTURES / "pelican-links", tmp_path)
    body = (site / "content/posts/maps-of-the-foot/index.md").read_text(encoding="utf-8")
    assert "[calm](/tags/calm/)" in body  # {tag}calm: sitegen's page for the topic
    assert "[old ghost category](https://oakes-reflexology.example/category/ghost.html)" in body
    assert "post that never was." in body and "never-written" not in body
    assert '<img src="foot-map.svg">' in body and "![The zones of the foot](foot-map.svg)" in body
    assert (site / "content/posts/maps-of-the-foot/foot-map.svg").is_file()
    assert _notes(report, "link.words")[0].attention
    assert _notes(report, "syntax.object")
    out = _build(site, tmp_path)
    page = out / "posts/maps-of-the-foot/index.html"
    calm = _link(page, "calm")["href"]
    assert (page.parent / calm / "index.html").resolve() == (out / "tags/calm/index.html").resolve()
    assert "{tag}" not in _page_text(out) and "{static}" not in _page_text(out)
    assert (out / "posts/maps-of-the-foot/foot-map.svg").is_file()


# -- other generators' anchors --------------------------------------------------------------------

def test_zola_and_hugo_anchors(tmp_path):
    site, report = _import(FIXTURES / "zola-anchors", tmp_path / "z")
    hours = (site / "content/posts/hours.md").read_text(encoding="utf-8")
    assert "(rooms.md#calm-rooms)" in hours  # Zola spelt the emoji: #calm-rooms-herb
    assert "(rooms.md#publicprivate-hours)" in hours  # Zola: / became -
    assert not [n for n in report.notes if n.attention]
    _build(site, tmp_path / "z")

    site, report = _import(FIXTURES / "hugo-anchors", tmp_path / "h")
    knees = (site / "content/posts/knees.md").read_text(encoding="utf-8")
    assert "(walk.md#hands-feet)" in knees  # GitHub's way: #hands--feet
    assert "[next month](#next-month)" in knees  # the emoji dropped: #-next-month
    walk = (site / "content/posts/walk.md").read_text(encoding="utf-8")
    assert "(https://lantern-physio.example/posts/walk/river-path.jpg)" in walk  # beside the old page
    _build(site, tmp_path / "h")


def test_wordpress_heading_ids_anchors_code_and_stray_control_characters(tmp_path):
    site, report = _import(FIXTURES / "wordpress/anchors.xml", tmp_path)
    body = (site / "content/posts/where-to-begin.md").read_text(encoding="utf-8")
    assert "[where to begin](#where-to-begin)" in body  # <h2 id="topic1">
    assert "[the end](#end)" in body and '<a id="end"></a>' in body  # <a name="end">: still an anchor
    assert "```python\nif pressure < comfort:" in body  # [sourcecode]
    assert "\x10" not in body
    assert any("control characters" in n.message for n in report.notes)
    assert _notes(report, "anchor.dropped")[0].attention  # #fn1: the footnote did not come over
    _build(site, tmp_path)


# -- a picture the build cannot publish ---------------------------------------------------------------

def test_a_picture_the_build_refuses_is_shown_from_the_old_site(tmp_path):
    source = tmp_path / "old"
    shutil.copytree(FIXTURES / "jekyll-links", source)
    frames = [Image.new("L", (4, 4), n * 37 % 256) for n in range(301)]  # more frames than the build opens
    frames[0].save(source / "assets/spinning.gif", save_all=True, append_images=frames[1:], duration=20)
    with open(source / "_posts/2020-02-03-links-back.md", "a", encoding="utf-8") as fh:
        fh.write("\n![a spinning loader](/assets/spinning.gif)\n")
    site, report = _import(source, tmp_path)
    body = (site / "content/posts/links-back/index.md").read_text(encoding="utf-8")
    assert "![a spinning loader](https://steady-breath.example/assets/spinning.gif)" in body
    assert not (site / "content/posts/links-back/spinning.gif").exists()
    refused = _notes(report, "image.refused")
    assert refused and refused[0].attention and "301 frames" in refused[0].message
    _at_its_line(site, refused[0], "spinning.gif")
    _build(site, tmp_path)


def test_long_titles_that_share_a_slug_stay_apart(tmp_path):
    source = tmp_path / "old"
    (source / "_posts").mkdir(parents=True)
    words = "what-a-long-afternoon-of-deep-tissue-work-teaches-about-patience-with-the-body-and-with-time"
    for day in ("01", "02", "03"):
        (source / "_posts" / f"2021-03-{day}-{words}.md").write_text(f"---\ntitle: Day {day}\n---\nText {day}.\n")
    site, _ = _import(source, tmp_path)
    assert len(list((site / "content/posts").glob("*.md"))) == 3
    out = _build(site, tmp_path)
    assert len([p for p in (out / "posts").iterdir() if (p / "index.html").is_file()]) == 3


# -- the parts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fragment, expected", [
    ("breath--pace", "breath-pace"),  # kramdown
    ("-下個月的目標", "_1"),  # GitHub's way keeps every letter
    ("calm-rooms-herb", "calm-rooms"),  # Zola spells an emoji's name
    ("Das_Gutachten", "das-gutachten"),  # a WordPress table of contents
    ("DAS-GUTACHTEN", "das-gutachten"),
    ("comment-42", None),
])
def test_find_heading(fragment, expected):
    heads = [("breath-pace", "Breath & pace"), ("_1", "🗓 下個月的目標"), ("calm-rooms", "Calm rooms 🌿"),
             ("das-gutachten", "Das Gutachten")]
    assert find_heading(fragment, heads) == expected


def test_rewrite_finds_every_address_outside_code():
    text = ("[![a](in.png)](out.png) ![b](<a b.png> \"t (x)\") `[c](code.md)`\n"
            "[d][r] and <a href=\"gone.md\">e</a> <img src=\"gone.png\" alt=\"f\">\n\n[r]: gone-too.md\n")
    seen: list[tuple[str, str, int]] = []

    def fn(url: str, tag: str, line: int) -> str | None:
        seen.append((url, tag, line))
        return None if url.startswith("gone") else url.upper()

    new = rewrite(text, fn)
    assert ("in.png", "img", 0) in seen and ("out.png", "a", 0) in seen and ("a b.png", "img", 0) in seen
    assert not any(url == "code.md" for url, _, _ in seen)
    assert new.startswith("[![a](IN.PNG)](OUT.PNG) ![b](<A B.PNG> \"t (x)\") `[c](code.md)`")
    assert "d and e f" in new and "gone" not in new


def test_players_become_links_and_scripts_are_left_out(tmp_path):
    source = tmp_path / "old"
    shutil.copytree(FIXTURES / "jekyll-links", source)
    (source / "assets/stretch.mp4").write_bytes(b"a short clip of a shoulder stretch")
    (source / "_posts/2020-03-04-stretches.md").write_text(
        "---\ntitle: Stretches between clients\n---\n\nThe shoulder one:\n\n"
        '<video controls><source src="/assets/stretch.mp4" type="video/mp4"></video>\n\n'
        '<script src="/js/counter.js"></script>\n\nWrite `<script>` to show the word in code.\n',
        encoding="utf-8")
    site, report = _import(source, tmp_path)
    body = (site / "content/posts/stretches/index.md").read_text(encoding="utf-8")
    assert "[Watch the video](stretch.mp4)" in body and "<video" not in body
    assert "counter.js" not in body and "`<script>`" in body
    assert _notes(report, "syntax.script")[0].attention
    out = _build(site, tmp_path)
    page = out / "posts/stretches/index.html"
    assert (page.parent / _link(page, "Watch the video")["href"]).is_file()
    assert not _soup(page).select(".body script")


def test_a_stand_alone_page_a_post_links_to_brings_its_own_files(tmp_path):
    """A post linking to a demo page kept among the old site's files: the page comes over with
    the picture and style sheet it uses itself, and nothing on the new site is broken."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Room notes\nurl: https://notes.example\n")
    demo = old / "files" / "breathing"
    (demo / "css").mkdir(parents=True)
    (demo / "css" / "demo.css").write_text("body { margin: 2rem; }\n")
    Image.new("RGB", (40, 30), (120, 140, 160)).save(demo / "pacer.png")
    (demo / "pacer.html").write_text('<!doctype html><html><head><link rel="stylesheet" href="css/demo.css">'
                                     '</head><body><img src="pacer.png" alt="A pacing circle"></body></html>\n')
    (old / "_posts" / "2021-03-04-a-breathing-pacer.md").write_text(
        "---\ntitle: A breathing pacer\n---\n\nI made [a small pacer page](/files/breathing/pacer.html) "
        "for clients to follow at home.\n")
    site, report = _import(old, tmp_path)
    out = _build(site, tmp_path)
    pages = [p for p in out.rglob("pacer.html")]
    assert len(pages) == 1
    page = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    for tag, attr in (("img", "src"), ("link", "href")):
        assert (pages[0].parent / page.find(tag)[attr]).is_file(), f"{tag} {page.find(tag)[attr]} not published"
    with Image.open(pages[0].parent / "pacer.png") as im:
        assert im.size == (40, 30)
