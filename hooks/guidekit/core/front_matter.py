"""Read a page's bytes into front matter (with line numbers) and body.

MkDocs itself silently ignores front matter it cannot parse; this module is
stricter and says, in Chinese, which line is wrong and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .findings import Finding

FULL_WIDTH_COLON_KEY = re.compile(r"^\s*(?:-\s*)?[A-Za-z_][\w-]*\s*：")
LEADING_TAB = re.compile(r"^ *\t")
FENCE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# libyaml's composer is an order of magnitude faster and keeps the same marks.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ParsedPage:
    """A page split into front matter and body, with where each key stands."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    value_lines: dict[tuple[str, int], int] = field(default_factory=dict)
    # Lines of the keys inside a map value, by path: ("applies", "m1") and ("applies", "m1", "grade").
    nested_lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    body: str = ""
    body_start_line: int = 1
    has_front_matter: bool = False

    def line_of(self, key: str, index: int | None = None) -> int | None:
        """The 1-based line of a key, or of one element of a list value."""
        if index is not None and (key, index) in self.value_lines:
            return self.value_lines[(key, index)]
        return self.key_lines.get(key)

    def line_of_path(self, *path: str) -> int | None:
        """The line of a key inside a map value, falling back to its nearest enclosing key."""
        for end in range(len(path), 1, -1):
            if path[:end] in self.nested_lines:
                return self.nested_lines[path[:end]]
        return self.key_lines.get(path[0]) if path else None


BINARY_SIGNATURES: tuple[bytes, ...] = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04",
                                        b"\xd0\xcf\x11\xe0")


def decode(path: str, raw: bytes) -> tuple[str | None, list[Finding]]:
    """Decode UTF-8 (a BOM is fine); CRLF line endings become LF. A file that is not text is refused:
    UTF-16 and known binary formats by their first bytes (G001), any other NUL byte by its line (G049)."""
    fix = ("用编辑器把文件另存为“UTF-8”编码（Windows 记事本：文件 → 另存为 → 编码选“UTF-8”；"
           "VS Code：右下角编码 → 通过编码保存 → UTF-8）。")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Finding("G001", path, "文件是 UTF-16 编码（Windows 记事本的“Unicode”），构建无法读取。",
                              fix, 1)]
    if raw.startswith(BINARY_SIGNATURES):
        return None, [Finding(
            "G001", path, "这不是文本文件（可能是图片、Word 或 PDF 文件被改成了 .md 结尾），构建无法读取。",
            "用文本编辑器新建 .md 文件，把内容粘贴进去；图片请放在 docs/images/ 下，用 `![说明](图片路径)` 引用。",
            1)]
    if b"\0" in raw:
        line = raw[: raw.index(b"\0")].count(b"\n") + 1
        return None, [Finding(
            "G049", path, f"文件第 {line} 行有 NUL（\\0）字节，不是普通文本文件（可能是 UTF-16 编码或二进制文件）。",
            "用编辑器把文件另存为“UTF-8”编码的纯文本；如果它本来就不是文字，请从 docs/ 中移走。", line)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        guess = "（看起来是 GBK/ANSI）" if _looks_like_gbk(raw) else ""
        return None, [Finding("G001", path, f"文件不是 UTF-8 编码{guess}，第 {line} 行起无法读取。", fix, line)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def split_front_matter(text: str) -> tuple[list[str] | None, str, int]:
    """Return (front-matter lines or None, body, 1-based line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if FENCE_CLOSE.match(lines[index]):
            body = "\n".join(lines[index + 1 :])
            return lines[1:index], body, index + 2
    return None, text, 1


def parse_page(path: str, text: str) -> tuple[ParsedPage, list[Finding]]:
    """Parse front matter and body; report syntax problems with their line."""
    block, body, body_start = split_front_matter(text)
    page = ParsedPage(path=path, body=body, body_start_line=body_start)
    if block is None:
        if text.startswith("---"):
            return page, [Finding(
                "G005", path, "front matter 以 `---` 开头，但没有找到结束的 `---` 行。",
                "在最后一个字段之后单独加一行 `---`。", 1)]
        return page, []
    page.has_front_matter = True
    findings = _lexical_findings(path, block)
    if findings:
        return page, findings
    source = "\n".join(block) + "\n"
    try:
        anchor_line = _first_anchor_line(source)
        if anchor_line is not None:
            return page, [Finding(
                "G060", path, "front matter 使用了 YAML 锚点（`&名字`）或别名（`*名字`），本指南不接受。",
                "把每个值直接写出来，不要用 `&` 定义、用 `*` 引用；若是文字中的 & 或 *，请给整个值加引号。",
                anchor_line + 2)]
        node = yaml.compose(source, Loader=COMPOSER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else None
        problem = str(error.problem or error)
        return page, [Finding(
            "G002", path,
            f"front matter 不是合法的 YAML：{yaml_problem_in_chinese(problem)}（解析器原文：{problem}）。",
            "检查该行及上一行：引号是否成对、冒号后是否有空格、列表是否写成 `[a, b]` 或每行 `- a`。",
            line)]
    except yaml.YAMLError as error:  # e.g. a control character pasted from another program
        position = getattr(error, "position", None)
        line = source[:position].count("\n") + 2 if isinstance(position, int) else None
        return page, [Finding(
            "G002", path, "front matter 中有看不见的控制字符（多半是从其他软件复制过来的）。",
            "删除该行重新输入，或从编辑指南的模板中重新复制。", line)]
    if node is None:
        return page, []
    if not isinstance(node, yaml.MappingNode):
        return page, [Finding(
            "G005", path, "front matter 不是“字段: 值”的形式。",
            "每行写成 `字段: 值`，例如 `title: 党建与业务“两张皮”`。", node.start_mark.line + 2)]
    findings.extend(_collect_mapping(page, node))
    return page, findings


def _first_anchor_line(source: str) -> int | None:
    """The 0-based line of the first anchor or alias, read from the parser's events.

    Events come before composition, so an alias bomb is refused without expanding anything.
    """
    if "&" not in source and "*" not in source:
        return None
    for event in yaml.parse(source, Loader=COMPOSER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            # PyYAML's parser gives every event its mark; the stubs allow None for hand-made events.
            return event.start_mark.line if event.start_mark is not None else 0
    return None


YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "值里有“: ”（冒号加空格），被当成了另一个字段；值里需要冒号时，把整个值用英文双引号括起来"),
    ("expected ',' or ']'", "方括号列表 `[…]` 没有正确结束，缺少 `]` 或项之间的英文逗号"),
    ("expected ',' or '}'", "花括号 `{…}` 没有正确结束；普通文字里不要用 `{`，或把整个值用英文双引号括起来"),
    ("unexpected end of stream", "引号或括号没有成对，一直到 front matter 结束都没有闭合"),
    ("could not find expected ':'", "这一行不是“字段: 值”的形式，缺少半角冒号，或上一行的引号没有闭合"),
    ("expected <block end>", "缩进不一致：同一层的字段要从同一列开始"),
    ("cannot start any token", "值以 `@`、`` ` ``、`%` 等符号开头，要用英文双引号括起来"),
    ("found undefined alias", "值以 `*` 开头，要用英文双引号括起来"),
    ("did not find expected key", "缩进或列表写法有误：列表每项以 `- ` 开头且对齐"),
    ("did not find expected", "括号、引号或缩进没有对齐"),
)


def yaml_problem_in_chinese(problem: str) -> str:
    """The YAML parser's English problem, said for an editor."""
    for english, chinese in YAML_PROBLEMS:
        if english in problem:
            return chinese
    return "这一行不符合“字段: 值”的写法"


def _lexical_findings(path: str, block: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    for offset, line in enumerate(block):
        number = offset + 2
        if LEADING_TAB.match(line):
            findings.append(Finding(
                "G004", path, "front matter 这一行用 Tab（制表符）缩进，YAML 不允许。",
                "把行首的 Tab 换成空格。", number))
        if FULL_WIDTH_COLON_KEY.match(line):
            key = line.split("：", 1)[0].strip()
            findings.append(Finding(
                "G003", path, f"字段 `{key}` 后面用了全角冒号“：”。",
                f"改成半角冒号加空格：`{key}: …`。", number))
    return findings


def _collect_nested_lines(page: ParsedPage, path: tuple[str, ...], node: yaml.MappingNode) -> None:
    """Where each key of a map value stands (two levels: enough for `applies`)."""
    for index, (key_node, value_node) in enumerate(node.value):
        line = key_node.start_mark.line + 2
        name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else str(index)
        if len(path) == 1:
            page.value_lines[(path[0], index)] = line
        page.nested_lines.setdefault((*path, name), line)
        if isinstance(value_node, yaml.MappingNode) and len(path) < 2:
            _collect_nested_lines(page, (*path, name), value_node)


def _collect_mapping(page: ParsedPage, node: yaml.MappingNode) -> list[Finding]:
    findings: list[Finding] = []
    loader = yaml.SafeLoader("")
    try:
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node, deep=True))
            line = key_node.start_mark.line + 2
            if key in page.key_lines:
                findings.append(Finding(
                    "G015", page.path,
                    f"字段 `{key}` 写了两次（第 {page.key_lines[key]} 行和第 {line} 行）。",
                    "删除其中一次，把值合并到同一行。", line))
            page.key_lines[key] = line
            page.meta[key] = loader.construct_object(value_node, deep=True)
            if isinstance(value_node, yaml.SequenceNode):
                for index, element in enumerate(value_node.value):
                    page.value_lines[(key, index)] = element.start_mark.line + 2
            elif isinstance(value_node, yaml.MappingNode):
                _collect_nested_lines(page, (key,), value_node)
    except yaml.YAMLError as error:
        findings.append(Finding(
            "G002", page.path, f"front matter 中有无法读取的值（解析器原文：{error}）。",
            "把该值写成普通文字、列表 `[a, b]` 或数字。"))
    finally:
        loader.dispose()
    return findings
