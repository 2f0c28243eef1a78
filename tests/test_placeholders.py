"""A page still holding a template placeholder is refused, line by line."""

from __future__ import annotations

from guidekit.core.front_matter import parse_page
from guidekit.core.placeholders import check_placeholders, placeholder


def findings(text: str):
    page, _ = parse_page("cases/a.md", text)
    return check_placeholders("cases/a.md", text, page)


def test_each_placeholder_is_named_with_its_line():
    text = (f"---\ntitle: {placeholder('标题')}\nsummary: 好的摘要。\n---\n\n## 背景\n\n"
            f"{placeholder('本节正文')}\n")
    assert [(f.code, f.line, f.message) for f in findings(text)] == [
        ("G070", 2, "front matter 中还留着模板的占位文字“【待填写：标题】”。"),
        ("G070", 8, "正文中还留着模板的占位文字“【待填写：本节正文】”。"),
    ]


def test_a_placeholder_shown_in_code_is_an_example():
    assert findings(f"---\ntitle: 标题\n---\n\n```markdown\ntitle: {placeholder('标题')}\n```\n") == []


def test_a_placeholder_quoted_inline_is_an_example_but_not_one_with_code_inside():
    text = (f"---\ntitle: 标题\n---\n\n写法：`{placeholder('…')}`。\n\n"
            f"{placeholder('本节正文，例如 `[^s002]`')}\n")
    assert [f.line for f in findings(text)] == [7]
