"""Copyable page templates, generated from the content model so they never drift.

What the editor must write is a placeholder (placeholders.py): a page made from a
template passes the schema as it is, and the build refuses it until every
placeholder is replaced.
"""

from __future__ import annotations

from ..core.model import (
    BODY_SECTIONS,
    EVIDENCE_LABELS,
    GUIDE_VOICE,
    ITEM_TYPES,
    MEASURE_CHOICES,
    MEASURE_FIELD_LABELS,
    PAGE_SECTIONS,
    REASON_MAX_CHARS,
    RELATIONS,
    SOURCE_FIELDS,
    SOURCE_NOTE_MARKUP,
    SOURCES_VOICE,
    SUMMARY_MAX_CHARS,
    TAGS,
    TITLE_MAX_CHARS,
    relations_of,
)
from ..core.placeholders import placeholder

__all__ = ["BODY_SECTIONS", "section_placeholder", "template_markdown", "title_placeholder"]

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


# What an editor writes in each section: the guide's advice in its own words, the sources' content cited.
SECTION_HINTS: dict[str, str] = {
    "下一步": "1. 第一步：谁、什么时候做什么，链接到做这件事的举措页；共 2–4 步。再各写一行："
              "对应的打印清单、本问题的自查诊断（../self-check.md#q-本页文件名）、“相关问题：”",
    "自查要点": "- [ ] 一个支部能答“是/否”的问题，不提资料来源，不假定支部已经做过",
    "要点": "两到四句平实的话：是什么、先做什么，链接到相关页面",
    "怎么做": "1. 步骤：谁、什么时候、做什么、记录什么；共 4–7 步。只是资料中的主张时，写“可以试行”，"
              "并有一步记录效果、约定何时回顾",
    "注意事项": "- 真正需要提防的地方，1–4 条，不复述资料",
    "可借鉴之处": "别的支部可以借鉴什么，链接到对应的举措页",
}


def section_placeholder(title: str, voice: str | None) -> str:
    """The placeholder of one section, by its voice (list sections keep their list marker outside it)."""
    if voice == GUIDE_VOICE and title in SECTION_HINTS:
        hint = SECTION_HINTS[title]
        marker = next((m for m in ("- [ ] ", "1. ", "- ") if hint.startswith(m)), "")
        return marker + placeholder(f"本指南的建议，不加脚注：{hint.removeprefix(marker)}")
    if voice == SOURCES_VOICE:
        return placeholder("资料报告或主张的内容：每段、每个列表项句末加脚注，例如 `[^s002]`；"
                           "主张写明是主张（“某文提出……”）")
    return placeholder("本节正文")


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
    for section in PAGE_SECTIONS[folder]:
        lines += [f"## {section.title}", "", section_placeholder(section.title, section.voice), ""]
    if folder != "sources":
        lines += [SOURCE_NOTE_MARKUP, "", "    " + placeholder(
            "资料没有讲清、本页因此不能断言的各点，集中写在这里（默认折叠）；没有就删去这个块"), ""]
        lines.append(placeholder("在页面末尾为每个脚注写一行出处，例如 "
                                 "`[^s002]: 见[《党建与业务工作深度的思考》](../sources/s002.md)。`"))
    return "```markdown\n" + "\n".join(lines).rstrip() + "\n```\n"


def sections_markdown() -> str:
    """The table of each type's sections by voice, for the editors' guide (`<!-- guide:sections -->`)."""
    rows = ["| 页面类型 | 本指南的建议（在前，不加脚注） | 资料的内容（在后，每段注明出处） |", "| --- | --- | --- |"]
    for folder, sections in PAGE_SECTIONS.items():
        guide = "、".join(f"“{s.title}”" for s in sections if s.voice == GUIDE_VOICE)
        sources = "、".join(f"“{s.title}”" for s in sections if s.voice == SOURCES_VOICE)
        if not guide and not sources:
            every = "、".join(f"“{s.title}”" for s in sections)
            rows.append(f"| {ITEM_TYPES[folder].label} | 依次是 {every}（介绍一篇资料，不分两种说法） | — |")
        else:
            rows.append(f"| {ITEM_TYPES[folder].label} | {guide} | {sources}，最后是可选的折叠“资料说明” |")
    return "\n".join(rows) + "\n"


def _owners(folders: tuple[str, ...]) -> str:
    return "、".join(ITEM_TYPES[f].label for f in folders)


def fields_markdown(allowed_tags: frozenset[str] = frozenset()) -> str:
    """The editors' guide's table of front-matter fields, every limit and allowed value from the model
    and the allowed tags), so the guide can never state a rule the build does not check."""
    grades = "、".join(f"`{label}`" for label in EVIDENCE_LABELS)
    relation_help = {
        "sources": "资料来源 id 列表，如 `[s002, s001]`",
        "causes": "成因 id 列表",
        "addresses": "问题和/或成因 id 列表",
        "applies": (f"按举措逐项写，每项一行：`举措 id: {{grade: 证据等级, why: 理由}}`。`grade` 只能是 {grades} 之一"
                    "（逗号是中文逗号），按资料对**这项做法**报告的内容定；人数、规模、目标不算成效。"
                    f"`why` 一行纯文字，最多 {REASON_MAX_CHARS} 个字符，显示在等级标签旁"
                    "（见[证据等级说明](../guide/evidence.md)）。"
                    "全部是“仅为主张”的不能作为案例；举措的等级由构建推出，不要写"),
    }
    rows = [
        ("`title`", "全部", "是", f"页面标题，一段文字，最多 {TITLE_MAX_CHARS} 个字符"),
        ("`summary`", "全部条目", "是", f"一句话摘要，最多 {SUMMARY_MAX_CHARS} 个字符（汉字、标点、字母、数字和空格"
                                      "每个都算一个）；用于卡片、总览表、搜索结果和网页描述"),
    ]
    for key, relation in RELATIONS.items():
        rows.append((f"`{key}`", _owners(relation.owners), "是",
                     relation_help.get(key, f"{_owners(relation.targets)} id 列表")))
    for key, choices in MEASURE_CHOICES.items():
        allowed = "、".join(f"`{c.value}`（{c.meaning}）" for c in choices)
        rows.append((f"`{key}`", _owners(("measures",)), "是",
                     f"{MEASURE_FIELD_LABELS[key]}，只能是 {allowed} 之一；本指南编者的判断，显示在举措页顶部"))
    rows.append(("、".join(f"`{f}`" for f in SOURCE_FIELDS), _owners(("sources",)), "是",
                 "作者、出处、日期（如 `2018-12-05`）、文本类型；资料未给出时写“未注明”"))
    tags = "、".join(sorted(allowed_tags or TAGS))
    rows.append(("`tags`", "任意", "否", f"标签列表，只能用允许的标签：{tags}"))
    rows.append(("`hide`、`search`", "任意", "否", "Material 的页面设置（隐藏导航、排除搜索），一般不用"))
    lines = ["| 字段 | 哪些页面 | 必填 | 写法与含义 |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines) + "\n"
