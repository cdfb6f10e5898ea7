"""The plain-text part of a campaign email, written from its HTML (no markup library needed)."""

import re
from html import unescape
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "table", "tr", "ul", "ol", "blockquote"}


class _TextWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href_stack: list[str | None] = []
        self.list_stack: list[list] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
            if tag in ("ul", "ol"):
                self.list_stack.append([tag, 0])
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            marker = "-"
            if self.list_stack and self.list_stack[-1][0] == "ol":
                self.list_stack[-1][1] += 1
                marker = f"{self.list_stack[-1][1]}."
            self.parts.append(f"\n{marker} ")
        elif tag == "a":
            self.href_stack.append(attrs.get("href"))
        elif tag == "img" and attrs.get("alt"):
            self.parts.append(attrs["alt"])

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.href_stack:
            href = self.href_stack.pop()
            if href:
                self.parts.append(f" ({href})")
        elif tag in _BLOCKS:
            if tag in ("ul", "ol") and self.list_stack:
                self.list_stack.pop()
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    writer = _TextWriter()
    writer.feed(html or "")
    writer.close()
    text = unescape("".join(writer.parts))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
