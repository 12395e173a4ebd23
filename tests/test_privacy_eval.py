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


def test_development_set_meets_targets():
    """The set written openly while building the second scan (new label format, essays too)."""
    run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--corpus", str(HERE / "devset")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "errors in them: 0" in run.stdout and "findings other than personal names: 0" in run.stdout


def test_verbose_is_refused_on_a_blind_set(tmp_path):
    """The blind sets must stay unseen: the evaluator will not list their files' findings."""
    blind = tmp_path / "blind-x"
    blind.mkdir()
    (blind / "labels.json").write_text('{"site": {}, "files": {}}')
    run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--corpus", str(blind), "--verbose"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "refused" in run.stderr


def test_an_opened_set_lists_its_findings_and_a_new_blind_set_is_sealed(tmp_path):
    """Sets measured once and then opened allow --verbose; any other blind-* set is sealed by its name alone."""
    for name, sealed in (("blind-b", False), ("blind-z", True)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "labels.json").write_text('{"site": {}, "files": {}}')
        run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--corpus", str(folder), "--verbose"],
                             capture_output=True, text=True, timeout=120)
        assert ("refused" in run.stderr) == sealed, (name, run.stderr)
        assert (run.returncode == 2) == sealed, (name, run.returncode)


def test_an_essays_labelled_identifier_found_is_not_counted_as_noise(tmp_path):
    """An essay that tells a client's story carries labelled identifiers: finding one is not noise."""
    folder = tmp_path / "open-set"
    (folder / "essays").mkdir(parents=True)
    (folder / "essays" / "one.md").write_text(
        "---\ntitle: A note on records\n---\n\nShe emailed from marguerite.fenwick@btinternet.com to say thanks.\n"
        "Her brother wrote from tobias.quill@outlook.com once.\n", encoding="utf-8")
    labels = {"site": {}, "files": {"essays/one.md": {"clean": False, "identifiers": [
        {"kind": "email", "text": "marguerite.fenwick@btinternet.com", "line": 5, "tier": "error"}], "people": []}}}
    (folder / "labels.json").write_text(__import__("json").dumps(labels), encoding="utf-8")
    run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--corpus", str(folder)],
                         capture_output=True, text=True, timeout=120)
    assert "findings other than personal names: 2" in run.stdout, run.stdout
    assert "1 find an identifier labelled in the essay; the rest, 1 (1.00 per post), are noise" in run.stdout, run.stdout


def test_a_labelled_identifier_repeated_on_another_line_is_no_false_alarm(tmp_path):
    """The writer labels an identifier once; the scan finding it again further down is the same identifier,
    not a false error.  A different name on that line still is one."""
    folder = tmp_path / "open-set"
    (folder / "case-studies").mkdir(parents=True)
    (folder / "case-studies" / "one.md").write_text(
        "---\ntitle: Balance work\n---\n\nMrs Oyelaran-Pike came with her stick.\n\n"
        "By the spring Mrs Oyelaran-Pike walked to the shop, and so did Mr Quenby-Hale.\n", encoding="utf-8")
    labels = {"site": {}, "files": {"case-studies/one.md": {"clean": False, "identifiers": [
        {"kind": "name", "text": "Mrs Oyelaran-Pike", "line": 5, "tier": "error"}], "people": []}}}
    (folder / "labels.json").write_text(__import__("json").dumps(labels), encoding="utf-8")
    run = subprocess.run([sys.executable, str(HERE / "evaluate.py"), "--corpus", str(folder), "--verbose"],
                         capture_output=True, text=True, timeout=120)
    assert "and 1 repeat one labelled on another line" in run.stdout, run.stdout
    alarms = run.stdout.split("false alarms:")[1]
    assert "'Mr Quenby-Hale'" in alarms and "'Mrs Oyelaran-Pike'" not in alarms, run.stdout
