"""The one Markdown reader: blocks with their lines, read the way Python-Markdown renders the page."""

from __future__ import annotations

import re

import markdown
import pytest
from conftest import ROOT
from guidekit.core.front_matter import split_front_matter
from guidekit.core.markdown_reader import Block, read, statements

DOCS = ROOT / "docs"
# The extensions of mkdocs.yml that decide a page's structure.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]


def kinds(body: str) -> list[tuple[str, int, str]]:
    return [(b.kind, b.line, b.text) for b in read(body).blocks]


def only(body: str, kind: str) -> list[Block]:
    return [b for b in read(body).blocks if b.kind == kind]


# --- fences: nothing inside is read, nothing after is lost ---------------------------------------

@pytest.mark.parametrize("fence", [
    "```\n~~~\n## 不是标题\n- [ ] 不是勾选项\n```",
    "~~~\n```\n## 不是标题\n- [ ] 不是勾选项\n~~~",
    "````markdown\n```\n## 不是标题\n```\n- [ ] 不是勾选项\n````",
    "~~~~~\n~~~\n## 不是标题\n~~~\n- [ ] 不是勾选项\n~~~~~",
    "```text\n~~~~~~\n- [ ] 不是勾选项[^s1]\n```",
])
def test_a_fence_of_either_kind_and_any_length_hides_its_content_and_loses_nothing_after_it(fence):
    body = f"## 自查要点\n\n- [ ] 第一题？\n\n{fence}\n\n- [ ] 第二题？\n\n## 资料依据\n\n正文。\n"
    document = read(body)
    assert [s.title for s in document.sections()] == ["自查要点", "资料依据"]
    tasks = [b.text for b in document.blocks if b.task]
    assert tasks == ["第一题？", "第二题？"]
    (code,) = only(body, "fence")
    assert code.line == 5 and "不是勾选项" in code.text and code.footnotes == ()


def test_a_fence_inside_a_list_item_or_admonition_is_code_too():
    body = "- 第一项\n\n    ```\n    ## 代码\n    ```\n\n!!! note\n\n    ~~~\n    - [ ] 代码\n    ~~~\n"
    assert [b.kind for b in read(body).blocks] == ["list_item", "fence", "admonition", "fence"]
    assert not any(b.task for b in read(body).blocks)


def test_an_unclosed_fence_runs_to_the_end_as_in_python_markdown_superfences():
    assert [b.kind for b in read("正文。\n\n```\n## 标题\n").blocks] == ["paragraph", "fence"]


# --- headings and sections ---------------------------------------------------------------------

def test_headings_keep_their_line_and_lose_their_attribute_list():
    body = "前言。\n\n## 自查要点 { #q-two-skins }\n\n文字。\n\n### 小节 {: .x }\n\n## 资料依据 ##\n\n正文。\n"
    document = read(body, first_line=10)
    headings = [(b.text, b.level, b.line) for b in document.blocks if b.kind == "heading"]
    assert headings == [("自查要点", 2, 12), ("小节", 3, 16), ("资料依据", 2, 18)]
    sections = document.sections(2)
    assert [(s.title, s.line) for s in sections] == [("自查要点", 12), ("资料依据", 18)]
    assert [b.kind for b in sections[0].blocks] == ["paragraph", "heading"]  # ### stays inside
    assert [b.text for b in document.preamble()] == ["前言。"]
    assert document.section("资料依据") == sections[1]
    assert document.section("没有") is None


def test_a_section_runs_to_the_next_heading_of_the_same_or_a_higher_level():
    document = read("# 页\n\n## 甲\n\n一。\n\n### 乙\n\n二。\n\n# 另一页\n\n三。\n")
    (first,) = document.sections(2)
    assert [b.text for b in first.blocks] == ["一。", "乙", "二。"]
    assert [s.title for s in document.sections(3)] == ["乙"]


def test_a_heading_inside_an_admonition_opens_no_section():
    document = read("## 甲\n\n!!! note\n\n    ## 乙\n\n正文。\n")
    assert [s.title for s in document.sections()] == ["甲"]


# --- lists -------------------------------------------------------------------------------------

def test_lists_nest_by_four_spaces_and_each_item_is_its_own_block():
    body = ("1. 第一步。[^s1]\n2. 第二步，\n   续行。\n    - 子项。\n        - 孙项。[^s2]\n3. 第三步。\n\n"
            "[^s1]: 甲\n[^s2]: 乙\n")
    items = only(body, "list_item")
    assert [(b.line, b.text, b.footnotes) for b in items] == [
        (1, "第一步。", ("s1",)), (2, "第二步， 续行。", ()), (4, "子项。", ()), (5, "孙项。", ("s2",)),
        (6, "第三步。", ())]


def test_task_items_nested_or_in_an_admonition():
    body = '- [ ] 一？\n- [x] 二？\n    - [X] 三？\n- 不是题。\n\n!!! tip "编者建议"\n\n    - [ ] 四？\n'
    assert [(b.text, b.task, b.container) for b in only(body, "list_item")] == [
        ("一？", True, ()), ("二？", True, ()), ("三？", True, ()), ("不是题。", False, ()),
        ("四？", True, ("编者建议",))]


def test_a_list_needs_a_blank_line_before_it_as_in_python_markdown():
    """Python-Markdown reads `段落\\n- 项` as one paragraph; so does the reader."""
    assert kinds("段落。\n- 不是列表项。\n") == [("paragraph", 1, "段落。 - 不是列表项。")]
    assert kinds("段落。\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n")[0][0] == "paragraph"


def test_a_loose_item_keeps_its_paragraphs_and_its_line():
    body = "- 第一段。\n\n    第二段。[^s1]\n\n- 下一项。\n\n[^s1]: 甲\n"
    items = only(body, "list_item")
    assert [(b.line, b.end_line, b.text, b.footnotes) for b in items] == [
        (1, 3, "第一段。\n第二段。", ("s1",)), (5, 5, "下一项。", ())]


# --- admonitions -------------------------------------------------------------------------------

def test_admonitions_with_titles_and_their_folding():
    body = ('!!! tip "编者建议"\n\n    建议。\n\n??? note "资料说明"\n\n    说明。\n\n???+ note "展开的"\n\n'
            "    展开。\n\n!!! warning\n\n    无题。\n\n块外。\n")
    blocks = read(body).blocks
    admonitions = [(b.line, b.name, b.text, b.collapsed) for b in blocks if b.kind == "admonition"]
    assert admonitions == [(1, "tip", "编者建议", False), (5, "note", "资料说明", True),
                           (9, "note", "展开的", False), (13, "warning", "Warning", False)]
    paragraphs = [(b.text, b.container, b.collapsed) for b in blocks if b.kind == "paragraph"]
    assert paragraphs == [("建议。", ("编者建议",), False), ("说明。", ("资料说明",), True),
                          ("展开。", ("展开的",), False), ("无题。", ("Warning",), False), ("块外。", (), False)]


def test_nested_admonitions_list_their_titles_outermost_first():
    body = '??? note "外"\n\n    !!! tip "编者建议"\n\n        里面。\n'
    (inner,) = only(body, "paragraph")
    assert inner.container == ("外", "编者建议") and inner.collapsed and inner.line == 5


# --- what a reader reads -----------------------------------------------------------------------

def test_text_is_what_a_reader_reads():
    body = ("**每季度**召开 `三会一课`，见[两张皮](../problems/two-skins.md)和![图示](a.png)。<span>字</span>[^s1]\n\n"
            "[^s1]: 甲\n")
    (paragraph,) = only(body, "paragraph")
    assert paragraph.text == "每季度召开 三会一课，见两张皮和图示。字"
    assert paragraph.footnotes == ("s1",)
    assert paragraph.links == ("../problems/two-skins.md",)


@pytest.mark.parametrize("text", [
    "一段话。`[^s1]`", "一段话。``[^s1]``", "一段话。<!-- [^s1] -->", "一段话，见[说明[^s1]](x.md)。",
    "一段话。\\[^s1]", "一段话。[^没有定义]",
])
def test_a_footnote_counts_only_where_it_renders_as_a_reference(text):
    (paragraph,) = only(f"{text}\n\n[^s1]: 甲\n", "paragraph")
    assert paragraph.footnotes == ()


def test_footnote_definitions_keep_their_place_name_and_continuation():
    body = "正文。[^s1]\n\n[^s1]: 见[来源](../sources/s1.md)。\n    续行。\n\n之后。\n"
    assert [(b.kind, b.line, b.end_line, b.name) for b in read(body).blocks] == [
        ("paragraph", 1, 1, ""), ("footnote_def", 3, 4, "s1"), ("paragraph", 6, 6, "")]


def test_html_comments_are_blocks_with_nothing_to_read():
    body = "<!-- guide:rules -->\n\n<!--\n[^s1]\n- [ ] 不是题\n-->\n\n正文。\n"
    blocks = read(body).blocks
    assert [(b.kind, b.line, b.text) for b in blocks] == [("html", 1, ""), ("html", 3, ""), ("paragraph", 8, "正文。")]


def test_quotes_and_table_rows():
    body = ("> 引文第一行，\n> 第二行。[^s1]\n\n| 做法 | 出处 |\n| --- | --- |\n| 联系支部 | 甲[^s1] |\n"
            "| 谈心 | 乙 |\n\n"
            "[^s1]: 甲\n")
    blocks = [(b.kind, b.line, b.text, b.footnotes) for b in read(body).blocks if b.kind != "footnote_def"]
    assert blocks == [("blockquote", 1, "引文第一行， 第二行。", ("s1",)), ("table_head", 4, "做法 出处", ()),
                      ("table", 6, "联系支部 甲", ("s1",)), ("table", 7, "谈心 乙", ())]
    assert {b.kind for b in statements(read(body).blocks)} == {"blockquote", "table"}


def test_a_bold_line_is_marked_and_an_attribute_line_is_not_text():
    assert [b.bold for b in only("**一、思想上深度融合**\n\n**加粗**和正文。\n", "paragraph")] == [True, False]
    assert kinds("正文。\n{: .guide-screen-only }\n") == [("paragraph", 1, "正文。")]


def test_lines_count_from_the_body_start_and_the_source_is_kept():
    (item,) = only("- [ ] 题目？\n", "list_item")
    assert item.source == "- [ ] 题目？"
    (shifted,) = read("- [ ] 题目？\n", first_line=9).blocks
    assert (shifted.line, shifted.end_line) == (9, 9)


# --- the same structure as Python-Markdown renders ---------------------------------------------

SAMPLES = [
    "## 自查要点 { #q }\n\n- [ ] 一？\n- [x] 二？[^s1]\n    - [ ] 三？\n\n```\n- [ ] 代码\n```\n\n[^s1]: 甲\n",
    '## 资料依据\n\n段落。[^s1]\n\n!!! tip "编者建议"\n\n    - 建议一\n    - 建议二\n\n??? note "资料说明"\n\n'
    "    说明。\n\n> 引文。[^s1]\n\n[^s1]: 甲\n",
    "1. 甲\n2. 乙\n    1. 丙\n    2. 丁\n\n    段落在乙里。\n\n3. 戊\n",
    "段落。\n- 不是列表\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2[^s1] |\n\n`[^s1]` 和 [^s1]\n\n[^s1]: 甲\n",
    "~~~~\n```\n- 代码\n```\n~~~~\n\n- 真的列表项\n\n<!-- - 注释 -->\n",
]


def python_markdown_counts(body: str) -> dict[str, object]:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(body)
    html = re.sub(r'<div class="footnote">.*', "", html, flags=re.S)  # the definitions' list
    return {"li": html.count("<li"), "task": html.count('class="task-list-item'), "h2": html.count("<h2"),
            "refs": set(re.findall(r'class="footnote-ref" href="#fn:([^"]+)"', html)), "tr": html.count("<tr"),
            "admonitions": len(re.findall(r'class="admonition[ "]', html)) + html.count("<details")}


def reader_counts(body: str) -> dict[str, object]:
    blocks = read(body).blocks
    return {"li": sum(b.kind == "list_item" for b in blocks), "task": sum(b.task for b in blocks),
            "h2": sum(b.kind == "heading" and b.level == 2 for b in blocks),
            "refs": {name for b in blocks for name in b.footnotes},
            "tr": sum(b.kind in ("table", "table_head") for b in blocks),
            "admonitions": sum(b.kind == "admonition" for b in blocks)}


@pytest.mark.parametrize("body", SAMPLES)
def test_the_reader_sees_the_structure_python_markdown_renders(body):
    assert reader_counts(body) == python_markdown_counts(body)


@pytest.mark.parametrize("path", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_the_reader_sees_every_real_page_as_python_markdown_renders_it(path):
    """Lists, task items, sections, table rows, admonitions and the footnotes that render, page by page."""
    _, body, _ = split_front_matter((DOCS / path).read_text(encoding="utf-8"))
    assert reader_counts(body) == python_markdown_counts(body)
