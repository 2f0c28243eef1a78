"""The per-page rules on top of the schema: placeholders, citations, sections, titles.

Also decides which connection warnings (G030–G032) would only echo another
finding: when a page's front matter cannot be read (or still holds template
placeholders), its relations are unknown, so "nothing links here" on it or on
the pages it may link to says nothing new. One mistake, one finding.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.findings import Finding
from ..core.front_matter import ParsedPage
from ..core.graph import Graph, relation_values
from ..core.model import CONTENT_TYPES, item_folder, relations_of
from ..core.placeholders import check_placeholders, is_placeholder
from .footnotes import check_footnotes
from .sections import check_sections


def check_page_rules(pages: Mapping[str, ParsedPage], texts: Mapping[str, str], graph: Graph,
                     unreadable: set[str]) -> list[Finding]:
    source_ids = {item.id for item in graph.by_folder("sources")}
    findings: list[Finding] = []
    for path, page in pages.items():
        findings.extend(check_placeholders(path, texts[path], page))
        folder = item_folder(path)
        listed = None
        if folder in CONTENT_TYPES and path not in unreadable:
            value = page.meta.get("sources")
            values = value if isinstance(value, list) else [value]
            # A placeholder list is reported once (G070); footnotes are not held against it.
            listed = None if any(is_placeholder(v) for v in values) else {str(v).strip() for v in values}
        findings.extend(check_footnotes(path, page.body, page.body_start_line, source_ids, listed))
        if folder is not None:
            if page.body.strip() and page.has_front_matter:  # no body: G006; no front matter: G005
                findings.extend(check_sections(path, folder, page.body, page.body_start_line))
        elif path not in unreadable and not _has_text(page.meta.get("title")):
            findings.append(Finding(
                "G010", path, "页面缺少必填字段 `title`（页面标题，显示在导航和浏览器标签上）。",
                "在文件最前面加上 front matter：第一行 `---`，第二行 `title: 页面标题`，第三行 `---`。",
                page.line_of("title") or 1))
    return findings


def _has_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def unreliable_connection_paths(graph: Graph, unreadable: set[str]) -> set[str]:
    """Pages whose connection warnings would only repeat a front-matter finding.

    A page whose front matter could not be read, or whose relation fields still hold
    template placeholders, has unknown relations: it and every page it could link to
    are left out of the connection checks until that one finding is fixed.
    """
    unknown = set(unreadable)  # every relation unknown
    unknown_targets: set[str] = set()  # folders a page may link to through a relation that could not be read
    for item in graph.items.values():
        for relation in relations_of(item.folder):
            value = item.page.meta.get(relation.key)
            values = relation_values(value, relation.mapped)
            if values is None or any(is_placeholder(v) for v in values) or is_placeholder(value):
                unknown.add(item.path)  # not written in its shape (G012/G100) or still a placeholder
                unknown_targets.update(relation.targets)
    for path in unreadable:
        folder = item_folder(path)
        if folder is not None:
            unknown_targets.update(t for relation in relations_of(folder) for t in relation.targets)
    skip = set(unknown)
    skip.update(item.path for item in graph.items.values() if item.folder in unknown_targets)
    return skip
