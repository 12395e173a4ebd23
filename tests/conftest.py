"""Shared fixtures: sites written from a dict of files, and the example site built once."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PARTS = ("content", "static", "templates", "site.toml")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text} into root; text is dedented, so tests can indent it."""
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


def copy_example(dest: Path) -> Path:
    """A copy of the repository's example site, so tests never write into the repository."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in EXAMPLE_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def make_site(tmp_path):
    def make(files: dict[str, str | bytes]) -> Path:
        return write_site(tmp_path / "site", files)
    return make


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The example site, built once for the whole session: (site folder, output folder, BuildResult)."""
    root = tmp_path_factory.mktemp("example")
    site = copy_example(root / "site")
    out = root / "out"
    result = build(site, BuildOptions(output=out))
    return site, out, result


def png(size: tuple[int, int] = (12, 8), colour: tuple[int, int, int] = (120, 140, 130)) -> bytes:
    """A real (tiny) PNG picture, made with Pillow."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def post(title: str, date: str, body: str = "Some text.", **meta) -> str:
    """A Markdown file with front matter, for tests."""
    lines = ["---", f"title: {title}", f"date: {date}"]
    for k, v in meta.items():
        lines.append(f"{k}: {v}")
    lines += ["---", "", body, ""]
    return "\n".join(lines)
