"""Work and output bounded by the size of the input, not its square.

One post with thousands of tags once made every topic page list that post with all its
tags (gigabytes of output for one file).  These tests double a pathological input and
check the output at most doubles too, and that it stays within a small multiple of what
was written.  They measure bytes, not seconds: speed is for the benchmark.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.errors import ContentErrors
from sitegen.model import LISTED_TAGS
from sitegen.validate import MAX_TAGS
from tests.conftest import post, write_site

SITE_TOML = 'title = "Notes"\nbase_url = "https://example.org/"\n'


def output_size(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "output").rglob("*") if p.is_file())


def input_size(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "content").rglob("*") if p.is_file())


def built(tmp_path: Path, name: str, files: dict[str, str]) -> tuple[Path, object]:
    root = write_site(tmp_path / name, {"site.toml": SITE_TOML, **files})
    return root, build(root, BuildOptions(output=root / "output"))


def tags_post(n: int) -> str:
    tags = "\n".join(f"  - topic number {i}" for i in range(n))
    return f"---\ntitle: Every word a topic\ndate: 2024-03-02\ntags:\n{tags}\n---\n\nA short note.\n"


def test_output_stays_linear_in_the_tags_of_one_post(tmp_path):
    sizes = {}
    for n in (1000, 2000):
        root, result = built(tmp_path, f"tags{n}", {"content/posts/many.md": tags_post(n),
                                                    "content/posts/other.md": post("Other", "2024-03-01")})
        sizes[n] = output_size(root)
        (warn,) = [d for d in result.diagnostics if d.code == "tag.too-many"]
        assert warn.line == 5 + MAX_TAGS and f"has {n} tags" in warn.message
        assert len(result.site.tags) == MAX_TAGS
    assert sizes[2000] <= 2 * sizes[1000]
    assert sizes[2000] < 5_000_000, "one post's topics must not grow the site without bound"


def test_a_list_shows_a_few_of_a_posts_topics_and_its_page_shows_them_all(tmp_path):
    root, _ = built(tmp_path, "s", {"content/posts/many.md": tags_post(12)})
    home = BeautifulSoup((root / "output/index.html").read_text(), "html.parser")
    listed = home.select("ol.post-list ul.tags li")
    assert [li.get_text(strip=True) for li in listed][:LISTED_TAGS] == [f"topic number {i}" for i in range(LISTED_TAGS)]
    assert listed[-1].get_text(strip=True) == f"and {12 - LISTED_TAGS} more"
    assert listed[-1].a["href"] == "posts/many/"
    page = BeautifulSoup((root / "output/posts/many/index.html").read_text(), "html.parser")
    assert len(page.select("ul.tags li a[rel=tag]")) == 12


def test_output_stays_linear_in_the_number_of_posts_with_many_tags(tmp_path):
    sizes = {}
    for n in (40, 80):
        files = {f"content/posts/p{i:03d}.md": tags_post(MAX_TAGS).replace("Every word a topic", f"Post {i}")
                 for i in range(n)}
        root, _ = built(tmp_path, f"posts{n}", files)
        sizes[n] = output_size(root)
    assert sizes[80] <= 2.2 * sizes[40]


def test_output_stays_linear_in_the_posts_of_one_topic(tmp_path):
    sizes = {}
    for n in (150, 300):
        files = {f"content/posts/p{i:03d}.md": post(f"Post {i}", f"2024-01-{1 + i % 28:02d}", tags="[practice]")
                 for i in range(n)}
        root, result = built(tmp_path, f"topic{n}", files)
        assert [len(t.items) for t in result.site.tags] == [n]
        sizes[n] = output_size(root)
    assert sizes[300] <= 2.2 * sizes[150]


def test_one_enormous_post_makes_output_in_proportion(tmp_path):
    paragraph = "A paragraph about the weight of a hand, the pace of breath, and *rest* between clients. " * 20
    sizes = {}
    for n in (300, 600):  # about 0.5 and 1 MB of text
        body = "\n\n".join(paragraph for _ in range(n))
        root, _ = built(tmp_path, f"big{n}", {"content/posts/big.md": post("Big", "2024-01-01", body,
                                                                           tags="[one, two, three]")})
        sizes[n] = output_size(root)
        assert sizes[n] < 12 * input_size(root)  # its page, the feeds that carry it, the search words
    assert sizes[600] <= 2.1 * sizes[300]


def test_one_paragraph_dense_with_formatting_is_an_error_at_its_line(tmp_path):
    dense = "*a* _b_ [c](d) `e` " * 8000
    root = write_site(tmp_path / "s", {"site.toml": SITE_TOML,
                                       "content/posts/dense.md": post("Dense", "2024-01-01", "Fine.\n\n" + dense)})
    try:
        build(root, BuildOptions(output=root / "output"))
    except ContentErrors as exc:
        (d,) = exc.diagnostics
    else:
        raise AssertionError("a paragraph this dense must be refused")
    assert d.code == "markdown.too-much-inline" and d.line == 8
    assert "put blank lines between its paragraphs" in d.hint
    assert not (root / "output").exists()


def test_a_long_paragraph_of_ordinary_writing_builds(tmp_path):
    words = "the client breathed out and the shoulder softened under a still, patient hand " * 600
    root, result = built(tmp_path, "s", {"content/posts/long.md": post("Long", "2024-01-01",
                                                                       f"{words} and *then* it let go.")})
    assert result.pages > 0 and "let go" in (root / "output/posts/long/index.html").read_text()


def test_thousands_of_privacy_findings_in_one_essay_are_each_reported(tmp_path):
    # (example.com is a documentation domain, which an essay leaves alone: use a real-looking one)
    body = "\n".join(f"Call 07911 {123000 + i} or write to m{i}@postbox.co.uk." for i in range(3000))
    _, result = built(tmp_path, "s", {"content/posts/list.md": post("Numbers", "2024-01-01", body)})
    found = [d for d in result.diagnostics if d.code.startswith("privacy.")]
    assert len(found) == 6000
    assert {d.line for d in found} == set(range(6, 3006))
