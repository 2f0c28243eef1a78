"""The front-matter schema of each page: required and known keys, value kinds, lengths, tags, grades.

Checks one page at a time and returns findings; the graph (graph.py) checks what
the pages say about each other.
"""

from __future__ import annotations

from ..core.findings import Finding, did_you_mean
from ..core.front_matter import ParsedPage
from ..core.graph import Item, as_list
from ..core.model import (
    ID_PATTERN,
    ITEM_TYPES,
    MEASURE_CHOICES,
    MEASURE_FIELD_LABELS,
    PAGE_KEYS,
    RELATIONS,
    SUMMARY_MAX_CHARS,
    TITLE_MAX_CHARS,
    allowed_keys,
    required_keys,
)
from ..core.placeholders import is_placeholder
from .file_safety import slug_path


def check_schema(item: Item, allowed_tags: frozenset[str]) -> list[Finding]:
    """Required fields, unknown keys (with did-you-mean), value types, summary length, tags."""
    page, path = item.page, item.path
    findings: list[Finding] = []
    if not ID_PATTERN.match(item.id):
        findings.append(Finding(
            "G007", path, f"文件名 `{item.id}` 不能作为 id。",
            f"改名为小写英文字母、数字和连字符组成的短名，例如按拼音改为 `{slug_path(path).rsplit('/', 1)[-1]}`，"
            "并同时修改链接到它的地方。"))
    if not page.has_front_matter:
        findings.append(Finding(
            "G005", path, f"{item.type_label}页缺少 front matter。",
            "从编辑指南复制本类型的模板，放在文件最前面。", 1))
        return findings
    allowed = allowed_keys(item.folder)
    for key in page.meta:
        if key not in allowed:
            findings.append(_unknown_key(item, key, allowed))
    for key in required_keys(item.folder):
        value = page.meta.get(key)
        if value is None or value == "" or value == [] or value == {}:
            choices = MEASURE_CHOICES.get(key) if item.folder == "measures" else None
            allowed_values = ("，可选：" + "、".join(f"`{c.value}`（{c.meaning}）" for c in choices)) if choices else ""
            findings.append(Finding(
                "G010", path, f"{item.type_label}页缺少必填字段 `{key}`。",
                f"在 front matter 中加上 `{key}: …`{allowed_values}（见编辑指南中的{item.type_label}模板）。",
                page.line_of(key) or 1))
    findings.extend(check_title_length(path, page))
    if item.folder == "measures":
        findings.extend(check_measure_choices(item))
    summary = page.meta.get("summary")
    if isinstance(summary, str) and len(summary.strip()) > SUMMARY_MAX_CHARS:
        findings.append(Finding(
            "G013", path, f"摘要有 {len(summary.strip())} 个字符，超过了 {SUMMARY_MAX_CHARS} 个"
            "（汉字、标点、字母、数字和空格每个都算一个）。",
            f"删掉 {len(summary.strip()) - SUMMARY_MAX_CHARS} 个以上的字符，压缩成一句话；展开的内容写进正文。",
            page.line_of("summary")))
    # the kind of every value (text, list of ids, …) is checked for every page: value_types.py
    findings.extend(check_tags(path, page, allowed_tags))
    return findings


def check_title_length(path: str, page: ParsedPage) -> list[Finding]:
    """G140: a title longer than the model's limit wraps to several lines in the heading and the nav."""
    title = page.meta.get("title")
    if not isinstance(title, str) or len(title.strip()) <= TITLE_MAX_CHARS:
        return []
    length = len(title.strip())
    return [Finding(
        "G140", path, f"标题有 {length} 个字符，超过了 {TITLE_MAX_CHARS} 个"
        "（在手机上和导航栏里会折成三行以上）。",
        f"删掉 {length - TITLE_MAX_CHARS} 个以上的字符，只留下读者找这一页时会想到的说法；"
        "细节写进 `summary` 和正文。", page.line_of("title"))]


MEASURE_CHOICE_RULES: dict[str, str] = {"lead": "G108", "effort": "G109"}


def check_measure_choices(item: Item) -> list[Finding]:
    """`lead` and `effort` of a measure: one of the values the model allows (did-you-mean helps here)."""
    findings: list[Finding] = []
    for key, code in MEASURE_CHOICE_RULES.items():
        value = item.page.meta.get(key)
        if value is None or value == "" or is_placeholder(value) or not isinstance(value, str):
            continue  # missing: G010; placeholder: G070; not text: G012
        choices = MEASURE_CHOICES[key]
        allowed = [c.value for c in choices]
        if value.strip() not in allowed:
            hint = did_you_mean(value.strip(), allowed)
            findings.append(Finding(
                code, item.path, f"`{key}`（{MEASURE_FIELD_LABELS[key]}）写的“{value}”不在允许的值之中。{hint}",
                "只能写 " + "、".join(f"`{c.value}`（{c.meaning}）" for c in choices) + " 之一；这是本指南编者的判断。",
                item.page.line_of(key)))
    return findings


def check_tags(path: str, page: ParsedPage, allowed_tags: frozenset[str]) -> list[Finding]:
    """Tags must be a list of names from the allowed list."""
    tags = as_list(page.meta.get("tags"))
    if tags is None:  # the wrong kind of value: reported by value_types
        return []
    findings = []
    for index, tag in enumerate(tags):
        if allowed_tags and str(tag) not in allowed_tags:
            hint = did_you_mean(str(tag), allowed_tags)
            findings.append(Finding(
                "G014", path, f"标签“{tag}”不在允许的标签列表中。{hint}",
                "允许的标签：" + "、".join(sorted(allowed_tags)) + "。",
                page.line_of("tags", index)))
    return findings


def check_page_keys(path: str, page: ParsedPage) -> list[Finding]:
    """Unknown keys on pages that are not items (home, guide, contributing)."""
    return [
        _unknown_key_finding(path, key, PAGE_KEYS, page.line_of(key), "普通页面")
        for key in page.meta
        if key not in PAGE_KEYS
    ]


def _unknown_key(item: Item, key: str, allowed: tuple[str, ...]) -> Finding:
    return _unknown_key_finding(item.path, key, allowed, item.page.line_of(key), f"{item.type_label}页")


def _unknown_key_finding(path: str, key: str, allowed: tuple[str, ...], line: int | None,
                         kind: str) -> Finding:
    elsewhere = [r for r in RELATIONS.values() if r.key == key]
    if key == "evidence":
        fix = ("`evidence` 已不再使用：证据等级按举措逐项写在 `applies` 中，例如 "
               "`  four-togethers: {grade: 已实施，无成效数据, why: 报告季度同考核，未给成效数字}`；请删除此字段。")
    elif elsewhere:
        owners = "、".join(ITEM_TYPES[o].label for o in elsewhere[0].owners)
        fix = (f"`{key}` 只能写在{owners}页上；关系只写一次，反向关系由构建自动生成。"
               "请删除此字段，或把它写到另一端的页面上。")
    else:
        fix = did_you_mean(key, allowed) or ("可用字段：" + "、".join(f"`{k}`" for k in allowed) + "。")
    return Finding("G011", path, f"{kind}不支持字段 `{key}`。", fix, line)
