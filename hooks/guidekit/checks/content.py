"""Load every page once and run all content checks in one pass.

`load_content` is the single entry point shared by the MkDocs hook, the tests
and the command line: it takes page bytes by docs-relative path and returns the
graph plus every finding, so one build reports all problems at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.evidence import check_applications
from ..core.findings import Finding, sort_findings
from ..core.front_matter import ParsedPage, decode, parse_page
from ..core.graph import Graph, build_graph, check_connections, make_item
from ..core.model import CONTENT_TYPES, is_checklist, item_folder, required_keys
from ..core.plain_text import check_front_matter_text
from .checklists import check_checklist
from .own_words import check_own_words
from .page_rules import check_page_rules, unreliable_connection_paths
from .provenance import check_citations
from .questions import check_duplicate_questions, check_questions
from .schema import check_page_keys, check_schema, check_tags
from .simplified import check_simplified
from .source_notes import check_source_notes
from .value_types import check_value_types


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
    texts: dict[str, str] = {}
    unreadable: set[str] = set()  # front matter that did not parse: one finding, nothing derived from it
    questions: dict[str, tuple[str, int]] = {}  # problem pages whose 自查要点 become questions
    for path in sorted(sources):
        text, problems = decode(path, sources[path])
        findings.extend(problems)
        if text is None:
            undecodable.add(path)
            unreadable.add(path)
            if (folder := item_folder(path)) is not None:  # keep its id, so links to it are not reported too
                items.append(make_item(path, ParsedPage(path=path), folder))
            continue
        if not text.strip():  # an empty file is one mistake, not "no front matter" and "no body"
            findings.append(Finding("G006", path, "文件是空的，没有 front matter 也没有正文。",
                                    "按编辑指南中的模板写出内容（或用 bash scripts/new-page.sh 新建）；"
                                    "不需要的页面请删除文件。", 1))
            unreadable.add(path)
            if (folder := item_folder(path)) is not None:
                items.append(make_item(path, ParsedPage(path=path), folder))
            continue
        page, problems = parse_page(path, text)
        findings.extend(problems)
        pages[path] = page
        texts[path] = text
        if any(f.code in ("G002", "G003", "G004", "G005", "G060") for f in problems):
            unreadable.add(path)
        findings.extend(check_front_matter_text(page))
        findings.extend(check_simplified(page))
        findings.extend(check_own_words(path, page.body, page.body_start_line))
        if not page.body.strip():
            findings.append(Finding(
                "G006", path, "页面除 front matter 外没有正文。",
                "按编辑指南中的模板写出正文各节；不需要的页面请删除文件。",
                page.body_start_line))
        folder = item_folder(path)
        if page.has_front_matter and not problems:  # every value of its field's kind, on every page
            findings.extend(check_value_types(page, required_keys(folder) if folder else ()))
        if folder is None:
            if page.has_front_matter and not problems:
                findings.extend(check_page_keys(path, page))
                findings.extend(check_tags(path, page, allowed_tags))
            if is_checklist(path):
                findings.extend(check_checklist(path, page.body, page.body_start_line))
            continue
        if not page.has_front_matter:  # reported once (G005); its relations are unknown
            unreadable.add(path)
        item = make_item(path, page, folder)
        if not problems:  # a broken front matter is one finding; the body is checked once it parses
            findings.extend(check_schema(item, allowed_tags))
            if folder == "cases" and page.has_front_matter:
                findings.extend(check_applications(item))
            if folder in CONTENT_TYPES and page.has_front_matter:
                findings.extend(check_citations(path, folder, page.body, page.body_start_line))
                findings.extend(check_source_notes(path, folder, page.body, page.body_start_line))
            if folder == "problems":
                findings.extend(check_questions(path, page.body, page.body_start_line))
                questions[path] = (page.body, page.body_start_line)
        items.append(item)
    findings.extend(check_duplicate_questions(questions))
    graph, problems = build_graph(items)
    findings.extend(problems)
    findings.extend(check_page_rules(pages, texts, graph, unreadable))
    skip = unreliable_connection_paths(graph, unreadable)
    findings.extend(f for f in check_connections(graph) if f.path not in skip)
    return Content(graph=graph, pages=pages, undecodable=undecodable,
                   findings=sort_findings(findings))
