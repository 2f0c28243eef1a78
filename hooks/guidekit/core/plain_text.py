"""Front-matter values are text, never markup, wherever the build prints them.

Two halves. `check_front_matter_text` refuses a value that an HTML parser reads
as markup (a tag, comment, declaration or character reference), so the editor
learns at once. The escapers make sure that even a refused value (in a build
without --strict, or in the live preview) reaches every page as text: in
generated Markdown, in the heading the hook writes, and in the page metadata
the theme prints without escaping (title, description).
"""

from __future__ import annotations

import re
from html import escape
from html.entities import html5
from html.parser import HTMLParser
from typing import Any

from .findings import Finding
from .front_matter import ParsedPage

# Characters that start Markdown syntax anywhere in a line (code, emphasis, links, footnote and
# abbreviation references, attr_list, table cells, closing heading hashes); each is one of
# Python-Markdown's backslash escapes. Others (+ - . > and digits) only matter at a line start.
# Escaping no more than needed keeps abbreviations such as “党建+” matching inside titles.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]|#])")
LINE_START = re.compile(r"^([-+>]|\d+(?=[.)]))")
NEWLINES = re.compile(r"\s*[\r\n]+\s*")


class _MarkupFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: str | None = None

    def _found(self, what: str) -> None:
        self.found = self.found or what

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._found(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._found(f"</{tag}>")

    def handle_comment(self, data: str) -> None:
        self._found("<!-- -->")

    def handle_decl(self, decl: str) -> None:
        self._found(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self._found(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self._found(f"<?{data}>")

    def handle_entityref(self, name: str) -> None:
        if name in html5 or f"{name};" in html5:  # `R&D` is text; `&lt;` and legacy `&amp` are references
            self._found(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._found(f"&#{name};")


def markup_in(text: str) -> str | None:
    """The first piece of markup an HTML parser finds in `text`, or None for plain text."""
    finder = _MarkupFinder()
    finder.feed(text)
    finder.close()
    if finder.found is None and re.search(r"<[A-Za-z/!?]", text):
        return "<"  # an unfinished tag at the end: the parser holds it back, a browser would not
    return finder.found


def _strings(value: Any, index: int | None = None):
    if isinstance(value, str):
        yield index, value
    elif isinstance(value, list):
        for position, element in enumerate(value):
            if isinstance(element, str):
                yield position, element
    elif isinstance(value, dict):
        for element in value.values():
            yield from _strings(element, index)


def check_front_matter_text(page: ParsedPage) -> list[Finding]:
    """G061 for every front-matter value that contains markup."""
    findings = []
    for key, value in page.meta.items():
        for index, text in _strings(value):
            markup = markup_in(text)
            if markup:
                findings.append(Finding(
                    "G061", page.path, f"字段 `{key}` 的值含有 HTML 标记 `{markup}`，它只能是纯文字。",
                    "删除标签或字符实体，直接写文字（需要书名号、引号请用中文标点）。",
                    page.line_of(key, index)))
    return findings


def markdown_text(value: object) -> str:
    """A value as Markdown that renders to exactly its text: one line, no markup, no syntax."""
    text = NEWLINES.sub(" ", str(value)).strip()
    text = MARKDOWN_SPECIALS.sub(r"\\\1", escape(text, quote=False))
    return LINE_START.sub(lambda m: m[1] + "\\" if m[1][0].isdigit() else "\\" + m[1], text)


def html_text(value: object) -> str:
    """A value for theme slots that print it unescaped, some through `striptags`.

    `striptags` turns `&lt;` back into `<`, so angle brackets become their full-width forms;
    `&` and quotes are escaped for the attribute slots (`<meta content="…">`).
    """
    text = str(value).replace("<", "＜").replace(">", "＞")
    return escape(text, quote=True)
