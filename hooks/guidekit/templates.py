"""Copyable page templates, generated from the content model so they never drift.

What the editor must write is a placeholder (placeholders.py): a page made from a
template passes the schema as it is, and the build refuses it until every
placeholder is replaced.
"""

from __future__ import annotations

from .model import (
    BODY_SECTIONS,
    EVIDENCE_LABELS,
    ITEM_TYPES,
    MEASURE_CHOICES,
    MEASURE_FIELD_LABELS,
    REASON_MAX_CHARS,
    RELATIONS,
    SUMMARY_MAX_CHARS,
    relations_of,
)
from .placeholders import placeholder

__all__ = ["BODY_SECTIONS", "template_markdown", "title_placeholder"]

EXAMPLE_IDS: dict[str, str] = {
    "causes": "business-over-party",
    "addresses": "two-skins",
    "applies": "four-togethers",
    "sources": "s002",
}

SOURCE_FIELD_HINTS: dict[str, str] = {
    "author": "作者；原文未注明时写 未注明",
    "outlet": "出处，例如报刊或网站名称；原文未注明时写 未注明",
    "date": "发表日期，例如 2018-12-05；原文未注明时写 未注明",
    "kind": "文本类型，例如 调研报告",
}


def title_placeholder(folder: str) -> str:
    return placeholder(f"{ITEM_TYPES[folder].label}的标题")


def _relation_hint(key: str) -> str:
    relation = RELATIONS[key]
    targets = "或".join(ITEM_TYPES[t].label for t in relation.targets)
    several = "" if relation.mapped else "；多个用逗号隔开"
    return f"{targets}的 id（文件名，不含 .md），例如 {EXAMPLE_IDS[key]}{several}"


def template_markdown(folder: str) -> str:
    """A fenced Markdown block with the front matter and body headings of one type."""
    lines = ["---", f"title: {title_placeholder(folder)}",
             f"summary: {placeholder(f'一句话说明这一页讲什么，最多 {SUMMARY_MAX_CHARS} 个字符（标点也算）')}"]
    if folder == "sources":
        lines += [f"{key}: {placeholder(hint)}" for key, hint in SOURCE_FIELD_HINTS.items()]
    for relation in relations_of(folder):
        if relation.mapped:  # applies: one line per measure, each with its grade and reason
            measure = placeholder(_relation_hint(relation.key) + "；每项举措一行")
            grade = placeholder("证据等级：" + "、".join(EVIDENCE_LABELS) + " 三者之一，按原文对这项做法报告的内容定")
            why = placeholder(f"理由：一句话说明原文对这项做法报告了什么，最多 {REASON_MAX_CHARS} 个字符")
            lines += [f"{relation.key}:", f"  {measure}: {{grade: {grade}, why: {why}}}"]
        else:
            lines.append(f"{relation.key}: [{placeholder(_relation_hint(relation.key))}]")
    if folder == "measures":
        for key, choices in MEASURE_CHOICES.items():
            allowed = "、".join(c.value for c in choices)
            lines.append(f"{key}: " + placeholder(f"{MEASURE_FIELD_LABELS[key]}：{allowed} 之一，本指南编者的判断"))
    lines.append("---")
    lines.append("")
    cite = "" if folder == "sources" else "；每处事实在句末加脚注注明出处，例如 `[^s002]`"
    for heading in BODY_SECTIONS[folder]:
        if heading == "自查要点":  # each task-list item becomes a self-check question
            lines += [f"## {heading}", "", "- [ ] " + placeholder(f"一项能答“是/否”的自查要点{cite}"), ""]
        else:
            lines += [f"## {heading}", "", placeholder(f"本节正文{cite}"), ""]
    if folder != "sources":
        lines.append(placeholder("在页面末尾为每个脚注写一行出处，例如 "
                                 "`[^s002]: 见[《党建与业务工作深度的思考》](../sources/s002.md)。`"))
    return "```markdown\n" + "\n".join(lines).rstrip() + "\n```\n"
