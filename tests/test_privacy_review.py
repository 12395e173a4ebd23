"""Review items: a case study with details to review is held back until the author confirms
them with `sitegen review`, which records each answer in the post; new text gets new items."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build, check
from sitegen.cli import main
from sitegen.errors import Severity, UsageError
from sitegen.privacy import has_unconfirmed_items, unconfirmed_items
from sitegen.privacy.review import add_confirmations

HEAD = """---
title: A shoulder and a long commute
date: 2025-05-12
client: Client A
sessions: 6
presenting: Stiff shoulder
approach: [myofascial release]
outcome: Better reach
consent:
  obtained: 2025-04-10
  form: written
{extra}---
"""
BODY = ("Client A is a primary school teacher. She came to me about 3 months ago, after caring "
        "for her mother for 4 years.\n\nWe worked slowly over six sessions.\n")
ESSAY = "---\ntitle: On pacing\ndate: 2025-05-01\n---\nPacing is most of the work.\n"
REGISTER = '[[client]]\npseudonym = "Client A"\nnames = ["Morag Lindsay"]\n'


def case(extra: str = "", body: str = BODY) -> str:
    return HEAD.format(extra=extra) + body


@pytest.fixture
def site(make_site):
    return make_site({"site.toml": 'author = "Tamsin Rowe"\n', "content/case-studies/shoulder.md": case(),
                      "content/posts/pacing.md": ESSAY, "private/clients.toml": REGISTER})


def frontmatter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_review_items_hold_the_case_study_back_and_the_rest_builds(site, tmp_path):
    result = build(site, BuildOptions(output=tmp_path / "out"))
    held = {h.rel: h.reason for h in result.held_back}
    assert "4 details to review" in held["content/case-studies/shoulder.md"]
    assert "sitegen review content/case-studies/shoulder.md" in held["content/case-studies/shoulder.md"]
    assert (tmp_path / "out/posts/pacing/index.html").is_file()
    assert not (tmp_path / "out/case-studies/shoulder").exists()
    kinds = sorted(d.code for d in result.diagnostics if d.severity is Severity.REVIEW)
    assert kinds == ["privacy.family", "privacy.occupation", "privacy.timeline", "privacy.timeline"]


def test_check_json_gives_the_severity_of_each_finding(site, capsys):
    assert main(["check", str(site), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    severities = {f["kind"]: f["severity"] for f in report["findings"]}
    assert severities["privacy.occupation"] == "review"
    assert severities["consent.unreviewed"] == "warning"
    assert report["held_back"][0]["file"] == "content/case-studies/shoulder.md"


def test_an_error_still_blocks_the_build(make_site, tmp_path):
    site = make_site({"content/case-studies/shoulder.md": case(body=BODY + "Her mobile is 07412 556789.\n")})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_the_terminal_walk_records_answers_and_the_case_study_is_published(site, tmp_path):
    """A real `sitegen review` process, its answers typed on standard input."""
    items = unconfirmed_items(site, "content/case-studies/shoulder.md")
    answers = "".join("y\n" for _ in items)
    run = subprocess.run([sys.executable, "-m", "sitegen", "review", "content/case-studies/shoulder.md"],
                         cwd=site, input=answers, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert run.returncode == 0, run.stderr
    assert "Could someone who knows the client" in run.stdout
    assert "primary school teacher" in run.stdout and "^^^" in run.stdout
    confirmed = frontmatter(site / "content/case-studies/shoulder.md")["privacy"]["confirmed"]
    assert len(confirmed) == len(items) and any("occupation: a primary school teacher" in c for c in confirmed)
    assert not has_unconfirmed_items(site, "content/case-studies/shoulder.md")
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert result.held_back == ()
    assert (tmp_path / "out/case-studies/shoulder/index.html").is_file()

    # New text gets new items: change the sentence and it is held back again.
    path = site / "content/case-studies/shoulder.md"
    path.write_text(path.read_text().replace("primary school teacher", "secondary school teacher"))
    again = [d.text for d in unconfirmed_items(site, "content/case-studies/shoulder.md")]
    assert any("secondary school teacher" in t for t in again)
    assert "caring for her mother" not in " ".join(again)  # its sentence is unchanged: still confirmed


def test_no_leaves_the_item_open_and_end_of_input_keeps_earlier_answers(site):
    run = subprocess.run([sys.executable, "-m", "sitegen", "review", "--site", str(site)], input="n\ny\n",
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert run.returncode == 0, run.stderr
    assert "1 confirmed, 1 to change" in run.stdout
    confirmed = frontmatter(site / "content/case-studies/shoulder.md")["privacy"]["confirmed"]
    assert len(confirmed) == 1
    assert has_unconfirmed_items(site, "content/case-studies/shoulder.md")


def test_review_of_a_file_that_is_not_a_case_study_is_refused(site, capsys):
    assert main(["review", "content/posts/pacing.md", "--site", str(site)]) == 2
    assert "only case studies" in capsys.readouterr().err


def test_the_preview_shows_the_case_study_with_the_items_marked(site, tmp_path):
    build(site, BuildOptions(output=tmp_path / "out", preview=True))
    page = BeautifulSoup((tmp_path / "out/case-studies/shoulder/index.html").read_text(), "html.parser")
    marks = page.select("mark.privacy-review")
    assert any("primary school teacher" in m.get_text() for m in marks)
    assert all(m.get("title", "").startswith("To review") for m in marks)


@pytest.mark.parametrize("front, expect_allow", [
    ("", None),
    ("privacy:\n  allow: [\"Ashford\"]\n", ["Ashford"]),
    ("privacy: {allow: [Ashford]}\n", ["Ashford"]),
    ("privacy:\n  allow:\n    - Ashford\n  confirmed:\n    - \"0123456789 place: Kendal\"\n", ["Ashford"]),
    ("privacy:\n  confirmed: [\"0123456789 place: Kendal\"]\n", None),
])
def test_confirmations_are_added_without_disturbing_the_front_matter(front, expect_allow):
    text = case(extra=front)
    new = add_confirmations(text, ["abcdef0123 occupation: a teacher"])
    meta = yaml.safe_load(new.split("---\n")[1])
    assert "abcdef0123 occupation: a teacher" in meta["privacy"]["confirmed"]
    if "0123456789" in front:
        assert "0123456789 place: Kendal" in meta["privacy"]["confirmed"]
    assert meta["privacy"].get("allow") == expect_allow
    assert {k: v for k, v in meta.items() if k != "privacy"} == {
        k: v for k, v in yaml.safe_load(text.split("---\n")[1]).items() if k != "privacy"}
    assert new.endswith(BODY)


def test_confirmations_keep_windows_line_endings():
    text = case().replace("\n", "\r\n")
    new = add_confirmations(text, ["abcdef0123 timeline: for 4 years"])
    assert "\r\n" in new and "\n" not in new.replace("\r\n", "")


def test_a_front_matter_that_cannot_be_edited_safely_is_left_alone():
    with pytest.raises(UsageError):
        add_confirmations("no front matter here\n", ["abcdef0123 place: Kendal"])


def test_check_reminds_when_a_case_studys_client_is_not_in_the_register(make_site, capsys):
    site = make_site({"content/case-studies/a.md": case(body="We worked slowly over six sessions.\n")})
    assert main(["check", str(site)]) == 0
    assert "Client A has no entry in your private client register" in capsys.readouterr().out
    (site / "private").mkdir()
    (site / "private/clients.toml").write_text(REGISTER)
    assert "register.missing" not in {d.code for d in check(site).diagnostics}


def test_new_case_study_adds_the_client_to_the_register(make_site, capsys):
    site = make_site({"site.toml": "", "content/posts/a.md": ESSAY})
    assert main(["new", "case-study", "Knees", "--site", str(site), "--real-name", "Joan Smith"]) == 0
    register = (site / "private/clients.toml").read_text()
    assert 'pseudonym = "Client A"' in register and '"Joan Smith"' in register
    assert "Added Client A" in capsys.readouterr().err


def test_new_case_study_asks_for_the_name_in_a_terminal(make_site):
    """A pseudo-terminal, as the author would type at it."""
    pty = pytest.importorskip("pty")
    site = make_site({"site.toml": "", "content/posts/a.md": ESSAY})
    code = ("import sys; from sitegen.cli import main; "
            f"sys.exit(main(['new', 'case-study', 'Knees', '--site', {str(site)!r}]))")
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the terminal
        os.environ["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
        os.execv(sys.executable, [sys.executable, "-c", code])
    seen = b""
    while b"press Enter to skip" not in seen:
        seen += os.read(fd, 1024)
    os.write(fd, b"Joan Smith, Jo\n")
    try:
        while True:
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert '"Joan Smith", "Jo"' in (site / "private/clients.toml").read_text()
