"""Links between sources, checked at build time; photos published without metadata, in sizes; previews.

Real sites are built into temporary folders; pages are read with BeautifulSoup and every
published picture is opened with Pillow to look for what a phone writes into a photo.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.errors import ContentErrors
from tests.conftest import png

SITE_TOML = 'title = "Room notes"\nauthor = "Sam Example"\nbase_url = "https://example.org/"\n'
GPS_WORDS = (b"PhoneMaker", b"Model X Pro", b"Exif", b"GPS", b"http://ns.adobe.com/xap", b"photoshop:")


def phone_photo(size=(4000, 3000), orientation=6) -> bytes:
    """A photo as a phone writes it: camera make and model, GPS position, turned by EXIF, an XMP packet."""
    im = Image.new("RGB", size, (200, 180, 160))
    draw = ImageDraw.Draw(im)
    draw.rectangle((size[0] // 4, size[1] // 2, size[0] * 3 // 4, size[1] * 3 // 4), fill=(90, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X Pro"  # Model
    exif[0x0112] = orientation  # Orientation: 6 = turned 90° clockwise
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 8.0, 30.5)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "W", (0.0, 52.0, 10.2)  # GPSLongitudeRef, GPSLongitude
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description xmlns:photoshop="http://ns.adobe.com/xap/1.0/" ' \
          b'photoshop:City="Ashford"/></x:xmpmeta>'
    out = io.BytesIO()
    im.save(out, "JPEG", exif=exif, quality=85, xmp=xmp, comment=b"PhoneMaker camera")
    return out.getvalue()


def _post(title: str, date: str, body: str, **meta: str) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n\n{body}\n"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _errors(site: Path, out: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        build(site, BuildOptions(output=out))
    return [str(d) for d in caught.value.diagnostics]


# -- links between sources -----------------------------------------------------------------

def test_links_to_markdown_files_and_files_become_links_to_pages(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/first-week.md": _post("My first week", "2024-03-01", "## Why I came back\n\nA calm start."),
        "content/posts/second.md": _post("Second", "2024-03-08",
                                         "See [the first week](first-week.md), [why](first-week.md#why-i-came-back),\n"
                                         "[the shoulder](../case-studies/shoulder.md), [about me](../pages/about.md),\n"
                                         "[the form](../../static/forms/intake.pdf), [topics](/tags/) and\n"
                                         "[an old address](/2019/old-shoulder.html)."),
        "content/case-studies/shoulder.md": _post("Shoulder", "2024-02-01", "Text.", client="Client A",
                                                  slug="a-shoulder", aliases="[/2019/old-shoulder.html]",
                                                  consent="{obtained: 2024-01-10, form: written}"),
        "content/pages/about.md": "---\ntitle: About\n---\nMe.\n",
        "static/forms/intake.pdf": b"%PDF-1.4 not really",
    })
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    page = out / "posts/second/index.html"
    links = {a.get_text(): a["href"] for a in _soup(page).select(".body a")}
    assert links == {"the first week": "../../posts/first-week/",
                     "why": "../../posts/first-week/#why-i-came-back",
                     "the shoulder": "../../case-studies/a-shoulder/", "about me": "../../about/",
                     "the form": "../../forms/intake.pdf", "topics": "../../tags/",
                     "an old address": "../../case-studies/a-shoulder/"}
    for href in links.values():
        assert (page.parent / href.split("#")[0]).resolve().exists(), href
    # The same text on the home page (through its summary) links from there.
    home = {a.get_text(): a["href"] for a in _soup(out / "index.html").select(".excerpt a")}
    assert home["the first week"] == "./posts/first-week/"
    # Feeds carry full addresses.
    feed = (out / "feed.xml").read_text()
    assert "https://example.org/posts/first-week/#why-i-came-back" in feed and "first-week.md" not in feed


def test_broken_link_image_and_anchor_are_errors_at_their_lines_with_suggestions(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/first-week.md": _post("My first week", "2024-03-01", "## Gentle start\n\nText."),
        "content/posts/b.md": _post("B", "2024-03-02",
                                    "Line one.\n\nSee [my earlier post](frist-week.md).\n\n"
                                    "![me at work](images/missing.jpg)\n\n"
                                    "And [the start](first-week.md#gentle-strat).\n\n![](../../static/logo.png)"),
        "static/logo.png": png(),
    })
    found = _errors(site, tmp_path / "out")
    assert "content/posts/b.md:8: link to 'frist-week.md': there is no such page or file " \
           "— did you mean 'first-week.md'?" in found
    assert any(f.startswith("content/posts/b.md:10: image 'images/missing.jpg' does not exist") for f in found)
    assert "content/posts/b.md:12: link to 'first-week.md#gentle-strat': content/posts/first-week.md has no " \
           "heading or anchor '#gentle-strat' — did you mean '#gentle-start'?" in found
    assert not (tmp_path / "out").exists()  # nothing written
    # Fixed, the missing alt text stays a warning at its line.
    (site / "content/posts/b.md").write_text(_post("B", "2024-03-02", "Line one.\n\n![](../../static/logo.png)"))
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert any(str(d).startswith("content/posts/b.md:8: warning: an image has no alt text") for d in result.diagnostics)


def test_check_reports_broken_links_too(make_site, capsys):
    site = make_site({"content/posts/a.md": _post("A", "2024-03-01", "[x](nowhere.md)")})
    assert main(["check", str(site)]) == 1
    captured = capsys.readouterr()
    err = captured.out + captured.err
    assert "content/posts/a.md:6: link to 'nowhere.md': there is no such page or file" in err
    assert "Traceback" not in err


def test_a_link_to_a_held_back_page_keeps_its_words_and_comes_back_when_published(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/a.md": _post("A", "2024-03-01", "Read [my draft](b.md) later."),
        "content/posts/b.md": _post("B", "2024-03-02", "Unfinished.", draft="true"),
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    body = _soup(out / "posts/a/index.html").select_one(".body")
    assert body.find("a") is None and "Read my draft later." in body.get_text()
    assert any(d.code == "link.held-back" and d.line == 6 for d in result.diagnostics)
    (site / "content/posts/b.md").write_text(_post("B", "2024-03-02", "Finished."))
    build(site, BuildOptions(output=out))
    assert _soup(out / "posts/a/index.html").select_one(".body a")["href"] == "../../posts/b/"


# -- photos ------------------------------------------------------------------------------------

def _photo_site(make_site, **extra):
    return make_site({
        "site.toml": SITE_TOML,
        "content/posts/treatment-room.md": _post("The treatment room", "2024-03-01",
                                                 "![The room with the blinds half down](room.jpg)\n\n"
                                                 "A [bigger view](room.jpg) of it."),
        "content/posts/room.jpg": phone_photo(),
        **extra,
    })


def test_a_phone_photo_is_published_without_any_metadata_resized_with_srcset(make_site, tmp_path):
    site = _photo_site(make_site)
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    original = (site / "content/posts/room.jpg").read_bytes()
    published = [p for p in out.rglob("*") if p.is_file()]
    for p in published:
        data = p.read_bytes()
        assert data != original, p
        for word in GPS_WORDS:
            assert word not in data, (p, word)
    pictures = [p for p in published if p.suffix in (".jpg", ".webp", ".avif", ".png") and "cards" not in p.parts]
    assert len(pictures) >= 8
    for p in pictures:
        with Image.open(p) as im:
            assert not im.getexif(), p
            assert "icc_profile" not in im.info and "xmp" not in im.info and "comment" not in im.info, p
            assert im.width <= 4000 and im.height <= 4000
            assert im.height > im.width, "the EXIF orientation was applied: the photo is upright (portrait)"
    img = _soup(out / "posts/treatment-room/index.html").select_one(".body picture img")
    assert int(img["width"]) == 1440 and int(img["height"]) == 1920
    assert img["alt"] == "The room with the blinds half down" and img["decoding"] == "async"
    assert img.get("fetchpriority") == "high"  # the page's first picture: it is the largest thing on screen
    widths = [int(c.split()[1][:-1]) for c in img["srcset"].split(", ")]
    assert widths == [360, 720, 1080, 1440] and img.get("sizes")
    for candidate in img["srcset"].split(", "):
        path, width = candidate.split()
        with Image.open((out / "posts/treatment-room" / path).resolve()) as im:
            assert im.width == int(width[:-1])
    sources = _soup(out / "posts/treatment-room/index.html").select(".body picture source")
    assert "image/webp" in [s["type"] for s in sources]
    # The link to the photo itself gets a clean full-size copy at its own address.
    with Image.open(out / "posts/room.jpg") as full:
        assert full.size == (3000, 4000) and not full.getexif()


def test_small_images_are_not_enlarged_and_later_images_load_lazily(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/two.md": _post("Two", "2024-03-01", "![a stone](stone.png)\n\n![a leaf](leaf.png)"),
        "content/posts/stone.png": png((500, 300)),
        "content/posts/leaf.png": png((200, 100), (10, 200, 10)),
    })
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    first, second = _soup(out / "posts/two/index.html").select(".body img")
    assert (first["width"], first["height"]) == ("500", "300")
    assert [c.split()[1] for c in first["srcset"].split(", ")] == ["360w", "500w"]
    assert second["loading"] == "lazy" and (second["width"], second["height"]) == ("200", "100")


def test_processed_images_are_cached_and_the_no_change_build_opens_none(make_site, tmp_path):
    site = _photo_site(make_site)
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    folder = next((site / ".sitegen-cache/images").iterdir())
    made = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    for p in [*(site / "content").rglob("*"), site / "site.toml"]:  # files written this instant prove nothing by their times (quick.racy)
        os.utime(p, ns=(p.stat().st_mtime_ns - 10**10,) * 2)
    build(site, BuildOptions(output=out))
    assert build(site, BuildOptions(output=out)).site is None  # answered before any stage: no image opened
    (site / "content/posts/treatment-room.md").write_text(_post("The treatment room", "2024-03-01",
                                                                "![The room](room.jpg)\n\nA [bigger view](room.jpg), edited."))
    result = build(site, BuildOptions(output=out))
    assert result.parsed == 1
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == made  # not made again
    # An image nothing uses any more leaves the cache with the next build.
    (site / "content/posts/treatment-room.md").write_text(_post("The treatment room", "2024-03-01", "No photo."))
    build(site, BuildOptions(output=out))
    assert not folder.exists()


@pytest.mark.parametrize("data, words", [
    (b"\xff\xd8\xff\xe0 this is not really a photo", "a damaged image"),
    (b"GIF89a" + b"\x00" * 20, "not an image sitegen can read"),
    (b"hello", "not an image sitegen can read"),
])
def test_a_corrupt_image_is_an_error_at_the_line_that_uses_it(make_site, tmp_path, capsys, data, words):
    site = make_site({"content/posts/a.md": _post("A", "2024-03-01", "Text.\n\n![a photo](photo.jpg)"),
                      "content/posts/photo.jpg": data})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "content/posts/a.md:8: the image content/posts/photo.jpg cannot be published: it is " + words in err
    assert "Traceback" not in err


def test_a_decompression_bomb_is_refused_without_loading_it(make_site, tmp_path, capsys):
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # 400 million pixels, a few kilobytes of file
    site = make_site({"content/posts/a.md": _post("A", "2024-03-01", "![a huge picture](huge.png)"),
                      "content/posts/huge.png": bomb.getvalue()})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "content/posts/a.md:6: the image content/posts/huge.png cannot be published: it is far more pixels " \
           "than sitegen opens (more than 64 million)" in err


def test_images_only_a_draft_uses_are_not_published_and_unused_files_are_named(make_site, tmp_path):
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/a.md": _post("A", "2024-03-01", "Nothing to see."),
        "content/posts/b.md": _post("B", "2024-03-02", "![my room](room.jpg)", draft="true"),
        "content/posts/room.jpg": phone_photo((800, 600)),
        "content/posts/forgotten.png": png(),
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    assert not list(out.rglob("room*")) and not list(out.rglob("forgotten*"))
    unused = [d for d in result.diagnostics if d.code == "file.unused"]
    assert [d.path for d in unused] == ["content/posts/forgotten.png"]
    build(site, BuildOptions(output=out, drafts=True))  # previewed with drafts, the photo is there
    assert list(out.rglob("room-*.webp"))


def test_a_case_study_with_a_photo_needs_consent_for_images(make_site, tmp_path):
    case = _post("Shoulder", "2024-03-01", "Session 2.\n\n![the taping](tape.png)", client="Client A",
                 consent="{obtained: 2024-01-10, form: written}")
    site = make_site({"site.toml": SITE_TOML, "content/case-studies/shoulder.md": case,
                      "content/case-studies/tape.png": png((300, 200))})
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    assert [h.rel for h in result.held_back] == ["content/case-studies/shoulder.md"]
    assert "does not cover images" in result.held_back[0].reason
    assert any(d.code == "consent.images" and d.line == 10 for d in result.diagnostics)
    assert not (out / "case-studies/shoulder").exists() and not list(out.rglob("tape*"))
    (site / "content/case-studies/shoulder.md").write_text(case.replace("form: written}", "form: written, images: true}"))
    result = build(site, BuildOptions(output=out))
    assert result.held_back == () and (out / "case-studies/shoulder/index.html").is_file()


# -- previews and structured data ------------------------------------------------------------

# What schema.org (and the search engines reading it) expect of each type used.
EXPECTED = {
    "BlogPosting": {"headline", "datePublished", "dateModified", "author", "image", "url", "mainEntityOfPage"},
    "WebSite": {"name", "url"},
    "LocalBusiness": {"name", "url", "address", "telephone"},
    "PostalAddress": {"streetAddress", "addressLocality", "postalCode", "addressCountry"},
    "Person": {"name"},
}
SCHEMA_PROPERTIES = {  # every property allowed on each type here (a subset of schema.org's)
    "BlogPosting": EXPECTED["BlogPosting"] | {"publisher", "inLanguage", "isPartOf", "description", "keywords",
                                             "wordCount"},
    "WebSite": {"name", "url", "inLanguage", "publisher"},
    "LocalBusiness": EXPECTED["LocalBusiness"] | {"description", "image", "founder", "email"},
    "PostalAddress": EXPECTED["PostalAddress"] | {"addressRegion"},
    "Person": {"name", "url"}, "Organization": {"name", "url"}, "WebPage": set(), "Blog": {"name", "url"},
}


def _nodes(value):
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for v in value.values():
            yield from _nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from _nodes(v)


def _validate(data: dict) -> list[str]:
    from pyld import jsonld

    expanded = jsonld.expand(data, {"documentLoader": _offline_context})  # well-formed JSON-LD, read offline
    assert expanded
    problems = []
    for node in _nodes(data):
        kind = node["@type"]
        keys = {k for k in node if not k.startswith("@")}
        problems += [f"{kind}: no {k}" for k in EXPECTED.get(kind, set()) - keys]
        problems += [f"{kind}: unknown {k}" for k in keys - SCHEMA_PROPERTIES.get(kind, keys)]
    return problems


def _offline_context(url, options=None):
    assert url.rstrip("/") == "https://schema.org", url  # nothing else may be asked for
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}}}


def test_every_post_has_a_preview_image_that_exists_and_valid_structured_data(make_site, tmp_path):
    site = _photo_site(make_site, **{
        "site.toml": SITE_TOML + '\n[practice]\nstreet = "12 Station Road"\ntown = "Ashford"\n'
                                 'postcode = "TN23 1AA"\ncountry = "GB"\nphone = "+44 1233 123456"\n',
        "content/posts/words.md": _post("Only words here", "2024-03-02", "Call +44 1233 123456 to book."),
        "content/case-studies/c.md": _post("A case", "2024-03-03", "Session 1.", client="Client A",
                                           consent="{obtained: 2024-01-10, form: written}"),
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    assert not [d for d in result.diagnostics if d.code.startswith("privacy")]  # the practice's own phone
    for item in result.site.posts:
        soup = _soup(out / item.url / "index.html")
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith("https://example.org/")
        path = out / image.removeprefix("https://example.org/")
        with Image.open(path) as im:
            assert (im.width, im.height) == (int(soup.find("meta", property="og:image:width")["content"]),
                                             int(soup.find("meta", property="og:image:height")["content"]))
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["@type"] == "BlogPosting" and data["headline"] == item.title and data["image"] == [image]
        assert _validate(data) == []
    photo_page = _soup(out / "posts/treatment-room/index.html")
    assert photo_page.find("meta", property="og:image")["content"].endswith(".jpg")  # its own photo
    assert "cards/" in _soup(out / "posts/words/index.html").find("meta", property="og:image")["content"]
    home = json.loads(_soup(out / "index.html").find("script", type="application/ld+json").string)
    assert _validate(home) == []
    business = next(n for n in home["@graph"] if n["@type"] == "LocalBusiness")
    assert business["address"]["postalCode"] == "TN23 1AA" and business["telephone"] == "+44 1233 123456"
    tags = _soup(out / "tags/index.html").find("meta", property="og:image")["content"]
    assert (out / tags.removeprefix("https://example.org/")).is_file()


def test_the_preview_puts_links_in_again_when_their_target_changes(make_site, tmp_path):
    """The preview server keeps each text with its links put in between builds: the copy is
    used only while the text and every link's answer are the same."""
    from sitegen.options import BuildMemory

    site = make_site({
        "site.toml": 'title = "T"\nauthor = "A"\n',
        "content/posts/one.md": _post("One", "2024-01-01", "See [the second post](two.md) for more."),
        "content/posts/two.md": _post("Two", "2024-01-02", "The second."),
    })
    out = tmp_path / "out"
    opts = BuildOptions(output=out, memory=BuildMemory())
    build(site, opts)
    link = _soup(out / "posts/one/index.html").find("a", string="the second post")
    assert link is not None and link["href"].rstrip("/").endswith("posts/two")
    (site / "content/posts/two.md").write_text(_post("Two", "2024-01-02", "The second.", draft="true"))
    build(site, opts)
    page = _soup(out / "posts/one/index.html")
    assert page.find("a", string="the second post") is None  # the draft is not linked to
    assert "the second post" in page.get_text()  # its words stay


def test_a_stand_alone_page_publishes_the_files_it_uses(make_site, tmp_path):
    """An HTML page beside a post (a demo, a worksheet) that a post links to takes the files it
    uses itself along; a photo among them is a clean copy, its GPS and camera gone."""
    site = make_site({
        "site.toml": SITE_TOML,
        "content/posts/worksheet/index.md": _post("Worksheet", "2024-01-01",
                                                  "Print [the worksheet](sheet.html) before the session."),
        "content/posts/worksheet/sheet.html": '<html><head><link rel="stylesheet" href="print.css"></head>'
                                              '<body><img src="room.jpg" alt="The room"></body></html>',
        "content/posts/worksheet/print.css": "img { width: 50%; }\n",
        "content/posts/worksheet/room.jpg": phone_photo(size=(400, 300)),
        "content/posts/worksheet/notes.txt": "not used by anything\n",
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(output=out))
    folder = out / "posts" / "worksheet"
    assert (folder / "sheet.html").is_file() and (folder / "print.css").is_file()
    photo = (folder / "room.jpg").read_bytes()
    assert not any(word in photo for word in GPS_WORDS)
    assert not (folder / "notes.txt").exists()  # what nothing uses stays unpublished, with its warning
    assert any(d.code == "file.unused" and d.path.endswith("notes.txt") for d in result.diagnostics)


def test_texts_get_their_links_when_used_and_the_preview_keeps_them_between_builds(tmp_path):
    from sitegen.options import BuildMemory

    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "site.toml").write_text(SITE_TOML)
    names = ("first", "second", "third")
    for i, name in enumerate(names):
        other = names[(i + 1) % 3]
        (site / "content" / "posts" / f"{name}.md").write_text(
            f"---\ntitle: {name.title()}\ndate: 2025-01-0{i + 1}\n---\nSee [the {other} post]({other}.md).\n")
    memory = BuildMemory()
    opts = BuildOptions(output=tmp_path / "out", memory=memory)
    result = build(site, opts)
    by_title = {p.title: p for p in result.site.posts}
    assert 'href="@sitegen-root@/posts/second/"' in by_title["First"].rendered.html
    assert "second.md" not in by_title["First"].rendered.html
    assert by_title["First"].rendered.refs[0].target == "second.md"  # the rest reads as before
    assert len(memory.linked_texts) == 3  # every page was rendered, so every text was rewritten once
    first = site / "content" / "posts" / "first.md"
    first.write_text(first.read_text() + "\nOne more sentence.\n")
    build(site, opts)
    assert len(memory.linked_texts) == 3  # the two unchanged texts kept, the edited one made again
    page = (tmp_path / "out" / "posts" / "first" / "index.html").read_text()
    assert "One more sentence." in page and 'href="../../posts/second/"' in page
