"""Unit tests of the rendered-HTML safety checks."""

from __future__ import annotations

from guidekit.html_safety import check_html, neutralise_html


def test_clean_page_passes():
    html = '<p>见<a href="https://example.com/">外部链接</a>与<img src="../img/a.png" alt="图"></p>'
    assert check_html("a.md", html, "", 1) == []


def test_each_unsafe_construct_is_found_and_located():
    markdown = "第一行\n<img src=\"https://cdn.example.com/x.png\">\n<iframe src=\"/a\"></iframe>\n"
    html = '<p><img src="https://cdn.example.com/x.png"></p><iframe src="/a"></iframe>'
    findings = check_html("a.md", html, markdown, 10)
    assert {(f.code, f.line) for f in findings} == {("G044", 11), ("G043", 12)}


def test_escaped_code_is_not_flagged():
    assert check_html("a.md", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>", "", 1) == []


def test_neutralise_removes_what_check_reports():
    html = ('<script>x()</script><span onclick="x()">a</span><a href="javascript:x()">b</a>'
            '<img src="//evil.example/x.png"><div style="background:url(https://e.example/a.png)"></div>')
    cleaned = neutralise_html(html)
    assert check_html("a.md", cleaned, "", 1) == []
    assert "<a href=" in cleaned and ">a</span>" in cleaned
