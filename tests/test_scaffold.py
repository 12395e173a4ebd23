"""`sitegen init` and `sitegen new`: what they create builds, and they never overwrite anything."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from sitegen.build import BuildOptions, build, check
from sitegen.cli import main
from sitegen.config import PracticeConfig, PrivacyConfig, PublishConfig, SiteConfig, load_config
from sitegen.privacy import load_register
from sitegen.scaffold import MODELS, site_toml_text

# 2025-03-01 23:30 UTC is already 2 March in Auckland: "today" must be the site's day.
EPOCH_2025_03_01_2330_UTC = "1740871800"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:].split("\n---\n", 1)[0])


def headings(path: Path) -> list[str]:
    return re.findall(r"^## (.+)$", path.read_text(encoding="utf-8"), re.M)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- site.toml -------------------------------------------------------------------------------

def test_site_toml_has_every_setting_commented_at_its_default(tmp_path):
    text = site_toml_text()
    assert tomllib.loads(text) == {"privacy": {}, "publish": {}, "practice": {}}  # every setting is commented
    for cls in (SiteConfig, PrivacyConfig, PublishConfig, PracticeConfig):
        for f in dataclasses.fields(cls):
            if f.name in ("site_dir", "drafts", "now", "privacy", "publish", "practice"):
                continue
            assert re.search(rf"^# {f.name} = ", text, re.M), f"{f.name} is missing from the generated site.toml"
    # Uncommenting every setting gives a valid file that changes nothing.
    (tmp_path / "site.toml").write_text(re.sub(r"^# (\w+ = )", r"\1", text, flags=re.M), encoding="utf-8")
    cfg, diags = load_config(tmp_path)
    assert diags == ()
    default, _ = load_config(tmp_path / "nowhere")
    assert cfg == default


# -- init ------------------------------------------------------------------------------------

def test_init_creates_a_site_that_builds_and_passes_check(tmp_path, capsys):
    site = tmp_path / "journal"
    assert main(["init", str(site)]) == 0
    for rel in ("site.toml", "content/posts", "content/case-studies", "content/pages", "content/pages/about.md",
                "private/clients.toml", ".gitignore"):
        assert (site / rel).exists(), rel
    assert len(list((site / "content/posts").glob("*.md"))) == 1
    assert len(list((site / "content/case-studies").glob("*.md"))) == 1
    ignored = (site / ".gitignore").read_text().split()
    assert {"output/", ".sitegen-cache/", "private/"} <= set(ignored)
    capsys.readouterr()

    assert main(["check", str(site)]) == 0
    out = capsys.readouterr().out
    # The examples pass the privacy scan cleanly; the one warning reminds the author to put the
    # example's client in the private register.
    assert "0 errors, 1 warning" in out and "Client A has no entry in your private client register" in out
    result = build(site, BuildOptions(output=tmp_path / "out"))
    case = next((site / "content/case-studies").glob("*.md"))
    assert (tmp_path / "out/case-studies" / case.stem / "index.html").is_file()
    assert front_matter(case)["client"] == "Client A"
    assert result.held_back == ()


def test_the_register_example_is_the_register_format(tmp_path):
    """Uncommented, the example in private/clients.toml is a register sitegen reads."""
    assert main(["init", str(tmp_path / "s")]) == 0
    text = (tmp_path / "s/private/clients.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text) == {}
    example = text[text.index("# [[client]]"):]
    (tmp_path / "s/private/clients.toml").write_text(re.sub(r"^# ?", "", example, flags=re.M), encoding="utf-8")
    register, diags = load_register(tmp_path / "s", "private/clients.toml")
    assert diags == ()
    client = register.find("Client A")
    assert client is not None and "real full name" in client.secrets and client.consent.form == "written"
    assert client.consent.problems == () and not client.consent.withdrawn


def test_init_refuses_a_folder_holding_other_things(tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    assert main(["init", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "holiday.jpg" in err and "not a sitegen site" in err and "Traceback" not in err
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]


def test_init_accepts_a_fresh_repository_clone(tmp_path):
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    (folder / "README.md").write_text("# My journal\n")
    assert main(["init", str(folder)]) == 0
    assert (folder / "site.toml").is_file()
    assert (folder / "README.md").read_text() == "# My journal\n"


def test_init_on_an_existing_site_adds_only_what_is_missing(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "content/posts").mkdir(parents=True)
    (site / "content/posts/mine.md").write_text("---\ntitle: Mine\ndate: 2024-01-01\n---\n\nMy words.\n")
    (site / ".gitignore").write_text("output/\n*.bak")
    before = tree(site)
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert "already a site" in out and "site.toml" in out
    after = tree(site)
    assert after["content/posts/mine.md"] == before["content/posts/mine.md"]
    # No example posts in somebody's real site: they would be published.
    assert sorted(p for p in after if p.startswith("content/")) == ["content/posts/mine.md"]
    assert (site / "content/case-studies").is_dir() and (site / "content/pages").is_dir()
    gitignore = (site / ".gitignore").read_text()
    assert gitignore.startswith("output/\n*.bak\n") and ".sitegen-cache/" in gitignore and "private/" in gitignore
    assert "drafts/" in gitignore.splitlines()
    assert gitignore.count("output/") == 1
    # A second run has nothing to add and changes nothing.
    again = tree(site)
    assert main(["init", str(site)]) == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert tree(site) == again


# -- new -------------------------------------------------------------------------------------

@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2025_03_01_2330_UTC)
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.toml").write_text('title = "Test"\ntimezone = "Pacific/Auckland"\n', encoding="utf-8")
    return root


def _publishable(path: Path) -> None:
    """What the writer does before publishing: remove the draft line, fill in consent."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^draft: true.*\n", "", text, flags=re.M)
    text = re.sub(r"^  obtained:.*$", "  obtained: 2025-01-10", text, flags=re.M)
    text = re.sub(r"^  form:.*$", "  form: written", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind,folder", [("essay", "posts"), ("case-study", "case-studies")])
@pytest.mark.parametrize("model", [None, "gibbs", "rolfe", "kolb"])
def test_new_creates_a_draft_that_builds_once_finished(site, tmp_path, capsys, kind, folder, model):
    args = ["new", kind, "Holding space: a first week", "--site", str(site)] + (["--model", model] if model else [])
    assert main(args) == 0
    path = site / "content" / folder / "holding-space-a-first-week.md"
    assert capsys.readouterr().out.strip().endswith(str(Path("content", folder, path.name)))
    meta = front_matter(path)
    assert meta["title"] == "Holding space: a first week"
    assert str(meta["date"]) == "2025-03-02"  # today in the site's time zone, not in UTC
    assert meta["draft"] is True and meta["tags"] == []
    if kind == "case-study":
        assert {"client", "sessions", "presenting", "approach", "outcome", "consent"} <= set(meta)
        assert meta["client"] == "Client A"
        assert set(meta["consent"]) >= {"obtained", "form"}
        assert "must give consent BEFORE this is published" in path.read_text()
    if model:
        assert headings(path) == [h for h, _ in MODELS[model][1]]
        assert meta["reflection_model"] == model
        for _, prompt in MODELS[model][1]:
            assert f"<!-- {prompt} -->" in path.read_text()

    # As a draft it builds and is held back; finished, it is published.
    drafted = build(site, BuildOptions(output=tmp_path / "out"))
    assert [h.rel for h in drafted.held_back] == [f"content/{folder}/{path.name}"]
    _publishable(path)
    result = build(site, BuildOptions(output=tmp_path / "out"))
    assert result.held_back == ()
    page = (tmp_path / "out" / folder / "holding-space-a-first-week" / "index.html").read_text()
    assert "Holding space" in page
    if model:
        assert "Description" in page or "What?" in page or "Concrete experience" in page
    # A finished case study still reminds the author that the client has not reviewed its text,
    # and that the client is not in the private register.
    codes = sorted(d.code for d in check(site).diagnostics)
    assert codes == (["consent.unreviewed", "register.missing"] if kind == "case-study" else [])


def test_new_case_study_without_consent_cannot_be_published(site, tmp_path):
    assert main(["new", "case-study", "Shoulders", "--site", str(site)]) == 0
    path = site / "content/case-studies/shoulders.md"
    path.write_text(re.sub(r"^draft: true.*\n", "", path.read_text(), flags=re.M))
    with pytest.raises(Exception) as info:
        build(site, BuildOptions(output=tmp_path / "out"))
    assert any(d.code.startswith("consent.") for d in info.value.diagnostics)


def test_new_picks_the_next_free_client_letter(site):
    assert main(["new", "case-study", "First", "--site", str(site)]) == 0
    assert main(["new", "case-study", "Second", "--site", str(site)]) == 0
    assert front_matter(site / "content/case-studies/second.md")["client"] == "Client B"


def test_new_never_overwrites(site, capsys):
    assert main(["new", "essay", "Quiet rooms", "--site", str(site)]) == 0
    path = site / "content/posts/quiet-rooms.md"
    path.write_text("my words, not to be lost\n")
    capsys.readouterr()
    assert main(["new", "essay", "Quiet Rooms!", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "content/posts/quiet-rooms.md already exists" in err and "--slug quiet-rooms-2" in err
    assert "Traceback" not in err
    assert path.read_text() == "my words, not to be lost\n"
    # A dated file name gives the same address: also refused.
    (site / "content/posts/2024-05-01-slow-starts.md").write_text("mine\n")
    assert main(["new", "essay", "Slow starts", "--site", str(site)]) == 1
    assert not (site / "content/posts/slow-starts.md").exists()
    # Another slug is the way out.
    assert main(["new", "essay", "Quiet rooms", "--slug", "quiet-rooms-2", "--site", str(site)]) == 0
    assert (site / "content/posts/quiet-rooms-2.md").is_file()


@pytest.mark.parametrize("title", ["???", "🙂", "  "])
def test_new_refuses_a_title_with_nothing_to_name_a_file_after(site, capsys, title):
    assert main(["new", "essay", title, "--site", str(site)]) == 2
    err = capsys.readouterr().err
    assert "--slug" in err or "empty" in err
    assert "Traceback" not in err
    assert not (site / "content/posts").exists() or not any((site / "content/posts").iterdir())


def test_new_outside_a_site_says_how_to_start_one(tmp_path, capsys):
    assert main(["new", "essay", "Hello", "--site", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not a sitegen site" in err and "sitegen init" in err


def test_new_takes_an_unquoted_title(site):
    assert main(["new", "essay", "Two", "words", "--site", str(site)]) == 0
    assert front_matter(site / "content/posts/two-words.md")["title"] == "Two words"
