"""Preview cards: the picture a shared link shows when its page has no photo of its own.

A card is 1,200 × 630 pixels (the size link previews use): the page's title in large type
on the theme's background, the site's name below in the theme's green, and a green band
down the left side.  The type is the font that ships with Pillow (no web font, nothing
fetched).  Cards are drawn once and kept in .sitegen-cache/cards/ under a hash of what
they show, so only a new or retitled post costs one.

A card is drawn for every post, so drawing one must cost far less than rendering the post:
glyphs are rasterised once per process and pasted, and the PNG is written directly in 16
colours (four bits a pixel), which Pillow's general encoder does not do as quickly.
"""

from __future__ import annotations

import functools
import hashlib
import os
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import StaticFile

VERSION = 1
WIDTH, HEIGHT = 1200, 630
BAR = 24  # the green band on the left, in pixels (even: two pixels to a byte)
LEFT = 96  # where the text starts (even, for the same reason)
TEXT_WIDTH = 1040
BACKGROUND, INK, ACCENT = (0xFB, 0xFA, 0xF7), (0x1F, 0x24, 0x21), (0x2B, 0x65, 0x49)  # the theme's light scheme
_INK_LEVELS = 10  # palette 0–9: background → ink; 10–15: background → accent (15 is the band)


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    site: str  # the site's name, shown under the title
    out: str  # where it is published: cards/posts-my-post.png

    @property
    def key(self) -> str:
        return _key(self.title, self.site)


@functools.lru_cache(maxsize=1 << 16)  # a build asks twice a card (plan, sweep), the preview every build
def _key(title: str, site: str) -> str:
    return hashlib.blake2b(repr((VERSION, title, site, BACKGROUND, INK, ACCENT)).encode(), digest_size=12).hexdigest()


@functools.lru_cache(maxsize=1 << 16)
def _file(folder: Path, key: str, title: str, out: str) -> StaticFile:
    return StaticFile(folder / f"{key}.png", f"(preview card) {title}", out)


def card_path(url: str) -> str:
    """The card's address for the page at url ('posts/a/' → 'cards/posts-a.png', '' → 'cards/site.png')."""
    name = url.strip("/").replace("/", "-")
    return f"cards/{name or 'site'}.png"


def plan(cards: Iterable[Card], cache_dir: Path) -> tuple[tuple[StaticFile, ...], tuple[Card, ...]]:
    """Each card's file, as a file to publish, and the cards the cache does not have yet (each
    once): those are drawn with `store` before the files are read, alongside the pages'
    rendering (build.render), so a first build spends no round of its own on them."""
    folder = cache_dir / "cards"
    cards = list(cards)
    try:
        have = set(os.listdir(folder))
    except OSError:
        have = set()
    keys = [c.key for c in cards]  # a hash each: worked out once
    todo = tuple(c for k, c in {k: c for k, c in zip(keys, cards)}.items() if f"{k}.png" not in have)
    files = tuple(_file(folder, k, c.title, c.out) for k, c in zip(keys, cards))
    return files, todo


def store(card: Card, cache_dir: Path) -> bytes | None:
    """Draw one card into the cache (whole or not at all: written aside, then renamed); when
    the cache cannot take it (a full disk), its bytes, to be published as they are."""
    data = draw(card.title, card.site)
    folder = cache_dir / "cards"
    tmp = folder / f".{card.key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, folder / f"{card.key}.png")
        return None
    except OSError:
        tmp.unlink(missing_ok=True)
        return data


def unstored(files: Iterable[StaticFile], drawn: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """(where it is published, bytes) of each card file (from `plan`) that `store` could not keep."""
    return [(f.out, drawn[f.path.stem]) for f in files
            if f.path.parent.name == "cards" and f.path.suffix == ".png" and f.path.stem in drawn]


def sweep(cache_dir: Path, keep: Iterable[Card]) -> None:
    """Remove cards no page uses any more."""
    folder = cache_dir / "cards"
    wanted = {f"{c.key}.png" for c in keep}
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name not in wanted:
            try:
                os.unlink(folder / name)
            except OSError:
                pass


# -- drawing -------------------------------------------------------------------------------------

_fonts: dict[int, Any] = {}
_glyphs: dict[tuple[int, str], tuple[Any, int, int, float]] = {}
_words: dict[tuple[int, str], tuple[Any, int, int, float]] = {}
_luts: dict[tuple[int, int], list[int]] = {}


def _font(size: int) -> Any:
    if size not in _fonts:
        from PIL import ImageFont

        _fonts[size] = ImageFont.load_default(size=size)
    return _fonts[size]


def _glyph(size: int, ch: str) -> tuple[Any, int, int, float]:
    """(mask, x offset, y offset, advance) of one character, rasterised once per process."""
    key = (size, ch)
    g = _glyphs.get(key)
    if g is None:
        from PIL import Image, ImageDraw

        font = _font(size)
        box = font.getbbox(ch)
        mask = Image.new("L", (max(1, box[2] - box[0]), max(1, box[3] - box[1])))
        if box[2] > box[0]:
            ImageDraw.Draw(mask).text((-box[0], -box[1]), ch, font=font, fill=255)
        g = _glyphs[key] = (mask, box[0], box[1], font.getlength(ch))
    return g


def _width(size: int, text: str) -> float:
    return sum(_glyph(size, ch)[3] for ch in text)


def _wrap(text: str, size: int, width: int, most: int) -> list[str]:
    """Lines of at most `width` pixels; the last one ends in … when the text does not fit."""
    lines: list[str] = []
    line, used = "", 0.0
    space = _glyph(size, " ")[3]
    for word in text.split():
        w = _width(size, word)
        if not line or used + space + w <= width:
            line, used = (f"{line} {word}", used + space + w) if line else (word, w)
        else:
            lines.append(line)
            line, used = word, w
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and _width(size, last + "…") > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    for i, piece in enumerate(lines):  # a single word longer than the card
        while _width(size, piece) > width and len(piece) > 1:
            piece = piece[:-2] + "…"
        lines[i] = piece
    return lines


def _word(size: int, word: str) -> tuple[Any, int, int, float]:
    """(mask, x offset, y offset, advance) of one word, composed from its glyphs once per
    process: titles share most of their words, and one paste a word costs far less than one a
    letter."""
    key = (size, word)
    w = _words.get(key)
    if w is None:
        from PIL import Image

        glyphs = [_glyph(size, ch) for ch in word]
        places, x = [], 0.0
        for _mask, dx, dy, advance in glyphs:
            places.append((int(x) + dx, dy))
            x += advance
        left = min(px for px, _ in places)
        top = min(py for _, py in places)
        right = max(px + g[0].width for (px, _), g in zip(places, glyphs))
        bottom = max(py + g[0].height for (_, py), g in zip(places, glyphs))
        mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
        for (px, py), g in zip(places, glyphs):
            mask.paste(255, (px - left, py - top), g[0])
        w = _words[key] = (mask, left, top, x)
    return w


def _band(lines: list[str], size: int, line_height: int) -> Any:
    from PIL import Image

    band = Image.new("L", (TEXT_WIDTH, max(1, line_height * len(lines))))
    space = _glyph(size, " ")[3]
    y = 0
    for line in lines:
        x = 0.0
        for word in line.split(" "):
            if word:
                mask, dx, dy, advance = _word(size, word)
                band.paste(255, (int(x) + dx, y + dy), mask)
                x += advance
            x += space
        y += line_height
    return band


def _lut(levels: tuple[int, int]) -> list[int]:
    lut = _luts.get(levels)
    if lut is None:
        low, high = levels
        span = high - low
        lut = _luts[levels] = [0 if v < 8 else low + min(span, (v * span + 127) // 255) for v in range(256)]
    return lut


@functools.lru_cache(maxsize=4)
def _site_rows(site: str) -> bytes:
    """The site's name as rows, the same on every card of the site: made once per process."""
    return _rows(_band(_wrap(site, 34, TEXT_WIDTH, 1), 34, 44), (_INK_LEVELS, 15))


def draw(title: str, site: str) -> bytes:
    """The card as PNG bytes."""
    size = 64 if _width(64, title) <= TEXT_WIDTH * 2 else 52
    line_height = int(size * 1.25)
    lines = _wrap(title, size, TEXT_WIDTH, 4 if size == 52 else 3)
    title_rows = _rows(_band(lines, size, line_height), (1, _INK_LEVELS - 1))
    site_rows = _site_rows(site)
    title_top = max(64, (HEIGHT - 150 - len(title_rows) // _ROW) // 2)
    stream = _Stream()
    made = 0
    for data, top in ((title_rows, title_top), (site_rows, HEIGHT - 100)):
        stream.empty(_EMPTY_ROW, top - made)
        stream.add(data, keep=top == HEIGHT - 100)  # the site's name: the same on every card
        made = top + len(data) // _ROW
    stream.empty(_EMPTY_ROW, HEIGHT - made)
    return _png(stream.finish())


_ROW = 1 + WIDTH // 2  # bytes of one row in the PNG's data: the filter type (0, none), then 4 bits a pixel
_EMPTY_ROW = b"\x00" + b"\xff" * (BAR // 2) + b"\x00" * (WIDTH // 2 - BAR // 2)  # the green band alone


def _rows(band: Any, levels: tuple[int, int]) -> bytes:
    """A band of text as whole rows of the PNG's data: the band set in a row-wide strip beside
    the green band, two blank pixels in front of each row.  Packed four bits a pixel, those two
    make the byte that starts each row, and a zero there is the filter type: no row is put
    together in Python."""
    from PIL import Image

    strip = Image.new("L", (2 + WIDTH, band.height))
    strip.paste(15, (2, 0, 2 + BAR, band.height))
    strip.paste(band.point(_lut(levels)), (2 + LEFT, 0))
    return strip.tobytes("raw", "L;4")


class _Stream:
    """A zlib stream made of separately compressed pieces (each ends on a byte boundary, so
    they can follow one another): runs of empty rows are compressed once per process."""

    _runs: dict[tuple[bytes, int], tuple[bytes, int]] = {}

    def __init__(self) -> None:
        self.parts = [b"\x78\x01"]
        self.adler = 1

    _kept: dict[bytes, tuple[bytes, int]] = {}

    def add(self, raw: bytes, keep: bool = False) -> None:
        """Raw rows, compressed now (or once per process, when `keep`: rows every card shares)."""
        done = self._kept.get(raw) if keep else None
        if done is None:
            done = (_deflate(raw), zlib.adler32(raw))
            if keep:
                self._kept[raw] = done
        self._put(done[0], done[1], len(raw))

    def empty(self, row: bytes, n: int) -> None:
        if n <= 0:
            return
        key = (row, n)
        if key not in self._runs:
            raw = row * n
            self._runs[key] = (_deflate(raw), zlib.adler32(raw))
        data, adler = self._runs[key]
        self._put(data, adler, len(row) * n)

    def _put(self, data: bytes, adler: int, length: int) -> None:
        self.parts.append(data)
        self.adler = _adler_combine(self.adler, adler, length)

    def finish(self) -> bytes:
        return b"".join(self.parts) + b"\x03\x00" + struct.pack(">I", self.adler)


def _deflate(raw: bytes) -> bytes:
    """Raw rows as a piece of a deflate stream.  One compressor serves every piece: a full
    flush ends each on a byte boundary and makes the next start afresh, so the pieces can
    follow one another in any order (and setting up a compressor cost a tenth of a card)."""
    global _compressor
    if _compressor is None:
        _compressor = zlib.compressobj(1, zlib.DEFLATED, -15, 8, zlib.Z_RLE)  # runs of one colour: quicker, 2% larger
    return _compressor.compress(raw) + _compressor.flush(zlib.Z_FULL_FLUSH)


_compressor: Any = None


def _adler_combine(a: int, b: int, length: int) -> int:
    """The Adler-32 of two pieces one after the other, from theirs (zlib's adler32_combine)."""
    base = 65521
    rem = length % base
    sum1 = a & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (b & 0xFFFF) + base - 1
    sum2 += (a >> 16) + (b >> 16) + base - rem
    sum1 -= base if sum1 >= base else 0
    sum1 -= base if sum1 >= base else 0
    sum2 -= (base << 1) if sum2 >= (base << 1) else 0
    sum2 -= base if sum2 >= base else 0
    return sum1 | (sum2 << 16)


@functools.cache
def _palette() -> bytes:
    def mix(a: tuple, b: tuple, t: float) -> bytes:
        return bytes(round(x + (y - x) * t) for x, y in zip(a, b))

    ink = [mix(BACKGROUND, INK, i / (_INK_LEVELS - 1)) for i in range(_INK_LEVELS)]
    accent = [mix(BACKGROUND, ACCENT, i / (16 - _INK_LEVELS)) for i in range(1, 16 - _INK_LEVELS + 1)]
    return b"".join(ink + accent)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png(idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 4, 3, 0, 0, 0)  # 4-bit palette, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", _palette())
            + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
