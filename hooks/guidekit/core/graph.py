"""The content graph: items, their typed links, the derived reverse links, and
the checks that keep the graph whole (unknown or wrong-type targets, orphans).
One pass, dictionary look-ups only. Front-matter schema checks live in schema.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from .findings import Finding, did_you_mean
from .front_matter import ParsedPage
from .model import (
    ITEM_TYPES,
    RELATIONS,
    item_id,
    relations_of,
)
from .placeholders import is_placeholder

T = TypeVar("T")


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
    # Values derived from the finished graph (evidence ratings), each worked out once per build:
    # a graph is not changed after build_graph returns.
    derived: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def remember(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        """`compute()` the first time (kind, key) is asked for, the same value after that."""
        slot = (kind, key)
        if slot not in self.derived:
            self.derived[slot] = compute()
        return cast(T, self.derived[slot])

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


def as_list(value: Any) -> list[Any] | None:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [value]
    return None


def relation_values(value: Any, mapped: bool) -> list[Any] | None:
    """The ids a relation field names, or None when it is not written in its shape.

    A list relation is `[id1, id2]` (one id alone is fine); a mapped one (`applies`) is a map whose
    keys are the ids: `{id1: {…}, id2: {…}}`.
    """
    if not mapped:
        return as_list(value)
    if value is None:
        return []
    return list(value) if isinstance(value, dict) else None


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


FULL_WIDTH_SEPARATOR = re.compile("[，、；]")


def _resolve(graph: Graph, item: Item, key: str, findings: list[Finding]) -> list[str]:
    relation = RELATIONS[key]
    values = relation_values(item.page.meta.get(key), relation.mapped) or []
    resolved: list[str] = []
    target_labels = "、".join(ITEM_TYPES[t].label for t in relation.targets)
    for index, raw in enumerate(values):
        if is_placeholder(raw):  # reported once, as a placeholder (G070)
            continue
        ref = str(raw).strip()
        line = item.page.line_of(key, index)
        target = graph.items.get(ref)
        separators = FULL_WIDTH_SEPARATOR.findall(ref)
        if target is None and separators:
            parts = [p.strip() for p in FULL_WIDTH_SEPARATOR.split(ref) if p.strip()]
            findings.append(Finding(
                "G142", item.path, f"`{key}` 中用了全角的“{separators[0]}”：`{ref}` 被读成了一个 id。",
                f"改用半角逗号加空格分隔，写成 `{key}: [{', '.join(parts)}]`。", line))
            continue
        if ref == item.id:
            findings.append(Finding(
                "G023", item.path, f"`{key}` 中列出了页面自己（`{ref}`）。",
                "删除这一项。", line))
        elif target is None:
            candidates = [i.id for i in graph.items.values() if i.folder in relation.targets]
            hint = did_you_mean(ref, candidates)
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
    """Where the relation can be written instead: another field here, the other page, or nowhere."""
    for relation in relations_of(item.folder):
        if target.folder in relation.targets and relation.key != key:
            return f"把 `{target.id}` 移到 `{relation.key}` 字段。"
    for relation in relations_of(target.folder):
        if item.folder in relation.targets:
            return (f"删除 `{target.id}`。要表示这层关系，在{target.type_label}页 `{target.id}` 的 "
                    f"`{relation.key}` 字段中写上 `{item.id}`（关系只写在一端，另一端由构建自动显示）。")
    allowed = "、".join(ITEM_TYPES[t].label for t in RELATIONS[key].targets)
    return (f"删除 `{target.id}`：{item.type_label}页的 `{key}` 只能列{allowed}页，"
            f"{target.type_label}页与本页之间没有可写的关系。")


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
