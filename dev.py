#!/usr/bin/env python3
"""Set up and run sitegen from a fresh clone: `python3 dev.py site` or `python3 dev.py test`.

Both make (once) a virtual environment in .venv, so nothing is installed into the
system Python, then:
  site   installs sitegen and builds the example site into output/
  test   installs the test dependencies (and, where npm is present, axe-core and the
         Nu Html Checker for the browser tests) and runs the whole test suite
  bench  installs the benchmark peers (Pelican, Hugo, Eleventy) and runs the benchmark
Extra arguments after `test` go to pytest, e.g. `python3 dev.py test -k privacy`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
NODE_DIR = VENV / "node"
NODE_PACKAGES = ["axe-core@4", "vnu-jar@26", "lighthouse@12"]


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str = "") -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f".{extras}", cwd=ROOT)
    stamp.write_text(want)


def ensure_node_packages() -> None:
    npm = shutil.which("npm")
    if npm is None:
        print("note: npm not found: the accessibility and HTML-validity browser checks will be skipped"
              " (CI installs it; see .ci/run)")
        return
    marker = NODE_DIR / ".installed"
    if marker.exists() and marker.read_text() == " ".join(NODE_PACKAGES):
        return
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    run(npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", NODE_DIR, *NODE_PACKAGES)
    marker.write_text(" ".join(NODE_PACKAGES))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("site", "test", "bench"):
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "site":
        ensure_venv()
        return subprocess.call([str(BIN / "sitegen"), "build", str(ROOT), *rest])
    if cmd == "test":
        ensure_venv("[test]")
        ensure_node_packages()
        return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT)
    ensure_venv("[test]")
    run("bash", ROOT / "benchmarks" / "setup.sh")
    return subprocess.call([str(PY), str(ROOT / "benchmarks" / "run.py"), *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
