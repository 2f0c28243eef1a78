"""Provenance by voice: guide sections carry no source footnote (G111), source sections cite
every statement (G050), an 编者建议 aside carries none (G051). A footnote counts only where it
renders as one; a bold line is a run-in heading only when short and followed by what it heads."""

from __future__ import annotations

from guidekit.checks.provenance import check_citations
from guidekit.core.model import RUN_IN_HEADING_MAX_CHARS

NOTE = "\n[^s1]: 《来源》，见[资料来源](../sources/s1.md)。\n"


def findings(body: str, folder: str = "measures", first_line: int = 1) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in check_citations(f"{folder}/m.md", folder, body + NOTE, first_line)]


def evidence(text: str, folder: str = "measures") -> list[tuple[str, int | None]]:
    """`text` as the 资料依据 section (line 3 onwards) of a page."""
    return findings(f"## 资料依据\n\n{text}", folder)


def test_a_footnote_in_a_guide_section_is_named_with_its_section_and_line():
    body = ("## 要点\n\n先开支委会。\n\n## 怎么做\n\n1. 书记召集。\n2. 记录结果。[^s1]\n\n"
            "## 资料依据\n\n某文提出。[^s1]\n")
    (finding,) = check_citations("measures/m.md", "measures", body + NOTE, 10)
    assert (finding.code, finding.line) == ("G111", 17)
    assert "“怎么做”一节" in finding.message and "`[^s1]`" in finding.message
    assert "资料依据" in finding.fix


def test_the_same_text_moved_to_the_evidence_section_passes():
    assert findings("## 要点\n\n先开支委会。\n\n## 资料依据\n\n记录结果。[^s1]\n") == []


def test_an_uncited_paragraph_in_the_evidence_section_is_named_with_its_line():
    body = "## 资料依据\n\n有出处的一段。[^s1]\n\n没有出处的一段。\n"
    assert findings(body, first_line=8) == [("G050", 12)]


def test_guide_sections_need_no_citation_and_the_voices_are_per_type():
    assert findings("## 下一步\n\n1. 支委会先讨论。\n\n## 自查要点\n\n- [ ] 开过会吗？\n", "problems") == []
    assert findings("## 可借鉴之处\n\n可以先试行。\n\n## 背景\n\n没有出处。\n", "cases") == [("G050", 7)]
    assert findings("## 背景\n\n带出处。[^s1]\n\n## 可借鉴之处\n\n建议。[^s1]\n", "cases") == [("G111", 7)]


def test_text_before_the_first_section_is_the_guides_voice():
    assert findings("开头的一句。[^s1]\n\n## 要点\n\n建议。\n") == [("G111", 1)]


def test_each_list_item_needs_its_own_citation_nested_ones_too():
    body = "1. 第一步。[^s1]\n2. 第二步，没有出处。\n    - 子项，也没有出处。\n3. 第三步。[^s1]\n"
    assert evidence(body) == [("G050", 4), ("G050", 5)]


def test_a_continuation_line_belongs_to_its_list_item():
    assert evidence("- 第一项很长，\n  续行在这里。[^s1]\n- 第二项。[^s1]\n") == []


def test_the_editorial_aside_needs_no_citation_and_may_hold_lists():
    body = '!!! tip "编者建议"\n\n    本指南的建议：先开支委会。\n\n    - [ ] 责任人已明确。\n\n块外的一段。[^s1]\n'
    assert evidence(body) == []


def test_a_citation_inside_the_editorial_aside_is_refused_in_any_section():
    assert evidence('!!! tip "编者建议"\n\n    这是原文的话。[^s1]\n') == [("G051", 5)]
    assert findings('## 要点\n\n!!! tip "编者建议"\n\n    原文的话。[^s1]\n') == [("G051", 5)]


def test_only_the_editorial_title_marks_an_aside_other_boxes_are_statements():
    assert evidence('!!! note "注意"\n\n    提示框里没有出处的一段。\n') == [("G050", 5)]


def test_the_folded_source_note_needs_no_citation():
    assert evidence('有出处。[^s1]\n\n??? note "资料说明"\n\n    原文没有给出人数。\n') == []


def test_the_aside_ends_where_the_indentation_ends():
    assert evidence('!!! tip "编者建议"\n\n    建议。\n\n块后没有出处的一段。\n') == [("G050", 7)]


def test_headings_pointers_code_and_footnote_definitions_are_not_statements():
    body = ("### 小标题\n\n参见[另一页](../causes/c.md)和[第三页](x.md)。\n\n"
            "```text\n代码块里的字\n```\n\n<!-- 注释里的字 -->\n")
    assert evidence(body) == []


def test_each_table_row_is_a_statement_the_header_is_not():
    body = "| 做法 | 单位 |\n| --- | --- |\n| 联系支部[^s1] | 甲 |\n| 没有出处 | 乙 |\n"
    assert evidence(body) == [("G050", 6)]


def test_a_pointer_with_a_claim_is_a_statement():
    assert evidence("见[另一页](x.md)，那里的做法提高了效率。\n") == [("G050", 3)]


def test_a_quotation_needs_a_citation():
    assert evidence("> 原文的一句话。\n") == [("G050", 3)]
    assert evidence("> 原文的一句话。[^s1]\n") == []


def test_a_footnote_counts_only_where_it_renders_as_one():
    """A reference in a code span, an HTML comment or link text is no citation (issue #24)."""
    assert evidence("一段话。`[^s1]`\n") == [("G050", 3)]
    assert evidence("一段话。<!-- [^s1] -->\n") == [("G050", 3)]
    assert evidence("一段话，见[说明[^s1]](x.md)。\n") == [("G050", 3)]
    assert evidence("一段话。\n\n```\n[^s1]\n```\n") == [("G050", 3)]


def test_a_bold_line_is_a_run_in_heading_only_when_short_and_followed_by_its_text():
    assert evidence("**一、思想上深度融合**\n\n某文提出。[^s1]\n") == []
    # a whole claim in bold, on its own line, is a claim
    claim = "**" + "党员参与率提高了百分之八十，" * 3 + "**"
    assert len(claim) - 4 > RUN_IN_HEADING_MAX_CHARS
    assert evidence(f"{claim}\n\n某文提出。[^s1]\n") == [("G050", 3)]
    # a bold line with nothing after it heads nothing
    assert evidence("某文提出。[^s1]\n\n**短的加粗**\n") == [("G050", 5)]
    assert findings("## 资料依据\n\n**短的加粗**\n\n## 其他\n\n正文。[^s1]\n")[:1] == [("G050", 3)]


def test_a_template_placeholder_is_left_to_its_own_rule():
    assert evidence("【待填写：本节正文】\n") == []
