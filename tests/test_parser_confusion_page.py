"""Parser-confusion markup, opened in Chromium: refused by the strict build on its line, or harmless.

Each form of tests/support.PARSER_CONFUSION is written on line 7 of its own page. The strict build
must name that line for every form it refuses; and every built page (the strict build still writes
them, defused) is opened in Debian's Chromium, which must raise no dialog and hold no event-handler
attribute, no script address and no script carrying the payload.
"""

from __future__ import annotations

from browser import static_server
from support import PARSER_CONFUSION

PAGES = {f"guide/confusion-{number:02d}.md": f"---\ntitle: 混淆 {number}\n---\n\n正文。\n\n{markup}\n\n后文。\n"
         for number, markup in enumerate(PARSER_CONFUSION)}
# Markup written as character references in a heading reaches the table of contents and the search
# index as text: it must stay text there too.
PAGES["guide/confusion-heading.md"] = (
    "---\ntitle: 标题\n---\n\n# 标题\n\n## &lt;img src=x onerror=alert(90)&gt;节\n\n"
    "## &lt;script&gt;alert(91)&lt;/script&gt;小节\n\n"
    "## <span>&lt;img src=y onerror=alert(92)&gt;</span>\n\n正文。\n")

DANGERS_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = (el.getAttribute(attr) || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (attr.startsWith('on')) found.push(`<${el.localName} ${attr}>`);
      if (/(^|:)href$|^src$|^action$|^formaction$|^data$/.test(attr) && /^(javascript|vbscript|data):/.test(value))
        found.push(`<${el.localName} ${attr}=${value}>`);
    }
    if (el.localName === 'script' && (el.textContent || '').includes('alert(')) found.push('<script>alert');
  }
  return found;
}"""


def test_confusion_markup_is_refused_on_its_line_or_harmless_in_chromium(fixture_site, chromium):
    result = fixture_site(PAGES)
    assert "Traceback" not in result.output, result.output
    for path in PAGES:
        named = [line for line in result.output.splitlines() if f"docs/{path}:" in line or f"docs/{path} " in line]
        if path.endswith("heading.md"):
            assert named == [], named  # text, not markup: nothing to refuse
        else:
            assert named and all(f"docs/{path}:7 " in line for line in named), (path, named)
    dialogs: list[str] = []
    with static_server(result.site) as base:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for path in PAGES:
            url = base + path.removesuffix(".md") + "/"
            page.goto(url, wait_until="load")
            page.wait_for_timeout(150)  # an image error or a toggle event fires after load
            assert page.evaluate(DANGERS_JS) == [], url
            assert page.locator("article").inner_text().count("后文") <= 1
        heading = base + "guide/confusion-heading/"
        page.goto(heading, wait_until="load")
        toc = page.locator("nav.md-nav--secondary").first.inner_text()
        assert "<img src=x onerror=alert(90)>节" in toc and "<script>alert(91)</script>小节" in toc  # as written
        page.close()
    assert dialogs == []


def test_the_parser_builds_the_same_elements_as_chromium(chromium):
    """The checker's parser against the judge: for every confusion form, lexbor (through html_tree)
    and Chromium's own HTML parser (DOMParser, scripting off like lexbor) create the same elements
    with the same attribute names, in the same order."""
    from guidekit.checks.html_tree import PREFIX
    from selectolax.lexbor import LexborHTMLParser

    page = chromium.new_page()
    for markup in PARSER_CONFUSION:
        document = PREFIX + f"<p>正文。</p>\n{markup}"
        ours = [[node.tag, sorted(node.attributes)] for node in LexborHTMLParser(document).root.traverse()
                if node.is_element_node]
        theirs = page.evaluate("""html => [...new DOMParser().parseFromString(html, 'text/html')
            .querySelectorAll('*')].map(e => [e.localName, e.getAttributeNames().sort()])""", document)
        assert ours == theirs, markup
    page.close()
