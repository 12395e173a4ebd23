"""The privacy gate end to end: consent, identifiers in published text, the client register,
private fields and the output audit, through `sitegen check` and `sitegen build`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from tests.conftest import copy_example, write_site

CASE = """---
title: Pacing a stiff shoulder
date: 2025-05-12
tags: [shoulders]
client: Client A
sessions: 6
presenting: Stiff shoulder
approach: [myofascial release]
outcome: Better reach
consent:
  obtained: 2025-04-10
  form: written
---

Client A came with a stiff shoulder. We worked slowly over six sessions.
"""


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def built_example(tmp_path):
    site = copy_example(tmp_path / "site")
    out = tmp_path / "out"
    build(site, BuildOptions(output=out))
    return site, out, tree(out)


def test_example_site_passes_check_cleanly(tmp_path, capsys):
    site = copy_example(tmp_path / "site")
    code, out, _ = run(["check", str(site), "--format", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert code == 0
    assert [f for f in findings if f["kind"].startswith(("privacy.", "consent."))] == []


def _add_paragraph(path: Path, text: str) -> int:
    """Add `text` as the body's first paragraph; return its line number in the file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)  # the line that closes the front matter (0-based)
    lines[closing + 1:closing + 1] = ["", text]
    path.write_text("\n".join(lines), encoding="utf-8")
    return closing + 3


@pytest.mark.parametrize("text, kind, needle", [
    ("She asked me to ring her on 07911 123456 if anything changed.", "privacy.phone", "07911 123456"),
    ("Mrs Adeyemi said the stiffness was worse in the mornings.", "privacy.name", "Adeyemi"),
])
def test_identifier_in_a_case_study_fails_check_and_build(built_example, capsys, text, kind, needle):
    site, out, before = built_example
    target = site / "content" / "case-studies" / "a-shoulder-that-needed-less-not-more.md"
    line = _add_paragraph(target, text)
    col = text.index("Mrs") + 1 if kind == "privacy.name" else text.index(needle) + 1

    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert code == 1
    hits = [f for f in json.loads(stdout)["findings"] if f["kind"] == kind]
    assert hits, stdout
    f = hits[0]
    assert f["file"] == "content/case-studies/a-shoulder-that-needed-less-not-more.md"
    assert f["line"] == line and f["severity"] == "error"
    assert needle in f["text"]
    assert f["column"] in (col, col + len("Mrs "))  # with or without the title

    code, _, err = run(["build", str(site), "-o", str(out)], capsys)
    assert code == 1
    assert f"content/case-studies/a-shoulder-that-needed-less-not-more.md:{line}:" in err
    assert "Traceback" not in err
    assert tree(out) == before


def test_removing_consent_fails_check_and_build(built_example, capsys):
    site, out, before = built_example
    target = site / "content" / "case-studies" / "tension-headaches-and-a-desk-that-never-switched-off.md"
    text = target.read_text().split("\n")
    start = next(i for i, line in enumerate(text) if line.startswith("consent:"))
    end = start + 1
    while end < len(text) and text[end].startswith("  "):
        end += 1
    del text[start:end]
    target.write_text("\n".join(text))
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert code == 1
    missing = [f for f in json.loads(stdout)["findings"] if f["kind"] == "consent.missing"]
    assert missing and missing[0]["file"].endswith("tension-headaches-and-a-desk-that-never-switched-off.md")
    assert missing[0]["line"] >= 1
    code, _, err = run(["build", str(site), "-o", str(out)], capsys)
    assert code == 1 and "consent" in err and tree(out) == before


@pytest.mark.parametrize("consent, kind", [
    ("consent:\n  obtained: 2999-01-01\n  form: written", "consent.future"),
    ("consent:\n  obtained: 2025-04-10\n  form: telepathic", "consent.malformed"),
    ("consent:\n  form: written", "consent.malformed"),
    ("consent: yes", "consent.malformed"),
])
def test_consent_problems_are_errors_naming_the_line(make_site, tmp_path, capsys, consent, kind):
    text = CASE.replace("consent:\n  obtained: 2025-04-10\n  form: written", consent)
    site = make_site({"content/case-studies/a.md": text})
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert code == 1
    hits = [f for f in json.loads(stdout)["findings"] if f["kind"] == kind]
    assert hits and hits[0]["severity"] == "error"
    consent_line = text.split("\n").index(consent.split("\n")[0]) + 1
    assert consent_line <= hits[0]["line"] <= consent_line + 4


def test_draft_findings_are_warnings_until_published(make_site, capsys):
    text = CASE.replace("title: Pacing", "draft: true\ntitle: Pacing").replace(
        "We worked slowly", "Call her on 07911 123456. We worked slowly")
    site = make_site({"content/case-studies/a.md": text,
                      "content/posts/b.md": "---\ntitle: B\ndate: 2025-01-01\n---\n\nText.\n"})
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert code == 0
    phone = [f for f in json.loads(stdout)["findings"] if f["kind"] == "privacy.phone"]
    assert phone and phone[0]["severity"] == "warning"


def test_essays_are_scanned_at_warning_level_configurable_to_error(make_site, capsys):
    essay = "---\ntitle: B\ndate: 2025-01-01\n---\n\nA client emailed me at k.obi@fastmail.co.uk last week.\n"
    site = make_site({"content/posts/b.md": essay})
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    email = [f for f in json.loads(stdout)["findings"] if f["kind"] == "privacy.email"]
    assert code == 0 and email and email[0]["severity"] == "warning" and email[0]["line"] == 6
    (site / "site.toml").write_text('[privacy]\nessays = "error"\n')
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert code == 1


def test_allow_lists_silence_a_finding(make_site, capsys):
    text = CASE.replace("We worked slowly", "She runs with the Ashford Striders. We worked slowly")
    site = make_site({"content/case-studies/a.md": text})
    main(["check", str(site), "--format", "json"])
    first = json.loads(capsys.readouterr().out)["findings"]
    (site / "content/case-studies/a.md").write_text(text.replace("form: written", "form: written\nprivacy:\n  allow: [Ashford Striders, Ashford]"))
    main(["check", str(site), "--format", "json"])
    second = json.loads(capsys.readouterr().out)["findings"]
    assert not [f for f in second if "Ashford" in (f["text"] or "")]
    del first  # the first run may or may not flag a club name; the allow list must silence it either way


def test_register_names_are_errors_and_supply_consent(make_site, tmp_path, capsys):
    text = CASE.replace("consent:\n  obtained: 2025-04-10\n  form: written\n", "").replace(
        "We worked slowly", "Margaret found the work slow at first. We worked slowly")
    site = make_site({
        "content/case-studies/a.md": text,
        "private/clients.toml": '[[client]]\npseudonym = "Client A"\nnames = ["Margaret Ellison", "Margaret"]\n'
                                '[client.consent]\nobtained = 2025-04-10\nform = "written"\n',
    })
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    findings = json.loads(stdout)["findings"]
    # Consent came from the register (only the reminder that the client has not reviewed the text remains).
    assert [f["kind"] for f in findings if f["kind"].startswith("consent.")] == ["consent.unreviewed"]
    reg = [f for f in findings if f["kind"] == "privacy.register"]
    where = next((n, line.index("Margaret")) for n, line in enumerate(text.split("\n"), 1) if "Margaret" in line)
    assert code == 1 and reg and reg[0]["text"] == "Margaret"
    assert (reg[0]["line"], reg[0]["column"]) == (where[0], where[1] + 1)
    fixed = text.replace("Margaret found", "She found")
    (site / "content/case-studies/a.md").write_text(fixed)
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    published = "".join(p.read_text() for p in (tmp_path / "out").rglob("*.html"))
    assert "Margaret" not in published and "clients.toml" not in published
    assert not list((tmp_path / "out").rglob("clients.toml"))


def test_private_fields_are_never_rendered_and_the_audit_catches_leaks(make_site, tmp_path, capsys):
    text = CASE.replace("consent:", "private:\n  real_name: Rosalind Featherstone\n  notes: sensitive session note\nconsent:")
    site = make_site({"content/case-studies/a.md": text})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    everything = "".join(p.read_text(errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "Featherstone" not in everything and "sensitive session note" not in everything
    before = tree(tmp_path / "out")
    # A user template that prints front matter would leak it: the audit stops the build.
    write_site(site, {"templates/case_study.html":
                      '{% extends "base.html" %}{% block content %}{{ item.entry.doc.meta }}{% endblock %}'})
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "privacy.audit" not in err and "private value 'real_name'" in err
    assert tree(tmp_path / "out") == before


def test_draft_text_never_reaches_the_output(make_site, tmp_path, capsys):
    draft = ("---\ntitle: An unfinished reflection on endings\ndate: 2025-01-01\ndraft: true\n---\n\n"
             "This paragraph is still being written and must never appear on the public site at all.\n")
    site = make_site({"content/posts/draft.md": draft,
                      "content/posts/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\n\nPublished text.\n",
                      "templates/post.html": '{% extends "base.html" %}{% block content %}'
                                             '{% for d in site.drafts %}{{ d.rendered.html | safe }}{% endfor %}{% endblock %}'})
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "text held back from the site (draft)" in err and "content/posts/draft.md:7:" in err
