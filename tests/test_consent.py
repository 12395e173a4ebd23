"""The consent lifecycle: give, review, change, withdraw — through check, build, consent and publish."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.consent import text_fingerprint
from tests.conftest import write_site

CASE = """---
title: Learning to slow down with a sore neck
date: 2025-05-12
tags: [necks, pacing]
client: Client B
sessions: 5
presenting: Neck pain after long drives
approach: [soft tissue work, breathing]
outcome: Able to drive for an hour without pain
consent:
  obtained: 2025-04-10
  form: written
---

Client B came in holding her shoulders up around her ears and apologised for it twice.
Over five sessions we used slow soft tissue work and a few minutes of breathing at the end.

By the fourth session she noticed the tension building on the motorway and let it go.
"""

ESSAY = """---
title: Notes on the first cold week
date: 2025-06-02
tags: [pacing]
---

The first cold week always brings a run of stiff necks into the treatment room.
"""


def site_with(make_site, case: str = CASE, **extra: str) -> Path:
    return make_site({"content/case-studies/slow-neck.md": case, "content/posts/cold-week.md": ESSAY,
                      "site.toml": 'title = "Practice notes"\nauthor = "Ada Rook"\nbase_url = "https://example.org/"\n'
                                   'timezone = "Europe/London"\n', **extra})


def everything(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(out.rglob("*")) if p.is_file())


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def with_consent_line(text: str, line: str) -> str:
    return text.replace("  form: written\n", f"  form: written\n  {line}\n", 1)


def assert_no_trace(out: Path) -> None:
    """Nothing of the case study anywhere: its page, lists, topics, feeds, sitemap, search index."""
    assert not (out / "case-studies" / "slow-neck").exists()
    text = everything(out)
    for needle in ("slow-neck", "Learning to slow down", "motorway", "Client B"):
        assert needle not in text, needle


# -- withdrawal ---------------------------------------------------------------------------------

def test_withdrawal_in_the_register_as_words_publishes_nothing(make_site, tmp_path, capsys):
    """The register's `withdrawn = "yes, she phoned"` once read as 'not withdrawn' and published."""
    case = CASE.replace("consent:\n  obtained: 2025-04-10\n  form: written\n", "")
    site = site_with(make_site, case, **{"private/clients.toml": """
        [[client]]
        pseudonym = "Client B"
        names = ["Harriet Vane"]
        [client.consent]
        obtained = 2025-04-10
        form = "written"
        withdrawn = "yes, she phoned"
    """})
    out = tmp_path / "out"
    code, stdout, err = run(["build", str(site), "-o", str(out)], capsys)
    assert code == 0, err
    assert_no_trace(out)
    assert (out / "posts" / "cold-week" / "index.html").is_file()  # the rest of the site is built
    assert "held back 1: content/case-studies/slow-neck.md (consent withdrawn ('yes, she phoned'))" in stdout


@pytest.mark.parametrize("value", ["2025-06-01", "'yes, she phoned'", "2099-01-01", "no", "false"])
def test_front_matter_and_register_read_withdrawn_the_same(make_site, tmp_path, value):
    """Any non-empty withdrawn means withdrawn, in either place (the client's side of any doubt)."""
    in_front = site_with(make_site, with_consent_line(CASE, f"withdrawn: {value}"))
    front = build(in_front, BuildOptions(output=tmp_path / "a"))
    toml_value = {"2025-06-01": "2025-06-01", "'yes, she phoned'": '"yes, she phoned"', "2099-01-01": "2099-01-01",
                  "no": '"no"', "false": "false"}[value]
    case = CASE.replace("consent:\n  obtained: 2025-04-10\n  form: written\n", "")
    register = ('[[client]]\npseudonym = "Client B"\n[client.consent]\nobtained = 2025-04-10\nform = "written"\n'
                f"withdrawn = {toml_value}\n")
    in_register = write_site(tmp_path / "r", {"content/case-studies/slow-neck.md": case,
                                              "content/posts/cold-week.md": ESSAY, "private/clients.toml": register})
    reg = build(in_register, BuildOptions(output=tmp_path / "b"))
    assert [h.rel for h in front.held_back] == [h.rel for h in reg.held_back] == ["content/case-studies/slow-neck.md"]
    assert front.held_back[0].reason.startswith("consent withdrawn")
    assert front.held_back[0].reason == reg.held_back[0].reason


def test_a_withdrawal_in_the_register_wins_over_the_case_studys_own_consent(make_site, tmp_path):
    site = site_with(make_site, **{"private/clients.toml":
                                   '[[client]]\npseudonym = "Client B"\n[client.consent]\nwithdrawn = 2025-07-01\n'})
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert [(h.rel, h.reason) for h in result.held_back] == [
        ("content/case-studies/slow-neck.md", "consent withdrawn on 2025-07-01")]
    assert_no_trace(tmp_path / "out")


def test_withdrawal_after_publication_takes_the_page_down_and_builds_the_rest(make_site, tmp_path, capsys):
    site = site_with(make_site)
    out = tmp_path / "out"
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert (out / "case-studies" / "slow-neck" / "index.html").is_file()
    assert "motorway" in (out / "search-index.json").read_text()
    capsys.readouterr()

    path = site / "content/case-studies/slow-neck.md"
    path.write_text(with_consent_line(CASE, "withdrawn: 2025-06-01"))
    code, stdout, err = run(["build", str(site), "-o", str(out)], capsys)
    assert code == 0, err
    assert_no_trace(out)
    assert "consent withdrawn on 2025-06-01" in stdout and "content/case-studies/slow-neck.md" in stdout
    home = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    assert [a.get_text() for a in home.select(".post-list h2 a")] == ["Notes on the first cold week"]
    # check says so too, in words and in JSON.
    code, stdout, _ = run(["check", str(site)], capsys)
    assert code == 0 and "content/case-studies/slow-neck.md: held back (consent withdrawn on 2025-06-01)" in stdout
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    assert json.loads(stdout)["held_back"] == [{"file": "content/case-studies/slow-neck.md",
                                                "title": "Learning to slow down with a sore neck",
                                                "reason": "consent withdrawn on 2025-06-01"}]


def test_publish_to_a_folder_removes_a_withdrawn_case_study(make_site, tmp_path, capsys):
    site = site_with(make_site)
    host = tmp_path / "host"
    host.mkdir()
    assert main(["publish", str(site), "--to", str(host)]) == 0
    assert (host / "case-studies" / "slow-neck" / "index.html").is_file()
    capsys.readouterr()
    (site / "content/case-studies/slow-neck.md").write_text(with_consent_line(CASE, "withdrawn: 2025-06-01"))
    code, stdout, _ = run(["publish", str(site), "--to", str(host)], capsys)
    assert code == 0
    assert_no_trace(host)
    assert "Taken off the site: content/case-studies/slow-neck.md (consent withdrawn on 2025-06-01)" in stdout


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_publish_to_gh_pages_leaves_no_copy_of_a_withdrawn_case_study_in_the_branch(make_site, tmp_path, capsys):
    site = site_with(make_site)
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "--quiet", "--bare", str(remote))
    _git(site, "init", "--quiet", "-b", "main")
    _git(site, "config", "user.name", "Ada Rook")
    _git(site, "config", "user.email", "ada@example.org")
    _git(site, "remote", "add", "origin", str(remote))
    assert main(["publish", str(site), "--to", "gh-pages"]) == 0
    assert "case-studies/slow-neck/index.html" in _git(remote, "ls-tree", "-r", "--name-only", "gh-pages")
    capsys.readouterr()

    (site / "content/case-studies/slow-neck.md").write_text(with_consent_line(CASE, "withdrawn: 2025-06-01"))
    code, stdout, _ = run(["publish", str(site), "--to", "gh-pages"], capsys)
    assert code == 0
    assert "Taken off the site" in stdout and "started afresh" in stdout
    commits = _git(remote, "rev-list", "gh-pages").split()
    assert len(commits) == 1  # the history that held the page is gone from the branch
    files = _git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "index.html" in files and not [f for f in files if "slow-neck" in f]


# -- review and binding ---------------------------------------------------------------------------

def test_consent_command_writes_a_private_review_copy_and_prints_the_reviewed_line(make_site, tmp_path, capsys):
    site = site_with(make_site)
    code, stdout, err = run(["consent", "content/case-studies/slow-neck.md", "--site", str(site)], capsys)
    assert code == 0, err
    lines = [line for line in stdout.splitlines() if line.startswith("reviewed: ")]
    assert len(lines) == 1 and re.fullmatch(r"reviewed: v1-[0-9a-f]{12}", lines[0])
    fingerprint = lines[0].split(": ")[1]
    copies = list((site / "private" / "consent").glob("*.html"))
    assert [c.name for c in copies] == [f"slow-neck-{fingerprint}.html"]
    page = BeautifulSoup(copies[0].read_text(), "html.parser")
    assert page.h1.get_text() == "Learning to slow down with a sore neck"
    facts = [dd.get_text() for dd in page.select(".facts dd")]
    assert facts[:2] == ["Client B", "Neck pain after long drives"]
    assert "motorway" in page.select_one(".body").get_text()
    assert "written consent, given in April 2025" in page.select_one(".consent").get_text()
    assert fingerprint in page.select_one(".sign").get_text()
    # Self-contained: nothing loaded from anywhere, no script.
    assert not page.find_all(["script", "link", "iframe"]) and not page.find_all(src=re.compile("^https?:"))

    out = tmp_path / "out"
    assert main(["build", str(site), "-o", str(out)]) == 0
    assert "Before you read" not in everything(out) and not list(out.rglob("*slow-neck-v1*"))


def _reviewed(site: Path, capsys) -> str:
    main(["consent", str(site / "content/case-studies/slow-neck.md"), "--site", str(site)])
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("reviewed: "))


def test_bound_consent_publishes_until_the_text_changes(make_site, tmp_path, capsys):
    site = site_with(make_site)
    path = site / "content/case-studies/slow-neck.md"
    code, stdout, _ = run(["check", str(site), "--format", "json"], capsys)
    unreviewed = [f for f in json.loads(stdout)["findings"] if f["kind"] == "consent.unreviewed"]
    assert code == 0 and unreviewed and unreviewed[0]["severity"] == "warning"

    line = _reviewed(site, capsys)
    path.write_text(with_consent_line(CASE, line))
    out = tmp_path / "out"
    code, _, err = run(["build", str(site), "-o", str(out)], capsys)
    assert code == 0 and "consent." not in err
    statement = BeautifulSoup((out / "case-studies/slow-neck/index.html").read_text(), "html.parser").select_one(".consent")
    assert "The client read this text before it was published." in statement.get_text()

    # Re-wrapping a paragraph, Windows line endings, trailing spaces: the same words, still bound.
    text = path.read_text().replace("twice.\nOver five", "twice. Over five").replace("\n", "  \r\n")
    path.write_bytes(text.encode())
    assert main(["build", str(site), "-o", str(out)]) == 0
    capsys.readouterr()

    # A new sentence is not what the client agreed to: an error at the reviewed line.
    before = everything(out)
    text = path.read_text().replace("let it go.", "let it go. Her husband Tom drove her home.")
    path.write_text(text)
    code, _, err = run(["build", str(site), "-o", str(out)], capsys)
    reviewed_line = next(n for n, t in enumerate(text.split("\n"), 1) if t.strip() == line)
    assert code == 1
    assert (f"content/case-studies/slow-neck.md:{reviewed_line}: the text changed since the client reviewed it "
            "on 10 April 2025 — run sitegen consent content/case-studies/slow-neck.md") in err
    assert everything(out) == before


def test_reviewed_in_the_register_binds_too(make_site, tmp_path, capsys):
    case = CASE.replace("consent:\n  obtained: 2025-04-10\n  form: written\n", "")
    site = site_with(make_site, case)
    line = _reviewed(site, capsys)
    register = site / "private/clients.toml"
    fingerprint = line.split(": ")[1]
    register.write_text('[[client]]\npseudonym = "Client B"\n[client.consent]\nobtained = 2025-04-10\n'
                        f'form = "written"\nreviewed = "{fingerprint}"\n')
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    (site / "content/case-studies/slow-neck.md").write_text(case.replace("twice", "three times"))
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "private/clients.toml:6: the text changed since the client reviewed it" in err


def test_a_review_can_be_required(make_site, tmp_path, capsys):
    site = site_with(make_site)
    with open(site / "site.toml", "a") as fh:
        fh.write('[privacy]\nconsent_review = "required"\n')
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "content/case-studies/slow-neck.md:10: the client has not reviewed this text" in err
    (site / "site.toml").write_text((site / "site.toml").read_text().replace('"required"', '"sometimes"'))
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and 'privacy.consent_review must be "warning" or "required"' in err


def test_a_reviewed_value_sitegen_did_not_make_is_an_error(make_site, tmp_path, capsys):
    site = site_with(make_site, with_consent_line(CASE, "reviewed: 20250410"))
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "content/case-studies/slow-neck.md:13: consent 'reviewed' is '20250410'" in err


def test_consent_statement_shows_scope_and_disguise(make_site, tmp_path):
    case = with_consent_line(CASE, "scope: this blog and its feed").replace(
        "consent:", "disguise: [details changed, composite, age shifted by a decade]\nconsent:")
    site = site_with(make_site, case)
    build(site, BuildOptions(output=tmp_path / "out"))
    text = " ".join(BeautifulSoup((tmp_path / "out/case-studies/slow-neck/index.html").read_text(),
                                  "html.parser").select_one(".consent").get_text().split())
    assert text == ("Published with the client's written consent, given in April 2025. Scope of the consent: this "
                    "blog and its feed. Identifying details have been changed. This account is a composite of more "
                    "than one client. Disguise: age shifted by a decade.")


def test_consent_refuses_an_essay_and_a_case_study_with_an_identifier(make_site, capsys):
    site = site_with(make_site)
    code, _, err = run(["consent", "content/posts/cold-week.md", "--site", str(site)], capsys)
    assert code == 2 and "content/posts/cold-week.md is not a case study" in err
    path = site / "content/case-studies/slow-neck.md"
    path.write_text(path.read_text().replace("let it go.", "let it go. Ring her on 07911 123456."))
    code, out, err = run(["consent", "content/case-studies/slow-neck.md", "--site", str(site)], capsys)
    assert code == 1 and "content/case-studies/slow-neck.md:18:" in err and "privacy: phone" in err
    assert "reviewed:" not in out and not (site / "private" / "consent").exists()
    # A draft is checked as it will be published, too.
    path.write_text(path.read_text().replace("title:", "draft: true\ntitle:", 1))
    code, _, err = run(["consent", "content/case-studies/slow-neck.md", "--site", str(site)], capsys)
    assert code == 1 and "privacy: phone" in err and "Traceback" not in err


def test_the_fingerprint_follows_the_words_not_the_layout():
    meta = {"title": "A title", "client": "Client B", "approach": ["a", "b"], "date": "2025-01-01"}
    body = "One paragraph\nwrapped here.\n\nAnother one."
    fp = text_fingerprint(meta, body)
    assert re.fullmatch(r"v1-[0-9a-f]{12}", fp)
    assert text_fingerprint(meta, "One paragraph wrapped here.\r\n\r\n  Another one.  ") == fp
    assert text_fingerprint({**meta, "date": "2026-01-01", "consent": {"obtained": "x"}}, body) == fp
    assert text_fingerprint(meta, body.replace("Another", "A further")) != fp
    assert text_fingerprint({**meta, "approach": ["a", "c"]}, body) != fp
    assert text_fingerprint({**meta, "title": "A títle"}, body) != fp
    # NFC and NFD spellings of the same word are the same text.
    assert text_fingerprint({**meta, "title": "Caf\u00e9"}, body) == text_fingerprint({**meta, "title": "Cafe\u0301"}, body)


# -- the output audit -------------------------------------------------------------------------------

SIGN_OFF = "If anything here raises questions for your own practice, please talk it through with your supervisor."


def test_a_draft_sharing_a_sign_off_with_a_published_post_builds(make_site, tmp_path, capsys):
    draft = ("---\ntitle: A reflection still being written\ndate: 2025-06-05\ndraft: true\n---\n\n"
             f"This paragraph is about a morning that I have not finished thinking through yet at all.\n\n{SIGN_OFF}\n")
    site = site_with(make_site, **{"content/posts/cold-week.md": ESSAY + f"\n{SIGN_OFF}\n",
                                   "content/posts/unfinished.md": draft})
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 0, err
    assert SIGN_OFF in (tmp_path / "out/posts/cold-week/index.html").read_text()
    # Text distinctive to the draft is still caught, with its line, the file and the words.
    write_site(site, {"templates/post.html": '{% extends "base.html" %}{% block content %}'
                                             '{% for d in site.drafts %}{{ d.rendered.html | safe }}{% endfor %}'
                                             '{% endblock %}'})
    code, _, err = run(["build", str(site), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert ("content/posts/unfinished.md:7: text held back from the site (draft) appears in the built file "
            "posts/cold-week/index.html: \u201cthis paragraph is about a morning") in err
    assert SIGN_OFF.casefold()[:40] not in err
