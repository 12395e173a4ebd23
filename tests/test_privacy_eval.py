"""The identifier scan meets its targets on the labelled corpus (recall >= 0.95 for every kind,
precision >= 0.9, no finding at all in the clean half): the evaluation script's own verdict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "privacy_eval"


def test_evaluation_meets_targets():
    run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--verbose"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "findings in clean files: 0" in run.stdout


def test_labels_are_consistent():
    run = subprocess.run([sys.executable, str(HERE / "check_labels.py")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
