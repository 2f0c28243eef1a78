"""The provenance rule: every statement on an item page cites a source or is marked 编者建议 (G050/G051)."""

from __future__ import annotations

from guidekit.provenance import check_citations, split_units


def codes_and_lines(body: str, first_line: int = 1) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in check_citations("measures/m.md", body, first_line)]


def test_an_uncited_paragraph_is_named_with_its_line():
    body = "## 是什么\n\n有出处的一段。[^s1]\n\n没有出处的一段。\n"
    assert codes_and_lines(body, first_line=8) == [("G050", 12)]


def test_each_list_item_needs_its_own_citation_nested_ones_too():
    body = "1. 第一步。[^s1]\n2. 第二步，没有出处。\n    - 子项，也没有出处。\n3. 第三步。[^s1]\n"
    assert codes_and_lines(body) == [("G050", 2), ("G050", 3)]


def test_a_continuation_line_belongs_to_its_list_item():
    body = "- 第一项很长，\n  续行在这里。[^s1]\n- 第二项。[^s1]\n"
    assert codes_and_lines(body) == []


def test_the_editorial_block_needs_no_citation_and_may_hold_lists():
    body = ('!!! tip "编者建议"\n\n    本指南的建议：先开支委会。\n\n    - [ ] 责任人已明确。\n\n'
            "块外的一段。[^s1]\n")
    assert codes_and_lines(body) == []
    units = list(split_units(body))
    assert [u.editorial for u in units] == [True, True, False]


def test_a_citation_inside_the_editorial_block_is_refused():
    body = '!!! tip "编者建议"\n\n    这是原文的话。[^s1]\n'
    assert codes_and_lines(body) == [("G051", 3)]


def test_only_the_editorial_title_marks_the_guides_own_voice():
    body = '!!! note "注意"\n\n    提示框里没有出处的一段。\n'
    assert codes_and_lines(body) == [("G050", 3)]


def test_the_block_ends_where_the_indentation_ends():
    body = '!!! tip "编者建议"\n\n    建议。\n\n块后没有出处的一段。\n'
    assert codes_and_lines(body) == [("G050", 5)]


def test_headings_pointers_code_tables_and_footnote_definitions():
    body = ("## 标题\n\n**一、加粗的小标题**\n\n参见[另一页](../causes/c.md)和[第三页](x.md)。\n\n"
            "```text\n代码块里的字\n```\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n"
            "[^s1]: 《来源》，见[资料来源](../sources/s1.md)。\n    脚注的续行。\n")
    assert codes_and_lines(body) == [("G050", 11)]  # only the uncited table


def test_a_pointer_with_a_claim_is_a_statement():
    assert codes_and_lines("见[另一页](x.md)，那里的做法提高了效率。\n") == [("G050", 1)]


def test_a_quotation_needs_a_citation():
    assert codes_and_lines("> 原文的一句话。\n") == [("G050", 1)]
    assert codes_and_lines("> 原文的一句话。[^s1]\n") == []
