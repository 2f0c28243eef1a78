"""Automatic fixers see prose only: front matter, code, snippets and comments stay byte for byte."""

from __future__ import annotations

from guidekit.core.regions import fix_prose, protected_lines, protected_text

PAGE = (
    "---\ntitle: 标题abc\ntags: [党员管理, 载体活动]\n---\n\n"  # 0-3 front matter
    "正文abc。\n\n"                                             # 5 prose
    "```text\n代码abc\n```\n\n"                                  # 7-9 code
    "- 列表\n\n    ~~~~\n    缩进的代码abc\n    ~~~~\n\n"          # 11 prose, 13-15 code
    '--8<-- "abbreviations.md"\n'                                # 17 snippet
    "<!-- guide:rules\n继续abc -->\n"                            # 18-19 comment
    "*[三会一课]: 释义abc\n"                                       # 20 abbreviation
    "结尾abc。\n"                                                # 21 prose
)


def upper(text: str) -> str:
    return text.replace("abc", "ABC")


def test_only_prose_lines_are_unprotected():
    assert protected_lines(PAGE) == {0, 1, 2, 3, 7, 8, 9, 13, 14, 15, 17, 18, 19, 20}


def test_fix_prose_changes_prose_and_nothing_else():
    fixed = fix_prose(PAGE, upper)
    assert "正文ABC。" in fixed and "结尾ABC。" in fixed
    assert protected_text(fixed) == protected_text(PAGE)
    assert fixed.count("abc") == PAGE.count("abc") - 2


def test_a_fix_that_adds_or_removes_lines_is_not_applied():
    assert fix_prose(PAGE, lambda text: text.replace("正文abc。", "正文\n多出一行")) == PAGE


def test_an_unclosed_front_matter_is_not_touched_at_all():
    text = "---\ntitle: 标题abc\n\n正文abc。\n"
    assert fix_prose(text, upper) == text
