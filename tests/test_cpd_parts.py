"""The parts of `sitegen cpd` one at a time: stage detection, gaps and periods, the body data, the
HTML cleaning of reflections, the TOML line map, and what `new` and `init` write for CPD."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.cli import main
from sitegen.cpd.activities import read_cpd_file
from sitegen.cpd.bodies import CHECKS, add_years, cycles, load_bodies
from sitegen.cpd.entries import Entry
from sitegen.cpd.fields import ACTIVITY_TYPES, CATEGORIES, is_cpd_key, resolve
from sitegen.cpd.record import Request, add_months, find_gaps, resolve_period, whole_months
from sitegen.cpd.sanitize import clean_html
from sitegen.cpd.tomlcheck import key_lines
from sitegen.reflection import MODELS, find_stages, headings

# -- reflective models ------------------------------------------------------------------------

def test_every_stage_of_a_model_is_found_from_its_headings():
    for key, model in MODELS.items():
        body = "\n\n".join(f"## {s.heading}\n\nText." for s in model.stages)
        found = find_stages(body, key)
        assert found.present == tuple(s.heading for s in model.stages) and found.missing == (), key
        assert find_stages(body).model == key  # recognised without front matter too


def test_stage_headings_are_matched_the_way_people_write_them():
    body = ("# 1. Description: the third session\n\nText.\n\nFeelings\n--------\n\nText.\n\n"
            "### Step 3 - Evaluation\n\n## ACTION PLAN ##\n")
    assert find_stages(body, "gibbs").present == ("Description", "Feelings", "Evaluation", "Action plan")
    assert find_stages("## So what?\n## Now what\n## What?", "rolfe").missing == ()
    assert find_stages("## Reflection in action\n## Reflecting on action", "schon").missing == ()
    assert find_stages("## Abstract conceptualization", "kolb").present == ("Abstract conceptualisation",)


def test_headings_that_only_look_like_stages_do_not_count():
    assert find_stages("## What changed\n## What I learned", "rolfe").present == ()
    assert find_stages("```\n## Description\n## Feelings\n```\n", "gibbs").present == ()  # in a code block
    assert find_stages("    ## Description\n", "gibbs").present == ()  # indented code
    assert find_stages("## Evaluation\n\nOne heading names no model.").model == ""


def test_headings_ignores_fenced_code_of_either_kind():
    assert headings("~~~\n# no\n~~~\n# yes\n````\n```\n# no\n````\n") == ["yes"]


# -- gaps and periods -------------------------------------------------------------------------

def _entry(d: date, until: date | None = None) -> Entry:
    return Entry(d, until, "x", "reading", "discipline", 1.0, None, "", False, (), (), (), "", (), "s", "private",
                 "", "", 0)


class _NoGaps:
    rel, gaps = "private/cpd.toml", ()


@pytest.mark.parametrize("first,second,expected", [
    (date(2025, 1, 1), date(2025, 4, 1), []),  # 2 Jan to 31 Mar: a day short of three months
    (date(2025, 1, 1), date(2025, 4, 2), [(date(2025, 1, 2), date(2025, 4, 1), 3)]),
    (date(2025, 1, 31), date(2025, 4, 30), []),  # 1 Feb to 29 Apr: a day short
    (date(2025, 1, 31), date(2025, 5, 1), [(date(2025, 2, 1), date(2025, 4, 30), 3)]),  # February to April
])
def test_a_gap_is_three_calendar_months_without_activity(first, second, expected):
    gaps = find_gaps((_entry(first), _entry(second)), first, second, _NoGaps())
    assert [(g.start, g.end, g.months) for g in gaps] == expected


def test_an_activity_over_several_days_covers_them_all():
    course = _entry(date(2025, 1, 10), until=date(2025, 6, 30))
    assert find_gaps((course,), date(2025, 1, 1), date(2025, 7, 31), _NoGaps()) == ()
    assert [(g.start, g.end) for g in find_gaps((), date(2025, 1, 1), date(2025, 3, 31), _NoGaps())] == \
        [(date(2025, 1, 1), date(2025, 3, 31))]


def test_months_and_years_are_calendar_months_and_years():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert whole_months(date(2025, 1, 1), date(2025, 3, 31)) == 3
    assert whole_months(date(2025, 1, 1), date(2025, 3, 30)) == 2
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert cycles(date(2025, 4, 1), date(2027, 1, 15), 1) == [(date(2025, 4, 1), date(2026, 3, 31)),
                                                              (date(2026, 4, 1), date(2027, 3, 31))]


def test_the_default_period():
    bodies, _ = load_bodies()
    today = date(2026, 12, 15)
    assert resolve_period(Request(), None, None, today, date(2024, 7, 1)) == (date(2024, 7, 1), today)
    assert resolve_period(Request(), bodies["hcpc"], None, today, None) == (date(2024, 12, 16), today)
    assert resolve_period(Request(), bodies["cnhc"], date(2019, 9, 1), today, None) == (date(2026, 9, 1), today)
    assert resolve_period(Request(), bodies["ncbtmb"], date(2021, 3, 1), today, None) == (date(2025, 3, 1), today)
    assert resolve_period(Request(end=date(2026, 8, 31)), bodies["cnhc"], date(2019, 9, 1), today, None) == \
        (date(2025, 9, 1), date(2026, 8, 31))


# -- the bodies' data ---------------------------------------------------------------------------

def test_the_six_bodies_load_and_every_figure_has_a_source_and_a_date():
    bodies, diags = load_bodies()
    assert diags == ()
    assert set(bodies) == {"hcpc", "cnhc", "fht", "ncbtmb", "amta", "bacp"}
    for body in bodies.values():
        assert body.cycle_source.startswith("https://") and body.cycle_checked is not None, body.key
        assert body.rules, body.key
        for rule in body.rules:
            assert rule.check in CHECKS and rule.label
            assert rule.source.startswith(("https://", "http://")) and rule.checked == date(2026, 12, 1), rule.label
            assert set(rule.types) <= set(ACTIVITY_TYPES) and set(rule.categories) <= set(CATEGORIES)
        for _, types in body.groups:
            assert set(types) <= set(ACTIVITY_TYPES)
    # HCPC's five types of learning activity take in every type sitegen knows.
    hcpc = bodies["hcpc"]
    assert {t for _, types in hcpc.groups for t in types} == set(ACTIVITY_TYPES)
    assert hcpc.layout == "hcpc-profile"


def test_the_figures_are_the_bodies_published_ones():
    """As checked on 2026-12-01 (sources in bodies.toml); a change there must be a deliberate one."""
    bodies, _ = load_bodies()
    minimum = {k: [(r.check, r.minimum) for r in b.rules if r.check == "total"] for k, b in bodies.items()}
    assert minimum["cnhc"] == [("total", 15), ("total", 10)] and bodies["cnhc"].cycle_years == 1
    assert minimum["fht"] == [("total", 10)] and bodies["fht"].unit == "points"
    assert minimum["ncbtmb"] == [("total", 24), ("total", 3)] and bodies["ncbtmb"].cycle_years == 2
    assert minimum["amta"] == [("total", 48)] and bodies["amta"].cycle_years == 4
    assert minimum["hcpc"] == [] and minimum["bacp"] == []


def test_a_body_in_the_cpd_file_can_correct_a_shipped_figure(tmp_path):
    (tmp_path / "private").mkdir()
    (tmp_path / "private/cpd.toml").write_text(
        '[bodies.cnhc]\nname = "CNHC"\n[bodies.cnhc.cycle]\nyears = 1\n'
        '[[bodies.cnhc.requirement]]\ncheck = "total"\nminimum = 20\nlabel = "20 hours"\n', encoding="utf-8")
    cpd, diags = read_cpd_file(tmp_path)
    assert diags == ()
    bodies, diags = load_bodies(cpd.bodies, cpd.rel, cpd.lines)
    assert diags == () and [r.minimum for r in bodies["cnhc"].rules] == [20]


# -- front-matter values ------------------------------------------------------------------------

def test_values_are_forgiving_about_case_spaces_and_common_names():
    assert resolve("Online course", ACTIVITY_TYPES, {}) == ("online-course", "")
    assert resolve("webinar", ACTIVITY_TYPES, {"webinar": "online-course"}) == ("online-course", "")
    assert resolve("ETHICS", CATEGORIES) == ("ethics", "")
    assert resolve("supervison", ACTIVITY_TYPES, {}) == (None, "did you mean 'supervision'?")
    assert is_cpd_key("cpd_huors") and is_cpd_key("CPD_Type") and is_cpd_key("cdp_hours")
    assert not is_cpd_key("client") and not is_cpd_key("tags")


# -- HTML of a reflection -------------------------------------------------------------------------

def test_a_reflection_keeps_its_text_and_loses_everything_that_would_fetch_or_run():
    dirty = ('<h2 id="a">Description</h2><p onclick="x()" style="color:red">Text <a href="../other/">a link</a> '
             '<a href="https://example.org/x">out</a> <a href="javascript:alert(1)">js</a></p>'
             '<img src="https://tracker.example/p.gif" alt="A line drawing of a hand"><script>fetch("//x")</script>'
             '<iframe src="https://video.example/"></iframe><svg><image href="https://x/y.png"/></svg>'
             '<style>@import url(https://x/y.css);</style><h3>Feelings</h3><table><tr><th scope="col">a</th></tr>'
             '</table><sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>')
    clean = clean_html(dirty, 4, "https://example.org/posts/mine/")
    soup = BeautifulSoup(clean, "html.parser")
    assert [h.name for h in soup.find_all(re.compile("^h[1-6]$"))] == ["h4", "h5"]
    assert soup.find_all(["img", "script", "iframe", "svg", "style", "image"]) == []
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/posts/other/", "https://example.org/x"]
    assert all(set(t.attrs) <= {"href", "scope", "class"} for t in soup.find_all(True))
    text = soup.get_text(" ")
    assert "[image: A line drawing of a hand]" in text and "js" in text and "fetch" not in text


def test_broken_html_is_closed_and_nothing_is_left_open():
    soup = BeautifulSoup(clean_html("<p>open <em>emphasis <strong>deep</p><ul><li>one"), "html.parser")
    assert soup.get_text() == "open emphasis deepone"
    assert str(soup).count("<") == str(soup).count(">")


# -- the TOML line map --------------------------------------------------------------------------

def test_every_key_and_array_item_has_its_line():
    text = ('[record]\nbody = "cnhc"\n\n[[activity]]\ndate = 2025-01-01\nreflection = """\nfake = 1\n"""\n'
            'hours = 1\n\n[[activity]]\nhours = 2\n[bodies.x]\nname = "X"\n[[bodies.x.requirement]]\ncheck = "total"\n')
    lines = key_lines(text)
    assert lines["record.body"] == 2 and lines["activity.0"] == 4 and lines["activity.0.hours"] == 9
    assert "activity.0.fake" not in lines  # inside a multi-line string
    assert lines["activity.1.hours"] == 12 and lines["bodies.x.requirement.0.check"] == 16
    assert tomllib.loads(text)["activity"][1]["hours"] == 2


# -- new and init ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,folder,type_", [("essay", "posts", "reflective-writing"),
                                               ("case-study", "case-studies", "case-study")])
def test_new_with_a_model_scaffolds_the_cpd_keys(tmp_path, capsys, kind, folder, type_):
    site = tmp_path / "s"
    assert main(["init", str(site)]) == 0
    assert main(["new", kind, "Tired hands", "--model", "johns", "--site", str(site)]) == 0
    path = site / "content" / folder / "tired-hands.md"
    meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["reflection_model"] == "johns" and meta["cpd_type"] == type_ and meta["cpd_category"] == "discipline"
    assert {"cpd_hours", "cpd_benefit", "learning"} <= set(meta)
    assert [h for h in re.findall(r"^## (.+)$", path.read_text(encoding="utf-8"), re.M)] == \
        [s.heading for s in MODELS["johns"].stages]
    assert main(["new", "essay", "Plain", "--site", str(site)]) == 0
    plain = (site / "content/posts/plain.md").read_text(encoding="utf-8")
    assert "# cpd_hours: 1.5" in plain and "cpd_type" not in plain


def test_the_cpd_file_made_by_init_is_the_cpd_file_format(tmp_path):
    assert main(["init", str(tmp_path / "s")]) == 0
    path = tmp_path / "s/private/cpd.toml"
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(text) == {}
    path.write_text(re.sub(r"^# ?", "", text[text.index("# [record]"):], flags=re.M), encoding="utf-8")
    cpd, diags = read_cpd_file(tmp_path / "s")
    assert diags == ()
    assert cpd.settings.body == "cnhc" and len(cpd.activities) == 1 and cpd.activities[0].until == date(2025, 9, 6)
    assert cpd.gaps[0].reason.startswith("Parental leave") and cpd.profile.summary


def test_init_never_replaces_a_cpd_file(tmp_path):
    site = tmp_path / "s"
    (site / "private").mkdir(parents=True)
    (site / "content").mkdir()
    (site / "private/cpd.toml").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(site)]) == 0
    assert (site / "private/cpd.toml").read_text(encoding="utf-8") == "# mine\n"


def test_the_example_site_is_what_the_readme_shows():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "tests/cpd_site" in readme and "docs/screenshots/cpd-record.png" in readme
