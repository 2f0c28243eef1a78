"""Material's search sections, read from the lexbor parse instead of html.parser: the same sections
(titles, texts, anchors, exclusions) on HTML chosen to trip a tokeniser and on every page of the guide,
and the swap made only on the Material whose indexing method is known."""

from __future__ import annotations

import re
import types

import jieba
import material.plugins.search.plugin as material_search
import pytest
from guidekit.adapters.search_indexing import (
    PINNED_VERSION,
    add_entry_from_context,
    patch_search_indexing,
    use_segmenter,
)
from guidekit.search.html_events import feed
from guidekit.search.segmenter import guide_segmenter

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)

TRICKY = {
    "preface, permalink, entity, code": '<p>前言</p><h2 id="a">标题<a class="headerlink" href="#a">¶</a></h2>'
                                        '<p>正文 &amp; <code>x &lt; y</code></p>',
    "excluded block, void tags": '<h1 id="t">T</h1><div data-search-exclude><p>不搜</p></div>'
                                 '<p>搜<br>行<br/>二</p><img src=x alt=y><hr/>',
    "heading inside a note": '<details class="note"><summary>资料说明</summary><h3 id="in">内</h3><p>x</p>'
                             '</details><p>after</p>',
    "code block whitespace, nested lists": '<pre><code>a\n  b\n</code></pre><ul><li>一</li><li><p>二</p>'
                                           '<ul><li>三</li></ul></li></ul>',
    "table and footnote mark": '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody>'
                               '</table><sup id="fnref:1"><a href="#fn:1">1</a></sup>',
    "script, style, comment, svg": '<script>var a = "<p>";</script><style>p{}</style><p>x<!-- c -->y</p>'
                                   '<svg viewBox="0 0 1 1"><path d="M0"/><text>t</text></svg>',
    "empty heading and blank paragraphs": '<h2 id="e"></h2><p> </p><p>\n</p><span></span>'
                                          '<h2 id="f">F <em>G</em></h2><p>z</p>',
    "deep nesting": "<div>" * 3000 + "<p>深</p>" + "</div>" * 3000,
}


def sections(parser: material_search.Parser) -> list[tuple[str, str | None, float, str, str, bool]]:
    return [(repr(s.el), s.id, s.depth, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def by_html_parser(html: str) -> material_search.Parser:
    parser = material_search.Parser()
    parser.feed(html)
    parser.close()
    return parser


def by_lexbor(html: str) -> material_search.Parser:
    parser = material_search.Parser()
    feed(html, parser)
    return parser


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_the_lexbor_events_give_materials_own_sections(name):
    html = TRICKY[name]
    expected = sections(by_html_parser(html))
    assert expected, "the example gives Material at least one section"
    assert sections(by_lexbor(html)) == expected


def test_every_page_of_the_guide_gives_the_same_sections(built_site):
    pages = [p for p in built_site.site.rglob("*.html") if ARTICLE.search(p.read_text(encoding="utf-8"))]
    assert len(pages) > 60  # the whole guide, not a few pages
    differ = []
    for page in pages:
        article = ARTICLE.search(page.read_text(encoding="utf-8")).group(1)
        if sections(by_lexbor(article)) != sections(by_html_parser(article)):
            differ.append(page.relative_to(built_site.site).as_posix())
    assert differ == []


def material_module() -> types.ModuleType:
    """A stand-in for Material's search module whose SearchIndex methods are not Material's."""
    module = types.ModuleType("material_search_copy")
    module.Parser = material_search.Parser  # type: ignore[attr-defined]
    module.bre = material_search.bre  # type: ignore[attr-defined]
    namespace: dict[str, object] = {}
    exec("def add_entry_from_context(self, page):\n    return None\n"
         "def _segment_chinese(self, data):\n    return data\n", namespace)
    module.SearchIndex = type("SearchIndex", (), dict(namespace))  # type: ignore[attr-defined]
    return module


def test_a_material_other_than_the_pinned_one_keeps_its_own_indexing_and_is_reported():
    module = material_module()
    original = dict(vars(module.SearchIndex))
    finding = patch_search_indexing(module, "9.9.0")
    assert finding is not None and finding.code == "G091" and "9.9.0" in finding.message
    changed = patch_search_indexing(module, PINNED_VERSION)  # the pinned version, but the methods differ
    assert changed is not None and changed.code == "G091"
    assert dict(vars(module.SearchIndex)) == original


@pytest.fixture
def patched(monkeypatch):
    """Material's SearchIndex with the guide's methods, put back afterwards; Material's own beside it."""
    index = material_search.SearchIndex
    originals = {name: getattr(index, name) for name in ("add_entry_from_context", "_segment_chinese")}
    for name, method in originals.items():
        monkeypatch.setattr(index, name, method)
    monkeypatch.setattr(index, "parser_class", None, raising=False)
    assert patch_search_indexing(material_search, PINNED_VERSION) is None
    return originals


def test_the_pinned_material_is_patched_once(patched):
    index = material_search.SearchIndex
    assert index.add_entry_from_context is add_entry_from_context
    assert patch_search_indexing(material_search, PINNED_VERSION) is None  # a rebuild under `mkdocs serve`
    assert index.add_entry_from_context is add_entry_from_context


SEGMENTED = [
    "基层党建工作创新实践指南", "“三会一课”落实走样", "党建+双创：申报项目 12 项、论文 30 篇",
    "支部书记 · 每月支委会 · 第一个议题", "abc 123", "", "党建", "㐀㐁 𠀀 中文 English 混排", "思南烟草思南烟草",
]


@pytest.mark.parametrize("segmenter", ["jieba", "jieba-rs"])
def test_each_run_is_segmented_as_material_segments_it(patched, segmenter, monkeypatch):
    """Material's own method (jieba) and the patched one, with jieba or with the build's jieba-rs segmenter:
    both with jieba's own dictionary (a tokenizer of its own: other tests teach the default one words)."""
    monkeypatch.setattr(jieba, "cut", jieba.Tokenizer().cut)
    fast = guide_segmenter([])
    assert fast is not None
    use_segmenter(fast.cut if segmenter == "jieba-rs" else None)
    for text in SEGMENTED * 2:  # the second time from the store
        assert patched["_segment_chinese"](None, text) == material_search.SearchIndex._segment_chinese(None, text)
    use_segmenter(None)
