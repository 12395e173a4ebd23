"""`sitegen import` on small blogs of every kind (tests/import_fixtures/), then `sitegen build` on the result."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.importer import import_blog
from sitegen.importer.headers import split_front_matter

FIXTURES = Path(__file__).parent / "import_fixtures"
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def _import(name: str, tmp_path: Path, **kw):
    site = tmp_path / "site"
    return site, import_blog(FIXTURES / name, site, now=NOW, **kw)


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    split = split_front_matter(text)  # YAML with dates kept as text, as sitegen reads them
    assert not split.problem
    return split.meta


def _posts(site: Path) -> dict[str, dict]:
    return {p.relative_to(site).as_posix(): _front(p) for p in sorted((site / "content").rglob("*.md"))}


def _md_links(site: Path) -> list[tuple[Path, str]]:
    out = []
    for p in (site / "content").rglob("*.md"):
        for m in re.finditer(r"\]\(([^)\s]+?\.md)(?:#[^)]*)?\)", p.read_text(encoding="utf-8")):
            out.append((p, m.group(1)))
    return out


def _build(site: Path, tmp_path: Path):
    out = tmp_path / "out"
    return out, build(site, BuildOptions(output=out))


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _page_text(out: Path) -> str:
    texts = []
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for code in soup.find_all(["pre", "code"]):
            code.decompose()
        texts.append(soup.get_text(" "))
    return "\n".join(texts)


def _assert_local_links_resolve(out: Path) -> None:
    """Every local link and image on every built page (bar the .md links, checked on the sources) exists."""
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if not url or re.match(r"[a-z]+:|#|//", url) or url.split("#")[0].endswith(".md"):
                    continue
                target = page.parent / url.split("#")[0]
                assert target.is_file() or (target / "index.html").is_file(), f"{page}: {url}"


# -- Jekyll -------------------------------------------------------------------------------------

def test_jekyll(tmp_path):
    site, report = _import("jekyll", tmp_path)
    posts = _posts(site)
    first = posts["content/posts/first-week-back/index.md"]
    assert first["title"] == "First week back: slow starts"
    assert first["date"] == "2019-03-14 09:05"
    assert first["tags"] == ["pacing", "rest", "Practice"]  # space-separated tags, and the category
    assert first["summary"] == "Coming back to the table after a winter away."
    assert first["aliases"] == ["/2019/03/14/first-week-back.html"]
    assert posts["content/posts/pacing-again.md"]["draft"] is True  # published: false
    assert posts["content/posts/pacing-again.md"]["date"] == "2019-04-02"  # from a one-digit file name
    assert posts["content/posts/an-unfinished-thought.md"]["draft"] is True  # _drafts/
    assert "aliases" not in posts["content/posts/an-unfinished-thought.md"]
    assert "aliases" not in posts["content/pages/about.md"]  # /about/ is its address on both sites
    body = (site / "content/posts/first-week-back/index.md").read_text()
    assert "![the treatment room](room.png)" in body
    assert (site / "content/posts/first-week-back/room.png").read_bytes().endswith(b"fixture-room")
    assert "```python\nprint(\"{{ not a tag }}\")\n```" in body  # highlight → fence, its text untouched
    assert "[pacing again](../pacing-again.md)" in body
    assert "{: .note}" not in body
    assert "<code>{% include booking-widget.html %}</code>" in body
    open_hours = (site / "content/posts/open-hours.md").read_text()
    assert "[about page](../pages/about.md)" in open_hours
    assert "[archive](https://quiet-hands.example/journal/archive/)" in open_hours  # not imported: old address
    draft = (site / "content/posts/pacing-again.md").read_text()
    assert "[the first week](first-week-back/index.md)" in draft
    for src, link in _md_links(site):
        assert (src.parent / link).is_file(), (src, link)
    toml = (site / "site.toml").read_text()
    assert 'base_url = "https://quiet-hands.example/journal/"' in toml
    assert 'timezone = "Europe/London"' in toml and 'author = "Morwenna Pike"' in toml
    attention = [str(n) for n in report.notes if n.attention]
    assert any(s.startswith("content/posts/first-week-back/index.md:") and "booking-widget" in s for s in attention)
    out, result = _build(site, tmp_path)
    assert {h.rel for h in result.held_back} == {"content/posts/pacing-again.md",
                                                  "content/posts/an-unfinished-thought.md"}
    redirect = out / "2019/03/14/first-week-back.html"
    assert "posts/first-week-back/" in redirect.read_text()
    assert "{%" not in _page_text(out) and "{{" not in _page_text(out)
    _assert_local_links_resolve(out)


def test_running_twice_changes_nothing_and_never_overwrites(tmp_path):
    site, first = _import("jekyll", tmp_path)
    before = _tree(site)
    site, second = _import("jekyll", tmp_path)
    assert second.written == ()
    assert _tree(site) == before
    assert sorted(second.unchanged) == sorted(r for r in first.written if r != "site.toml")
    edited = site / "content/posts/open-hours.md"
    edited.write_text(edited.read_text() + "\nMy own edit.\n")
    site, third = _import("jekyll", tmp_path)
    assert edited.read_text().endswith("My own edit.\n")
    assert any(n.path == "content/posts/open-hours.md" and n.attention for n in third.notes)


def test_cli_exit_codes(tmp_path, capsys):
    assert main(["import", str(FIXTURES / "jekyll"), str(tmp_path / "a")]) == 1  # an include to look at
    assert main(["import", str(FIXTURES / "zola"), str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 of 3 posts and pages from the Zola site" in out
    assert main(["import", str(tmp_path / "nowhere"), str(tmp_path / "c")]) == 2
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "holiday.jpg").write_bytes(b"x")
    assert main(["import", str(FIXTURES / "zola"), str(tmp_path / "d")]) == 2  # somebody else's folder
    assert list((tmp_path / "d").iterdir()) == [tmp_path / "d" / "holiday.jpg"]
    err = capsys.readouterr().err
    assert "Traceback" not in err and "already holds files (holiday.jpg)" in err


# -- Hugo ---------------------------------------------------------------------------------------

def test_hugo_toml_yaml_bundles_and_shortcodes(tmp_path):
    site, report = _import("hugo", tmp_path)
    posts = _posts(site)
    silence = posts["content/posts/silence/index.md"]
    assert silence["date"] == "2021-06-01 10:00:00 +01:00"
    assert silence["updated"] == "2021-07-01 08:00:00 +01:00"
    assert silence["tags"] == ["presence", "Reflection"]
    assert silence["summary"] == "Why I stopped filling the quiet."  # also the meta description
    assert "description" not in silence  # the same text: written once
    assert sorted(silence["aliases"]) == ["/2021/06/silence/", "/old/silence/"]
    body = (site / "content/posts/silence/index.md").read_text()
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)" in body
    assert "![three stones](stones.png)" in body and "*Stones on the windowsill*" in body
    assert "[the hands post](../what-hands-remember/index.md)" in body  # its slug from its old address
    assert "```html\n<p>kept as code</p>\n```" in body
    assert "<code>{{&lt; notice tip &gt;}}</code>" in body and "Breathe out first." in body
    hands = (site / "content/posts/what-hands-remember/index.md").read_text()
    assert "![my hands](hands.png)" in hands and (site / "content/posts/what-hands-remember/hands.png").is_file()
    assert "[silence](../silence/index.md)" in hands
    assert posts["content/posts/not-yet.md"]["draft"] is True
    assert posts["content/pages/services.md"]["title"] == "Services"  # a section page with text of its own
    assert not any("posts.md" in p for p in posts)  # an empty section page is a list: not imported
    assert any("_index.md" in n.path and "no text of its own" in n.message for n in report.notes)
    out, result = _build(site, tmp_path)
    assert (out / "old/silence/index.html").is_file() and (out / "2021/06/silence/index.html").is_file()
    page = out / "posts/what-hands-remember/index.html"
    img = BeautifulSoup(page.read_text(), "html.parser").select_one(".body img")
    assert img["alt"] == "my hands" and (page.parent / img["src"]).is_file()  # the picture, made from hands.png
    assert "{{" not in _page_text(out)
    _assert_local_links_resolve(out)
    soup = BeautifulSoup((out / "posts/silence/index.html").read_text(), "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Why I stopped filling the quiet."
    assert not soup.find("iframe")


# -- Zola, Pelican, Eleventy, a plain folder ------------------------------------------------------

def test_zola(tmp_path):
    site, report = _import("zola", tmp_path)
    posts = _posts(site)
    first = posts["content/posts/first-session.md"]
    assert first["date"] == "2020-02-02" and first["tags"] == ["beginnings"]
    assert first["aliases"] == ["/blog/first-session/"]
    assert posts["content/posts/endings.md"]["aliases"] == ["/thoughts/endings/"]
    body = (site / "content/posts/first-session.md").read_text()
    assert "[endings](endings.md)" in body and "watch?v=abc123" in body
    assert any("'mood'" not in n.message for n in report.notes)
    out, _ = _build(site, tmp_path)
    _assert_local_links_resolve(out)


def test_pelican_markdown_and_rst(tmp_path):
    site, report = _import("pelican", tmp_path)
    posts = _posts(site)
    knees = posts["content/posts/knees-after-a-long-run/index.md"]
    assert knees["date"] == "2018-10-01 07:30" and knees["tags"] == ["knees", "load", "Running"]
    assert knees["summary"] == "What I tell runners about load."
    assert knees["aliases"] == ["/2018/knees-after-a-long-run/"]
    body = (site / "content/posts/knees-after-a-long-run/index.md").read_text()
    assert "![a knee model](knee.png)" in body and "[stairs](../stairs.md)" in body
    stairs = (site / "content/posts/stairs.md").read_text()
    assert "*cheapest*" in stairs and "- Up slowly" in stairs
    assert posts["content/posts/thinking-about-hips.md"]["draft"] is True  # Status: draft
    assert 'base_url = "https://moss-physio.example/"' in (site / "site.toml").read_text()  # from publishconf
    out, result = _build(site, tmp_path)
    assert "content/posts/thinking-about-hips.md" in {h.rel for h in result.held_back}
    _assert_local_links_resolve(out)


def test_eleventy(tmp_path):
    site, report = _import("eleventy", tmp_path)
    posts = _posts(site)
    steps = posts["content/posts/small-steps/index.md"]
    assert steps["tags"] == ["change"]  # 'posts' marks the collection, not a topic
    assert steps["aliases"] == ["/posts/2022-01-10-small-steps/"]
    assert "![stone steps](steps.png)" in (site / "content/posts/small-steps/index.md").read_text()
    assert not any("index" in p for p in posts if p.startswith("content/pages"))  # the list page is not a page
    out, _ = _build(site, tmp_path)
    assert "{%" not in _page_text(out)


def test_plain_folder_of_posts(tmp_path):
    site, report = _import("plain", tmp_path)
    posts = _posts(site)
    walking = posts["content/posts/walking.md"]
    assert walking["title"] == "Walking as a warm-up" and walking["date"] == "2023-05-05"
    assert "# Walking" not in (site / "content/posts/walking.md").read_text()
    assert posts["content/posts/breathing.md"]["tags"] == ["breath"]
    _build(site, tmp_path)


# -- WordPress ----------------------------------------------------------------------------------

def test_wordpress_export(tmp_path):
    site, report = _import("wordpress/export.xml", tmp_path, media=FIXTURES / "wordpress/uploads")
    posts = _posts(site)
    oil = posts["content/posts/choosing-an-oil/index.md"]
    assert sorted(oil["tags"]) == ["Oils", "warmth"]  # categories and tags; WordPress's Uncategorized left out
    assert oil["date"] == "2020-04-06 09:15:00 +01:00"
    assert oil["summary"] == "Why I warm the oil first."
    assert oil["aliases"] == ["/2020/04/choosing-an-oil/"]
    body = (site / "content/posts/choosing-an-oil/index.md").read_text()
    assert "![a bottle of oil](oil.png)" in body and "*Sunflower, warmed*" in body  # [caption], full-size image
    assert "![the couch](couch.png)" in body  # [gallery]
    assert (site / "content/posts/choosing-an-oil/couch.png").read_bytes().endswith(b"fixture-couch")
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=oilvideo1)" in body  # [embed]
    assert "[contact-form-7" in body  # unknown shortcode: kept visible
    assert "[how I look after the couch](../../pages/couch-care.md)" in body
    assert posts["content/pages/couch-care.md"]["title"] == "Couch care"
    drafts = {p: f for p, f in posts.items() if f.get("draft")}
    assert set(drafts) == {"content/posts/half-written-pregnancy-massage.md", "content/posts/supervision.md"}
    assert not any("rant" in p for p in posts)  # binned: not imported
    assert any("contact-form-7" in str(n) and n.attention for n in report.notes)
    assert any("in the bin" in n.message for n in report.notes)
    everything = "\n".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())
    for secret in ("Barnaby", "barnaby@mail.example", "203.0.113.9", "eczema"):  # comments never come over
        assert secret not in everything
    out, result = _build(site, tmp_path)
    assert {h.rel for h in result.held_back} == set(drafts)
    built = "\n".join(p.read_text(errors="replace") for p in out.rglob("*") if p.suffix in (".html", ".xml", ".json"))
    assert "supervisor" not in built and "side-lying" not in built and "Barnaby" not in built
    assert (out / "2020/04/choosing-an-oil/index.html").is_file()
    _assert_local_links_resolve(out)


def test_wordpress_images_without_media_are_reported(tmp_path):
    site, report = _import("wordpress/export.xml", tmp_path)
    assert any("oil-300x200.png" in str(n) and n.attention for n in report.notes)


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml", "cut-short.xml"])
def test_malicious_or_broken_exports_are_refused(name, tmp_path, capsys):
    site = tmp_path / "site"
    code = main(["import", str(FIXTURES / "malicious" / name), str(site)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and name in err
    assert ("refused" in err) if name != "cut-short.xml" else ("not complete XML" in err)
    assert not site.exists()  # nothing written


def test_case_studies_are_never_made(tmp_path):
    for name in ("jekyll", "hugo", "pelican"):
        site = tmp_path / name
        import_blog(FIXTURES / name, site, now=NOW)
        assert not list((site / "content/case-studies").rglob("*.md"))


def test_import_into_an_existing_site_keeps_its_settings(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.toml").write_text('title = "Mine"\n')
    shutil.copytree(FIXTURES / "plain", tmp_path / "posts")
    import_blog(tmp_path / "posts", site, now=NOW)
    assert (site / "site.toml").read_text() == 'title = "Mine"\n'
    assert (site / "content/posts/breathing.md").is_file()
    assert not (site / "content/posts/first-five-minutes.md").exists()  # no example posts in an imported site


def test_a_draft_that_is_an_earlier_copy_of_a_published_post_comes_over_as_a_draft(tmp_path):
    """Old blogs often keep an earlier copy of a post as a draft: it stays in content/, unpublished,
    and its shared sentences do not stop the build (they are published text, not a leak)."""
    shared = "Slowing the first stroke down tells the nervous system that nothing here is urgent."
    source = tmp_path / "old"
    for name, extra in (("2023-02-01-slow-start.md", ""), ("2023-01-20-slow-start-copy.md", "published: false\n")):
        (source / "_posts").mkdir(parents=True, exist_ok=True)
        (source / "_posts" / name).write_text(f"---\ntitle: Why I start every massage slowly\n{extra}---\n\n{shared}\n\n"
                                              f"{'A first version.' if extra else 'The finished version.'}\n")
    (source / "_config.yml").write_text("title: Old blog\nurl: https://old.example.org\n")
    site = tmp_path / "site"
    import_blog(source, site, now=NOW)
    drafts = [rel for rel, meta in _posts(site).items() if meta.get("draft") is True]
    assert len(drafts) == 1 and drafts[0].startswith("content/posts/")
    out, result = _build(site, tmp_path)
    assert [h.reason for h in result.held_back] == ["draft"]
    assert "The finished version." in _page_text(out) and "A first version." not in _page_text(out)
