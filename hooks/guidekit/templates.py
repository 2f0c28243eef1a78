"""Copyable page templates, generated from the content model so they never drift."""

from __future__ import annotations

from .model import ITEM_TYPES, relations_of

EXAMPLE_IDS: dict[str, str] = {
    "causes": "business-over-party",
    "addresses": "two-skins, business-over-party",
    "applies": "four-togethers",
    "sources": "s002",
}

BODY_SECTIONS: dict[str, tuple[str, ...]] = {
    "problems": ("表现", "影响", "自查要点"),
    "causes": ("说明", "具体表现", "对应思路"),
    "measures": ("是什么", "为什么", "怎么做", "谁做过", "注意事项"),
    "cases": ("背景", "做法", "成效", "可借鉴之处"),
    "sources": ("基本信息", "内容概要", "本指南的取材", "质量说明"),
}


def template_markdown(folder: str) -> str:
    """A fenced Markdown block with the front matter and body headings of one type."""
    label = ITEM_TYPES[folder].label
    lines = ["---", f"title: 这里写{label}的标题", "summary: 一句话说明，最多 80 个字。"]
    if folder == "sources":
        lines += ["author: 作者（原文未注明时写“未注明”）", "outlet: 出处", "date: 2018-12-05",
                  "kind: 文本类型，例如 调研报告"]
    for relation in relations_of(folder):
        lines.append(f"{relation.key}: [{EXAMPLE_IDS[relation.key]}]")
    if folder == "cases":
        lines.append("evidence: 有实践无数据   # 有实践和数据 | 有实践无数据 | 仅为主张，按原文实际报告的内容定")
    if folder == "measures":
        lines.append("tags: [融合发展]")
    lines.append("---")
    lines.append("")
    for heading in BODY_SECTIONS[folder]:
        lines += [f"## {heading}", "", "正文……[^s002]", ""]
    if folder != "sources":
        lines.append("[^s002]: 见[《党建与业务工作深度的思考》](../sources/s002.md)。")
    return "```markdown\n" + "\n".join(lines).rstrip() + "\n```\n"
