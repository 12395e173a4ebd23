"""Photos made safe and light: re-encoded from their pixels, without metadata, in sizes for every screen.

A phone photo carries where it was taken (GPS), the phone's make and model, the time, and
often a thumbnail of the original framing; for a therapist who works from home, the GPS
position is their address.  So no published raster image is ever the original file: each
is opened with Pillow, turned the way its EXIF orientation says, converted to sRGB, copied
pixel by pixel into a new image that has no metadata at all (EXIF, GPS, XMP, IPTC, ICC,
comments), and encoded again:

- an image shown in a post gets sizes for phones to wide screens (never larger than the
  original), in AVIF (where this Pillow can write it) and WebP, with JPEG (or PNG, when
  it has transparency) as the fallback for browsers that take neither;
- an image linked to, or placed in static/ (a template may show it), gets one clean copy
  at its own address, at full size, in its own format.

Results are kept in .sitegen-cache/images/, one folder per image content and use, so a
rebuild opens no image it processed before; which file has which content is remembered
by size and modification time, like the Markdown files.  A file that is not an image,
is damaged, or has more pixels than MAX_PIXELS (a "decompression bomb" that would take
gigabytes of memory) is a problem reported at the line that uses it, never a crash.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import shutil
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import StaticFile

VERSION = 1  # of the processing below: change it, and every image is processed again
WIDTHS = (360, 720, 1080, 1440)  # CSS pixels × device pixel ratio: phones at 1–3×, the text column at 1–2×
MAX_PIXELS = 64_000_000  # a 48-megapixel phone photo fits; more is refused, not loaded
MAX_FRAMES = 300  # frames of an animated GIF
# The text column is 65ch of the body font: 38rem to 47rem wide with the usual system fonts
# (the wider guess, so no screen gets a blurry picture), less the margins on a narrow screen.
SIZES = "(min-width: 49.5rem) 47rem, calc(100vw - 2.5rem)"
_FORMAT_BY_EXT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF",
                  ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP", ".avif": "AVIF"}
_MIME = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}
_EXT = {"AVIF": "avif", "WEBP": "webp", "JPEG": "jpg", "PNG": "png", "GIF": "gif"}
_SAVE = {"AVIF": {"quality": 60, "speed": 8}, "WEBP": {"quality": 80, "method": 4},
         "JPEG": {"quality": 82, "optimize": True, "progressive": True}, "PNG": {"optimize": False}, "GIF": {},
         "TIFF": {"compression": "tiff_deflate"}, "BMP": {}}


@dataclass(frozen=True, slots=True)
class Variant:
    name: str  # file name in the image's cache folder
    out: str  # where it is published, inside the output folder
    width: int
    height: int
    format: str  # "AVIF", "WEBP", "JPEG", "PNG", "GIF", …


@dataclass(frozen=True, slots=True)
class Picture:
    """One published raster image, processed."""

    rel: str  # the original, as the user sees it: content/posts/room.jpg
    folder: str  # its folder in .sitegen-cache/images/
    width: int  # of the largest size made (after orientation)
    height: int
    sizes: tuple[Variant, ...]  # for <picture>: modern formats first, each by width
    full: Variant | None  # the clean copy at the original's address

    def fallback(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.sizes if v.format in ("JPEG", "PNG", "GIF"))

    def preview(self) -> Variant | None:
        """The size for a link preview (og:image): about 1,200 pixels wide, JPEG or PNG."""
        plain = self.fallback()
        return min(plain, key=lambda v: abs(v.width - 1200)) if plain else self.full


@dataclass(frozen=True, slots=True)
class Prepared:
    pictures: Mapping[str, Picture]  # source rel → picture
    problems: Mapping[str, str]  # source rel → why it cannot be published
    files: tuple[StaticFile, ...]  # what to publish in place of the originals
    stats: Mapping[str, tuple]  # rel → ((size, times, inode), digest): the next build need not read it
    folders: frozenset[str]  # cache folders in use (the others can go)


def modern_formats() -> tuple[str, ...]:
    from PIL import features

    return ("AVIF", "WEBP") if features.check("avif") else ("WEBP",)


@dataclass(frozen=True, slots=True)
class _Job:
    file: StaticFile
    digest: str
    shown: bool
    full: bool
    folder: str


def prepare(uses: Mapping[str, Any], cache_dir: Path, stats: Mapping[str, tuple], jobs: int | None,
            progress: Any = None) -> Prepared:
    """Every used image processed, or taken from the cache when it was processed before."""
    from .pool import run_parallel, workers_for

    root = cache_dir / "images"
    digests, new_stats = _digests([u.file for u in uses.values()], stats)
    todo: list[_Job] = []
    pictures: dict[str, Picture] = {}
    problems: dict[str, str] = {}
    for rel, use in uses.items():
        digest = digests.get(rel)
        if digest is None:
            problems[rel] = "the file cannot be read"
            continue
        job = _Job(use.file, digest, use.shown, use.full,
                   f"{digest[:32]}-{int(use.shown)}{int(use.full)}-v{VERSION}")
        done = _load(root / job.folder, job)
        if done is not None:
            pictures[rel] = done
        else:
            todo.append(job)
    if todo:
        root.mkdir(parents=True, exist_ok=True)
        work = (tuple(todo), root)
        results = run_parallel(_task, work, len(todo), workers_for(len(todo), jobs, 4),
                               lambda i: f"processing {todo[i].file.rel}", progress)
        for job, result in zip(todo, results):
            if isinstance(result, Picture):
                pictures[job.file.rel] = result
            else:
                problems[job.file.rel] = result
    files = tuple(StaticFile(root / p.folder / v.name, p.rel, v.out)
                  for p in pictures.values() for v in (*p.sizes, *((p.full,) if p.full else ())))
    return Prepared(pictures, problems, files, new_stats, frozenset(p.folder for p in pictures.values()))


def sweep(cache_dir: Path, keep: frozenset[str]) -> None:
    """Remove processed images no longer used (after a build that wrote its output)."""
    root = cache_dir / "images"
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        if name not in keep:
            shutil.rmtree(root / name, ignore_errors=True)


def _digests(files: list[StaticFile], stats: Mapping[str, tuple]) -> tuple[dict[str, str], dict[str, tuple]]:
    import time

    from .cache import racy

    digests: dict[str, str] = {}
    new: dict[str, tuple] = {}
    now = time.time_ns()
    for f in files:
        try:
            st = f.path.stat()
        except OSError:
            continue
        sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        prev = stats.get(f.rel)
        if prev is not None and prev[0] == sig:
            digest = prev[1]
        else:
            try:
                h = hashlib.sha256()
                with open(f.path, "rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
            except OSError:
                continue
            digest = h.hexdigest()
        digests[f.rel] = digest
        if not racy(sig[1], now):
            new[f.rel] = (sig, digest)
    return digests, new


def _load(folder: Path, job: _Job) -> Picture | None:
    """A picture processed by an earlier build, if its files are all still there."""
    try:
        meta = json.loads((folder / "picture.json").read_text(encoding="utf-8"))
        sizes = tuple(_variant(job, *v) for v in meta["sizes"])
        full = _variant(job, *meta["full"]) if meta["full"] else None
        for v in (*sizes, *((full,) if full else ())):
            if not (folder / v.name).is_file():
                return None
        return Picture(job.file.rel, folder.name, meta["width"], meta["height"], sizes, full)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _variant(job: _Job, name: str, width: int, height: int, fmt: str) -> Variant:
    """A made file and its published address (which follows the original's name, even renamed)."""
    if name.startswith("full"):
        return Variant(name, job.file.out, width, height, fmt)
    stem = posixpath.splitext(job.file.out)[0]
    return Variant(name, f"{stem}-{width}.{job.digest[:8]}.{name.rsplit('.', 1)[1]}", width, height, fmt)


def _task(work: tuple, i: int) -> Picture | str:
    jobs, root = work
    return process(jobs[i], root)


def process(job: _Job, root: Path) -> Picture | str:
    """One image: its sizes and clean copy written to its cache folder; or why it cannot be used."""

    opened = _open(job.file.path)
    if isinstance(opened, str):
        return opened
    im = opened
    tmp = root / (job.folder + f".tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        frames = getattr(im, "n_frames", 1)
        ext = posixpath.splitext(job.file.out)[1].lower()
        sizes: list[Variant] = []
        full: Variant | None = None
        if frames > 1:
            clean = _animated(im, frames)
            if isinstance(clean, str):
                return clean
            width, height = clean[0].size
            name = f"{width}.gif"
            _save_frames(clean, tmp / name, im)
            sizes.append(_variant(job, name, width, height, "GIF"))
            if job.full:
                full = _variant(job, "full.gif", width, height, "GIF")
                shutil.copyfile(tmp / name, tmp / full.name)
        else:
            clean = _clean(im)
            width, height = clean.size
            if job.shown:
                sizes = _sizes(clean, tmp, job)
            if job.full:
                fmt = _FORMAT_BY_EXT.get(ext.lower(), "PNG")
                if fmt == "AVIF" and "AVIF" not in modern_formats():
                    fmt = "PNG"
                img = clean if fmt not in ("JPEG", "BMP") or clean.mode == "RGB" else clean.convert("RGB")
                full = _variant(job, "full" + ext, width, height, fmt)
                img.save(tmp / full.name, fmt, **_SAVE.get(fmt, {}))
        largest = max(sizes, key=lambda v: v.width) if sizes else full
        assert largest is not None
        picture = Picture(job.file.rel, job.folder, largest.width, largest.height, tuple(sizes), full)
        meta = {"width": picture.width, "height": picture.height, "full": _as_list(full),
                "sizes": [_as_list(v) for v in sizes]}
        (tmp / "picture.json").write_text(json.dumps(meta), encoding="utf-8")
        dest = root / job.folder
        shutil.rmtree(dest, ignore_errors=True)
        os.replace(tmp, dest)  # whole, or not at all: a killed build leaves no half-made folder in use
        return picture
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _as_list(v: Variant | None) -> list | None:
    return None if v is None else [v.name, v.width, v.height, v.format]


def refused(path: Path) -> str | None:
    """Why the build would not publish this picture (damaged, too large, a HEIC photo); None when it would."""
    found = _open(path)
    if isinstance(found, str):
        return found
    found.close()
    return None


def _open(path: Path) -> Any:
    """The image, fully decoded; or why it cannot be: not an image, damaged, too large."""
    from PIL import Image, UnidentifiedImageError

    suffix = path.suffix.lower()
    if suffix in (".heic", ".heif"):
        return ("a HEIC photo (the iPhone's own format), which sitegen cannot read, so it cannot remove its "
                "location and camera details")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(path)
            w, h = im.size
            frames = getattr(im, "n_frames", 1)
            if w * h > MAX_PIXELS or w * h * min(frames, MAX_FRAMES + 1) > MAX_PIXELS * 2:
                return (f"{w:,} × {h:,} pixels{f' in {frames} frames' if frames > 1 else ''}, more than "
                        f"the {MAX_PIXELS // 1_000_000} million sitegen opens")
            if frames > MAX_FRAMES:
                return f"an animation of {frames} frames, more than the {MAX_FRAMES} sitegen opens"
            im.load()
            return im
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return f"far more pixels than sitegen opens (more than {MAX_PIXELS // 1_000_000} million)"
        except UnidentifiedImageError:
            return "not an image sitegen can read (JPEG, PNG, WebP, GIF, AVIF, TIFF or BMP)"
        except MemoryError:
            raise
        except Exception as exc:  # Pillow's decoders raise many kinds for damaged files: each is "damaged"
            return f"a damaged image ({type(exc).__name__}: {str(exc)[:80]})"


def _clean(im: Any) -> Any:
    """Turned upright, in sRGB, and copied into a new image that carries no metadata at all."""
    from PIL import Image, ImageOps

    im = ImageOps.exif_transpose(im) or im
    icc = im.info.get("icc_profile")
    alpha = im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
    mode = "RGBA" if alpha else "RGB"
    im = im.convert(mode) if im.mode != mode else im
    if icc:
        im = _to_srgb(im, icc, mode)
    return Image.frombytes(mode, im.size, im.tobytes())  # pixels only: no EXIF, GPS, XMP, ICC, comments


def _to_srgb(im: Any, icc: bytes, mode: str) -> Any:
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode=mode) or im
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im  # an unreadable profile: keep the pixels as they are


def _sizes(clean: Any, tmp: Path, job: _Job) -> list[Variant]:
    from PIL import Image

    width, height = clean.size
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
    fallback = "PNG" if clean.mode == "RGBA" else "JPEG"
    out: list[Variant] = []
    for w in reversed(widths):  # each size from the one above it: sharp and quick
        h = max(1, round(height * w / width))
        img = clean if w == width else clean.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt in (*modern_formats(), fallback):
            name = f"{w}.{_EXT[fmt]}"
            img.save(tmp / name, fmt, **_SAVE[fmt])
            out.append(_variant(job, name, w, h, fmt))
    order = {f: i for i, f in enumerate((*modern_formats(), fallback))}
    return sorted(out, key=lambda v: (order[v.format], v.width))


def _animated(im: Any, frames: int) -> list | str:
    from PIL import Image

    out = []
    for n in range(frames):
        im.seek(n)
        frame = im.convert("RGBA")
        out.append(Image.frombytes("RGBA", frame.size, frame.tobytes()))
    return out


def _save_frames(frames: list, path: Path, original: Any) -> None:
    durations = []
    for n in range(len(frames)):
        original.seek(n)
        durations.append(original.info.get("duration", 100))
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=durations,
                   loop=original.info.get("loop", 0), disposal=2)


def markup(picture: Picture, attrs: Mapping[str, str], prefix: str) -> str:
    """The <picture> for an <img>: its sizes in each format, width and height, loaded lazily.

    `prefix` goes before each output path (htmlrefs.ROOT: made relative for each page)."""
    import html as _html

    def srcset(variants: tuple[Variant, ...]) -> str:
        return ", ".join(f"{prefix}{v.out} {v.width}w" for v in variants)

    fallback = picture.fallback()
    main = next((v for v in fallback if v.width >= 720), fallback[-1] if fallback else None)
    if main is None:
        return ""
    keep = "".join(f' {k}="{_html.escape(v)}"' for k, v in attrs.items()
                   if k in ("alt", "title", "class", "id", "lang"))
    if "alt" not in attrs:
        keep = ' alt=""' + keep
    sources = ""
    for fmt in modern_formats():
        group = tuple(v for v in picture.sizes if v.format == fmt)
        if group:
            sources += f'<source type="{_MIME[fmt]}" srcset="{srcset(group)}" sizes="{SIZES}">'
    many = f' srcset="{srcset(fallback)}" sizes="{SIZES}"' if len(fallback) > 1 else ""
    img = (f'<img src="{prefix}{main.out}"{many} width="{picture.width}" height="{picture.height}"{keep}'
           ' loading="lazy" decoding="async">')
    return f"<picture>{sources}{img}</picture>" if sources else img
