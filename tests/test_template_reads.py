"""A page is keyed on what its templates can show of each value they are given: a post's page
shows its neighbours' titles and addresses, so a sentence added to a neighbour does not
render it again, while a new title does, and a template that shows more is keyed on more."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from sitegen import template_reads
from sitegen.build import BuildOptions, build
from tests.conftest import post
from tests.test_incremental import clean_build, mtimes, tree


def reads(templates: dict[str, str], *names: str) -> dict:
    env = jinja2.Environment()
    found = {name: template_reads.findings(env.parse(source)) for name, source in templates.items()}
    return template_reads.reads(found, names)


def test_attributes_truth_and_length_are_what_is_read():
    got = reads({"p": "{{ a.title }}{% if b %}{{ b.url }}{% endif %}{{ c|length }}"
                      "{% if not (d or e) %}x{% endif %}{{ f.title if f is not none }}"}, "a", "b", "c", "d", "e", "f", "g")
    assert got == {"a": {"title"}, "b": {"?", "url"}, "c": {"#"}, "d": {"?"}, "e": {"?"},
                   "f": {"title", "?"}, "g": frozenset()}


@pytest.mark.parametrize("source", [
    "{{ a }}",                                   # printed whole
    "{% for x in a %}{{ x }}{% endfor %}",       # looped over
    "{{ a|tojson }}",                            # a filter we cannot see into
    "{% set b = a %}{{ b.title }}",              # given another name
    "{{ (a or z).title }}",                      # `a or z` is a or z itself
    "{{ a.summary() }}",                         # a method called
    "{{ a[key] }}",                              # a computed attribute
    "{{ unknown(a) }}",                          # a function that is not a macro here
    "{% macro m() %}{{ varargs }}{% endmacro %}{{ m(a) }}",  # into a macro's varargs
    "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(x=a) }}",     # a macro that prints it whole
])
def test_anything_not_understood_is_a_use_of_the_whole_value(source):
    assert reads({"p": source}, "a") == {"a": None}


def test_a_value_passed_to_a_macro_is_followed_into_it():
    templates = {
        "page": '{% from "m" import card, outer with context %}{{ card(a) }}{{ card(item=b) }}{{ outer(c) }}',
        "m": "{% macro card(item) %}{% if item %}{{ item.title }}{% endif %}{% endmacro %}"
             "{% macro outer(thing) %}{{ card(thing) }}{{ thing.url }}{% endmacro %}",
    }
    assert reads(templates, "a", "b", "c") == {"a": {"?", "title"}, "b": {"?", "title"}, "c": {"?", "title", "url"}}


def test_every_template_of_a_page_counts():
    templates = {"page": '{% extends "base" %}{% block x %}{{ a.title }}{% endblock %}', "base": "{{ a.html }}"}
    assert reads(templates, "a") == {"a": {"title", "html"}}


def _site(root: Path) -> Path:
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    for day, name in ((1, "first"), (2, "middle"), (3, "last")):
        (posts / f"{name}.md").write_text(post(f"The {name} post", f"2024-03-0{day}", f"Text of the {name} post.",
                                               tags="[rest]"))
    (root / "site.toml").write_text('title = "Journal"\nbase_url = "https://example.org/"\n')
    return root


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rel: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("rel") in ("prev", "next"):
            self._open = a["rel"]
            self.rel[self._open] = ""

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.rel[self._open] += data


def neighbour_links(page: Path) -> dict[str, str]:
    parser = _Links()
    parser.feed(page.read_text())
    return {k: re.sub(r"\s+", " ", v).strip() for k, v in parser.rel.items()}


def test_a_sentence_added_to_a_post_does_not_render_its_neighbours_again(tmp_path):
    site, out = _site(tmp_path / "site"), tmp_path / "out"
    build(site, BuildOptions(output=out))
    before = mtimes(out)
    middle = site / "content" / "posts" / "middle.md"
    middle.write_text(middle.read_text() + "\nOne more sentence at the end.\n")
    result = build(site, BuildOptions(output=out))
    changed = {rel for rel, t in mtimes(out).items() if t != before.get(rel)}
    assert "posts/middle/index.html" in changed
    assert "posts/first/index.html" not in changed and "posts/last/index.html" not in changed
    assert result.rendered < 2 + len(changed)  # the neighbours were not even rendered
    assert tree(out) == clean_build(site, tmp_path)


def test_a_new_title_reaches_both_neighbours(tmp_path):
    site, out = _site(tmp_path / "site"), tmp_path / "out"
    build(site, BuildOptions(output=out))
    middle = site / "content" / "posts" / "middle.md"
    middle.write_text(middle.read_text().replace("title: The middle post", "title: A better title"))
    build(site, BuildOptions(output=out))
    assert neighbour_links(out / "posts" / "first" / "index.html")["next"].endswith("A better title")
    assert neighbour_links(out / "posts" / "last" / "index.html")["prev"].endswith("A better title")
    assert tree(out) == clean_build(site, tmp_path)


def test_a_template_that_shows_a_neighbours_text_is_keyed_on_it(tmp_path):
    site, out = _site(tmp_path / "site"), tmp_path / "out"
    theme = Path(__import__("sitegen").__file__).parent / "theme" / "templates" / "post.html"
    (site / "templates").mkdir()
    (site / "templates" / "post.html").write_text(theme.read_text().replace(
        "{{ neighbours(newer, older) }}",
        '{{ neighbours(newer, older) }}{% if older %}<div class="teaser">{{ older.rendered.html }}</div>{% endif %}'))
    build(site, BuildOptions(output=out))
    middle = site / "content" / "posts" / "middle.md"
    middle.write_text(middle.read_text() + "\nA sentence only the teaser shows.\n")
    build(site, BuildOptions(output=out))
    assert "A sentence only the teaser shows." in (out / "posts" / "last" / "index.html").read_text()
    assert tree(out) == clean_build(site, tmp_path)
