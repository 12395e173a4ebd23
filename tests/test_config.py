"""load_config: site.toml problems are configuration errors (exit 2), each with its line."""

from __future__ import annotations

import pytest

from sitegen.cli import main
from sitegen.config import load_config, run_context
from sitegen.errors import ConfigError
from tests.conftest import write_site


def config_errors(tmp_path, toml: str | bytes) -> list[str]:
    site = write_site(tmp_path / "site", {"site.toml": toml})
    with pytest.raises(ConfigError) as info:
        load_config(site)
    return [str(d) for d in info.value.diagnostics]


def test_no_site_toml_gives_the_defaults(tmp_path):
    cfg, diags = load_config(tmp_path)
    assert cfg.title == "My practice journal" and diags == ()


@pytest.mark.parametrize("toml,expected", [
    ('title = "x"\nbase_url = https://example.org/\n',
     "site.toml:2: site.toml is not valid TOML: Invalid value, in 'base_url = https://example.org/'"),
    ('title = "x"\n[privacy\n', "site.toml:2: site.toml is not valid TOML: Expected ']'"),
    ('title = "x"\ntitle = "y"\n', "each setting may appear only once"),
    ('title = "unclosed\n', "site.toml:1: site.toml is not valid TOML"),
])
def test_toml_syntax_errors_have_their_line(tmp_path, toml, expected):
    errors = config_errors(tmp_path, toml)
    assert len(errors) == 1 and expected in errors[0], errors


def test_every_value_error_and_the_warnings_with_them(tmp_path):
    errors = config_errors(tmp_path, '\ufefftitle = 3\nposts_per_page = "ten"\ntimezone = "Europe"\n'
                                     'summary_words = 0\nbase_url = "example.org"\nprivacy = "strict"\ntitel = "x"\n')
    text = "\n".join(errors)
    for fragment in ("site.toml:1: 'title' must be text in quotes, not 3",
                     "site.toml:2: 'posts_per_page' must be a whole number, not 'ten'",
                     "site.toml:3: unknown time zone 'Europe'",
                     "site.toml:4: summary_words must be between 1 and 10000",
                     "site.toml:5: base_url must be a full web address",
                     "site.toml:6: 'privacy' must be a [privacy] table",
                     "site.toml:7: warning: unknown setting 'titel' — did you mean 'title'?"):
        assert fragment in text, text


def test_not_utf8(tmp_path):
    errors = config_errors(tmp_path, b'title = "Caf\xe9"\n')
    assert "site.toml:1: site.toml is not valid UTF-8 text: byte 0xe9" in errors[0]


def test_a_folder_named_site_toml(tmp_path):
    (tmp_path / "site.toml").mkdir()
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "site.toml cannot be read" in str(info.value.diagnostics[0])


def test_unknown_settings_alone_are_warnings(tmp_path):
    site = write_site(tmp_path / "site", {"site.toml": 'title = "x"\n[privacy]\nalow = ["a"]\n'})
    cfg, diags = load_config(site)
    assert [str(d) for d in diags] == ["site.toml:3: warning: unknown setting 'privacy.alow' — did you mean 'privacy.allow'?"]


@pytest.mark.parametrize("value", ["yesterday", "-5", "99999999999999999999"])
def test_a_bad_source_date_epoch(tmp_path, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ConfigError) as info:
        run_context(tmp_path)
    assert "SOURCE_DATE_EPOCH" in str(info.value.diagnostics[0])


def test_source_date_epoch_sets_the_build_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run_context(tmp_path).now.timestamp() == 1700000000


def test_the_command_line_exits_2_and_builds_nothing(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"site.toml": 'posts_per_page = 0\n',
                                          "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n"})
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "site.toml:1: posts_per_page must be between 1 and 1000, not 0" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
