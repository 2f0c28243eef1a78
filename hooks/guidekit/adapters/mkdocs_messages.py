"""MkDocs' own link, anchor and nav warnings, in the editors' words.

MkDocs 1.6 validates every link and anchor itself and logs an English line
without a line number (mkdocs/structure/pages.py, mkdocs/structure/nav.py).
`translate` turns each such line into a Finding in Chinese, with the line of the
link in the Markdown source and the fix; the hook keeps the English after it.
Pure functions: the message text and a way to find a link's line go in, a
Finding comes out (None for a message that is not one of these). Only the
messages MkDocs logs as warnings are here (links to excluded pages are INFO).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from html import unescape
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..checks.html_safety import classify_address
from ..core.findings import Finding
from ..core.regions import protected_lines
from ..core.slugs import pinyin_slug

if TYPE_CHECKING:
    from ..checks.content import Content

Locate = Callable[[str, str], "int | None"]
# A page's headings: heading text -> its anchor (without `#`).
Anchors = Callable[[str], "dict[str, str]"]
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")

DOC = r"Doc file '(?P<src>.+?)' contains "
SUGGEST = r"(?: Did you mean '(?P<suggest>.*?)'\?)?$"
NOT_FOUND = re.compile(DOC + r"a link '(?P<url>.+?)', but the target(?: '(?P<target>.+?)')? is not found "
                       r"among documentation files\." + SUGGEST)
UNRECOGNIZED = re.compile(DOC + r"an unrecognized relative link '(?P<url>.+?)', it was left as is\." + SUGGEST)
ABSOLUTE = re.compile(DOC + r"an absolute link '(?P<url>.+?)', it was left as is\." + SUGGEST)
SAME_PAGE_ANCHOR = re.compile(DOC + r"a link '(?P<url>.+?)', but there is no such anchor on this page\."
                              r"(?P<footnote> This seems to be a footnote that is never referenced\.)?$")
OTHER_PAGE_ANCHOR = re.compile(DOC + r"a link '(?P<url>.+?)', but the doc '(?P<target>.+?)' does not contain "
                               r"an anchor '#(?P<anchor>.+?)'\.$")
NAV_OMITTED = re.compile(r"The following pages exist in the docs directory, but are not included in the "
                         r"\"nav\" configuration:\n(?P<pages>(?:  - .+\n?)+)$")
NAV_NOT_FOUND = re.compile(r"A reference to '(?P<url>.+?)' is included in the 'nav' configuration, "
                           r"which is not found in the documentation files\.$")
NAV_ABSOLUTE = re.compile(r"An absolute path to '(?P<url>.+?)' is included in the 'nav' configuration, "
                          r"which presumably points to an external resource\.$")
# mkdocs-print-site-plugin 2.9 (renderer.py), on the "mkdocs.plugins" logger.
PRINT_NO_H1 = re.compile(r"\[mkdocs-print-site\] '(?P<src>.+?)' file is missing a leading h1 tag\. "
                         r"Added to the print-page with title '(?P<title>.*)'$")
PRINT_EMPTY = re.compile(r"\[mkdocs-print-site\] (?P<src>.+?) is empty and will be ignored$")


def is_footnote_echo(message: str) -> bool:
    """MkDocs' warning for a footnote defined but never used: G072 already says it, in Chinese."""
    match = SAME_PAGE_ANCHOR.match(message)
    return bool(match and match["footnote"])


def is_address_echo(message: str) -> bool:
    """MkDocs' "unrecognized relative link" for an address the HTML check refuses (G042, with its
    line): `javascript:` written with character references or percent-encoding is one mistake."""
    match = UNRECOGNIZED.match(message)
    return bool(match and classify_address(unquote(unescape(match["url"]))).kind == "scheme")


def heading_anchors(body: str) -> dict[str, str]:
    """Each heading's text -> the anchor the site gives it (an explicit `{ #id }` wins)."""
    code = protected_lines(body)
    anchors: dict[str, str] = {}
    for offset, line in enumerate(body.split("\n")):
        match = HEADING.match(line)
        if match and offset not in code:
            explicit = EXPLICIT_ID.search(match["attrs"] or "")
            anchors.setdefault(match["text"], explicit["id"] if explicit else pinyin_slug(match["text"]))
    return anchors


def _real_anchor(anchor: str, anchors: dict[str, str]) -> str | None:
    """The anchor of the heading an editor meant when they wrote its text (or near it) after `#`."""
    wanted = unquote(anchor).strip()
    for text, real in anchors.items():
        if wanted in (text, pinyin_slug(text).replace("-", "")) and real != wanted:
            return real
    return None


def _did_you_mean(match: re.Match[str]) -> str:
    suggest = match.groupdict().get("suggest")
    return f"是否想写 `{suggest}`？" if suggest else ""


def _no_anchors(_src: str) -> dict[str, str]:
    return {}


def translate(message: str, locate: Locate, anchors: Anchors = _no_anchors) -> Finding | None:
    """The Finding for one MkDocs validation message, or None when it is not one."""
    if match := NOT_FOUND.match(message):
        src, url = match["src"], match["url"]
        target = f"（即 docs/{match['target']}）" if match["target"] else ""
        if url.split("#")[0].split("?")[0].lower().endswith(IMAGE_SUFFIXES):
            return Finding("G080", src, f"图片 `{url}`{target} 不存在。{_did_you_mean(match)}",
                           "把图片文件放进 docs/ 中本页所在文件夹下的 `images/` 文件夹（文件名只用小写英文字母、"
                           "数字和连字符），再写成相对于本页的路径，例如 `![图片说明](images/meeting-room.png)`。",
                           locate(src, url))
        return Finding("G080", src, f"链接 `{url}`{target} 指向的页面不存在。{_did_you_mean(match)}",
                       "检查文件名和文件夹的拼写；链接写成相对于本页的路径，"
                       "例如从条目页链接举措页写 `../measures/four-togethers.md`。", locate(src, url))
    if match := UNRECOGNIZED.match(message):
        src, url = match["src"], match["url"]
        return Finding("G083", src, f"链接 `{url}` 没有指向某个 .md 文件。{_did_you_mean(match)}",
                       "站内链接写到具体的 Markdown 文件，例如 `../problems/two-skins.md`；"
                       "链接文件夹时写它的 `index.md`。", locate(src, url))
    if match := ABSOLUTE.match(message):
        src, url = match["src"], match["url"]
        return Finding("G082", src, f"链接 `{url}` 以 `/` 开头，网站放在子路径下时会失效。{_did_you_mean(match)}",
                       "改成相对于本页的路径，例如 `../measures/four-togethers.md`。", locate(src, url))
    if match := SAME_PAGE_ANCHOR.match(message):
        src, url = match["src"], match["url"]
        real = _real_anchor(url.lstrip("#"), anchors(src))
        if real:
            return Finding("G081", src, f"链接 `{url}` 写的是标题文字；这个标题的锚点是 `#{real}`。",
                           f"把链接改成 `#{real}`。", locate(src, url))
        return Finding("G081", src, f"链接 `{url}` 指向本页的标题（锚点）`{url}`，但本页没有这个标题。",
                       "锚点由标题生成：到预览页面点标题旁的链接符号，复制地址栏中 `#` 之后的部分。",
                       locate(src, url))
    if match := OTHER_PAGE_ANCHOR.match(message):
        src, url, target = match["src"], match["url"], match["target"]
        real = _real_anchor(match["anchor"], anchors(target))
        if real:
            fixed = url.split("#")[0] + "#" + real
            return Finding("G081", src, f"链接 `{url}` 写的是 docs/{target} 的标题文字；这个标题的锚点是 `#{real}`。",
                           f"把链接改成 `{fixed}`。", locate(src, url))
        return Finding("G081", src, f"链接 `{url}` 指向 docs/{target} 的标题（锚点）`#{match['anchor']}`，"
                       "但那一页没有这个标题（可能改过标题）。",
                       "打开目标页的预览，点标题旁的链接符号，复制地址栏中 `#` 之后的部分替换；"
                       "或去掉 `#…` 只链接到页面。", locate(src, url))
    if match := PRINT_NO_H1.match(message):
        src = match["src"]
        return Finding("G086", src, "页面的第一个标题不是一级标题，打印版（整本指南）中这一页的标题会不对。",
                       "在 front matter 之后、第一个 `##` 标题之前，加一行 `# 页面标题`。", locate(src, ""))
    if match := PRINT_EMPTY.match(message):
        src = match["src"]
        return Finding("G006", src, "页面正文是空的，网页和打印版中都没有内容。",
                       "写出正文；不需要的页面请删除文件。", locate(src, ""))
    return _translate_nav(message)


def _translate_nav(message: str) -> Finding | None:
    fix_nav = "网站导航由构建自动生成，一般不需要在 mkdocs.yml 中写 `nav`；写了就要列出存在的页面。"
    if match := NAV_OMITTED.match(message):
        pages = [line.strip()[2:] for line in match["pages"].strip("\n").split("\n")]
        return Finding("G085", pages[0], "这些页面没有列进 mkdocs.yml 的导航（`nav`）：" + "、".join(pages) + "。",
                       fix_nav)
    for pattern, problem in ((NAV_NOT_FOUND, "但 docs/ 中没有这个文件"),
                             (NAV_ABSOLUTE, "但它是以 `/` 开头的绝对路径")):
        if match := pattern.match(message):
            return Finding("G085", match["url"], f"mkdocs.yml 的导航（`nav`）列出了 `{match['url']}`，{problem}。",
                           fix_nav)
    return None


def link_line(body: str, body_start_line: int, url: str) -> int | None:
    """The 1-based source line of the first link to `url` (code is skipped), else of any mention.

    An empty `url` gives the first line of the body.
    """
    lines = body.split("\n")
    code = protected_lines(body)
    target = re.escape(url)
    link = re.compile(rf"\]\(\s*<?{target}>?(?:\s+[\"'(][^)]*)?\)|\]:\s*<?{target}>?(?:\s|$)"
                      rf"|<{target}>|=\s*[\"']{target}[\"']")
    mention = None
    for offset, line in enumerate(lines):
        if offset in code or url not in line:
            continue
        if link.search(line):
            return body_start_line + offset
        if mention is None:
            mention = body_start_line + offset
    return mention


# MkDocs' link and nav checks, and the print-site plugin (which logs on "mkdocs.plugins" itself).
MKDOCS_VALIDATION_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.plugins")
UNREADABLE_CODES = frozenset({"G001", "G002", "G003", "G004", "G005", "G006"})


class TranslateMkDocsMessages(logging.Filter):
    """Rewrites MkDocs' English link/anchor/nav warnings as Chinese findings (English kept after).

    The record keeps its level, so MkDocs still counts it and --strict still fails;
    the finding also joins the page's findings for the preview banner and the CLI.
    `content_of` gives the current build's Content (None before on_files).
    """

    guide_translator = True

    def __init__(self, content_of: Callable[[], Content | None]) -> None:
        super().__init__()
        self.content_of = content_of

    def _locate(self, src: str, url: str) -> int | None:
        content = self.content_of()
        page = content.pages.get(src) if content else None
        return link_line(page.body, page.body_start_line, url) if page else None

    def _anchors(self, src: str) -> dict[str, str]:
        content = self.content_of()
        page = content.pages.get(src) if content else None
        return heading_anchors(page.body) if page else {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if is_footnote_echo(message):
            return False  # the footnote rules (G071/G072) report it, in Chinese, once
        if is_address_echo(message):
            return False  # the HTML check refuses the address (G042) with its line: one mistake, one finding
        finding = translate(message, self._locate, self._anchors)
        if finding is None:
            return True
        content = self.content_of()
        if content is not None:
            said = {f.code for f in content.findings_for(finding.path)}
            if finding.code in ("G006", "G086") and said & UNREADABLE_CODES:
                return False  # no heading because the page could not be read or is empty: already said
            content.findings.append(finding)
        record.msg, record.args = f"{finding.format()}（原文：{message}）", ()
        return True


def install_translator(content_of: Callable[[], Content | None]) -> None:
    """Put one translating filter on each MkDocs validation logger (replacing an earlier one:
    `mkdocs serve` loads the hook again on every rebuild)."""
    for name in MKDOCS_VALIDATION_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if getattr(f, "guide_translator", False)]:
            logger.removeFilter(old)
        logger.addFilter(TranslateMkDocsMessages(content_of))
