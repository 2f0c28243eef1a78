"""The content graph: items, their typed links, the derived reverse links, and
the checks that keep the graph whole. One pass, dictionary look-ups only."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding
from .front_matter import ParsedPage
from .model import (
    EVIDENCE_LABELS,
    ID_PATTERN,
    ITEM_TYPES,
    OWN_FIELDS,
    PAGE_KEYS,
    RELATIONS,
    SUMMARY_MAX_CHARS,
    allowed_keys,
    item_id,
    relations_of,
    required_keys,
)
from .placeholders import is_placeholder


@dataclass
class Item:
    """One item page: its id, type (folder) and parsed front matter."""

    id: str
    folder: str
    page: ParsedPage

    @property
    def path(self) -> str:
        return self.page.path

    @property
    def title(self) -> str:
        value = self.page.meta.get("title")
        return value if isinstance(value, str) and value.strip() else self.id

    @property
    def summary(self) -> str:
        value = self.page.meta.get("summary")
        return value.strip() if isinstance(value, str) else ""

    @property
    def type_label(self) -> str:
        return ITEM_TYPES[self.folder].label


@dataclass
class Graph:
    """Items by id, the links as written (forward) and as derived (reverse)."""

    items: dict[str, Item] = field(default_factory=dict)
    forward: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    reverse: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def by_folder(self, folder: str) -> list[Item]:
        return [item for item in self.items.values() if item.folder == folder]

    def links(self, item_id: str, key: str) -> list[str]:
        return self.forward.get(item_id, {}).get(key, [])

    def backlinks(self, item_id: str, key: str) -> list[str]:
        return self.reverse.get(item_id, {}).get(key, [])

    def degree(self, item_id: str) -> int:
        out = sum(len(v) for k, v in self.forward.get(item_id, {}).items() if k != "sources")
        back = sum(len(v) for k, v in self.reverse.get(item_id, {}).items() if k != "sources")
        return out + back


def _as_list(value: Any) -> list[Any] | None:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [value]
    return None


def check_schema(item: Item, allowed_tags: frozenset[str]) -> list[Finding]:
    """Required fields, unknown keys (with did-you-mean), value types, summary length, tags."""
    page, path = item.page, item.path
    findings: list[Finding] = []
    if not ID_PATTERN.match(item.id):
        findings.append(Finding(
            "G007", path, f"文件名 `{item.id}` 不能作为 id。",
            "改名为小写英文字母、数字和连字符组成的短名，例如 `two-skins.md`。"))
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
        if value is None or value == "" or value == []:
            findings.append(Finding(
                "G010", path, f"{item.type_label}页缺少必填字段 `{key}`。",
                f"在 front matter 中加上 `{key}: …`（见编辑指南中的{item.type_label}模板）。",
                page.line_of(key) or 1))
    for key in ("title", "summary", *OWN_FIELDS.get(item.folder, ())):
        value = page.meta.get(key)
        if key == "date" and isinstance(value, datetime.date):
            continue  # `date: 2018-12-05` is a date, and that is what the field holds
        if key in page.meta and value is not None and not isinstance(value, str):
            findings.append(Finding(
                "G012", path, f"字段 `{key}` 应是一段文字，现在写的是{describe_value(value)}。",
                f"写成一段文字；要保留原样时用英文双引号括起来，例如 `{key}: \"{_plain(value)}\"`。",
                page.line_of(key)))
    evidence = page.meta.get("evidence")
    if "evidence" in allowed and isinstance(evidence, str) and evidence.strip() not in EVIDENCE_LABELS \
            and not is_placeholder(evidence):  # a placeholder is reported once, as G070
        # No did-you-mean: the labels differ by one character, and a guessed grade is worse than none.
        findings.append(Finding(
            "G016", path, f"证据等级“{evidence}”不在规定的三级之中。",
            "只能写 " + "、".join(f"`{label}`" for label in EVIDENCE_LABELS)
            + " 之一，依据资料来源实际报告的内容判断。",
            page.line_of("evidence")))
    summary = page.meta.get("summary")
    if isinstance(summary, str) and len(summary.strip()) > SUMMARY_MAX_CHARS:
        findings.append(Finding(
            "G013", path, f"摘要有 {len(summary.strip())} 个字符，超过了 {SUMMARY_MAX_CHARS} 个"
            "（汉字、标点、字母、数字和空格每个都算一个）。",
            f"删掉 {len(summary.strip()) - SUMMARY_MAX_CHARS} 个以上的字符，压缩成一句话；展开的内容写进正文。",
            page.line_of("summary")))
    for relation in relations_of(item.folder):
        if _as_list(page.meta.get(relation.key)) is None:
            findings.append(Finding(
                "G012", path, f"字段 `{relation.key}` 应是 id 列表。",
                f"写成 `{relation.key}: [id1, id2]`。", page.line_of(relation.key)))
    findings.extend(check_tags(path, page, allowed_tags))
    return findings


def describe_value(value: Any) -> str:
    """What an editor wrote, in an editor's words (never a programming type name)."""
    if isinstance(value, bool):
        return "“是/否”（true/false、yes/no 会被读成是非值）"
    if isinstance(value, (int, float)):
        return "一个数字"
    if isinstance(value, datetime.date):
        return "一个日期"
    if isinstance(value, list):
        return "一个列表（方括号 `[…]` 或以 `- ` 开头的几行）"
    if isinstance(value, dict):
        return "几个“名称: 值”（多半是值里有“: ”，或下一行缩进了）"
    return "无法识别的内容"


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "，".join(str(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{k}: {v}" for k, v in value.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


def check_tags(path: str, page: ParsedPage, allowed_tags: frozenset[str]) -> list[Finding]:
    """Tags must be a list of names from the allowed list."""
    tags = _as_list(page.meta.get("tags"))
    if tags is None:
        return [Finding("G012", path, "字段 `tags` 应是标签列表。",
                        "写成 `tags: [学习教育, 考核评价]`。", page.line_of("tags"))]
    findings = []
    for index, tag in enumerate(tags):
        if allowed_tags and str(tag) not in allowed_tags:
            hint = _did_you_mean(str(tag), allowed_tags)
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
    if elsewhere:
        owners = "、".join(ITEM_TYPES[o].label for o in elsewhere[0].owners)
        fix = (f"`{key}` 只能写在{owners}页上；关系只写一次，反向关系由构建自动生成。"
               "请删除此字段，或把它写到另一端的页面上。")
    else:
        fix = _did_you_mean(key, allowed) or ("可用字段：" + "、".join(f"`{k}`" for k in allowed) + "。")
    return Finding("G011", path, f"{kind}不支持字段 `{key}`。", fix, line)


def _did_you_mean(word: str, candidates: Any) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"是否想写 `{close[0]}`？" if close else ""


def build_graph(items: list[Item]) -> tuple[Graph, list[Finding]]:
    """Index items by id, resolve every relation, derive reverse edges."""
    graph = Graph()
    findings: list[Finding] = []
    for item in sorted(items, key=lambda i: i.path):
        if item.id in graph.items:
            first = graph.items[item.id]
            findings.append(Finding(
                "G022", item.path, f"id `{item.id}` 与 docs/{first.path} 重复。",
                "给其中一个文件改一个不同的文件名（id）。"))
            continue
        graph.items[item.id] = item
    for item in graph.items.values():
        for relation in relations_of(item.folder):
            graph.forward.setdefault(item.id, {})[relation.key] = _resolve(graph, item, relation.key,
                                                                           findings)
    for source_id, by_key in graph.forward.items():
        for key, targets in by_key.items():
            for target in targets:
                graph.reverse.setdefault(target, {}).setdefault(key, []).append(source_id)
    return graph, findings


def _resolve(graph: Graph, item: Item, key: str, findings: list[Finding]) -> list[str]:
    relation = RELATIONS[key]
    values = _as_list(item.page.meta.get(key)) or []
    resolved: list[str] = []
    target_labels = "、".join(ITEM_TYPES[t].label for t in relation.targets)
    for index, raw in enumerate(values):
        if is_placeholder(raw):  # reported once, as a placeholder (G070)
            continue
        ref = str(raw).strip()
        line = item.page.line_of(key, index)
        target = graph.items.get(ref)
        if ref == item.id:
            findings.append(Finding(
                "G023", item.path, f"`{key}` 中列出了页面自己（`{ref}`）。",
                "删除这一项。", line))
        elif target is None:
            candidates = [i.id for i in graph.items.values() if i.folder in relation.targets]
            hint = _did_you_mean(ref, candidates)
            findings.append(Finding(
                "G020", item.path, f"`{key}` 引用的 `{ref}` 不存在。{hint}",
                f"`{key}` 只能列出已有的{target_labels}页的文件名（不含 .md）。", line))
        elif target.folder not in relation.targets:
            findings.append(Finding(
                "G021", item.path,
                f"`{key}` 引用的 `{ref}` 是{target.type_label}，而这里只能列{target_labels}。",
                _wrong_type_fix(item, key, target), line))
        elif ref in resolved:
            findings.append(Finding("G024", item.path, f"`{key}` 中 `{ref}` 写了两次。",
                                    "删除重复的一项。", line))
        else:
            resolved.append(ref)
    return resolved


def _wrong_type_fix(item: Item, key: str, target: Item) -> str:
    for relation in relations_of(item.folder):
        if target.folder in relation.targets and relation.key != key:
            return f"把 `{target.id}` 移到 `{relation.key}` 字段。"
    return f"删除 `{target.id}`，或在{target.type_label}页上反向建立关系。"


def check_connections(graph: Graph) -> list[Finding]:
    """Orphans, problems nobody answers, sources nobody cites."""
    findings: list[Finding] = []
    for item in graph.items.values():
        if item.folder == "sources":
            if not graph.backlinks(item.id, "sources"):
                findings.append(Finding(
                    "G032", item.path, f"资料来源 `{item.id}` 没有被任何条目引用。",
                    "在取材于它的条目的 `sources` 中加上它，或删除此页。"))
            continue
        if graph.degree(item.id) == 0:
            findings.append(Finding(
                "G030", item.path, f"{item.type_label} `{item.id}` 没有与任何条目相连。",
                _orphan_fix(item.folder)))
        elif item.folder == "problems" and not graph.backlinks(item.id, "addresses"):
            findings.append(Finding(
                "G031", item.path, f"问题 `{item.id}` 还没有任何创新举措应对。",
                f"在相应举措页的 `addresses` 中加上 `{item.id}`。"))
    return findings


def _orphan_fix(folder: str) -> str:
    return {
        "problems": "在 `causes` 中写上它的成因，并在应对它的举措页的 `addresses` 中加上它。",
        "causes": "在相关问题页的 `causes` 中或举措页的 `addresses` 中加上它。",
        "measures": "在 `addresses` 中写上它针对的问题或成因。",
        "cases": "在 `applies` 中写上它运用的举措。",
    }[folder]


def make_item(path: str, page: ParsedPage, folder: str) -> Item:
    return Item(id=item_id(path), folder=folder, page=page)
