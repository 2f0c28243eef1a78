"""The lean search index: what readers mean found first, inner words of long words, UTF-8, fewer bytes.

The index here is shaped exactly as Material's search plugin writes it (its own
SearchIndex class produces it), so the tests follow Material, not a copy of its format.
"""

from __future__ import annotations

import json
import re

import jieba
import pytest
from guidekit.search.reader_words import Vocabulary
from guidekit.search.search_index import (
    BREAK,
    EXCERPT,
    FOOTNOTE_MARKS,
    OFFLINE_PREFIX,
    TAG,
    TYPE_BOOST,
    WordWork,
    _excerpt_of_plain,
    drop_needless_breaks,
    encode_index,
    excerpt,
    index_as_script_only,
    inner_words,
    lean_index,
    lean_index_file,
    page_keys,
    parts_of,
    plain_text,
    readers_words,
    unmarked,
    words_of,
)
from guidekit.search.search_terms import key_of
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


def doc_at(index: dict, location: str) -> dict:
    return next(d for d in index["docs"] if d["location"] == location)


def test_a_long_name_yields_the_words_inside_it_but_not_its_prefixes(cut_for_search):
    assert inner_words("思南烟草", cut_for_search) == ["烟草"]  # 思南 is found as a prefix already
    assert "中国" not in inner_words("中国邮政储蓄银行", cut_for_search)
    assert {"邮政储蓄", "储蓄", "银行"} <= set(inner_words("中国邮政储蓄银行", cut_for_search))


def test_the_page_with_the_name_in_its_title_gets_the_inner_word_as_a_title_word(cut_for_search):
    lean = lean_index(material_index(PAGES), cut_for_search)
    fields = lean["config"]["fields"]
    assert fields["keys"]["boost"] > fields["title"]["boost"] > fields["tags"]["boost"] > fields["words"]["boost"]
    assert "text" not in fields, "the teaser is shown, not searched"
    sinan = doc_at(lean, "cases/sinan/")
    assert "烟草" in sinan["title_parts"].split()
    assert "烟草" in sinan["words"].split()  # the body names 思南烟草 too
    points = doc_at(lean, "measures/points/")
    assert "title_parts" not in points, "a title with no long word has nothing to add"


def test_the_searched_words_are_the_texts_words_once_without_single_characters(cut_for_search):
    original = material_index(PAGES)
    lean = lean_index(original, cut_for_search)
    separator = re.compile(SEPARATOR)
    for before, after in zip(original["docs"], lean["docs"], strict=True):
        words = after.get("words", "").split()
        assert len(words) == len(set(words))
        expected = {w for w in words_of(FOOTNOTE_MARKS.sub("", before["text"]), separator) if len(w) > 1}
        assert expected <= set(words)
        assert not [w for w in words if len(w) == 1 and "\u4e00" <= w <= "\u9fff"]


def test_a_result_shows_a_short_plain_teaser():
    assert excerpt("<p>思南\u200b烟草开展“三亮一评”。</p>") == "思南烟草开展“三亮一评”。"
    long = "<p>" + "党员" * 100 + "</p>"
    assert excerpt(long) == "党员" * (EXCERPT // 2) + "…"
    assert excerpt("<p>" + "甲" * (EXCERPT - 2) + "&amp;乙</p>").endswith("&amp;…"), "an entity is never cut"


def test_a_page_title_is_one_key_with_its_quoted_terms_and_the_readers_words_it_holds():
    vocabulary = Vocabulary(by_term={"形式主义": ("走过场",)}, by_page={})
    assert page_keys("形式主义：党建\u200b工作“虚”“浮”、流于形式", vocabulary) == [
        "形式主义党建工作虚浮流于形式", "走过场"]
    assert page_keys("以“党建+”把\u200b党建融入中心工作", Vocabulary()) == ["以党建加把党建融入中心工作", "党建加"]


def test_readers_words_reach_the_title_the_text_and_the_page_they_point_at(cut_for_search):
    vocabulary = Vocabulary(by_term={"积分制": ("打分",), "奎屯市分行": ("奎屯支行",)},
                            by_page={"cases/sinan/": ("烟草公司",)})
    lean = lean_index(material_index(PAGES), cut_for_search, vocabulary)
    points = doc_at(lean, "measures/points/")
    assert "打分" in points["keys"].split() and "打分" in points["words"].split()
    assert "烟草公司" in doc_at(lean, "cases/sinan/")["pins"].split()
    background = doc_at(lean, "cases/sinan/#bei-jing")
    assert "奎屯支行" in background["words"].split() and "keys" not in background, "sections have no keys"


def test_a_problem_a_reader_describes_ranks_above_the_measures_that_answer_it(cut_for_search):
    pages = [("problems/formalism/", "形式主义", "<h1>形式主义</h1><p>流于形式。</p>"),
             ("measures/strict/", "严格组织生活", "<h1>严格组织生活</h1><p>防止形式主义。</p>")]
    lean = lean_index(material_index(pages), cut_for_search)
    assert doc_at(lean, "problems/formalism/")["boost"] > doc_at(lean, "measures/strict/")["boost"]
    assert TYPE_BOOST["problems"] == max(TYPE_BOOST.values())


def test_segmentation_is_asked_once_per_word():
    asked: list[str] = []

    def cut(word: str) -> list[str]:
        asked.append(word)
        return [word[:2], word[2:]]

    pages = [(f"measures/m{i}/", "思南烟草的做法", "<p>思南烟草。思南烟草。</p>") for i in range(5)]
    lean_index(material_index(pages), cut)
    assert asked.count("思南烟草") == 1 and asked.count("思南烟草的做法") <= 1


def test_breaks_stay_only_between_two_words():
    separator = re.compile(SEPARATOR)
    text = "<p>\u200b思南\u200b烟草\u200b：\u200b党员\u200b亮\u200b身份\u200b。</p>"
    assert drop_needless_breaks(text, separator) == "<p>思南\u200b烟草：党员\u200b亮\u200b身份。</p>"


def test_footnote_marks_are_dropped_from_the_text(cut_for_search):
    lean = lean_index(material_index(PAGES), cut_for_search)
    text = "".join(doc["text"] + doc.get("words", "") for doc in lean["docs"])
    assert "<sup>" not in text and "↩" not in text
    assert "80%" in text and "见资料来源" in text


def test_a_second_pass_changes_nothing(cut_for_search):
    once = lean_index(material_index(PAGES), cut_for_search)
    assert lean_index(once, cut_for_search) == once


def test_the_index_is_utf8_json_and_a_valid_script_literal(cut_for_search, tmp_path):
    path = tmp_path / "search_index.json"
    original = material_index(PAGES)
    original["docs"][0]["title"] += "\u2028"  # legal in JSON, not in older JavaScript string literals
    path.write_text(json.dumps(original), encoding="utf-8")
    lean_index_file(path, cut_for_search)
    written = path.read_text(encoding="utf-8")
    assert "思南烟草" in written and "\\u601d" not in written
    assert "\u2028" not in written and json.loads(written)["docs"][0]["title"].endswith("\u2028")
    lean_index_file(tmp_path / "missing.json", cut_for_search)  # search switched off: nothing to do
    assert not (tmp_path / "missing.json").exists()


def test_the_offline_bundle_keeps_only_the_script_form(cut_for_search, tmp_path):
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(material_index(PAGES)), encoding="utf-8")
    lean_index_file(path, cut_for_search)
    lean = path.read_text(encoding="utf-8")
    index_as_script_only(tmp_path)
    assert not path.exists()
    assert (tmp_path / "search_index.js").read_text(encoding="utf-8") == OFFLINE_PREFIX + lean


# The rewrite as first written, one pass after another, nothing shared between sections: the
# faster rewrite (footnote marks looked for only where they can be, words split and deduplicated
# by C-level iterators, each distinct title and text worked out once) must give the same bytes.
def reference_section_fields(doc: dict, separator: re.Pattern[str], work: WordWork, vocabulary: Vocabulary) -> dict:
    def plain(marks_gone: str) -> str:
        return " ".join(re.sub(BREAK + "+", "", TAG.sub(" ", marks_gone)).split())

    def reference_words_of(text: str) -> list[str]:
        return [w for chunk in TAG.split(text) for w in separator.split(chunk) if w]

    def reference_parts_of(words: list[str]) -> list[str]:
        have, parts = set(words), {}
        for word in words:
            for part in work.inner(word):
                if part not in have:
                    parts[part] = None
        return list(parts)

    fields = {k: doc[k] for k in ("title", "text") if k in doc}  # kept as they are unless text
    title, text = doc.get("title"), doc.get("text")
    if isinstance(title, str):
        fields["title"] = drop_needless_breaks(FOOTNOTE_MARKS.sub("", title), separator)
        parts = reference_parts_of(reference_words_of(fields["title"]))
        if parts:
            fields["title_parts"] = " ".join(parts)
    if isinstance(text, str):
        marks_gone = FOOTNOTE_MARKS.sub("", text)
        forms = (work.form(w) for w in dict.fromkeys(reference_words_of(marks_gone)))
        words = list(dict.fromkeys(w for w in forms if w is not None))
        words += reference_parts_of(words)
        if vocabulary.by_term:
            words += [w for w in readers_words(key_of(plain(marks_gone)), vocabulary) if w not in words]
        fields["text"] = _excerpt_of_plain(plain(marks_gone))
        if words:
            fields["words"] = " ".join(words)
    return fields


SECTION_FIELDS = ("title", "title_parts", "text", "words")  # what the faster rewrite changed; keys, pins, boost did not


B = BREAK
TRICKY_TEXTS = [
    "",
    "<p></p>",
    f"<p>{B}思南{B}烟草{B}开展{B}“{B}三亮一评{B}”{B}活动{B}。</p>",
    f"<p>{B}党员{B}亮{B}身份{B}。<sup>1</sup> <sup>12</sup></p>",  # footnote references
    f"<p>见{B}资料{B}来源{B}。 \n ↩↩</p><p>{B}另{B}一{B}条{B}。↩</p>",  # back-links, spaces before them
    " <sup>1</sup>↩ <sup>x</sup> ↩<sup>2</sup>\t↩",  # marks next to marks
    "<sup>1</sup>",
    "↩",
    f"<li>增长{B}80%，{B}奎屯市{B}分行{B}参加</li>",
    f"<p>&#1;{B}&amp;{B}&lt;b&gt;{B}AT&amp;T{B}&#8617;</p>",  # entities, one unescaping to nothing
    "&#1;",  # one word, unescaped to nothing: still a `words` field, empty
    f"<p>ＡＢＣ{B}１２３{B}党建＋{B}互联网+{B}Ｃ＋＋</p>",  # full width, plus signs
    f"<p>{B}{B}{B}</p>{B}<em>{B}中国{B}邮政{B}储蓄{B}银行{B}</em>{B}中国邮政储蓄银行{B}",
    f"<p>{'党员' * 60}&amp;{'党员' * 10}</p>",  # an entity across the teaser's end
    f"<p>{B}一{B}二{B}三{B}</p>",  # single characters only
    f"<p>a<b>b</b>c{B}d e\u3000f</p>",
]
TRICKY_TITLES = [
    "", f"{B}思南{B}烟草{B}：{B}“{B}三三{B}”{B}党建{B}工作{B}模式{B}",
    f"<code>x</code>{B}中国邮政储蓄银行{B}<sup>1</sup>",
    f"形式主义{B}：党建{B}工作“虚”“浮”、流于形式", f"以“{B}党建+{B}”把{B}党建融入中心工作", "↩ 标题 ↩",
]
TRICKY_VOCABULARY = Vocabulary(by_term={"积分制": ("打分",), "奎屯市分行": ("奎屯支行",), "党员": ("共产党员", "党建")},
                               by_page={"cases/sinan/": ("烟草公司",)})


def tricky_index() -> dict:
    locations = ["cases/sinan/", "cases/sinan/#bei-jing", "measures/m/", "problems/p/#x", "guide/", "other/"]
    docs = []
    for i, text in enumerate(TRICKY_TEXTS * 2):  # every text twice: the second time from the rewrite's store
        doc = {"location": locations[i % len(locations)], "title": TRICKY_TITLES[i % len(TRICKY_TITLES)],
               "text": text, "tags": ["党员管理"]}
        if i % 5 == 0:
            doc["boost"] = 2.0
        docs.append(doc)
    docs += [{"location": "x/", "title": 3, "text": None}, {"location": "y/"}, {"title": "无正文"}, {"text": "无标题"}]
    return {"config": {"separator": SEPARATOR, "lang": ["en"], "fields": {"title": {}, "text": {}}}, "docs": docs}


@pytest.mark.parametrize("vocabulary", [Vocabulary(), TRICKY_VOCABULARY], ids=["no readers' words", "readers' words"])
def test_the_rewrite_gives_the_bytes_of_the_straightforward_rewrite(cut_for_search, vocabulary):
    index = tricky_index()
    separator = re.compile(SEPARATOR)
    work = WordWork.using(cut_for_search)
    expected = [reference_section_fields(doc, separator, work, vocabulary) for doc in index["docs"]]
    docs = lean_index(index, cut_for_search, vocabulary)["docs"]
    lean = [{k: v for k, v in doc.items() if k in SECTION_FIELDS} for doc in docs]
    assert encode_index({"docs": lean}) == encode_index({"docs": expected})


@pytest.mark.parametrize("text", TRICKY_TEXTS + TRICKY_TITLES)
def test_the_faster_passes_match_their_regular_expressions(cut_for_search, text):
    separator = re.compile(SEPARATOR)
    assert unmarked(text) == FOOTNOTE_MARKS.sub("", text)
    assert plain_text(text) == " ".join(re.sub(BREAK + "+", "", TAG.sub(" ", FOOTNOTE_MARKS.sub("", text))).split())
    assert words_of(text, separator) == [w for chunk in TAG.split(text) for w in separator.split(chunk) if w]
    words = words_of(text, separator)
    inner = WordWork.using(cut_for_search).inner
    expected: dict[str, None] = {}
    for word in words:
        expected.update((part, None) for part in inner(word) if part not in words)
    assert parts_of(words, inner) == list(expected)


def test_no_rewrite_reuses_another_rewrites_words():
    pages = [("measures/m/", "思南烟草的做法", "<p>思南烟草的做法。</p>")]
    index = material_index(pages)
    first = lean_index(index, lambda word: [word[1:3]])
    second = lean_index(index, lambda word: [word[2:4]])
    assert first["docs"][0]["words"] != second["docs"][0]["words"]
    assert first["docs"][0]["title_parts"] != second["docs"][0]["title_parts"]
