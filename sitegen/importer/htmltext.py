"""HTML (WordPress, Squarespace, HTML posts) and reStructuredText → clean Markdown.

markdownify does the conversion (MIT-licensed, built on BeautifulSoup, and every element's
conversion can be replaced one at a time, as here): embedded players become plain links to
the video, scripts and forms are dropped and reported, images keep their address so that
`links.py` can copy them beside the post.
"""

from __future__ import annotations

import html
import re

from markdownify import MarkdownConverter

_BLOCK = re.compile(r"<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|section|article|dl)\b", re.I)
_GUTENBERG = re.compile(r"<!--\s*/?wp:[^>]*-->")


class _Converter(MarkdownConverter):
    def __init__(self, dropped: list[str], **options):
        super().__init__(**options)
        self.dropped = dropped
        self.heading_ids: dict[str, str] = {}

    def convert_hN(self, n, el, text, parent_tags):
        # A heading's id (its own, or that of an anchor inside it, as table-of-contents plugins write):
        # links to #that-id are pointed at the heading's new id once the new page is known.
        parent = el.parent
        section = [parent] if parent is not None and parent.name in ("section", "div") and \
            parent.find(True, recursive=False) is el else []  # docutils: <section id="x"><h2>…
        for node in [el, *section, *el.find_all(["a", "span"])]:
            old = node.get("id") or (node.get("name") if node.name == "a" else None)
            if old:
                self.heading_ids.setdefault(str(old), " ".join(el.get_text(" ").split()))
        return super().convert_hN(n, el, text, parent_tags)

    def convert_a(self, el, text, parent_tags):
        anchor = el.get("id") or el.get("name")
        if not el.get("href") and anchor and not el.find_parent(re.compile(r"^h[1-6]$")):
            return f'<a id="{html.escape(str(anchor))}"></a>{text}'  # a place links point to: kept
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        src = (el.attrs.get("src") or el.attrs.get("data-src") or "").strip()
        if not src:
            return ""
        alt = " ".join((el.attrs.get("alt") or "").split()).replace("[", "\\[").replace("]", "\\]")
        title = el.attrs.get("title") or ""
        title_part = ' "%s"' % title.replace('"', '\\"') if title else ""
        if re.search(r"[\s()]", src):
            src = f"<{src}>"
        return f"![{alt}]({src}{title_part})"

    def convert_iframe(self, el, text, parent_tags):
        src = (el.attrs.get("src") or "").strip()
        if not src:
            return ""
        m = re.search(r"youtube(?:-nocookie)?\.com/embed/([\w-]+)", src)
        if m:
            return f"\n\n[Watch the video on YouTube](https://www.youtube.com/watch?v={m.group(1)})\n\n"
        m = re.search(r"player\.vimeo\.com/video/(\d+)", src)
        if m:
            return f"\n\n[Watch the video on Vimeo](https://vimeo.com/{m.group(1)})\n\n"
        self.dropped.append(f"an embedded frame ({src[:60]}) became a plain link")
        src = "https:" + src if src.startswith("//") else src
        return f"\n\n[See it on the original site]({src})\n\n"

    def convert_script(self, el, text, parent_tags):
        self.dropped.append("a script was left out (sitegen pages run no scripts from posts)")
        return ""

    def convert_style(self, el, text, parent_tags):
        return ""

    def convert_form(self, el, text, parent_tags):
        self.dropped.append("a form was left out (a static site cannot receive it)")
        return text

    def convert_figcaption(self, el, text, parent_tags):
        text = text.strip()
        return f"\n\n*{text}*\n\n" if text else ""

    def convert_video(self, el, text, parent_tags):
        src = el.attrs.get("src") or ""
        if not src:
            source = el.find("source")
            src = source.attrs.get("src", "") if source is not None else ""
        return f"\n\n[Watch the video]({src})\n\n" if src else text

    convert_audio = convert_video


def wpautop(content: str) -> str:
    """WordPress's classic editor keeps paragraphs as blank lines, not <p>: make them paragraphs."""
    if re.search(r"<p[\s>]", content, re.I):
        return content
    parts = re.split(r"\n\s*\n", content.replace("\r\n", "\n"))
    out = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if _BLOCK.match(part):
            out.append(part)
        else:
            out.append("<p>" + part.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def html_to_markdown(content: str) -> tuple[str, list[str], dict[str, str]]:
    """Markdown for an HTML fragment, what was left out of it (for the report), and its headings' ids."""
    dropped: list[str] = []
    content = _GUTENBERG.sub("", content)
    conv = _Converter(dropped, heading_style="ATX", bullets="-", escape_misc=False,
                      keep_inline_images_in=["a", "td", "th", "span", "li", "p", "h1", "h2", "h3", "h4", "figure",
                                             "strong", "em", "b", "i", "div", "center"],
                      code_language_callback=_code_language)
    text = conv.convert(content)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text, dropped, conv.heading_ids


def _code_language(el) -> str | None:
    for cls in (el.get("class") or []) + ((el.find("code").get("class") or []) if el.find("code") else []):
        m = re.match(r"(?:language|lang|brush)-?:?([\w#+-]+)", cls)
        if m:
            return m.group(1)
    return None


def rst_to_html(text: str) -> tuple[str, str]:
    """reStructuredText (a Pelican post's body) → (HTML, problem); the problem is '' when it read cleanly."""
    try:
        from docutils.core import publish_parts
        from docutils.writers.html5_polyglot import Writer
    except ImportError:  # pragma: no cover - docutils is a dependency
        return "", "docutils is not installed, so reStructuredText cannot be read"
    import io

    warnings = io.StringIO()
    try:
        parts = publish_parts(text, writer=Writer(), settings_overrides={
            "report_level": 3, "halt_level": 5, "warning_stream": warnings, "file_insertion_enabled": False,
            "raw_enabled": True, "syntax_highlight": "none", "doctitle_xform": False, "input_encoding": "unicode",
            "_disable_config": True})
    except Exception as exc:  # docutils raises many kinds for malformed text
        return "", f"the reStructuredText could not be read: {exc}"
    return parts["body"], warnings.getvalue().strip()
