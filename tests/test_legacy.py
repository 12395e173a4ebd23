"""The build meets other generators' ways: drafts in their words, dates, bundles, aliases, fences."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.errors import ContentErrors
from sitegen.legacy import unread_fences
from tests.conftest import png

SITE_TOML = 'title = "Practice notes"\nbase_url = "https://example.org/journal/"\ntimezone = "Europe/London"\n'


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_jekyll_and_pelican_drafts_are_never_published(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/shown.md": "---\ntitle: Shown\ndate: 2024-01-01\npublished: true\n---\nText.\n",
        "content/posts/jekyll-draft.md": "---\ntitle: Hidden one\ndate: 2024-01-02\npublished: false\n---\nSecret draft words.\n",
        "content/posts/pelican-draft.md": "---\ntitle: Hidden two\ndate: 2024-01-03\nstatus: draft\n---\nMore draft words.\n",
        "content/posts/published.md": "---\ntitle: Published status\ndate: 2024-01-04\nstatus: published\n---\nText.\n",
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    held = {h.rel for h in result.held_back}
    assert held == {"content/posts/jekyll-draft.md", "content/posts/pelican-draft.md"}
    assert not (tmp_path / "out/posts/jekyll-draft").exists()
    assert not (tmp_path / "out/posts/pelican-draft").exists()
    assert (tmp_path / "out/posts/published/index.html").is_file()
    assert "Secret draft words" not in (tmp_path / "out/feed.xml").read_text()
    assert not [d for d in result.diagnostics if d.code == "front-matter.unknown-key"]


def test_one_digit_hour_and_zone_offsets_are_read(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/a.md": "---\ntitle: Early\ndate: 2019-04-25 9:00:00\n---\nText.\n",
        "content/posts/b.md": "---\ntitle: Offset\ndate: 2019-04-26 21:05:00 -0500\n---\nText.\n",
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    dates = {i.entry.slug: i.entry.date for i in result.site.posts}
    assert (dates["a"].hour, dates["a"].minute) == (9, 0)
    assert dates["b"].utcoffset().total_seconds() == 3600  # 02:05 UTC is 03:05 in London (summer time)
    assert (dates["b"].day, dates["b"].hour) == (27, 3)


def test_date_from_the_file_name_when_front_matter_has_none(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/2019-03-14-first-clinic-day.md": "---\ntitle: First clinic day\n---\nText.\n",
        "content/posts/2020-07-01-summer/index.md": "---\ntitle: Summer\n---\nText.\n",
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    by_slug = {i.entry.slug: i.entry.date.date().isoformat() for i in result.site.posts}
    assert by_slug == {"first-clinic-day": "2019-03-14", "summer": "2020-07-01"}


def test_a_missing_date_without_one_in_the_name_is_still_an_error(make_site, tmp_path):
    site = make_site({"content/posts/no-date.md": "---\ntitle: No date\n---\nText.\n"})
    with pytest.raises(ContentErrors) as exc:
        build(site, BuildOptions(output=tmp_path / "out"))
    assert any(d.message == "'date' is missing" for d in exc.value.diagnostics)


def test_description_is_the_meta_description(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\nsummary: For the lists.\n"
                              "description: For search engines.\n---\nBody text here.\n",
    })
    build(site, BuildOptions(output=tmp_path / "out"))
    soup = _soup(tmp_path / "out/posts/a/index.html")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "For search engines."
    assert soup.find("meta", attrs={"property": "og:description"})["content"] == "For search engines."
    home = _soup(tmp_path / "out/index.html")
    assert "For the lists." in home.get_text()


def test_page_bundle_is_one_post_with_its_files_beside_it(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/winter-hands/index.md": "---\ntitle: Winter hands\ndate: 2024-01-01\n---\n"
                                               "![a warm towel](towel.png)\n",
        "content/posts/winter-hands/towel.png": png(),
        "content/posts/renamed/index.md": "---\ntitle: Renamed\ndate: 2024-01-02\nslug: new-name\n---\n"
                                          "![a chair](chair.png)\n",
        "content/posts/renamed/chair.png": png(),
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert sorted(i.url for i in result.site.posts) == ["posts/new-name/", "posts/winter-hands/"]
    for page in ("posts/winter-hands/index.html", "posts/new-name/index.html"):
        img = _soup(tmp_path / "out" / page).find("div", class_="body").find("img")
        assert (tmp_path / "out" / page).parent.joinpath(img["src"]).is_file()
    assert not (tmp_path / "out/posts/index").exists()


def test_aliases_become_redirect_pages_not_in_the_sitemap(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/a.md": "---\ntitle: Moving house\ndate: 2024-01-01\n"
                              "aliases: [/2019/03/14/moving-house.html, /blog/moving-house/]\n---\nText.\n",
        "content/pages/about.md": "---\ntitle: About\naliases: /about-me/\n---\nMe.\n",
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    assert result.pages == len(list(out.rglob("*.html"))) - 3  # the three redirects are not counted as pages
    for old, target in (("2019/03/14/moving-house.html", "posts/a/"), ("blog/moving-house/index.html", "posts/a/"),
                        ("about-me/index.html", "about/")):
        page = out / old
        soup = _soup(page)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        link = refresh.split("url=", 1)[1]
        # relative, so it works under /journal/ (and anywhere else)
        assert not link.startswith(("/", "http"))
        assert (page.parent / link / "index.html").resolve() == (out / target / "index.html").resolve()
        assert soup.find("link", rel="canonical")["href"] == "https://example.org/journal/" + target
        assert soup.find("script") is None
        assert soup.find("a")["href"] == link
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/journal/posts/a/" in locs
    assert not [u for u in locs if "moving-house" in u or "about-me" in u]


def test_alias_collisions_and_reserved_addresses_are_errors(make_site, tmp_path):
    site = make_site({
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\naliases: [/old/]\n---\nText.\n",
        "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02\naliases:\n  - /old/\n  - /tags/\n---\nText.\n",
    })
    with pytest.raises(ContentErrors) as exc:
        build(site, BuildOptions(output=tmp_path / "out"))
    shown = [str(d) for d in exc.value.diagnostics]
    assert any(s.startswith("content/posts/b.md:5: the old address /old/ is also used by content/posts/a.md")
               for s in shown)
    assert any(s.startswith("content/posts/b.md:6: the old address /tags/ is one sitegen uses") for s in shown)
    assert not (tmp_path / "out").exists()


def test_unusable_aliases_are_warned_and_skipped(make_site, tmp_path):
    site = make_site({
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\naliases: ['/?p=12', /../../etc/, /feed.php]\n---\nT.\n",
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    codes = [d for d in result.diagnostics if d.code == "front-matter.alias"]
    assert len(codes) == 3
    assert not (tmp_path / "etc").exists()


FENCE_INFOS = ["", "python", " python", "{.python}", "c++", "shell-session", 'js hl_lines="1 2"', "html {linenos=true}",
               'python title="x.py"', "python{1,3}", "go {hl_lines=[2]}", "{r}", "text linenos"]


@pytest.mark.parametrize("info", FENCE_INFOS)
def test_fence_check_agrees_with_the_markdown_reader(info):
    """A fence is reported exactly when Python-Markdown would not read it as code."""
    body = f"```{info}\n<div>\n\n<em>live?</em>\n\n</div>\n```\n"
    html = markdown.markdown(body, extensions=["fenced_code"])
    read_as_code = "<pre>" in html and "<em>" not in html
    assert bool(unread_fences(body, "a.md", 5)) == (not read_as_code), html


def test_template_syntax_in_code_is_fine(make_site, tmp_path):
    site = make_site({
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nWrite `{{ site.title }}` or:\n\n"
                              "```\n{% highlight ruby %}\n{{< youtube x >}}\n```\n\n    {{ indented }}\n",
    })
    result = build(site, BuildOptions(output=tmp_path / "out"))
    text = (tmp_path / "out/posts/a/index.html").read_text()
    assert re.search(r"\{\{&lt; youtube x &gt;\}\}|\{\{< youtube x >\}\}", text)
    assert not [d for d in result.diagnostics if d.code.startswith("markdown.template")]
