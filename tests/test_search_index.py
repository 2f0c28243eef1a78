"""The lean search index: inner words of long words, UTF-8, and the same words for every query.

The index here is shaped exactly as Material's search plugin writes it (its own
SearchIndex class produces it), so the tests follow Material, not a copy of its format.
"""

from __future__ import annotations

import json
import re

import jieba
import pytest
from guidekit.search_index import (
    drop_needless_breaks,
    encode_index,
    inner_words,
    lean_index,
    lean_index_file,
    words_of,
)
from material.plugins.search.plugin import SearchIndex

SEPARATOR = r'[\s\u200b+\-_,:!=\[\]()"`/，。、；：！？“”‘’（）《》]+'  # as in mkdocs.yml


@pytest.fixture(scope="module")
def cut_for_search():
    jieba.add_word("思南烟草", freq=20000)  # what the hook does for the guide's own names
    jieba.add_word("三亮一评", freq=20000)
    return jieba.cut_for_search


class FakePage:
    def __init__(self, url: str, title: str, html: str) -> None:
        self.url, self.title, self.content, self.toc = url, title, html, []
        self.meta = {"title": title, "tags": ["党员管理"]}


def material_index(pages: list[tuple[str, str, str]]) -> dict:
    """The index Material's own plugin code writes for these pages (url, title, HTML)."""
    index = SearchIndex(lang=["en"], separator=SEPARATOR, pipeline=["stemmer"],
                        fields={"title": {"boost": 1e3}, "text": {"boost": 1e0}, "tags": {"boost": 1e6}})
    for url, title, html in pages:
        index.add_entry_from_context(FakePage(url, title, html))
    return json.loads(index.generate_search_index(None))


PAGES = [
    ("cases/sinan/", "思南烟草：“三三”党建工作模式",
     '<h1 id="t">思南烟草：“三三”党建工作模式</h1><p>思南烟草开展“三亮一评”活动，党员亮身份。'
     '<sup id="fnref:s002"><a class="footnote-ref" href="#fn:s002">1</a></sup></p>'
     '<h2 id="bei-jing">背景</h2><p>增长80%，奎屯市分行参加。</p>'
     '<div class="footnote"><ol><li id="fn:s002"><p>见资料来源。<a class="footnote-backref" '
     'href="#fnref:s002">&#8617;</a></p></li></ol></div>'),
    ("measures/points/", "推行党员积分制", "<h1>推行党员积分制</h1><p>烟草行业的党员积分制。</p>"),
]


def tokens(index: dict) -> list[list[str]]:
    separator = re.compile(index["config"]["separator"])
    return [words_of(doc["title"], separator) + words_of(doc["text"], separator) for doc in index["docs"]]


def test_a_long_name_yields_the_words_inside_it_but_not_its_prefixes(cut_for_search):
    assert inner_words("思南烟草", cut_for_search) == ["烟草"]  # 思南 is found as a prefix already
    assert "中国" not in inner_words("中国邮政储蓄银行", cut_for_search)
    assert {"邮政储蓄", "储蓄", "银行"} <= set(inner_words("中国邮政储蓄银行", cut_for_search))


def test_the_page_with_the_name_in_its_title_gets_the_inner_word_as_a_title_word(cut_for_search):
    lean = lean_index(material_index(PAGES), cut_for_search)
    fields = lean["config"]["fields"]
    assert fields["title_parts"] == fields["title"] and fields["text_parts"] == fields["text"]
    sinan = next(d for d in lean["docs"] if d["location"] == "cases/sinan/")
    assert "烟草" in sinan["title_parts"].split()
    assert "烟草" in sinan["text_parts"].split()  # the body names 思南烟草 too
    points = next(d for d in lean["docs"] if d["location"] == "measures/points/")
    assert "title_parts" not in points, "a title with no long word has nothing to add"


def test_the_browser_tokenizer_sees_the_same_words_in_fewer_bytes(cut_for_search):
    original = material_index(PAGES)
    lean = lean_index(original, cut_for_search)
    marks = re.compile(r"^\d+$|^↩+$")  # the footnote marks, which are dropped on purpose
    assert tokens(lean) == [[w for w in doc if not marks.match(w)] for doc in tokens(original)]
    # the documents without the inner words (those add what the reader gains): at most 60 % of Material's
    # bytes for this small, markup-heavy sample (the real guide's whole index: 49 %, see test_search.py)
    plain = [{k: v for k, v in doc.items() if not k.endswith("_parts")} for doc in lean["docs"]]
    as_material = json.dumps(original["docs"], separators=(",", ":"))
    assert len(encode_index(plain).encode("utf-8")) <= 0.6 * len(as_material)


def test_breaks_stay_only_between_two_words():
    separator = re.compile(SEPARATOR)
    text = "<p>\u200b思南\u200b烟草\u200b：\u200b党员\u200b亮\u200b身份\u200b。</p>"
    assert drop_needless_breaks(text, separator) == "<p>思南\u200b烟草：党员\u200b亮\u200b身份。</p>"


def test_footnote_marks_are_dropped_from_the_text(cut_for_search):
    lean = lean_index(material_index(PAGES), cut_for_search)
    text = "".join(doc["text"] for doc in lean["docs"]).replace("\u200b", "")
    assert "<sup>" not in text and "↩" not in text
    assert "80%" in text and "见资料来源" in text


def test_a_second_pass_changes_nothing(cut_for_search):
    once = lean_index(material_index(PAGES), cut_for_search)
    assert lean_index(once, cut_for_search) == once


def test_the_index_is_utf8_json_and_a_valid_script_literal(cut_for_search, tmp_path):
    path = tmp_path / "search_index.json"
    original = material_index(PAGES)
    original["docs"][0]["text"] += "\u2028"  # legal in JSON, not in older JavaScript string literals
    path.write_text(json.dumps(original), encoding="utf-8")
    lean_index_file(path, cut_for_search)
    written = path.read_text(encoding="utf-8")
    assert "思南烟草" in written and "\\u601d" not in written
    assert "\u2028" not in written and json.loads(written)["docs"][0]["text"].endswith("\u2028")
    lean_index_file(tmp_path / "missing.json", cut_for_search)  # search switched off: nothing to do
    assert not (tmp_path / "missing.json").exists()
