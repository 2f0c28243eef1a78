"""Front-matter values are text: markup in them is refused, and escaped wherever it is printed."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import markdown
import pytest
from guidekit.core.front_matter import parse_page
from guidekit.core.plain_text import check_front_matter_text, html_text, markdown_text, markup_in
from jinja2 import Environment


@pytest.mark.parametrize("text", [
    "<b>粗体</b>", "<img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", "<!-- x -->",
    "&lt;script&gt;", "&#60;b&#62;", "&#x3C;b>", "前<a", "<?php x ?>", "<!DOCTYPE x>", "&amp;",
])
def test_markup_is_found(text):
    assert markup_in(text)


@pytest.mark.parametrize("text", [
    "党建与业务“两张皮”", "R&D 部门", "A & B", "3 < 5 且 5 > 3", "“党建+”", "50%", "a&b;", "C#",
])
def test_plain_text_is_not_markup(text):
    assert markup_in(text) is None


def test_every_front_matter_value_is_checked_with_its_line():
    page, problems = parse_page("cases/x.md", (
        "---\ntitle: <b>标题</b>\nsummary: 正常\nsources: [s001, \"<i>s002</i>\"]\n"
        "hide:\n  - <script>x</script>\n---\n\n正文\n"))
    assert problems == []
    findings = check_front_matter_text(page)
    assert [(f.code, f.line) for f in findings] == [("G061", 2), ("G061", 4), ("G061", 6)]
    assert "字段 `title`" in findings[0].message and "`<b>`" in findings[0].message


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "attr_list", "tables", "footnotes", "def_list"])


@pytest.mark.parametrize("value", [
    "<img src=x onerror=alert(1)>", "[点我](javascript:alert(1))", "**粗** _斜_ `码`", "标题 {: onclick=x }",
    "1. 像列表", "- 像列表", "> 像引用", "# 像标题", "表|格", "脚注[^1]", "&lt;实体&gt;", "反斜杠\\*",
    "换行\n- 第二行", "C#",
])
def test_markdown_text_renders_to_exactly_the_text(value):
    html = render(markdown_text(value))
    assert html.startswith("<p>") and html.endswith("</p>")
    assert unescape(html[3:-4]) == value.replace("\n", " ")
    assert tags_in(html) == [("p", [])]


def tags_in(html: str) -> list[tuple[str, list]]:
    tags: list[tuple[str, list]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, attrs))
    parser.feed(html)
    return tags


def test_markdown_text_keeps_plain_titles_as_they_are():
    assert markdown_text("以“党建+”把党建融入中心工作") == "以“党建+”把党建融入中心工作"


@pytest.mark.parametrize("template", [
    '<meta name="description" content="{{ v }}">', "<title>{{ v | striptags }}</title>", "<h1>{{ v }}</h1>",
])
def test_html_text_is_inert_in_every_theme_slot(template):
    value = '"></title><script>alert(1)</script><b onmouseover="x">&'
    slot = Environment(autoescape=False).from_string(template)  # as Material's templates are
    out = slot.render(v=html_text(value))
    assert [(tag, [name for name, _ in attrs]) for tag, attrs in tags_in(out)] == \
        [(tag, [name for name, _ in attrs]) for tag, attrs in tags_in(slot.render(v="文字"))]
    assert "script" not in {tag for tag, _ in tags_in(out)}
