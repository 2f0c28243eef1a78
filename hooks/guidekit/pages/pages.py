"""Markdown for the generated (virtual) pages: type indexes, the overview, the glossary, the rules table.

Generated pages link with relative `.md` paths, so MkDocs resolves and checks
them like any hand-written link, under any sub-path and in the offline build.
"""

from __future__ import annotations

from html import escape

from ..adapters.mkdocs_api import get_relative_url, page_url
from ..core.evidence import EVIDENCE_GRADES, grade_badge_html, item_rating, measure_rating, rank, reason_html
from ..core.findings import RULES
from ..core.graph import Graph, Item
from ..core.model import ITEM_TYPES, MEASURE_EFFORTS, MEASURE_LEADS, RELATIONS, Choice, relations_of
from ..core.plain_text import markdown_text
from .links import md_link

GENERATED_FRONT_MATTER = "---\ntitle: {title}\nsummary: {summary}\nsearch:\n  exclude: true\n---\n\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def _counts(graph: Graph, item: Item) -> str:
    parts: list[str] = []
    for relation in relations_of(item.folder):
        if relation.key != "sources":
            parts.append(f"{relation.label} {len(graph.links(item.id, relation.key))}")
    for key in RELATIONS:
        back = graph.backlinks(item.id, key)
        if back:
            parts.append(f"{RELATIONS[key].reverse_label} {len(back)}")
    return " · ".join(parts)


THEMES_PAGE = "guide/themes.md"
EVIDENCE_PAGE = "guide/evidence.md"


def _evidence_note(page_path: str, evidence_page: bool) -> str:
    where = f"，见[证据等级说明]({md_link(page_path, EVIDENCE_PAGE)})" if evidence_page else ""
    return f"举措和案例后的标签是证据等级：资料来源报告了什么{where}。"


def type_index_markdown(graph: Graph, folder: str, themes_page: bool = False,
                        evidence_page: bool = False, use_directory_urls: bool = True) -> str:
    """The index page of one item type: a card per item (and a pointer to the tag listing);
    the measures' index is a comparison table instead (measures_table_html)."""
    item_type = ITEM_TYPES[folder]
    page_path = f"{folder}/index.md"
    items = sorted(graph.by_folder(folder), key=lambda i: i.path)
    themes = f"按学习教育、考核评价等主题筛选，见[按主题浏览]({md_link(page_path, THEMES_PAGE)})。"
    lines = [
        GENERATED_FRONT_MATTER.format(title=item_type.label, summary=item_type.intro),
        f"# {item_type.label}\n",
        f"{item_type.intro}共 {len(items)} 篇。{themes if themes_page else ''}"
        + (_evidence_note(page_path, evidence_page) if folder in ("measures", "cases") else "") + "\n",
    ]
    if folder == "measures":
        lines.append(MEASURES_TABLE_INTRO)
        lines.append(measures_table_html(graph, page_path, use_directory_urls))
        return "\n".join(lines)
    lines.append('<div class="grid cards guide-cards" markdown>\n')
    for item in items:
        lines.append(f"-   **[{markdown_text(item.title)}]({md_link(page_path, item.path)})**\n")
        lines.append(f"    {markdown_text(item.summary)}\n")
        rating = item_rating(graph, item.id)
        if rating:
            lines.append(f"    {grade_badge_html(rating)} {reason_html(rating)}\n")
        lines.append(f'    <span class="guide-card-meta">{_counts(graph, item)}</span>\n')
    lines.append("</div>\n")
    return "\n".join(lines)


MEASURES_TABLE_INTRO = ("下表列出全部举措：证据等级及其依据、由谁牵头、投入大小（后两项是本指南编者的判断），"
                        "以及它针对的问题。可以按问题或证据等级筛选，点列标题排序；打印时印出全表。\n")


def answered_problems(graph: Graph, measure_id: str) -> list[str]:
    """The problems a measure answers: those it names, and those whose causes it names, in path order."""
    found: list[str] = []
    for target in graph.links(measure_id, "addresses"):
        if graph.items[target].folder == "problems":
            found.append(target)
        else:
            found.extend(graph.backlinks(target, "causes"))
    return sorted(set(found), key=lambda i: graph.items[i].path)


def _choice_order(choices: tuple[Choice, ...], value: object) -> int:
    values = [c.value for c in choices]
    return values.index(value.strip()) if isinstance(value, str) and value.strip() in values else len(values)


def measures_table_html(graph: Graph, page_path: str, use_directory_urls: bool) -> str:
    """Every measure in one table: a plain HTML table any reader (and a printer) can read;
    guide-compare.js adds the filters and sorting where scripts run (`data-guide-compare`)."""
    here = page_url(page_path, use_directory_urls)

    def href(item: Item) -> str:
        return escape(get_relative_url(page_url(item.path, use_directory_urls), here))

    rows = []
    for item in sorted(graph.by_folder("measures"), key=lambda i: i.path):
        rating = measure_rating(graph, item.id)
        problems = answered_problems(graph, item.id)
        lead, effort = item.page.meta.get("lead"), item.page.meta.get("effort")
        problem_links = "、".join(
            f'<a href="{href(graph.items[p])}" data-guide-problem="{p}">{escape(graph.items[p].title)}</a>'
            for p in problems) or "—"
        rows.append(
            f'<tr data-guide-grade="{rating.grade.slug}" data-guide-problems="{" ".join(problems)}" '
            f'data-guide-rank-grade="{rank(rating.grade)}" '
            f'data-guide-rank-lead="{_choice_order(MEASURE_LEADS, lead)}" '
            f'data-guide-rank-effort="{_choice_order(MEASURE_EFFORTS, effort)}">'
            f'<th scope="row"><a href="{href(item)}">{escape(item.title)}</a></th>'
            f"<td>{grade_badge_html(rating)}<br>{reason_html(rating)}</td>"
            f"<td>{escape(str(lead or '—'))}</td><td>{escape(str(effort or '—'))}</td>"
            f'<td class="guide-compare__problems">{problem_links}</td></tr>')
    grades = " ".join(g.slug for g in EVIDENCE_GRADES)
    return (f'<div class="guide-compare" data-guide-compare="{grades}">\n'
            "<table>\n"  # no class: Material styles (and on a phone, scrolls) it as every other table
            "<caption>创新举措比较表</caption>\n"
            '<thead><tr><th scope="col" data-guide-sort="title">举措</th>'
            '<th scope="col" data-guide-sort="grade">证据等级与依据</th>'
            '<th scope="col" data-guide-sort="lead">由谁牵头</th>'
            '<th scope="col" data-guide-sort="effort">投入</th>'
            '<th scope="col">针对的问题</th></tr></thead>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n")


def overview_markdown(graph: Graph, picture_svg: str = "", evidence_page: bool = False) -> str:
    """The whole chain 问题 → 成因 → 创新举措 → 实践案例, one row per problem."""
    page_path = "overview.md"
    lines = [
        GENERATED_FRONT_MATTER.format(
            title="全景图", summary="从问题出发，看它的成因、应对举措和实践案例。"),
        "# 全景图\n",
        "每一行从一个问题出发：它背后的成因、应对它（或其成因）的创新举措，"
        "以及运用这些举措的实践案例。表格由各页面的关系字段自动生成。"
        + _evidence_note(page_path, evidence_page) + "\n",
    ]
    if picture_svg:
        lines.append(picture_svg + "\n")
    lines.append("| 问题 | 成因 | 创新举措 | 实践案例 |")
    lines.append("| --- | --- | --- | --- |")

    links: dict[str, str] = {}  # an item stands in many rows: its link is written once

    def link(item_id: str) -> str:
        if item_id not in links:
            item = graph.items[item_id]
            links[item_id] = (f"[{markdown_text(item.title)}]({md_link(page_path, item.path)})"
                              + _grade_suffix(graph, item_id, page_path))
        return links[item_id]

    def cell(ids: list[str]) -> str:
        return "<br>".join(link(i) for i in ids) or "—"

    for problem in sorted(graph.by_folder("problems"), key=lambda i: i.path):
        causes = graph.links(problem.id, "causes")
        measures = _measures_for(graph, problem.id, causes)
        cases = _unique(c for m in measures for c in graph.backlinks(m, "applies"))
        lines.append(f"| {cell([problem.id])} | {cell(causes)} | {cell(measures)} | {cell(cases)} |")
    return "\n".join(lines) + "\n"


def _grade_suffix(graph: Graph, item_id: str, page_path: str) -> str:
    """The badge after an item in the overview: its reason in the title and for screen readers, and a link
    to the item's page, where the reason stands in words (a title alone cannot be read on a phone)."""
    rating = item_rating(graph, item_id)
    if rating is None:
        return ""
    return f" [{grade_badge_html(rating)}]({md_link(page_path, graph.items[item_id].path)})"


def _measures_for(graph: Graph, problem_id: str, causes: list[str]) -> list[str]:
    direct = graph.backlinks(problem_id, "addresses")
    via_causes = [m for c in causes for m in graph.backlinks(c, "addresses")]
    return _unique([*direct, *via_causes])


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(ids))


def glossary_markdown(pairs: list[tuple[str, str]]) -> str:
    """The 术语表 page, rendered from the same file that drives the tooltips."""
    lines = [
        GENERATED_FRONT_MATTER.format(title="术语表", summary="本指南中常见术语的简要释义。")
        .replace("exclude: true", "boost: 0.2"),  # searchable, below the item pages that use the terms
        "# 术语表\n",
        "全站正文中出现这些术语时，鼠标悬停（手机上轻点）即可看到释义。"
        "术语表与悬停释义出自同一个文件 `includes/abbreviations.md`。\n",
        "| 术语 | 释义 |",
        "| --- | --- |",
    ]
    for term, definition in sorted(pairs, key=lambda p: p[0]):
        lines.append(f"| {markdown_text(term)} | {markdown_text(definition)} |")
    return "\n".join(lines) + "\n"


def rules_table_markdown() -> str:
    """The editors' guide table of every check the build runs."""
    lines = ["| 代码 | 级别 | 提示 | 含义与处理 |", "| --- | --- | --- | --- |"]
    for rule in RULES.values():
        level = "错误" if rule.level == "error" else "警告"
        lines.append(f"| `{rule.code}` | {level} | {rule.name} | {_escape(rule.explanation)} |")
    return "\n".join(lines) + "\n"
