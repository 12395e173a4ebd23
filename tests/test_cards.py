"""Preview cards: real PNG files Pillow opens, with the title set where the font would set it."""

from __future__ import annotations

import io

from PIL import Image, ImageFont

from sitegen import cards


def _open(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def _ink_box(im: Image.Image, top: int, bottom: int) -> tuple[int, int, int, int] | None:
    """Bounding box of pixels darker than the background within rows top..bottom, text area only."""
    rgb = im.convert("RGB").crop((cards.LEFT, top, cards.LEFT + cards.TEXT_WIDTH, bottom))
    dark = rgb.convert("L").point(lambda v: 255 if v < 200 else 0)
    return dark.getbbox()


def test_a_card_is_a_png_of_the_preview_size_in_the_theme_colours():
    im = _open(cards.draw("Gentle work on a stiff neck", "Quiet Hands Massage"))
    assert im.format == "PNG" and im.size == (cards.WIDTH, cards.HEIGHT)
    assert im.convert("RGB").getpixel((cards.WIDTH - 10, 10)) == cards.BACKGROUND
    assert im.convert("RGB").getpixel((cards.BAR // 2, cards.HEIGHT // 2)) == cards.ACCENT


def test_the_title_is_as_wide_as_the_font_sets_it():
    title = "Gentle work on a stiff neck"
    im = _open(cards.draw(title, "Quiet Hands Massage"))
    box = _ink_box(im, 0, cards.HEIGHT - 120)
    assert box is not None
    expected = ImageFont.load_default(size=64).getlength(title)
    assert abs((box[2] - box[0]) - expected) <= 0.03 * expected, (box, expected)


def test_repeated_words_are_each_drawn_and_the_card_is_the_same_every_time():
    once = _open(cards.draw("Breath", "Site"))
    twice_bytes = cards.draw("Breath Breath", "Site")
    twice = _open(twice_bytes)
    w1 = _ink_box(once, 0, cards.HEIGHT - 120)
    w2 = _ink_box(twice, 0, cards.HEIGHT - 120)
    assert w2[2] - w2[0] > 2 * (w1[2] - w1[0])
    assert cards.draw("Breath Breath", "Site") == twice_bytes
    assert cards.draw("Breath Breath", "Another site") != twice_bytes


def test_a_long_title_wraps_and_ends_in_an_ellipsis_within_the_text_area():
    title = " ".join(["reflections"] * 40)
    im = _open(cards.draw(title, "Site"))
    box = _ink_box(im, 0, cards.HEIGHT - 120)
    assert box[2] <= cards.TEXT_WIDTH
    assert cards._wrap(title, 52, cards.TEXT_WIDTH, 4)[-1].endswith("…")


def test_a_site_big_enough_for_workers_gets_every_card_and_a_lost_card_is_drawn_again(make_site, tmp_path):
    """Cards are drawn alongside the pages (by the worker processes when there are enough of
    them): each post's og:image is a real card with its own title, also after the cards kept
    in the cache were deleted by hand and no page needed rendering again."""
    import gc

    from bs4 import BeautifulSoup

    from sitegen.build import PARALLEL_MIN, build
    from sitegen.options import BuildOptions
    from sitegen.pool import workers_for
    from tests.conftest import post

    n = PARALLEL_MIN + 12
    files = {"site.toml": 'title = "Quiet Hands"\nbase_url = "https://example.org/"\nauthor = "A. Writer"\n'}
    for i in range(n):
        files[f"content/posts/p{i:03}.md"] = post(f"Note number {i} on breath", f"2024-01-{1 + i % 28:02}")
    site = make_site(files)
    assert workers_for(n, 2, PARALLEL_MIN) == 2  # this build's pages and cards are shared among workers
    out = tmp_path / "out"
    threshold = gc.get_threshold()
    build(site, BuildOptions(output=out, jobs=2))
    assert gc.get_threshold() == threshold  # the build's own collector setting ends with it

    def card_of(i: int) -> Image.Image:
        soup = BeautifulSoup((out / f"posts/p{i:03}/index.html").read_text(encoding="utf-8"), "html.parser")
        path = out / soup.find("meta", property="og:image")["content"].removeprefix("https://example.org/")
        return _open(path.read_bytes())

    first = [card_of(i).tobytes() for i in (0, n // 2, n - 1)]
    for i in (0, n // 2, n - 1):
        im = card_of(i)
        assert im.size == (cards.WIDTH, cards.HEIGHT)
        assert im.tobytes() == _open(cards.draw(f"Note number {i} on breath", "Quiet Hands")).tobytes()
    assert len(set(first)) == 3  # each post its own card

    for f in (site / ".sitegen-cache/cards").iterdir():
        f.unlink()
    result = build(site, BuildOptions(output=out, jobs=2))
    assert result.rendered == 0  # no page changed: the cards alone were made again
    assert len(list((site / ".sitegen-cache/cards").glob("*.png"))) == n + 1  # every post's and the site's
    assert [card_of(i).tobytes() for i in (0, n // 2, n - 1)] == first


def test_the_band_and_the_title_start_exactly_where_the_layout_puts_them():
    title = "Hands that listen"
    im = _open(cards.draw(title, "Quiet Hands Massage")).convert("RGB")
    box = _ink_box(im, 0, cards.HEIGHT - 120)
    for y in (10, (box[1] + box[3]) // 2, cards.HEIGHT - 80, cards.HEIGHT - 1):  # beside the title and the name too
        assert im.getpixel((0, y)) == im.getpixel((cards.BAR - 1, y)) == cards.ACCENT, y
        assert im.getpixel((cards.BAR, y)) == cards.BACKGROUND, y
    # The same title set by Pillow itself at the text's left edge: its ink starts in the same column.
    from PIL import ImageDraw

    ref = Image.new("RGB", (cards.WIDTH, cards.HEIGHT), cards.BACKGROUND)
    ImageDraw.Draw(ref).text((cards.LEFT, box[1]), title, font=ImageFont.load_default(size=64), fill=cards.INK)
    assert abs(box[0] - _ink_box(ref, 0, cards.HEIGHT - 120)[0]) <= 1
