"""Checks on a page's rendered HTML: no scripts, handlers, frames or outside resources.

Checking the HTML (not the Markdown) sees exactly what a reader's browser would
get, including what snippets pulled in, while code examples stay harmless
because Markdown has already escaped them. Each finding is traced back to the
first source line that shows the same construct.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .findings import Finding


@dataclass(frozen=True)
class UnsafePattern:
    code: str
    html: re.Pattern[str]
    source: re.Pattern[str]
    message: str
    fix: str


ATTR_URL = r"""(?:src|href|srcset|poster|data|action|formaction|background|xlink:href)\s*=\s*["']?\s*"""
EXTERNAL = r"(?:https?:)?//"

PATTERNS: tuple[UnsafePattern, ...] = (
    UnsafePattern("G040", re.compile(r"<script\b", re.IGNORECASE), re.compile(r"<script\b", re.IGNORECASE),
                  "正文中有 `<script>` 脚本。", "删除脚本；需要交互功能请联系维护者在主题中实现。"),
    UnsafePattern("G041", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
                  re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
                  "正文 HTML 中有 `on…=` 事件处理属性。", "删除该属性。"),
    UnsafePattern("G042", re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE),
                  re.compile(r"javascript:", re.IGNORECASE),
                  "链接地址以 `javascript:` 开头。", "改成指向本站页面的普通链接。"),
    UnsafePattern("G043", re.compile(r"<(?:iframe|object|embed|frame)\b", re.IGNORECASE),
                  re.compile(r"<(?:iframe|object|embed|frame)\b", re.IGNORECASE),
                  "正文中嵌入了 `<iframe>`/`<object>`/`<embed>`。", "删除嵌入，改为链接或本站内的图片。"),
    UnsafePattern("G044",
                  re.compile(r"<(?:img|link|source|video|audio|track|input|image|use)\b[^>]*\s"
                             + ATTR_URL + EXTERNAL, re.IGNORECASE),
                  re.compile(r"(?:!\[[^\]]*\]\(\s*<?" + EXTERNAL + r"|" + ATTR_URL + EXTERNAL + r")",
                             re.IGNORECASE),
                  "正文引用了其他网站上的图片或资源。",
                  "把文件下载后放进 docs/ 下（例如 docs/images/），再用相对路径引用。"),
    UnsafePattern("G044", re.compile(r"url\(\s*[\"']?" + EXTERNAL, re.IGNORECASE),
                  re.compile(r"url\(\s*[\"']?" + EXTERNAL, re.IGNORECASE),
                  "正文样式中引用了其他网站的资源。", "删除该样式或改用本站内的文件。"),
)


def _source_line(markdown: str, first_line: int, pattern: re.Pattern[str]) -> int | None:
    for offset, line in enumerate(markdown.split("\n")):
        if pattern.search(line):
            return first_line + offset
    return None


def check_html(path: str, html: str, markdown: str, body_start_line: int) -> list[Finding]:
    """Findings for unsafe constructs in a page's rendered HTML."""
    findings: list[Finding] = []
    for pattern in PATTERNS:
        if pattern.html.search(html):
            line = _source_line(markdown, body_start_line, pattern.source)
            findings.append(Finding(pattern.code, path, pattern.message, pattern.fix, line))
    return findings


def _neutralise(html: str) -> Iterator[tuple[re.Pattern[str], str]]:
    yield re.compile(r"<(/?)(script|iframe|object|embed|frame)\b", re.IGNORECASE), r"&lt;\1\2"
    yield re.compile(r"(<[a-z][^>]*?)\son[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE), r"\1"
    yield re.compile(r"""((?:href|src|action)\s*=\s*["']?)\s*javascript:""", re.IGNORECASE), r"\1#blocked:"
    yield re.compile(r"(<(?:img|link|source|video|audio|track|input|image|use)\b[^>]*\s"
                     + ATTR_URL + ")" + EXTERNAL, re.IGNORECASE), r"\1#blocked:"
    yield re.compile(r"url\(\s*([\"']?)" + EXTERNAL, re.IGNORECASE), r"url(\1#blocked:"


def neutralise_html(html: str) -> str:
    """Defuse what check_html reports, so a non-strict build never ships it."""
    for pattern, replacement in _neutralise(html):
        previous = None
        while previous != html:
            previous, html = html, pattern.sub(replacement, html)
    return html
