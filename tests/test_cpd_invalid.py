"""One folder per bad input to `sitegen cpd` (tests/invalid_cpd/<case>/): message, exit code, nothing lost.

The layout is tests/invalid's (see test_invalid.py): the case's files are laid over the
small valid site below, and expected.txt gives the exit code, any extra arguments and the
fragments stderr must hold.  A record is made first; a failed run must leave it as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.cli import main
from tests.conftest import write_site
from tests.test_invalid import lay_over, read_expected, tree_hashes

CASES = Path(__file__).parent / "invalid_cpd"

VALID_SITE = {
    "site.toml": """
        title = "Practice notes"
        author = "Sam Example"
        base_url = "https://example.org/"
        timezone = "Europe/London"
    """,
    "content/posts/first-week.md": """
        ---
        title: My first week
        date: 2025-03-01
        cpd_hours: 1
        ---

        A calm start to the year.
    """,
    "private/cpd.toml": """
        [[activity]]
        date = 2025-05-10
        title = "Weekend course on pacing"
        type = "course"
        hours = 12
    """,
}


def _run(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as exc:  # argparse's own usage errors
        return int(exc.code)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").is_file()))
def test_invalid_cpd_input(case, tmp_path, capsys):
    code, args, expected = read_expected(CASES / case)
    site = write_site(tmp_path / "site", VALID_SITE)
    period = ["--from", "2025", "--to", "2025"]
    assert _run(["cpd", str(site), *period]) == 0, capsys.readouterr().err
    capsys.readouterr()
    before = tree_hashes(site / "private" / "cpd")
    assert before

    lay_over(CASES / case, site)
    result = _run(["cpd", str(site), *period, *args])
    err = capsys.readouterr().err
    assert result == code, f"exit {result}, expected {code}; stderr:\n{err}"
    for fragment in expected:
        assert fragment in err, f"missing from stderr: {fragment!r}\nstderr:\n{err}"
    assert "Traceback" not in err and "internal error" not in err
    if code != 0:
        assert tree_hashes(site / "private" / "cpd") == before, "a failed run changed the previous record"
