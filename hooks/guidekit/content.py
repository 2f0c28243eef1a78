"""Load every page once and run all content checks in one pass.

`load_content` is the single entry point shared by the MkDocs hook, the tests
and the command line: it takes page bytes by docs-relative path and returns the
graph plus every finding, so one build reports all problems at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .findings import Finding, sort_findings
from .front_matter import ParsedPage, decode, parse_page
from .graph import (
    Graph,
    build_graph,
    check_connections,
    check_page_keys,
    check_schema,
    check_tags,
    make_item,
)
from .model import CONTENT_TYPES, item_folder
from .provenance import check_citations
from .self_check import check_questions


@dataclass
class Content:
    """Everything the build knows about the docs after one pass."""

    graph: Graph
    pages: dict[str, ParsedPage] = field(default_factory=dict)
    undecodable: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    def findings_for(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]


def load_content(sources: Mapping[str, bytes], allowed_tags: frozenset[str] = frozenset()) -> Content:
    """Parse and check every Markdown page; `sources` maps docs-relative path to bytes."""
    findings: list[Finding] = []
    pages: dict[str, ParsedPage] = {}
    undecodable: set[str] = set()
    items = []
    for path in sorted(sources):
        text, problems = decode(path, sources[path])
        findings.extend(problems)
        if text is None:
            undecodable.add(path)
            continue
        page, problems = parse_page(path, text)
        findings.extend(problems)
        pages[path] = page
        if not page.body.strip():
            findings.append(Finding(
                "G006", path, "页面除 front matter 外没有正文。",
                "按编辑指南中的模板写出正文各节；不需要的页面请删除文件。",
                page.body_start_line))
        folder = item_folder(path)
        if folder is None:
            if page.has_front_matter and not problems:
                findings.extend(check_page_keys(path, page))
                findings.extend(check_tags(path, page, allowed_tags))
            continue
        item = make_item(path, page, folder)
        if not problems:
            findings.extend(check_schema(item, allowed_tags))
        if folder in CONTENT_TYPES:
            findings.extend(check_citations(path, page.body, page.body_start_line))
        if folder == "problems":
            findings.extend(check_questions(path, page.body, page.body_start_line))
        items.append(item)
    graph, problems = build_graph(items)
    findings.extend(problems)
    findings.extend(check_connections(graph))
    return Content(graph=graph, pages=pages, undecodable=undecodable,
                   findings=sort_findings(findings))
