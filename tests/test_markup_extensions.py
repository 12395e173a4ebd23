"""Each body is converted with only the Markdown extensions its text can use: the HTML must be
exactly what the converter with every extension gives, whatever syntax the body holds."""

from __future__ import annotations

import markdown
import pytest

from sitegen import markup, mdconvert

BODIES = [
    "Plain words, *emphasis*, a [link](other.md) and `code`.",
    "A claim worth a source.[^1]\n\n[^1]: The source, in a footnote.",
    "| session | focus |\n|---|---|\n| 1 | breath |\n| 2 | neck |",
    "Before.\n\n```python\nprint('hi')\n```\n\nAfter.",
    "Before.\n\n~~~\nplain fence\n~~~",
    "# A heading\n\nText.\n\n## Another heading\n\n## Another heading",
    "A setext heading\n================\n\nText under it.",
    "A second-level setext heading\n-\n\nText.",
    "[TOC]\n\n# One\n\n# Two",
    "- a list item\n- another",
    "Text with a | pipe but no table, a # that is no heading and [^ no footnote.",
    "=\nstarts with an equals line",
    "Heading with an id {#custom} stays text\n\n### Third level",
    # Each inline mark alone, and the ways a line break arises without two blanks in the body.
    "Only `code` here.", "An escaped \\*star\\*.", "An entity &amp; more.", "An <https://example.org> link.",
    "Mail <someone@example.org>.", "Raw <span>html</span> inline.", "Plain *em* and __strong__ and snake_case.",
    "Line one  \nline two.", "Line one\t\nline two.", "Line one  \r\nline two.", "Line one \t \rline two.",
    "<div>\n  <b>x</b>\n</div>\nafter  <%= it %>\n  <%= that %>",
    "A [ref][r] and ![pic][p].\n\n[r]: https://example.org \"T*i*tle\"\n[p]: a.png",
    "- item with `code` and [link](a.md)\n    - nested *emph* item\n\n> quote with &copy; and <em>tag</em>",
    "No marks in this paragraph.\n\nNor in this one, but *here* there is.",
]


def _full() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(markup.EXTENSIONS), extension_configs=markup.EXTENSION_CONFIGS,
                             output_format="html")


@pytest.mark.parametrize("body", BODIES)
def test_only_the_needed_extensions_give_the_same_html(body):
    expected = _full().convert(body)
    assert markup._md(body).reset().convert(body) == expected


def test_plain_prose_is_converted_without_the_extensions_and_headings_keep_their_anchors():
    assert mdconvert.needed("Plain words and nothing else.") == ()
    rendered, diags = markup.render_markdown("## Where she started\n\nText.", "posts/a.md", 1)
    assert not diags and 'id="where-she-started"' in rendered.html
    assert "where-she-started" in rendered.anchors


def test_a_body_runs_only_the_inline_patterns_whose_marks_it_holds():
    plain = markup._md("Plain words.").treeprocessors["inline"].inlinePatterns
    assert len(plain) == 0
    marked = markup._md("Some *emphasis* and a [link](a.md).").treeprocessors["inline"].inlinePatterns
    names = {type(p).__name__ for p in marked}
    assert "DelimiterProcessor" in names and "LinkInlineProcessor" in names and "BacktickInlineProcessor" not in names


def test_a_table_of_contents_is_built_where_a_marker_asks_for_one_whatever_came_before():
    # One converter serves both bodies: the list is left out for the first and built for the second.
    without = markup.render_markdown("# One\n\nText.\n\n# Two", "posts/a.md", 1)[0].html
    marked = markup.render_markdown("[TOC]\n\n# One\n\nText.\n\n# Two", "posts/b.md", 1)[0].html
    assert 'class="toc"' not in without and 'id="one"' in without
    assert 'class="toc"' in marked and 'href="#one"' in marked and 'href="#two"' in marked


# Bodies where a processor left out for lack of its marks would change the HTML if the test
# for those marks were wrong: marks inside lists and quotes, after tabs, next to escapes.
NARROWED = [
    "> quoted\n>\n> ---\n\n> 1. inside a quote",
    "- item\n\n    ---\n\n    1.\tnumbered after a tab",
    "Text *with* one mark, then [a link](a.md) in the next.\n\nAnd `code` \\*escaped\\* here.",
    "[name]: https://example.org\n\nA [named][name] link, and\t- * - a rule?\n\n* * *",
    "An entity &copy; with no tag, and 3. no list.\n\n3. a list",
    "# Heading *with* marks\n\nText with a \\# escaped mark.",
]


@pytest.mark.parametrize("body", NARROWED)
def test_processors_left_out_for_lack_of_marks_change_nothing(body):
    assert markup._md(body).reset().convert(body) == _full().convert(body)


def test_a_body_without_block_marks_skips_their_processors_and_a_paragraph_its_missing_patterns():
    md = markup._md("Plain *words* only.\n\nMore words.")
    assert not {"quote", "hashheader", "reference"} & {name for name in md.parser.blockprocessors._data}
    assert "html_block" not in md.preprocessors and "unescape" not in md.treeprocessors
    md = markup._md("> A quote with #1 and [a](b.md).")
    assert {"quote", "hashheader"} <= set(md.parser.blockprocessors._data)


def test_anchors_are_the_ids_where_a_word_starts_as_the_plain_expression_finds_them():
    import html
    import re

    from sitegen import htmlrefs

    plain = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
    for out in ['<h2 id="one">One</h2><p data-id="two" valid="x id=\'three\'" id = \'f&amp;our\'>t</p>',
                'id="start"<span xid="no" _id="no2">did = "no3" id="five"</span>', "no ids, only an idea"]:
        expected = tuple(dict.fromkeys(html.unescape(m.group(1) if m.group(1) is not None else m.group(2))
                                       for m in plain.finditer(out)))
        assert htmlrefs._anchors(out) == expected


def test_plain_text_decodes_every_reference_as_html_unescape_does():
    import html

    for fragment in ["it&rsquo;s &ldquo;so&rdquo; &mdash; &hellip;", "&amp;rsquo; &lt&rsquo; &am&hellip; &#8217x",
                     "<b>a&nbsp;b</b> &ndash;&lsquo;"]:
        assert markup.plain_text(fragment) == " ".join(html.unescape(markup._TAG.sub(" ", fragment)).split())
