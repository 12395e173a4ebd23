"""validate_document: every problem in a file's front matter, each on its own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config import SiteConfig
from sitegen.discover import Kind, SourceFile
from sitegen.parse import parse_document
from sitegen.validate import parse_when, validate_document

CONFIG = SiteConfig(timezone="Europe/London")


def check(front: str, kind: Kind = Kind.ESSAY, name: str = "a.md"):
    folder = {Kind.ESSAY: "posts", Kind.CASE_STUDY: "case-studies", Kind.PAGE: "pages"}[kind]
    rel = f"content/{folder}/{name}"
    doc, diags = parse_document(SourceFile(Path("/site") / rel, rel, kind), f"---\n{front}\n---\n\nBody.\n".encode())
    assert doc is not None, diags
    entry, found = validate_document(doc, CONFIG)
    return entry, list(diags) + list(found)


def messages(front: str, **kw) -> list[tuple[int | None, str]]:
    return [(d.line, str(d)) for d in check(front, **kw)[1]]


def test_a_good_essay():
    entry, diags = check("title: A week\ndate: 2024-03-01 09:30\ntags: [rest, Rest, pacing]\ncpd_hours: 1.5")
    assert diags == []
    assert entry.title == "A week" and entry.date.isoformat() == "2024-03-01T09:30:00+00:00"
    assert entry.tags == ("rest", "Rest", "pacing") and entry.slug == "a" and entry.cpd_hours == 1.5


@pytest.mark.parametrize("value,why", [
    ("2024-13-45", "there is no month 13"),
    ("2024-02-30", "month 2 of 2024 has no day 30"),
    ("0000-01-01", "the year 0 looks like a typo"),
    ("9999-12-31 23:59 -05:00", "the year 9999 looks like a typo"),
    ("2024-01-01 25:00", "there is no hour 25"),
    ("2024-01-01 10:61", "minutes and seconds go up to 59"),
    ("12/03/2024", "year first"),
    ("next tuesday", ""),
    ("[2024, 1, 1]", ""),
    ("{y: 2024}", ""),
])
def test_dates_that_cannot_be_read(value, why):
    msgs = messages(f"title: A\ndate: {value}")
    assert len(msgs) == 1 and msgs[0][0] == 3, msgs
    assert "'date' is not a date sitegen can read" in msgs[0][1] and why in msgs[0][1]


def test_dates_outside_the_calendar_do_not_overflow():
    for value in ("9998-12-31 23:59 -12:00", "1000-01-01 00:00 +14:00"):
        assert parse_when(value, SiteConfig(timezone="Pacific/Kiritimati"))[0] is not None


@pytest.mark.parametrize("front,line,phrase", [
    ("date: 2024-01-01", 2, "'title' is missing"),
    ("title:\ndate: 2024-01-01", 2, "'title' is empty"),
    ("title: [a, b]\ndate: 2024-01-01", 2, "'title' must be text, not a list"),
    ("title: true\ndate: 2024-01-01", 2, "'title' must be text, not true"),
    ("title: .nan\ndate: 2024-01-01", 2, "'title' must be text"),
    ("title: A\ndate: 2024-01-01\ntags: {a: 1}", 4, "'tags' must be a list, not a mapping"),
    ("title: A\ndate: 2024-01-01\ntags: [ok, [nested]]", 4, "item 2 of 'tags' must be text, not a list"),
    ("title: A\ndate: 2024-01-01\ntags: ['---', ok]", 4, "tag '---' has no letters or digits"),
    ("title: A\ndate: 2024-01-01\ndraft: maybe", 4, "'draft' must be true or false, not 'maybe'"),
    ("title: A\ndate: 2024-01-01\ncpd_hours: .inf", 4, "'cpd_hours' must be a number of hours"),
    ("title: A\ndate: 2024-01-01\ncpd_hours: -2", 4, "'cpd_hours' must be a number of hours, not -2"),
    ("title: A\ndate: 2024-01-01\nslug: ../x", 4, "would put the page outside its folder"),
    ("title: A\ndate: 2024-01-01\nslug: .hidden", 4, "would put the page outside its folder"),
    ("title: A\ndate: 2024-01-01\nslug: a\\b", 4, "would put the page outside its folder"),
    ("title: A\ndate: 2024-01-01\nslug: '***'", 4, "has no letters or digits"),
    ("title: A\ndate: 2024-01-01\nslug: [a]", 4, "'slug' must be one word-like piece of text"),
    ("title: A\ndate: 2024-01-01\nprivacy: yes", 4, "'privacy' must be a mapping"),
    ("title: A\ndate: 2024-01-01\nprivacy: {allow: {a: 1}}", 4, "'privacy.allow' must be a list of phrases"),
])
def test_each_problem_names_its_line(front, line, phrase):
    msgs = messages(front)
    assert any(n == line and phrase in m for n, m in msgs), msgs


def test_unknown_keys_are_warnings_with_a_suggestion():
    entry, diags = check("title: A\ndate: 2024-01-01\ntgas: [x]\nsumary: short")
    assert entry is not None and not any(d.is_error for d in diags)
    assert [str(d) for d in diags] == [
        "content/posts/a.md:4: warning: unknown key 'tgas' — did you mean 'tags'?",
        "content/posts/a.md:5: warning: unknown key 'sumary' — did you mean 'summary'?",
    ]


def test_a_case_study_key_in_an_essay_says_where_it_belongs():
    _, diags = check("title: A\ndate: 2024-01-01\nsessions: 3")
    assert "belongs to case studies" in str(diags[0])


def test_sessions_must_be_a_number():
    _, diags = check("title: A\ndate: 2024-01-01\nclient: Client A\nsessions: five", kind=Kind.CASE_STUDY)
    assert any(d.line == 5 and "'sessions' must be a whole number, not 'five'" in d.message for d in diags)


def test_every_error_in_a_file_is_reported_at_once():
    _, diags = check("date: 2024-02-30\ntags: {a: 1}\ndraft: maybe\ncpd_hours: lots\norder: 1")
    lines = sorted(d.line for d in diags if d.is_error)
    assert lines == [2, 2, 3, 4, 5]


def test_a_file_name_without_letters_falls_back_to_the_title():
    entry, diags = check("title: My first week\ndate: 2024-01-01", name="2024-01-01-.md")
    assert diags == [] and entry.slug == "my-first-week"
    _, diags = check("title: '!!!'\ndate: 2024-01-01", name="___.md")
    assert any("neither the file name '___.md' nor the title" in d.message for d in diags)
