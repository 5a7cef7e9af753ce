"""Read back the `<mark>` spans of highlighted HTML, nested ones included."""

from __future__ import annotations

import re
from html.parser import HTMLParser

OUR_TAGS = re.compile(r'<mark class="[a-z]+" title="[a-z]+">|</mark>')


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[int] = []  # positions in `found` of the marks not yet closed
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.open.append(len(self.found))
            self.found.append((dict(attrs).get("class") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for slot in self.open:
            role, words = self.found[slot]
            self.found[slot] = (role, words + data)


def marked_texts(markup: str) -> list[tuple[str, str]]:
    """(role, unescaped text) of every mark, in the order the marks open."""
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    return parser.found
