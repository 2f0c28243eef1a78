"""Unit tests of the rendered-HTML allowlists: elements, attributes, styles and addresses."""

from __future__ import annotations

import markdown
import pytest
import yaml
from conftest import ROOT
from guidekit.checks.html_safety import check_html, classify_address, neutralise_html, style_problem


def codes(html: str) -> set[str]:
    return {f.code for f in check_html("a.md", html, "", 1)}


def render_with_the_sites_extensions(text: str) -> str:
    """Markdown through exactly the extensions (and options) mkdocs.yml configures."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}))
        if name == "pymdownx.snippets":
            continue  # reads files; not markup of its own
        names.append(name)
        options[name] = {k: (v == "true" if v in ("true", "false") else v) for k, v in settings.items()}
    return markdown.markdown(text, extensions=names, extension_configs=options)


EVERYTHING_THE_EXTENSIONS_EMIT = """\
# 标题 {: #custom .lead }

正文有**粗体**、*斜体*、`代码`、[链接](../measures/x.md "标题")、![图](../img/a.png){ width="120" }、
邮件 <mailto:a@example.org>、三会一课[^1]。

!!! note "编者建议"
    提示内容。

??? tip "展开"
    折叠内容。

- [ ] 未完成
- [x] 已完成

| 左 | 中 | 右 |
| :-- | :-: | --: |
| a | b | c |

术语
:   释义

<div class="grid" markdown>
<span class="guide-evidence">证据</span><br><sup>1</sup><abbr title="释义">缩写</abbr><kbd>Ctrl</kbd>
</div>

```python
print("<script>alert(1)</script>")
```

[^1]: 见来源。

*[三会一课]: 党员大会、支部委员会、党小组会和党课
"""


def test_everything_markdown_and_the_configured_extensions_emit_is_allowed():
    html = render_with_the_sites_extensions(EVERYTHING_THE_EXTENSIONS_EMIT)
    for construct in ('class="admonition', "<details", 'type="checkbox"', 'style="text-align', "<dl>",
                      'class="footnote', "<abbr", 'class="headerlink"', "<code>", "<kbd>"):
        assert construct in html, construct  # the sample really exercises each extension
    assert check_html("a.md", html, EVERYTHING_THE_EXTENSIONS_EMIT, 1) == []


@pytest.mark.parametrize("element", ["script", "style", "form", "meta", "base", "link", "object", "embed",
                                     "svg", "iframe", "math", "textarea", "button", "template"])
def test_elements_outside_the_allowlist_are_named(element):
    findings = check_html("a.md", f'<p>x</p><{element.upper()} x="1">y</{element}>', "", 1)
    assert findings and findings[0].code == "G040"
    assert f"`<{element}>`" in findings[0].message


@pytest.mark.parametrize("attribute", ["onclick", "OnError", "onmouseover", "ontoggle", "formaction",
                                       "srcdoc", "data-md-component", "target", "xmlns"])
def test_attributes_outside_the_allowlist_are_named(attribute):
    (finding,) = check_html("a.md", f'<span {attribute}="x()">a</span>', "", 1)
    assert finding.code == "G041" and f"`{attribute.lower()}`" in finding.message


@pytest.mark.parametrize(("address", "kind"), [
    ("../measures/x.md", "relative"), ("#fn:1", "relative"), ("x.png?v=1", "relative"), ("", "relative"),
    ("https://example.org/", "outside"), ("HTTP://example.org", "outside"), ("//evil.example/x", "outside"),
    ("\\\\evil.example/x", "outside"), ("/\\evil.example", "outside"),
    ("mailto:a@example.org", "mail"), ("TEL:+86-10-1234", "mail"),
    ("javascript:alert(1)", "scheme"), ("JaVaScRiPt:alert(1)", "scheme"), (" \x01javascript:x", "scheme"),
    ("java\tscript:x", "scheme"), ("java\nscript:x", "scheme"), ("data:text/html,x", "scheme"),
    ("vbscript:x", "scheme"), ("file:///etc/passwd", "scheme"), ("a b:c", "scheme"),
    ("/etc/passwd", "root"),
])
def test_addresses_are_judged_as_a_browser_reads_them(address, kind):
    assert classify_address(address).kind == kind


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;x",
    "JAVASCRIPT:x", " &#x09;javascript:x", "java&#x0A;script:x", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)", "file:///etc/passwd",
])
def test_encoded_and_disguised_schemes_are_refused(href):
    (finding,) = check_html("a.md", f'<a href="{href}">x</a>', f'第一行\n<a href="{href}">x</a>\n', 7)
    assert finding.code == "G042" and finding.line == 8
    assert "不允许的协议" in finding.message


def test_outside_links_warn_and_outside_resources_are_errors():
    findings = check_html("a.md", '<a href="https://example.org/">x</a><img src="//cdn.example.org/a.png">', "", 1)
    assert {(f.code, f.level) for f in findings} == {("G046", "warning"), ("G044", "error")}
    assert any("https://example.org/" in f.message for f in findings)


def test_the_guides_own_component_attributes_take_plain_names_only():
    assert codes('<div class="guide-checklist-progress" data-guide-checklist="organizational-life">x</div>') == set()
    assert codes('<div data-guide-checklist="a b&quot;">x</div>') == {"G041"}
    assert codes('<div data-guide-checklist="javascript:x">x</div>') == {"G041"}
    assert codes('<div data-md-component="dialog">x</div>') == {"G041"}


def test_only_checkbox_inputs():
    assert codes('<input type="checkbox" disabled checked>') == set()
    assert codes('<input type="password">') == {"G041"}
    assert codes('<input type="image" src="x.png">') == {"G041"}


@pytest.mark.parametrize(("style", "ok"), [
    ("text-align: center;", True), ("color:#c00; font-weight: bold", True),
    ("background:url(https://e.example/a.png)", False), ("background-image: u\\72l(x)", False),
    ("@import 'x.css'", False), ("width: expression(alert(1))", False), ("position: fixed", False),
    ("color: red /* x */", False), ("behavior: url(x.htc)", False),
])
def test_inline_styles_by_property_and_value(style, ok):
    assert (style_problem(style) is None) == ok
    assert (codes(f'<span style="{style}">a</span>') == set()) == ok


def test_escaped_code_is_not_flagged():
    assert check_html("a.md", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>", "", 1) == []


def test_each_finding_is_located_in_the_source():
    markdown_text = "第一行\n<img src=\"https://cdn.example.com/x.png\">\n<iframe src=\"a\"></iframe>\n"
    html = '<p><img src="https://cdn.example.com/x.png"></p><iframe src="a"></iframe>'
    findings = check_html("a.md", html, markdown_text, 10)
    assert {(f.code, f.line) for f in findings} == {("G044", 11), ("G040", 12)}


def test_neutralise_leaves_nothing_the_check_refuses():
    html = ('<script>x()</script><span onclick="x()">a</span><a href="jav&#x61;script:x()">b</a>'
            '<img src="//evil.example/x.png"><div style="background:url(https://e.example/a.png)">c</div>'
            '<form action="https://evil.example/"><input type="password"></form><a href="https://ok.example/">d</a>'
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">&amp; &lt;')
    cleaned = neutralise_html(html)
    assert {f.code for f in check_html("a.md", cleaned, "", 1)} <= {"G046"}
    assert ">a</span>" in cleaned and "<a href=\"https://ok.example/\">d</a>" in cleaned
    assert "&amp; &lt;" in cleaned and "&lt;form" in cleaned and "&lt;meta" in cleaned
    assert "<meta" not in cleaned and "<script" not in cleaned and "<form" not in cleaned


def test_an_address_written_with_character_references_is_traced_to_its_own_line():
    """`&colon;` in the Markdown is `:` in the HTML; the line found is the one that wrote it, case and all."""
    markdown = '<a href="&#106;avascript:alert(1)">一</a>\n\n[二](JaVaScRiPt&colon;alert(1))\n'
    html = '<p><a href="javascript:alert(1)">一</a></p>\n<p><a href="JaVaScRiPt:alert(1)">二</a></p>'
    found = {(f.code, f.line) for f in check_html("guide/x.md", html, markdown, 5)}
    assert found == {("G042", 5), ("G042", 7)}
