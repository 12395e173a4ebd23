"""The Markdown converters: which extensions and which of Python-Markdown's processors run for
which text.

One converter per set of extensions a body can use, made once per process.  Before each body,
the converter is narrowed to what that text can use: the inline patterns whose marks it holds
(and, within it, those whose marks each paragraph holds), the block processors, preprocessors
and tree processors whose syntax occurs in it.  A processor whose syntax cannot occur in a
text finds nothing in it, so leaving it out changes no byte of the HTML; the tests convert
every kind of syntax both ways (tests/test_markup_extensions.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown

# The cheapest set that gives footnotes, tables, smart typography and heading anchors
# (fenced code is what writers paste).  Part of the cache key: change it, and every
# cached body is rendered again.  Each body is converted with only those its text can use
# (`needed`): the same HTML, a fifth less work for plain prose.
EXTENSIONS = ("footnotes", "tables", "fenced_code", "toc")  # + typography.smarten, see there
EXTENSION_CONFIGS = {"toc": {"permalink": False}, "footnotes": {"BACKLINK_TITLE": "Back to the text"}}

_converters: dict[tuple[str, ...], markdown.Markdown] = {}  # by the extensions each has

# What each of Python-Markdown's inline patterns needs to see in a text before it can match
# (read off their expressions).  A body runs only the patterns whose marks it holds, and a
# text (a paragraph, a list item) holding none is handed over as finished (an AtomicString)
# instead of being searched by each of the fifteen patterns in turn, which was half the
# conversion of plain prose.  A converter with a pattern not named here gets no shortcut.
INLINE_TRIGGERS = {
    "backtick": ("`",), "escape": ("\\",), "footnote": ("[",), "reference": ("[",), "link": ("[",),
    "image_link": ("[",), "image_reference": ("[",), "short_reference": ("[",), "short_image_ref": ("[",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",), "entity": ("&",), "linebreak": ("  \n",),
    "em_strong": ("*", "_"),
}
ALL_TRIGGERS = tuple(sorted({t for ts in INLINE_TRIGGERS.values() for t in ts}))
TRIGGER = re.compile("|".join(map(re.escape, ALL_TRIGGERS)))
_BREAK = "  \n"
_TOC_MARKER = "[TOC]"  # the toc extension's default marker
# Before the patterns run, tabs become spaces and \r\n or \r become \n: a line of the body
# may end in a line break when it ends in two blanks or a tab and more blanks.
_MAY_BREAK = re.compile(r"(?:  |\t)[ \t]*[\r\n]")

# The processors left out of a body whose text lacks what each needs to find anything.  Each
# test holds for the text as written, a superset of every block the parser later cuts from it
# (tabs become spaces, and list indentation and > marks are taken off, but no character is
# added).  A body holding Python-Markdown's own placeholder marks (\x02, \x03) keeps them all.
# (Rules and ordered lists are not among them: finding their marks in a whole body cost more
# than the processors' own test of each block, measured.)
_SKIPPABLE = (  # (registry, name, whether this body may need it)
    ("pre", "html_block", lambda body: "<" in body or "&" in body),  # raw HTML and entities
    ("block", "hashheader", lambda body: "#" in body),
    ("block", "quote", lambda body: ">" in body),
    ("block", "reference", lambda body: "]:" in body),  # [name]: address
    ("tree", "unescape", lambda body: "\\" in body),  # only a backslash escape leaves marks to undo
)


def may_break(body: str) -> bool:
    """Whether a text of this body may hold a line break once Python-Markdown has made tabs
    spaces, \r\n and \r into \n, and taken raw HTML out (which can leave the blanks before
    it at the end of a line)."""
    # Every such line end holds a blank right before the newline: looked for first, at C speed.
    return "<" in body or ((" \n" in body or "\t\n" in body or " \r" in body or "\t\r" in body)
                           and _MAY_BREAK.search(body) is not None)


def needed(body: str) -> tuple[str, ...]:
    """The extensions this body can use: one whose syntax cannot occur in the text changes
    nothing in its HTML, and skipping it saves a fifth of the conversion.  Each test is a
    superset of what the extension reacts to: footnotes need `[^`, tables a `|`, fenced code
    three backticks or tildes, heading anchors a `#`, a setext underline at a line start, or
    a `[TOC]` marker."""
    wanted = []
    if "[^" in body:
        wanted.append("footnotes")
    if "|" in body:
        wanted.append("tables")
    if "```" in body or "~~~" in body:
        wanted.append("fenced_code")
    if "#" in body or "\n=" in body or "\n-" in body or body.startswith(("=", "-")) or "[TOC]" in body:
        wanted.append("toc")
    return tuple(wanted)


def converter_for(body: str) -> markdown.Markdown:
    """A converter with the extensions this body needs (made once per process and set), its
    processors and inline patterns narrowed to those that can find something in this body."""
    wanted = needed(body)
    md = _converters.get(wanted)
    if md is None:
        md = _converters[wanted] = _converter(wanted)
    inline = md.sitegen_registries[()][2]["inline"]
    if md.sitegen_patterns is not None:
        present = tuple(t for t in ALL_TRIGGERS if (t in body if t != _BREAK else may_break(body)))
        chosen = md.sitegen_chosen.get(present)
        if chosen is None:
            chosen = md.sitegen_chosen[present] = [(p, needs) for p, needs in md.sitegen_patterns
                                                   if any(t in present for t in needs)]
        # Python-Markdown's own smarty extension hands the inline step a registry of its own the same way.
        inline.inlinePatterns = [p for p, _ in chosen]
        inline.sitegen_needs = [needs for _, needs in chosen]
    skipped = () if "\x02" in body or "\x03" in body else \
        tuple(name for _, name, may_need in _SKIPPABLE if not may_need(body))
    registries = md.sitegen_registries.get(skipped)
    if registries is None:
        registries = md.sitegen_registries[skipped] = _narrowed(md.sitegen_registries[()], skipped)
    md.preprocessors, md.parser.blockprocessors, md.treeprocessors = registries
    if "toc" in wanted:  # the table of contents is built only where the body asks for one
        md.treeprocessors["toc"].marker = _TOC_MARKER if _TOC_MARKER in body else ""
    return md


def forget() -> None:
    """Let go of every converter (their state is unknown after an error): the next body makes its own."""
    _converters.clear()


def _extension(name: str):
    """The Markdown extension of that name (one of EXTENSIONS), with its settings."""
    import importlib

    module = importlib.import_module(f"markdown.extensions.{name}")
    return module.makeExtension(**EXTENSION_CONFIGS.get(name, {}))


def _converter(wanted: tuple[str, ...]) -> markdown.Markdown:
    import xml.etree.ElementTree as etree

    import markdown  # imported on first use: a build with nothing to do never needs it

    # Handed over as objects, not names: a name makes Python-Markdown look through every installed
    # package's entry points first (importlib.metadata and what it imports: 30 ms a process).
    md = markdown.Markdown(extensions=[_extension(name) for name in wanted], output_format="html")
    registry = md.inlinePatterns
    known = sorted((registry.get_index_for_name(name), registry[name], needs)
                   for name, needs in INLINE_TRIGGERS.items() if name in registry)
    # Every pattern known, or no shortcut at all: one we cannot read might match anything.
    md.sitegen_patterns = [(p, needs) for _, p, needs in known] if len(known) == len(registry) else None
    _inline_steps(md)
    if "toc" in wanted:
        # The extension gives headings their ids, and also builds, serialises and post-processes
        # a table of contents for every text, which is used only where a [TOC] marker stands
        # (a tenth of the conversion of a text with headings): without one, it gets an empty list.
        toc = md.treeprocessors["toc"]
        full = toc.build_toc_div
        toc.build_toc_div = lambda tokens: full(tokens) if toc.marker else etree.Element("div")
    md.sitegen_chosen = {}
    md.sitegen_too_much_inline = None
    md.is_block_level = _remembering(md.is_block_level)
    md.postprocessors = _Fixed(md.postprocessors, ())
    md.sitegen_registries = {(): (_Fixed(md.preprocessors, ()), _Fixed(md.parser.blockprocessors, ()),
                                  _Fixed(md.treeprocessors, ()))}
    return md


def _remembering(is_block_level):
    """Python-Markdown's block-level test, its answer kept for each tag: it looks the tag up in a
    list of sixty names, for each element twice when the tree is laid out, and the list does not
    change once the converter is made."""
    known: dict = {}

    def remembered(tag) -> bool:
        try:
            return known[tag]
        except KeyError:
            answer = known[tag] = is_block_level(tag)
            return answer
        except TypeError:  # a tag that is no dictionary key: asked afresh
            return is_block_level(tag)

    return remembered


def _narrowed(full: tuple, skipped: tuple[str, ...]) -> tuple:
    return tuple(_Fixed(registry, skipped) for registry in full)


def _inline_steps(md: markdown.Markdown) -> None:
    """The inline budget before the inline step, and the inline step itself narrowed to the
    patterns whose marks each text holds (when every pattern's marks are known)."""
    from markdown.treeprocessors import InlineProcessor, Treeprocessor
    from markdown.util import AtomicString

    from .markup import inline_pass

    class InlineBudget(Treeprocessor):
        def run(self, root):  # before the inline step: the budget, and the texts it can skip
            self.md.sitegen_too_much_inline = inline_pass(root, self.md.sitegen_patterns is not None)

    class NarrowInline(InlineProcessor):
        """Python-Markdown's inline step, passing over each pattern whose marks the text lacks
        at that point (a pattern never adds a mark: what it makes is kept aside behind a
        placeholder), instead of searching the text for it.  It overrides the private method
        Python-Markdown calls for every text and for what each match leaves."""

        sitegen_needs: list[tuple[str, ...]] = []

        def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
            if isinstance(data, AtomicString):
                return data
            patterns, needs = self.inlinePatterns, self.sitegen_needs
            if len(needs) != len(patterns):
                return super()._InlineProcessor__handleInline(data, patternIndex)
            apply = self._InlineProcessor__applyPattern
            start, count = 0, len(patterns)
            while patternIndex < count:
                for mark in needs[patternIndex]:
                    if mark in data:
                        break
                else:  # what __applyPattern gives for no match
                    patternIndex += 1
                    start = 0
                    continue
                data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
                if not matched:
                    patternIndex += 1
            return data

    md.treeprocessors.register(InlineBudget(md), "sitegen-inline-budget", 25)  # before inline (20)
    # The narrowing reaches into the inline step's private methods: only where they are as expected.
    if md.sitegen_patterns is not None and all(hasattr(InlineProcessor, f"_InlineProcessor__{name}")
                                               for name in ("handleInline", "applyPattern")):
        md.treeprocessors.register(NarrowInline(md), "inline", 20)


def _fixed_class():
    from markdown.util import Registry

    class Fixed(Registry):
        """A registry with some items left out, listed once: Python-Markdown lists a registry
        afresh each time it is walked, for every block and every heading."""

        def __init__(self, registry, skipped: tuple[str, ...]):
            super().__init__()
            for item in registry._priority:
                if item.name not in skipped:
                    self.register(registry[item.name], item.name, item.priority)
            self._sort()
            self._items = tuple(self._data[k] for k, _ in self._priority)

        def __iter__(self):
            return iter(self._items)

    return Fixed


def _Fixed(registry, skipped: tuple[str, ...]):
    global _FIXED
    if _FIXED is None:
        _FIXED = _fixed_class()
    return _FIXED(registry, skipped)


_FIXED = None
