"""One folder per bad input (tests/invalid/<case>/): the message, the exit code, and the old site kept.

Each case folder holds the files that make a small valid site invalid (laid over the
valid site below) and `expected.txt`:

    exit: 1                  the exit code of `sitegen build`
    args: --strict           (optional) extra command-line arguments
    content/posts/a.md:3: …  then lines or fragments that must appear in stderr

A file named `NAME.hex` is written as NAME with the bytes the hex digits spell (for files
that are not UTF-8 text), and `%XX` in a file or folder name stands for the byte XX (for
names with control characters or bytes that are not UTF-8, which do not belong in git).
The valid site is built first, so there is a previous output; a failed build must leave
it byte for byte as it was, with no temporary folder beside it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

from sitegen.cli import main
from tests.conftest import write_site

CASES = Path(__file__).parent / "invalid"
UNSAFE_FOR_A_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

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
        date: 2024-03-01
        tags: [beginnings]
        ---

        A calm start to the year.
    """,
}


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file under root (symbolic links as their target text) → sha256 of its bytes."""
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            out[p.relative_to(root).as_posix()] = "link:" + str(p.readlink())
        elif p.is_file():
            out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def leftovers(output: Path) -> list[str]:
    """Temporary folders of sitegen's beside the output folder."""
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.sitegen-"))


def read_expected(case: Path) -> tuple[int, list[str], list[str]]:
    lines = [line for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0].startswith("exit: "), f"{case.name}/expected.txt must start with 'exit: N'"
    code = int(lines[0].split(":", 1)[1])
    args: list[str] = []
    rest = lines[1:]
    if rest and rest[0].startswith("args: "):
        args = rest[0].split(":", 1)[1].split()
        rest = rest[1:]
    return code, args, rest


def lay_over(case: Path, site: Path) -> None:
    for src in sorted(case.rglob("*")):
        if not src.is_file() or src.name == "expected.txt":
            continue
        rel = src.relative_to(case)
        dest = site.joinpath(*(os.fsdecode(unquote_to_bytes(part)) for part in rel.parts))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".hex":
            dest.with_suffix("").write_bytes(bytes.fromhex("".join(src.read_text().split())))
        else:
            shutil.copyfile(src, dest)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").is_file()))
def test_invalid_input(case, tmp_path, capsys):
    code, args, expected = read_expected(CASES / case)
    site = write_site(tmp_path / "site", VALID_SITE)
    out = tmp_path / "public"
    assert main(["build", str(site), "-o", str(out), "-q"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    before = tree_hashes(out)
    assert before, "the valid site built nothing"

    lay_over(CASES / case, site)
    result = main(["build", str(site), "-o", str(out), *args])
    err = capsys.readouterr().err

    assert result == code, f"exit {result}, expected {code}; stderr:\n{err}"
    for fragment in expected:
        assert fragment in err, f"missing from stderr: {fragment!r}\nstderr:\n{err}"
    assert "Traceback" not in err
    assert "internal error" not in err
    assert not UNSAFE_FOR_A_TERMINAL.search(err), f"a control character reached the terminal: {err!r}"
    if code != 0:
        assert tree_hashes(out) == before, "a failed build changed the previous output"
    assert leftovers(out) == []


def test_every_case_folder_has_expectations():
    for p in CASES.iterdir():
        if p.is_dir():
            assert (p / "expected.txt").is_file(), f"{p.name} has no expected.txt"
            code, _, expected = read_expected(p)
            assert code in (0, 1, 2) and expected, p.name


def test_messages_are_sorted_by_file_and_line(tmp_path, capsys):
    """Every error of a build is reported, each file's in line order."""
    site = write_site(tmp_path / "site", VALID_SITE)
    lay_over(CASES / "many-errors", site)
    assert main(["build", str(site), "-o", str(tmp_path / "out")]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("content/posts/a.md:")]
    numbers = [int(line.split(":")[1]) for line in lines]
    assert len(lines) >= 5 and numbers == sorted(numbers)
