"""The code passes the linter configured in pyproject.toml (pyflakes, pycodestyle, import order,
bugbear and pyupgrade): unused imports, shadowed names and silently lost exception causes are
caught by the suite, not by a reader."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    beside = Path(sys.executable).with_name("ruff")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ruff")
    assert found, "ruff is one of the test dependencies (pip install -e .[test])"
    return [found]


def test_ruff_check_passes():
    run = subprocess.run([*_ruff(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_finds_what_it_is_asked_to(tmp_path):
    """The configuration is read and does select the rules: an unused import is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    run = subprocess.run([*_ruff(), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad)],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1 and "F401" in run.stdout, run.stdout + run.stderr
