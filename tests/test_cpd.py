"""`sitegen cpd` on a real site with two years of posts and private activities: entries, totals, gaps,
the professional bodies' requirements, the three formats, and the record never reaching output/."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from tests.conftest import write_site
from tests.test_invalid import tree_hashes

EXAMPLE = Path(__file__).parent / "cpd_site"
PERIOD = ["--from", "2025-01-01", "--to", "2026-12-31"]
TODAY = str(int(datetime(2026, 12, 15, 12, tzinfo=UTC).timestamp()))


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    dest = tmp_path / "site"
    shutil.copytree(EXAMPLE, dest)
    return dest


def record_json(site: Path, capsys, *args: str) -> dict:
    assert main(["cpd", str(site), *PERIOD, "--format", "json", "-o", "-", *args]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def fixture_posts() -> list[dict]:
    """The front matter of every example post, read with PyYAML (not with sitegen)."""
    out = []
    for p in sorted((EXAMPLE / "content").rglob("*.md")):
        meta = yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
        meta["file"] = p.relative_to(EXAMPLE).as_posix()
        out.append(meta)
    return out


def fixture_activities() -> list[dict]:
    return tomllib.loads((EXAMPLE / "private/cpd.toml").read_text(encoding="utf-8"))["activity"]


# -- entries, totals, gaps --------------------------------------------------------------------

def test_two_years_of_posts_and_activities_give_every_entry_in_date_order(site, capsys):
    data = record_json(site, capsys)
    posts = [m for m in fixture_posts() if "cpd_hours" in m]
    activities = fixture_activities()
    titles = sorted([(str(m["date"]), m["title"]) for m in posts] + [(str(a["date"]), a["title"]) for a in activities])
    assert [(e["date"], e["title"]) for e in data["entries"]] == titles
    assert len(data["entries"]) == 13
    # The essay without CPD hours and the About page are not entries; the draft is.
    sources = {e["source"] for e in data["entries"]}
    assert "content/posts/a-room-that-smells-of-nothing.md" not in sources
    assert not any(s.startswith("content/pages/") for s in sources)
    draft = next(e for e in data["entries"] if e["source"] == "content/posts/holding-my-own-tiredness.md")
    assert draft["status"] == "draft" and draft["evidence"] == ["content/posts/holding-my-own-tiredness.md"]
    course = next(e for e in data["entries"] if e["type"] == "course")
    assert course["until"] == "2025-09-06" and course["status"] == "private"
    assert course["source"].startswith("private/cpd.toml:")
    assert course["evidence"] == ["certificates/pain-science-course-2025.pdf"]
    published = next(e for e in data["entries"] if e["title"].startswith("Consent is a conversation"))
    assert published["evidence"] == ["https://example.org/posts/consent-is-a-conversation/"]


def test_totals_are_the_sum_of_the_hours_in_the_files(site, capsys):
    data = record_json(site, capsys)
    hours = [m["cpd_hours"] for m in fixture_posts() if "cpd_hours" in m] + [a["hours"] for a in fixture_activities()]
    assert data["totals"]["hours"] == sum(hours) == 33
    by_cat: dict[str, float] = {}
    for m in fixture_posts():
        if "cpd_hours" in m:
            by_cat[m.get("cpd_category", "discipline")] = by_cat.get(m.get("cpd_category", "discipline"), 0) + m["cpd_hours"]
    for a in fixture_activities():
        by_cat[a["category"]] = by_cat.get(a["category"], 0) + a["hours"]
    assert {c: v["hours"] for c, v in data["totals"]["by_category"].items()} == by_cat
    assert by_cat == {"discipline": 21, "general": 8, "ethics": 4}
    assert data["totals"]["period"] == {"from": "2025-01-01", "to": "2026-12-31"}
    assert data["totals"]["entries"] == 13


def test_every_gap_of_three_months_or_more_is_listed_with_its_explanation(site, capsys):
    data = record_json(site, capsys)
    assert data["gaps"] == [
        {"from": "2025-03-31", "to": "2025-09-04", "months": 5,
         "explanation": "Recovering from an operation on my right wrist: not practising, so no CPD."},
        {"from": "2026-02-22", "to": "2026-07-09", "months": 4, "explanation": None},
    ]


def test_gaps_count_from_the_start_and_to_the_end_of_the_period(site, capsys):
    assert main(["cpd", str(site), "--from", "2024-06-01", "--to", "2027-06-30", "--format", "json", "-o", "-"]) == 0
    gaps = json.loads(capsys.readouterr().out)["gaps"]
    assert gaps[0] == {"from": "2024-06-01", "to": "2025-01-19", "months": 7, "explanation": None}
    assert gaps[-1] == {"from": "2026-11-26", "to": "2027-06-30", "months": 7, "explanation": None}


def test_stages_of_the_reflective_model_come_from_the_headings(site, capsys):
    entries = {e["title"]: e for e in record_json(site, capsys)["entries"]}
    gibbs = entries["Learning to work more slowly with long-standing neck pain"]
    assert gibbs["model"] == "gibbs" and gibbs["missing_stages"] == []
    case = entries["A runner's calf and the patience to wait"]
    assert case["stages"] == ["Description", "Evaluation", "Action plan"]
    assert case["missing_stages"] == ["Feelings", "Analysis", "Conclusion"]
    johns = entries["Holding my own tiredness"]
    assert johns["stages"] == ["Looking in", "Looking out", "Ethics"]
    assert entries["Notes on a winter of reading about pain"]["model"] is None


def test_the_period_filters_entries(site, capsys):
    assert main(["cpd", str(site), "--from", "2026", "--to", "2026", "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(e["date"].startswith("2026") for e in data["entries"]) and len(data["entries"]) == 6
    assert data["totals"]["hours"] == 11


# -- the professional bodies ------------------------------------------------------------------

def _checks(period: dict) -> dict[str, dict]:
    return {c["rule"]: c for c in period["checks"]}


def test_cnhc_shows_the_shortfall_of_each_registration_year(site, capsys):
    body = record_json(site, capsys, "--body", "cnhc")["body"]
    assert body["key"] == "cnhc" and body["met"] is False
    y2025, y2026 = body["periods"]
    assert (y2025["from"], y2025["to"], y2026["from"], y2026["to"]) == ("2025-01-01", "2025-12-31", "2026-01-01",
                                                                     "2026-12-31")
    c25, c26 = _checks(y2025), _checks(y2026)
    total, discipline, share = ("At least 15 hours of CPD each registration year",
                                "At least 10 of the hours directly relevant to your discipline",
                                "No more than a third of the hours from any single kind of activity")
    assert (c25[total]["done"], c25[total]["met"]) == (22, True)
    assert (c25[discipline]["done"], c25[discipline]["met"]) == (16.5, True)
    # 12 of 22 hours from one course: 14 more hours of other kinds bring it to a third.
    assert (c25[share]["done"], c25[share]["missing"], c25[share]["met"]) == (12, 14, False)
    assert (c26[total]["done"], c26[total]["missing"]) == (11, 4)
    assert (c26[discipline]["done"], c26[discipline]["missing"]) == (4.5, 5.5)
    for c in c25.values():
        assert c["source"].startswith("https://") and c["checked"] == "2026-12-01"


def test_the_shortfall_is_printed(site, capsys):
    assert main(["cpd", str(site), *PERIOD, "--body", "cnhc"]) == 0
    out = capsys.readouterr().out
    assert "CNHC 2026-01-01 to 2026-12-31: At least 15 hours of CPD each registration year — 4 hours still missing" \
        in out
    assert "10 of the hours directly relevant to your discipline — 5.5 hours still missing" in out
    assert "2026-02-22 to 2026-07-09 (4 months, not explained yet)" in out


def test_ncbtmb_and_amta_count_only_courses(site, capsys):
    body = record_json(site, capsys, "--body", "ncbtmb")["body"]
    (cycle,) = body["periods"]
    checks = _checks(cycle)
    hours = checks["At least 24 hours of continuing education from Approved Providers every two years"]
    assert (hours["done"], hours["missing"]) == (15, 9)  # the 12-hour course and the 3-hour webinar
    assert checks["At least 3 of those hours in ethics"]["met"] is True
    amta = record_json(site, capsys, "--body", "amta")["body"]
    (cycle,) = amta["periods"]
    assert cycle["to"] == "2028-12-31" and cycle["complete"] is False  # four years, still running
    assert cycle["checks"][0]["missing"] == 33


def test_fht_counts_points_and_bacp_asks_for_supervision(site, capsys):
    fht = record_json(site, capsys, "--body", "fht")["body"]
    assert fht["unit"] == "points"
    assert [p["checks"][0]["missing"] for p in fht["periods"]] == [10, 10]
    assert "give no points" in fht["periods"][0]["checks"][0]["detail"]
    bacp = record_json(site, capsys, "--body", "bacp")["body"]
    supervision = [_checks(p)["An up-to-date record of your supervision"] for p in bacp["periods"]]
    assert [(s["done"], s["met"]) for s in supervision] == [(1, True), (0, False)]


def test_hcpc_checks_the_mix_the_gaps_and_the_profile(site, capsys):
    body = record_json(site, capsys, "--body", "hcpc")["body"]
    (cycle,) = body["periods"]
    assert cycle["checks"][0]["done"] == 3 and cycle["checks"][0]["met"]  # three of HCPC's five types
    whole = _checks(body)
    gaps = whole["A dated list of activities, with every gap of three months or more explained"]
    assert (gaps["required"], gaps["done"], gaps["missing"]) == (2, 1, 1)
    assert whole["A summary of your practice of up to about 500 words"]["met"] is True
    assert whole["A personal statement on four to six of your activities: what you learnt and how service users "
                 "benefited"]["done"] == 6


def test_unknown_body_is_refused_with_a_suggestion(site, capsys):
    assert main(["cpd", str(site), "--body", "cnch"]) == 2
    err = capsys.readouterr().err
    assert "unknown professional body 'cnch'" in err and "did you mean 'cnhc'?" in err and "Traceback" not in err
    assert not (site / "private/cpd").exists()


def test_a_body_of_ones_own_in_the_cpd_file(site, capsys):
    with open(site / "private/cpd.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[bodies.itec]\nname = "My association"\nunit = "hours"\n[bodies.itec.cycle]\nyears = 1\n'
                 '[[bodies.itec.requirement]]\ncheck = "total"\nminimum = 30\nlabel = "30 hours a year"\n')
    body = record_json(site, capsys, "--body", "itec")["body"]
    assert body["name"] == "My association"
    assert [p["checks"][0]["missing"] for p in body["periods"]] == [8, 19]


# -- the three formats --------------------------------------------------------------------------

def test_html_and_csv_are_written_under_private_cpd(site, capsys):
    assert main(["cpd", str(site), *PERIOD]) == 0
    assert main(["cpd", str(site), *PERIOD, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    folder = site / "private/cpd"
    html_file, csv_file = folder / "cpd-record-cnhc-2025-01-01-to-2026-12-31.html", folder / "cpd-record-cnhc-2025-01-01-to-2026-12-31.csv"
    assert sorted(p.name for p in folder.iterdir()) == [csv_file.name, html_file.name]
    assert "private/cpd/cpd-record-cnhc-2025-01-01-to-2026-12-31.html" in out
    assert html_file.stat().st_mode & 0o077 == 0  # readable by its owner only

    raw = csv_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 13 and sum(float(r["hours"]) for r in rows) == 33
    assert rows[0]["title"] == "Learning to work more slowly with long-standing neck pain"
    assert rows[0]["stages present"] == "Description; Feelings; Evaluation; Analysis; Conclusion; Action plan"


def test_a_formula_in_a_title_stays_text_in_the_csv(site, capsys):
    (site / "content/posts/formula.md").write_text("---\ntitle: '=HYPERLINK(\"x\")'\ndate: 2025-05-01\n"
                                                   "cpd_hours: 1\n---\n\nText.\n", encoding="utf-8")
    assert main(["cpd", str(site), *PERIOD, "--format", "csv", "-o", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert next(r for r in rows if "HYPERLINK" in r["title"])["title"] == "'=HYPERLINK(\"x\")"


def _headings_in_order(soup: BeautifulSoup) -> list[int]:
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    for a, b in zip(levels, levels[1:]):
        assert b <= a + 1, f"heading level jumps from h{a} to h{b}"
    return levels


def _self_contained(soup: BeautifulSoup) -> None:
    assert soup.find_all(["script", "img", "iframe", "link", "object", "embed"]) == []
    assert not [t for t in soup.find_all(True) if t.get("src") or t.get("srcset")]
    style = " ".join(s.get_text() for s in soup.find_all("style"))
    assert "url(" not in style and "@import" not in style
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in csp["content"]


def _tables_have_headers(soup: BeautifulSoup) -> None:
    for table in soup.find_all("table"):
        assert table.find("caption") and table.find("caption").get_text(strip=True)
        assert table.find("th")


def test_the_html_record_is_self_contained_and_in_order(site, capsys):
    assert main(["cpd", str(site), *PERIOD, "--body", "cnhc", "-o", str(site.parent / "record.html")]) == 0
    soup = BeautifulSoup((site.parent / "record.html").read_text(encoding="utf-8"), "html.parser")
    _headings_in_order(soup)
    _self_contained(soup)
    _tables_have_headers(soup)
    assert soup.html["lang"] == "en-GB"
    gaps = soup.select("tr.gap")
    assert len(gaps) == 2
    assert "Why: Recovering from an operation" in gaps[0].get_text(" ")
    assert "Explain this gap" in gaps[1].get_text(" ")
    # The table of each registration year shows what is still missing.
    y2026 = next(t for t in soup.find_all("table") if "1 January 2026 to 31 December 2026" in t.caption.get_text())
    row = next(tr for tr in y2026.find_all("tr") if "At least 15 hours" in tr.get_text())
    assert [td.get_text(strip=True) for td in row.find_all("td")][:3] == ["15 hours", "11", "4"]
    # Every entry's reflection is there, its headings under the entry's own.
    articles = soup.select("article.entry")
    assert len(articles) == 13
    gibbs = next(a for a in articles if a.h3.get_text() == "Learning to work more slowly with long-standing neck pain")
    assert [h.get_text() for h in gibbs.select(".reflection h4")] == ["Description", "Feelings", "Evaluation",
                                                                      "Analysis", "Conclusion", "Action plan"]
    assert gibbs.select_one(".reflection a") is None or gibbs.select_one(".reflection a")["href"].startswith("http")


def test_the_hcpc_record_is_laid_out_as_the_profile(site, capsys):
    text = (site / "private/cpd.toml").read_text(encoding="utf-8")
    text = text.replace("[profile]\n", '[profile]\nchosen = ["content/posts/consent-is-a-conversation.md", '
                                       '"Pain science for manual therapists: a two-day course", '
                                       '"why-i-stopped-filling-every-silence", "Case review with two colleagues"]\n')
    (site / "private/cpd.toml").write_text(text, encoding="utf-8")
    assert main(["cpd", str(site), *PERIOD, "--body", "hcpc", "-o", str(site.parent / "profile.html")]) == 0
    soup = BeautifulSoup((site.parent / "profile.html").read_text(encoding="utf-8"), "html.parser")
    _headings_in_order(soup)
    _self_contained(soup)
    _tables_have_headers(soup)
    parts = [h.get_text() for h in soup.select("section.profile-part > h2")]
    assert parts == ["1. Summary of practice", "2. List of CPD activities", "3. Personal statement", "4. Evidence"]
    statement = soup.find("h2", string="3. Personal statement").parent
    assert [h.get_text() for h in statement.find_all("h3")] == [  # in the order the author named them
        "Activity 1: Consent is a conversation, not a form",
        "Activity 2: Pain science for manual therapists: a two-day course",
        "Activity 3: Why I stopped filling every silence",
        "Activity 4: Case review with two colleagues"]
    evidence = soup.find("h2", string="4. Evidence").parent
    assert "Reflection-in-action" in evidence.get_text()  # the post itself, as evidence
    assert "self-employed massage therapist" in soup.find("h2", string="1. Summary of practice").parent.get_text()
    assert soup.select(".checklist.no-print")  # the author's checklist is not printed


# -- never published ------------------------------------------------------------------------------

def test_nothing_of_the_record_reaches_the_output(site, capsys):
    for fmt in ("html", "csv", "json"):
        assert main(["cpd", str(site), *PERIOD, "--body", "hcpc", "--format", fmt]) == 0
    result = build(site, BuildOptions())
    assert result.pages > 5
    out = site / "output"
    names = [p.name for p in out.rglob("*")]
    assert not any(n.startswith("cpd-record") for n in names)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file()]
    private = ["sitegen cpd", "Still to write: what I know about fatigue",  # the draft's text
               "The second day changed how I open a first session",  # an activity's reflection
               "certificates/pain-science-course-2025.pdf", "CNHC 0000000",
               "Recovering from an operation on my right wrist", "self-employed massage therapist"]
    for t in texts:
        for needle in private:
            assert needle not in t


def test_the_build_refuses_a_record_copied_into_static(site, capsys):
    assert main(["cpd", str(site), *PERIOD]) == 0
    record = next((site / "private/cpd").iterdir())
    (site / "static").mkdir()
    shutil.copyfile(record, site / "static" / "my-cpd.html")
    assert main(["build", str(site)]) == 1
    err = capsys.readouterr().err
    assert "static/my-cpd.html: this is a CPD record made by sitegen cpd" in err
    assert not (site / "output").exists()


def test_the_build_refuses_files_linked_from_private(site, capsys):
    (site / "private/notes.txt").write_text("private notes", encoding="utf-8")
    (site / "static").mkdir()
    (site / "static/private").symlink_to(site / "private", target_is_directory=True)
    assert main(["build", str(site)]) == 1
    err = capsys.readouterr().err
    assert "static/private/notes.txt: this file is in your private/ folder" in err


def test_text_of_the_cpd_file_is_audited_unless_the_author_published_it(site, tmp_path, capsys):
    """CPD reflections are private: the audit looks for them in every page it writes.  A sentence
    the author also wrote in a published post is theirs to publish (as with a draft's text)."""
    from sitegen.config import load_config
    from sitegen.files import OutputFile
    from sitegen.privacy import audit_needles, audit_output, load_register

    sentence = "Clients who are frightened of moving get a clear, hopeful explanation and a gentle plan."
    register, _ = load_register(site, load_config(site)[0].privacy.register)
    needles = audit_needles([], [], register)
    leaked = audit_output([OutputFile("posts/x/index.html", f"<p>{sentence}</p>".encode())], needles)
    assert [(d.path, d.code) for d in leaked] == [("private/cpd.toml", "privacy.audit")]
    assert "text of the CPD activity 'Pain science" in leaked[0].message and "posts/x/index.html" in leaked[0].message
    post = site / "content/posts/pacing-a-return-to-work.md"
    post.write_text(post.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 0
    assert sentence in (tmp_path / "out/posts/pacing-a-return-to-work/index.html").read_text(encoding="utf-8")


def test_a_withdrawn_case_study_keeps_its_hours_but_not_its_text(site, capsys):
    case = site / "content/case-studies/a-runners-calf-and-the-patience-to-wait.md"
    case.write_text(case.read_text(encoding="utf-8").replace("  scope:", "  withdrawn: 2026-01-05\n  scope:"),
                    encoding="utf-8")
    data = record_json(site, capsys)
    entry = next(e for e in data["entries"] if e["type"] == "case-study")
    assert entry["hours"] == 2 and "withdrew consent" in entry["withheld"] and entry["reflection_words"] == 0
    assert entry["status"] == "withdrawn" and entry["evidence"] == [entry["source"]]  # no longer online
    assert main(["cpd", str(site), *PERIOD, "-o", str(site.parent / "r.html")]) == 0
    assert "Over five sessions we combined" not in (site.parent / "r.html").read_text(encoding="utf-8")


def test_a_draft_with_identifiers_is_flagged_before_it_is_shared(site, capsys):
    draft = site / "content/posts/holding-my-own-tiredness.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nShe rang me on 07911 123456 afterwards.\n",
                     encoding="utf-8")
    assert main(["cpd", str(site), *PERIOD]) == 0
    err = capsys.readouterr().err
    assert "content/posts/holding-my-own-tiredness.md: warning: 1 possible identifier in this draft" in err


# -- where it may be written --------------------------------------------------------------------

@pytest.mark.parametrize("where", ["content/cpd.html", "static/cpd.html", "templates/post.html",
                                   "output/cpd.html", "static/records"])
def test_a_record_is_never_written_where_the_site_is_published_from(site, capsys, where):
    (site / "static/records").mkdir(parents=True)
    (site / "templates").mkdir()
    before = tree_hashes(site)
    assert main(["cpd", str(site), "-o", str(site / where)]) == 2
    err = capsys.readouterr().err
    assert "refusing to write the CPD record" in err and "Nothing was written" in err and "Traceback" not in err
    assert tree_hashes(site) == before


def test_a_record_is_never_written_into_a_built_or_published_folder(site, tmp_path, capsys):
    assert main(["build", str(site), "-o", str(tmp_path / "public")]) == 0
    capsys.readouterr()
    assert main(["cpd", str(site), "-o", str(tmp_path / "public/about/cpd.html")]) == 2
    assert "sitegen builds or publishes a website there" in capsys.readouterr().err
    assert not (tmp_path / "public/about/cpd.html").exists()


def test_an_existing_file_is_replaced_only_if_it_is_a_record(site, tmp_path, capsys):
    mine = tmp_path / "notes.html"
    mine.write_text("<p>my own notes</p>", encoding="utf-8")
    assert main(["cpd", str(site), "-o", str(mine)]) == 2
    assert "not a CPD record made by sitegen" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "<p>my own notes</p>"
    record = tmp_path / "record.json"
    assert main(["cpd", str(site), "--from", "2026", "--format", "json", "-o", str(record)]) == 0
    first = json.loads(record.read_text(encoding="utf-8"))
    assert main(["cpd", str(site), "--from", "2025", "--format", "json", "-o", str(record)]) == 0
    assert len(json.loads(record.read_text(encoding="utf-8"))["entries"]) > len(first["entries"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_default_period_follows_the_body_and_the_registration_year(site, capsys):
    text = (site / "private/cpd.toml").read_text(encoding="utf-8")
    (site / "private/cpd.toml").write_text(text.replace('body = "cnhc"', 'body = "cnhc"\nyear_start = 2020-04-01'),
                                           encoding="utf-8")
    assert main(["cpd", str(site), "--format", "json", "-o", "-"]) == 0
    period = json.loads(capsys.readouterr().out)["totals"]["period"]
    assert period == {"from": "2026-04-01", "to": "2026-12-15"}  # the registration year that holds today
    assert main(["cpd", str(site), "--body", "hcpc", "--to", "2026-12-31", "--format", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["period"] == {"from": "2026-04-01", "to": "2026-12-31"}


def test_without_a_body_the_record_starts_with_the_first_entry(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    site = write_site(tmp_path / "s", {"content/posts/a.md": "---\ntitle: A\ndate: 2024-05-02\ncpd_hours: 2\n---\n\nT.\n"})
    assert main(["cpd", str(site), "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["period"] == {"from": "2024-05-02", "to": "2026-12-15"} and data["body"] is None
    assert data["gaps"] == [{"from": "2024-05-03", "to": "2026-12-15", "months": 31, "explanation": None}]


@pytest.mark.parametrize("args,message", [
    (["--from", "2025-13-01"], "there is no month 13"),
    (["--to", "2025-02-30"], "month 2 of 2025 has no day 30"),
    (["--from", "01/02/2025"], "write it year first"),
    (["--from", "2026-01-01", "--to", "2025-01-01"], "the period starts (2026-01-01) after it ends (2025-01-01)"),
    (["--format", "pdf"], "invalid choice: 'pdf'"),
])
def test_bad_command_lines_exit_2_with_a_message(site, capsys, args, message):
    try:
        code = main(["cpd", str(site), *args])
    except SystemExit as exc:  # argparse's own errors end the program there
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (site / "private/cpd").exists()


def test_a_folder_that_is_not_a_site_is_refused(tmp_path, capsys):
    assert main(["cpd", str(tmp_path)]) == 2
    assert "is not a sitegen site" in capsys.readouterr().err


def test_dates_today_make_posts_scheduled_not_published(site, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 3, 1, tzinfo=UTC).timestamp())))
    data = record_json(site, capsys)
    later = next(e for e in data["entries"] if e["title"] == "Pacing my own return to full days")
    assert later["status"] == "scheduled" and later["evidence"] == ["content/posts/pacing-a-return-to-work.md"]
    assert date.fromisoformat(later["date"]) > date(2026, 3, 1)
