"""The parser seam (guidekit/checks/html_tree.py): pages are read as a browser reads them, once."""

from __future__ import annotations

import pytest
from guidekit.checks.html_safety import check_html, neutralise_html
from guidekit.checks.html_tree import parse_content
from guidekit.checks.page_html import publish_content
from support import PARSER_CONFUSION

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def dangers(html: str) -> list[str]:
    """What a browser would run in `html`: script elements, event handlers, script addresses."""
    found = []
    for node in parse_content(html).elements():
        if node.tag in ("script", "iframe", "object", "embed", "base", "meta", "form", "style", "template"):
            found.append(f"<{node.tag}>")
        for name, value in node.attributes.items():
            if name.startswith("on") or name == "srcdoc":
                found.append(f"<{node.tag} {name}>")
            address = "".join((value or "").split()).lower()
            if ("href" in name or name in ("src", "action", "formaction")) and address.startswith(SCRIPT_SCHEMES):
                found.append(f"<{node.tag} {name}={value}>")
    return found


def test_a_comment_the_old_tokeniser_misread_is_a_complete_empty_comment():
    """`<!-->` ends the comment it opens: the script after it is an element, reported on its line."""
    markdown = "第一段。\n\n<!--><script>alert(1)</script>-->\n"
    (finding,) = check_html("guide/x.md", "<p>第一段。</p>\n<!--><script>alert(1)</script>-->", markdown, 4)
    assert finding.code == "G040" and "`<script>`" in finding.message and finding.line == 6


@pytest.mark.parametrize("markup", PARSER_CONFUSION)
def test_every_confusion_form_is_refused_on_its_line_and_published_harmless(markup):
    markdown = f"---\ntitle: x\n---\n\n正文。\n\n{markup}\n"
    html = f"<p>正文。</p>\n{markup}"
    findings = check_html("guide/x.md", html, markdown.split("---\n", 2)[2], 4)
    assert dangers(html) == [] or findings, markup  # whatever would run is refused
    assert all(f.line == 7 for f in findings), [f.format() for f in findings]
    published, _ = publish_content("guide/x.md", html, markdown, 4)
    assert dangers(published) == [], (markup, published)
    assert dangers(neutralise_html(html)) == []


def test_what_is_published_reparses_to_the_same_page():
    """The serialisation of a checked tree round-trips: reading it again gives the same tree."""
    for markup in PARSER_CONFUSION:
        once = neutralise_html(f"<div>{markup}</div>")
        assert neutralise_html(once) == once, markup


def test_content_left_open_at_its_end_is_reported_and_cut_off():
    for tail in ("<!-- 备注", '<a href="x', "<textarea>", "<xmp>", "<p title='a"):
        markdown = f"正文。\n\n{tail}\n"
        findings = check_html("guide/x.md", f"<p>正文。</p>\n{tail}", markdown, 10)
        assert "G120" in {f.code for f in findings}, tail
        assert next(f.line for f in findings if f.code == "G120") == 12
        assert neutralise_html(f"<p>正文。</p>{tail}").startswith("<p>正文。</p>")
    assert parse_content("<p>a</p><table><tr><td>x").closed  # an open table is closed by the page, harmlessly


def test_the_page_body_cannot_be_given_attributes_from_the_content():
    (finding,) = check_html("guide/x.md", "<p>a</p><body onload=alert(1)>", "a\n<body onload=alert(1)>\n", 1)
    assert finding.code == "G040" and "`<body>`" in finding.message and finding.line == 2


def test_comments_processing_instructions_and_cdata_are_not_published():
    html = "<p>a<!-- x --><?pi x?><![CDATA[y]]></p>"
    assert parse_content(html).serialise() == "<p>a</p>"


def test_a_look_alike_in_code_or_a_code_span_is_not_the_line_named():
    markdown = "```html\n<script>alert(0)</script>\n```\n\n`<script>` 不能用。\n\n<script>alert(1)</script>\n"
    html = "<pre><code>&lt;script&gt;</code></pre><p><code>&lt;script&gt;</code> 不能用。</p><script>alert(1)</script>"
    (finding,) = check_html("guide/x.md", html, markdown, 1)
    assert finding.line == 7


def test_one_parse_per_page_is_shared_by_the_check_and_the_fixes(monkeypatch):
    import guidekit.checks.page_html as page_html

    calls = []
    real = page_html.parse_content
    monkeypatch.setattr(page_html, "parse_content", lambda html: calls.append(1) or real(html))
    html = ('<h2 id="a">标题<a class="headerlink" href="#a" title="本节链接">¶</a></h2><ul><li class="task-list-item">'
            '<label class="task-list-control"><input type="checkbox" disabled></label> 事项</li></ul>'
            '<span onclick="x()">y</span>')
    published, findings = publish_content("guide/x.md", html, "", 1)
    assert len(calls) == 1 and [f.code for f in findings] == ["G041"]
    assert 'aria-label="本节链接"' in published and 'aria-label="事项"' in published and "onclick" not in published
