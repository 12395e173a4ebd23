"""End to end: build the example site and check the produced pages with a real HTML parser."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from tests.conftest import REPO, post

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_page_kind_is_written(example_build):
    _, out, _ = example_build
    for rel in ["index.html", "page/2/index.html", "case-studies/index.html", "tags/index.html",
                "archive/index.html", "about/index.html", "404.html", "feed.xml", "sitemap.xml",
                "robots.txt", "search/index.html", "style.css", "images/open-hand.svg"]:
        assert (out / rel).is_file(), rel
    assert list((out / "posts").glob("*/index.html"))
    assert list((out / "case-studies").glob("*/index.html"))
    assert list((out / "tags").glob("*/feed.xml"))


def test_every_internal_link_resolves(example_build):
    _, out, _ = example_build
    checked = 0
    for page in html_files(out):
        base = page.relative_to(out).parent.as_posix()
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup(page).find_all(tag):
                ref = el.get(attr)
                if not ref or urlsplit(ref).scheme or ref.startswith(("#", "mailto:")):
                    continue
                if page.name == "404.html":
                    continue  # absolute links by design
                assert not ref.startswith("/"), f"{page}: root-relative link {ref} breaks sub-path hosting"
                target = posixpath.normpath(posixpath.join(base, urldefrag(ref).url))
                path = out / target
                if ref.endswith("/") or path.is_dir():
                    path = path / "index.html"
                assert path.is_file(), f"{page.relative_to(out)}: link {ref} → {target} is missing"
                checked += 1
    assert checked > 200


def test_drafts_and_scheduled_posts_are_absent_everywhere(example_build):
    site, out, result = example_build
    held = {h.rel for h in result.held_back}
    assert "content/posts/holding-space-without-holding-on.md" in held
    assert any("scheduled" in h.reason for h in result.held_back)
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file())
    for rel in held:
        title = front_matter(site / rel)["title"]
        assert title not in everything, f"held-back {rel} leaked"


def test_tag_counts_match_the_content(example_build):
    site, out, result = example_build
    published = [i.entry for i in result.site.posts]
    expected: dict[str, int] = {}
    for e in published:
        for tag in e.tags:
            expected[tag] = expected.get(tag, 0) + 1
    index = soup(out / "tags" / "index.html")
    shown = {li.a.get_text(strip=True): li for li in index.select("ul.tag-index li")}
    assert set(shown) == set(expected)
    for name, n in expected.items():
        assert re.search(rf"\b{n} posts?\b", shown[name].get_text()), name
        assert count_listed(out / "tags" / shown[name].a["href"] / "index.html") == n, name


def count_listed(page: Path) -> int:
    """Items listed on a paginated list, following its 'older' links to the last page."""
    total = 0
    while True:
        doc = soup(page)
        total += len(doc.select("ol.post-list > li"))
        older = doc.select_one('nav.pagination a[rel="next"]')
        if older is None:
            return total
        page = (page.parent / older["href"] / "index.html").resolve()


def test_tag_pages_are_paginated(make_site, tmp_path):
    files = {f"content/posts/p{i}.md": post(f"P{i}", f"2024-01-{i + 1:02d}", tags="[rest]") for i in range(7)}
    files["site.toml"] = "posts_per_page = 3\n"
    site = make_site(files)
    build(site, BuildOptions(output=tmp_path / "out"))
    tag = tmp_path / "out" / "tags" / "rest"
    assert (tag / "page" / "3" / "index.html").is_file() and not (tag / "page" / "4").exists()
    assert count_listed(tag / "index.html") == 7
    first = [a.get_text() for a in soup(tag / "index.html").select("ol.post-list h2 a")]
    assert first == ["P6", "P5", "P4"]


def test_non_ascii_tag_gets_an_ascii_slug(example_build):
    _, out, _ = example_build
    assert (out / "tags" / "bien-etre" / "index.html").is_file()
    assert "bien-être" in soup(out / "tags" / "bien-etre" / "index.html").h1.get_text()


def test_feed_parses_with_absolute_urls(example_build):
    _, out, result = example_build
    root = ET.parse(out / "feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(result.site.posts)
    for e in entries:
        href = e.find(f"{ATOM}link").get("href")
        assert href.startswith("https://example.org/"), href
        assert e.find(f"{ATOM}content").text
    tag_feed = ET.parse(out / "tags" / "self-care" / "feed.xml").getroot()
    assert tag_feed.findall(f"{ATOM}entry")


def test_sitemap_lists_every_page_with_absolute_urls(example_build):
    _, out, _ = example_build
    locs = {loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")}
    pages = set()
    for p in html_files(out):
        rel = p.relative_to(out).as_posix()
        if rel == "404.html":
            continue
        pages.add("https://example.org/" + rel.removesuffix("index.html"))
    assert locs == pages


def test_case_study_fact_box_and_consent_statement(example_build):
    site, out, _ = example_build
    for md in sorted((site / "content" / "case-studies").glob("*.md")):
        meta = front_matter(md)
        page = soup(out / "case-studies" / md.stem / "index.html")
        facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
                 for dt in page.select("aside.facts dt")}
        assert facts["Client"] == meta["client"]
        assert facts["Sessions"] == str(meta["sessions"])
        assert facts["Presenting concern"] == meta["presenting"]
        consent = page.select_one("p.consent").get_text(" ", strip=True)
        assert meta["consent"]["form"] in consent
        obtained = meta["consent"]["obtained"]
        assert f"{obtained:%B %Y}" in consent
        assert str(obtained.day) + " " not in consent.split("given in")[1][:3]  # month and year only


def test_case_study_index_shows_the_facts(example_build):
    _, out, result = example_build
    page = soup(out / "case-studies" / "index.html")
    rows = page.select("ol.case-list > li")
    assert len(rows) == len(result.site.case_studies) == 3
    for row, item in zip(rows, result.site.case_studies):
        text = row.get_text(" ", strip=True)
        assert item.entry.case.client in text and item.entry.case.presenting in text
        assert item.entry.case.outcome in text


def test_home_is_paginated_newest_first(example_build):
    _, out, result = example_build
    first = [a.get_text(strip=True) for a in soup(out / "index.html").select("ol.post-list h2 a")]
    second = [a.get_text(strip=True) for a in soup(out / "page" / "2" / "index.html").select("ol.post-list h2 a")]
    assert first + second == [i.title for i in result.site.posts]
    dates = [i.entry.date for i in result.site.posts]
    assert dates == sorted(dates, reverse=True)
    assert len(first) == 5 and second


def test_essay_page_has_tags_dates_and_neighbours(example_build):
    _, out, result = example_build
    item = result.site.posts[2]
    page = soup(out / item.url / "index.html")
    assert page.h1.get_text(strip=True) == item.title
    assert page.select_one("time")["datetime"].startswith(item.entry.date.strftime("%Y-%m-%d"))
    assert {a.get_text(strip=True) for a in page.select("ul.tags a")} == {t.name for t in item.tags}
    assert page.select_one('a[rel="prev"]') and page.select_one('a[rel="next"]')


def test_markdown_features_render(example_build):
    _, out, _ = example_build
    fascia = (out / "posts" / "what-fascia-taught-me-about-patience" / "index.html").read_text()
    assert 'class="footnote"' in fascia
    rota = soup(out / "posts" / "the-ten-minutes-between-clients" / "index.html")
    assert rota.select_one(".body table")
    text = soup(out / "posts" / "trigger-points-are-not-off-switches" / "index.html").select_one(".body").get_text()
    assert "—" in text and "---" not in text
    assert rota.select(".body h2[id]")  # heading anchors


def test_summary_stops_at_more_marker(example_build):
    _, out, result = example_build
    item = next(i for i in result.site.posts if i.entry.slug == "what-fascia-taught-me-about-patience")
    assert item.rendered.summary_html.count("<p>") == 2
    assert "<!-- more -->" not in item.rendered.summary_html


def test_two_post_folder_builds_with_defaults(make_site, tmp_path):
    site = make_site({"content/posts/one.md": post("One", "2024-01-02"),
                      "content/posts/two.md": post("Two", "2024-02-03", tags="[a, b]")})
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert (tmp_path / "out" / "posts" / "one" / "index.html").is_file()
    assert (tmp_path / "out" / "tags" / "a" / "index.html").is_file()
    assert [i.title for i in result.site.posts] == ["Two", "One"]


def test_tag_spellings_share_one_slug_with_a_warning(make_site, tmp_path):
    site = make_site({"content/posts/a.md": post("A", "2024-01-01", tags="[Self Care]"),
                      "content/posts/b.md": post("B", "2024-02-01", tags="[self-care]")})
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert [t.name for t in result.site.tags] == ["Self Care"]
    assert len(result.site.tags[0].items) == 2
    warn = [d for d in result.diagnostics if d.code == "tag.spelling"]
    assert warn and "content/posts/b.md" == warn[0].path and "content/posts/a.md" in warn[0].message


def test_comma_separated_tags_are_accepted(make_site, tmp_path):
    site = make_site({"content/posts/a.md": post("A", "2024-01-01", tags="rest, pacing")})
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert [t.name for t in result.site.posts[0].tags] == ["rest", "pacing"]


def test_user_template_overrides_theme(make_site, tmp_path):
    site = make_site({"content/posts/a.md": post("A", "2024-01-01"),
                      "templates/post.html": '{% extends "base.html" %}{% block content %}<p id="mine">{{ item.title }}</p>{% endblock %}'})
    build(site, BuildOptions(output=tmp_path / "out"))
    page = soup(tmp_path / "out" / "posts" / "a" / "index.html")
    assert page.select_one("#mine").get_text() == "A"
    assert page.select_one("nav")  # still inside the theme's base.html


def test_raw_html_passes_through(make_site, tmp_path):
    site = make_site({"content/posts/a.md": post("A", "2024-01-01", body='<div class="note">Hi</div>\n\nText.')})
    build(site, BuildOptions(output=tmp_path / "out"))
    assert soup(tmp_path / "out" / "posts" / "a" / "index.html").select_one("div.note")


def test_cli_build_summary_names_held_back_items(make_site, tmp_path, capsys):
    site = make_site({"content/posts/a.md": post("A", "2024-01-01"),
                      "content/posts/b.md": post("B", "2024-01-01", draft="true"),
                      "content/posts/c.md": post("C", "2999-01-01")})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "content/posts/b.md (draft)" in out and "content/posts/c.md (scheduled for 2999-01-01" in out
    assert main(["build", str(site), "-o", str(tmp_path / "out2"), "--drafts"]) == 0
    assert (tmp_path / "out2" / "posts" / "b" / "index.html").is_file()


def test_case_study_without_consent_fails_the_build(make_site, tmp_path, capsys):
    site = make_site({"content/case-studies/x.md": post("X", "2024-01-01", client="Client A", sessions=3)})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "content/case-studies/x.md:" in err and "consent" in err
    assert not (tmp_path / "out").exists()


def test_draft_case_study_without_consent_is_only_a_warning(make_site, tmp_path):
    site = make_site({"content/case-studies/x.md": post("X", "2024-01-01", client="Client A", draft="true"),
                      "content/posts/a.md": post("A", "2024-01-01")})
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert any(d.code == "consent.missing" and not d.is_error for d in result.diagnostics)


@pytest.mark.slow
def test_installed_package_ships_templates_and_css(tmp_path):
    """`pip install .` (not editable) must carry the theme: build a wheel and look inside."""
    import subprocess
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("sitegen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("sitegen/theme/templates/base.html", "sitegen/theme/templates/feed.xml",
                   "sitegen/theme/static/style.css", "sitegen/theme/static/search.js",
                   "sitegen/cpd/bodies.toml", "sitegen/cpd/templates/record.html",
                   "sitegen/cpd/templates/record.css", "sitegen/scaffold_files/cpd.toml"):
        assert needed in names


@pytest.mark.parametrize("command", ["build", "check", "serve"])
def test_a_mistyped_site_folder_is_named_not_built(tmp_path, capsys, command):
    """`sitegen build ~/my-jounral` must not make that folder and report a built empty site."""
    missing = tmp_path / "my-jounral"
    assert main([command, str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: does not exist" in err and "sitegen init" in err and "Traceback" not in err
    assert not missing.exists()


def test_a_folder_that_is_not_a_site_is_refused(tmp_path, capsys):
    (tmp_path / "holiday photos").mkdir()
    (tmp_path / "holiday photos" / "beach.jpg").write_bytes(b"x")
    assert main(["build", str(tmp_path / "holiday photos")]) == 2
    assert "not a sitegen site" in capsys.readouterr().err
    assert not (tmp_path / "holiday photos" / "output").exists()


def test_the_search_index_holds_each_text_as_json(make_site, tmp_path):
    """Put together from pieces worked out with each file: still one valid, compact JSON array
    with every published text's title, address, date, topics, summary and words."""
    import json

    site = make_site({
        "site.toml": 'title = "Notes"\nauthor = "A. Writer"\n',
        "content/posts/quotes.md": post('Tea, "toast" & Ōtautahi', "2024-02-03",
                                        'A *first* "paragraph" with \\\\ a backslash & ampersand.\n\nSecond one.',
                                        tags=["Care", "rest"]),
        "content/posts/plain.md": post("Plain", "2024-01-05", "Just words here.\n\nAnd more words."),
        "content/pages/about.md": "---\ntitle: About\n---\nWho writes this.\n",
    })
    build(site, BuildOptions(output=tmp_path / "out"))
    raw = (tmp_path / "out" / "search-index.json").read_bytes()
    entries = json.loads(raw)
    assert raw == json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    by_title = {e["t"]: e for e in entries}
    assert set(by_title) == {'Tea, "toast" & Ōtautahi', "Plain", "About"}
    quotes = by_title['Tea, "toast" & Ōtautahi']
    assert list(quotes) == ["t", "u", "d", "g", "s", "x"]
    assert quotes["u"] == "posts/quotes/" and quotes["d"] == "2024-02-03" and quotes["g"] == ["Care", "rest"]
    assert quotes["s"].startswith("A first") and "\\" in quotes["s"] and "&" in quotes["s"] and "<" not in quotes["s"]
    assert "second" in quotes["x"].split() and "Second" not in quotes["x"]
