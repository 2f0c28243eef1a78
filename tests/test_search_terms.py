"""One normalisation on both sides: the index (search_terms.py) and the query (search-query.js)."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from guidekit.search.search_terms import FILLERS, half_width, key_of, normalise, reader_key, strip_fillers

QUERY_MODULE = ROOT / "overrides" / "assets" / "javascripts" / "search-query.js"


def test_full_width_letters_digits_and_symbols_become_ascii():
    assert half_width("ＡＢＣ１２３＋＃（）\u3000") == "ABC123+#() "
    assert normalise("ＰＤＣＡ循环") == "pdca循环"


def test_a_plus_after_a_word_is_the_programme_name_not_a_separator():
    assert normalise("党建＋") == normalise("党建+") == "党建加"
    assert normalise("“互联网+”党建") == "“互联网加”党建"
    assert normalise("+党建") == "+党建"


def test_a_key_is_one_word_however_the_title_is_punctuated():
    assert key_of("形式主义：党建\u200b工作“虚”“浮”、流于形式") == "形式主义党建工作虚浮流于形式"
    assert key_of("以“党建+”把党建融入中心工作") == "以党建加把党建融入中心工作"
    assert key_of("党员 示范岗") == key_of("党员示范岗")


def test_question_words_are_dropped_only_when_a_word_is_left():
    assert strip_fillers("怎么添加案例") == "添加案例"
    assert strip_fillers("支部书记不会抓党建怎么办") == "支部书记不会抓党建"
    assert strip_fillers("怎么做") == "怎么做"
    assert reader_key("怎么添加案例？") == reader_key("添加案例") == "添加案例"


def test_the_query_side_drops_the_same_question_words():
    script = QUERY_MODULE.read_text(encoding="utf-8")
    listed = re.search(r"var FILLERS = (\[[^\]]*\]);", script)
    assert listed is not None, "search-query.js lists its question words in `var FILLERS = [...]`"
    assert tuple(json.loads(listed.group(1))) == FILLERS
