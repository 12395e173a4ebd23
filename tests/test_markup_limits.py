"""The shape limits of a body (markup.py): a line past the nesting limit is found wherever it
stands, and only such a line."""

from __future__ import annotations

import random
import re

from sitegen import markup


def _deep_lines_by_line_start(body: str) -> list[int]:
    """Every line start followed by more marks and blanks than the limit: the plain definition."""
    starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]
    run = re.compile(r"[ \t>*+\-0-9.)]*")
    return [s for s in starts if len(run.match(body, s).group(0)) >= markup.MAX_NESTING]


def test_a_line_past_the_nesting_limit_is_found_at_the_start_and_after_any_newline():
    rng = random.Random(5)
    alphabet = [" ", "\t", ">", "*", "-", "1", ".", ")", "a", "\n", "\n"]
    for _ in range(3_000):
        body = "".join(rng.choice(alphabet) * (rng.randint(40, 70) if rng.random() < 0.1 else 1)
                       for _ in range(rng.randint(0, 80)))
        found = [0] if markup._LONG_PREFIX.match(body) else []
        found += [m.start(1) for m in markup._LONG_PREFIX_AFTER_NEWLINE.finditer(body)]
        assert found == _deep_lines_by_line_start(body), body


def test_a_deep_quote_on_the_first_or_a_later_line_is_an_error_at_its_line():
    deep = "> " * (markup.MAX_NESTING + 5) + "text"
    first = markup._shape_problem(deep + "\nafter", "posts/a.md", 5)
    later = markup._shape_problem("one\ntwo\n" + deep, "posts/a.md", 5)
    assert first is not None and first.line == 5 and first.code == "markdown.too-deep"
    assert later is not None and later.line == 7
    assert markup._shape_problem("> " * 10 + "fine\n" + "-" * 80 + "\n", "posts/a.md", 5) is None
