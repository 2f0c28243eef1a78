"""Checks on a page's rendered HTML, by allowlist: elements, attributes, styles and addresses.

Checking the HTML (not the Markdown) sees exactly what a reader's browser would
get, whatever produced it: Markdown syntax, attr_list, raw HTML, snippets. The
standard library's HTML parser decodes entities and character references the
way a browser does, so `jav&#x61;script:` is judged as `javascript:`. Code
examples stay harmless because Markdown has already escaped them into text.

Everything not listed here is refused. The lists hold what Markdown and the
configured extensions emit (admonitions, footnotes, task lists, abbreviations,
tables, permalinks, details, code blocks) plus the few elements an editor
legitimately writes by hand. Each finding is traced back to the first source
line that shows the same construct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from ..core.findings import Finding
from ..core.regions import CODE_SPAN, FENCE_OPEN
from .html_tree import DOCUMENT_ELEMENTS, HtmlTree, parse_content

ELEMENTS: frozenset[str] = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
})

GLOBAL_ATTRIBUTES: frozenset[str] = frozenset({
    "id", "class", "title", "lang", "dir", "role", "style",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
})

ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "input": frozenset({"type", "checked", "disabled"}),  # task-list checkboxes only, see below
    "label": frozenset({"for"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
}

# The guide's own components start from a data attribute (e.g. data-guide-checklist="secretary"
# on a checklist page); their values are plain identifiers the component reads as data.
GUIDE_DATA_ATTRIBUTE = re.compile(r"^data-guide-[a-z]+(?:-[a-z]+)*$")
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Attributes whose value the browser fetches or follows.
LINK_ATTRIBUTES: frozenset[tuple[str, str]] = frozenset({("a", "href")})
RESOURCE_ATTRIBUTES: frozenset[tuple[str, str]] = frozenset({("img", "src")})
ADDRESS_ATTRIBUTES = LINK_ATTRIBUTES | RESOURCE_ATTRIBUTES
INPUT_TYPES: frozenset[str] = frozenset({"checkbox"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, frozenset()) for tag in ELEMENTS
}

# Inline styles: these properties, with values made of plain words, numbers, lengths and
# hex colours (no parentheses, so no url(), expression(), var(); no @, no backslash escapes).
STYLE_PROPERTIES: frozenset[str] = frozenset({
    "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style",
    "text-decoration", "white-space", "width", "min-width", "max-width", "height",
    "margin", "margin-top", "margin-bottom", "margin-left", "margin-right",
    "padding", "padding-top", "padding-bottom", "padding-left", "padding-right",
})
STYLE_VALUE = re.compile(r"^[a-z0-9#%.,!\s-]+$")

SCHEMES_ALLOWED: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# A browser strips leading/trailing C0 controls and spaces and removes tabs and newlines anywhere.
STRIPPED = re.compile(r"[\t\n\r]")
EDGE = "".join(chr(c) for c in range(0x21))

BLOCKED = "#blocked"
VOID_ELEMENTS: frozenset[str] = frozenset({
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
})


@dataclass(frozen=True)
class Address:
    """How a browser would read an address: a kind, and the scheme if there is one."""

    kind: str  # "relative", "outside", "mail", "scheme", "root"
    scheme: str = ""


def classify_address(value: str) -> Address:
    """Judge an (already entity-decoded) address the way a browser would resolve it."""
    text = STRIPPED.sub("", value).strip(EDGE).replace("\\", "/")
    lowered = text.lower()
    match = SCHEME.match(lowered)
    if match:
        scheme = match[1]
        if scheme in ("http", "https"):
            return Address("outside", scheme)
        if scheme in SCHEMES_ALLOWED:
            return Address("mail", scheme)
        return Address("scheme", scheme)
    if lowered.startswith("//"):
        return Address("outside")
    if lowered.startswith("/"):
        return Address("root")
    first_segment = re.split(r"[/?#]", lowered, maxsplit=1)[0]
    if ":" in first_segment:  # not a valid scheme, but nothing a relative link would contain
        return Address("scheme", first_segment.split(":", 1)[0])
    return Address("relative")


def style_problem(style: str) -> str | None:
    """What is wrong with an inline style, or None when every declaration is allowed."""
    if "\\" in style or "/*" in style or "@" in style:
        return "含有转义、注释或 `@` 规则"
    for declaration in style.split(";"):
        if not declaration.strip():
            continue
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if not colon or name not in STYLE_PROPERTIES:
            return f"属性 `{name or declaration.strip()}` 不在允许之列"
        if not STYLE_VALUE.match(value):
            return f"`{name}` 的值 `{value}` 不允许（只能用文字、数字、长度和 #颜色，不能有括号）"
    return None


@dataclass(frozen=True)
class Problem:
    """One construct the allowlist refuses, with strings that may locate it in the source."""

    code: str
    message: str
    fix: str
    clues: tuple[str, ...]


FIX_ELEMENT = "删除它；正文只能用 Markdown 和编辑指南列出的少数 HTML 元素（如 span、br、sup、abbr、表格）。"
FIX_ATTRIBUTE = "删除该属性；需要交互或样式请联系维护者在主题中实现。"
FIX_SCHEME = "链接只能指向本站页面（相对路径，如 `../measures/x.md`）、`http(s)://` 网址、`mailto:` 或 `tel:`。"
FIX_ROOT = "改成相对路径（如 `../measures/x.md`）：网站部署在子路径下，以 `/` 开头的地址会指到本站以外。"
FIX_RESOURCE = "把文件下载后放进 docs/ 下（例如 docs/images/），再用相对路径引用。"
FIX_OUTSIDE = "内网读者可能打不开外部网站；确需保留时请在发布前与维护者确认，否则改为注明出处的文字。"


def _attribute_problems(tag: str, name: str, value: str | None, raw: str) -> list[Problem]:
    if GUIDE_DATA_ATTRIBUTE.match(name):
        return [] if IDENTIFIER.match(value or "") else [Problem(
            "G041", f"元素 `<{tag}>` 的属性 `{name}` 的值 `{value}` 不是小写字母、数字和连字符组成的名称。",
            "改成像 `secretary` 这样的名称。", (name + "=", raw))]
    if name not in ALLOWED_ATTRIBUTES[tag]:
        return [Problem("G041", f"元素 `<{tag}>` 带有不允许的属性 `{name}`。", FIX_ATTRIBUTE, (name + "=", raw))]
    value = value or ""
    if name == "style":
        problem = style_problem(value)
        return [Problem("G043", f"元素 `<{tag}>` 的样式 `{value}` {problem}。",
                        "删除该样式；版式由主题统一负责。", (value, raw))] if problem else []
    if tag == "input" and name == "type" and value.strip().lower() not in INPUT_TYPES:
        return [Problem("G041", f"`<input type=\"{value}\">` 不允许，正文中只能有清单的复选框。",
                        "删除该元素；清单请用 Markdown 任务列表 `- [ ] 事项`。", (raw,))]
    if (tag, name) not in ADDRESS_ATTRIBUTES:
        return []
    address = classify_address(value)
    clues = (value, raw)
    if address.kind == "scheme":
        return [Problem("G042", f"地址 `{value}` 使用了不允许的协议 `{address.scheme}:`。", FIX_SCHEME, clues)]
    if address.kind == "root":
        return [Problem("G042", f"地址 `{value}` 以 `/` 开头，不是本站内的相对地址。", FIX_ROOT, clues)]
    resource = (tag, name) in RESOURCE_ATTRIBUTES
    if resource and address.kind in ("outside", "mail"):
        return [Problem("G044", f"正文引用了其他网站上的资源 `{value}`。", FIX_RESOURCE, clues)]
    if address.kind == "outside":
        return [Problem("G046", f"链接 `{value}` 指向其他网站。", FIX_OUTSIDE, clues)]
    return []


def _element_problem(tag: str) -> Problem:
    return Problem("G040", f"正文中有不允许的 HTML 元素 `<{tag}>`。", FIX_ELEMENT, (f"<{tag}",))


UNCLOSED = Problem(
    "G120", "页面结尾有没有结束的 HTML：注释 `<!--`、标签、属性值的引号，或 `<script>`、`<textarea>` 一类元素没有结束；"
    "读者的浏览器会把网页模板的其余部分也读进去。",
    "补上结束标记（`-->`、`>`、引号或 `</…>`），或删除这段 HTML；正文请用 Markdown。", ())


PLAIN_RELATIVE = re.compile(r"^[A-Za-z0-9_.~#?=&%+-][A-Za-z0-9_.~#?=&%+/-]*$")


def _plainly_relative(value: str | None) -> bool:
    """A fragment (`#fn:1`), or a site-relative address in its usual form (`../measures/x/`: letters,
    digits, `./-_~#?=&%+`, no colon, backslash or leading slash): classify_address would say "relative"."""
    if not value:
        return False
    return value.startswith("#") or PLAIN_RELATIVE.match(value) is not None


def tree_problems(tree: HtmlTree) -> list[Problem]:
    """Everything in the parsed page the allowlists refuse, in document order."""
    problems: list[Problem] = []
    for node in tree.elements():
        tag = node.tag or ""
        attrs = node.attributes
        if tag in DOCUMENT_ELEMENTS:  # `<body onload=…>` in the content adds to the page's own <body>
            if attrs:
                problems.append(_element_problem(tag))
            continue
        if tag not in ELEMENTS:
            problems.append(_element_problem(tag))
            continue
        allowed = ALLOWED_ATTRIBUTES[tag]
        for name, value in attrs.items():
            if name in allowed and name != "style" and tag != "input" and (
                    (tag, name) not in ADDRESS_ATTRIBUTES or _plainly_relative(value)):
                continue  # the common cases, decided without building a message
            problems.extend(_attribute_problems(tag, name, value, f"<{tag}"))
    if not tree.closed:
        problems.append(UNCLOSED)
    return problems


@lru_cache(maxsize=8)  # one page's findings all search the same source
def _searchable_lines(markdown: str) -> list[str]:
    """The source lines where HTML can come from: fenced code blanked, inline code spans removed
    (both reach the page as text, so they never hold the construct a finding is about)."""
    lines: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            lines.append("")
            continue
        opened = FENCE_OPEN.match(line)
        if opened:
            fence = opened["fence"]
            lines.append("")
            continue
        lines.append(CODE_SPAN.sub("", line) if "`" in line else line)
    return lines


def _source_line(markdown: str, first_line: int, clues: tuple[str, ...]) -> int | None:
    """The first source line that shows one of the clues: as written (any case), else once its
    character references are decoded (`&colon;` in the source is `:` in the HTML), case kept."""
    lines = _searchable_lines(markdown)
    lowered = _lowered(markdown)
    for clue in clues:
        needle = clue.strip()
        if not needle:
            continue
        for offset, line in enumerate(lowered):
            if needle.lower() in line:
                return first_line + offset
        for offset, line in enumerate(lines):
            if needle in unescape(line):
                return first_line + offset
    return None


@lru_cache(maxsize=8)
def _lowered(markdown: str) -> list[str]:
    return [line.lower() for line in _searchable_lines(markdown)]


def _last_markup_line(markdown: str, first_line: int) -> int | None:
    """Where an unclosed construct most likely starts: the last line opening a comment, else a tag."""
    lines = _searchable_lines(markdown)
    for marker in ("<!--", "<"):
        for offset in range(len(lines) - 1, -1, -1):
            if marker in lines[offset]:
                return first_line + offset
    return None


def check_tree(path: str, tree: HtmlTree, markdown: str, body_start_line: int) -> list[Finding]:
    """Findings for everything in a parsed page the allowlists do not accept, each with its source line."""
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for problem in tree_problems(tree):
        if (problem.code, problem.message) in seen:
            continue
        seen.add((problem.code, problem.message))
        line = (_source_line(markdown, body_start_line, problem.clues) if problem.clues
                else _last_markup_line(markdown, body_start_line))
        findings.append(Finding(problem.code, path, problem.message, problem.fix, line))
    return findings


def check_html(path: str, html: str, markdown: str, body_start_line: int) -> list[Finding]:
    """check_tree on a page's HTML parsed here (the hook parses once and calls check_tree)."""
    return check_tree(path, parse_content(html), markdown, body_start_line)


def _shown_tag(tag: str, attrs: dict[str, str | None]) -> str:
    shown = "".join(f" {name}" if value is None else f' {name}="{value}"' for name, value in attrs.items())
    return f"<{tag}{shown}>"


def neutralise_tree(tree: HtmlTree) -> None:
    """Defuse what check_tree reports, in the tree that is published: a refused element becomes
    its tag as visible text around its (checked) content, a refused attribute is dropped, an
    address with a refused scheme becomes `#blocked`. Comments never reach the page (serialise)."""
    for node in list(tree.elements()):
        tag = node.tag or ""
        if tag in DOCUMENT_ELEMENTS:
            continue  # only the content inside <body> is written out
        if tag not in ELEMENTS:
            node.insert_before(_shown_tag(tag, node.attributes))
            if tag not in VOID_ELEMENTS:
                node.insert_after(f"</{tag}>")
            if tag == "template" or node.child is None:  # a template's content is a separate, inert document
                node.decompose()
            else:
                node.unwrap()
            continue
        for name, value in list(node.attributes.items()):
            problems = [p for p in _attribute_problems(tag, name, value, "") if p.code != "G046"]
            if not problems:
                continue
            if (tag, name) in ADDRESS_ATTRIBUTES and problems[0].code != "G041":
                node.attrs[name] = BLOCKED
            else:
                del node.attrs[name]


def neutralise_html(html: str) -> str:
    """neutralise_tree on a page's HTML parsed here, written out again."""
    tree = parse_content(html)
    neutralise_tree(tree)
    return tree.serialise()
