"""Traditional characters are refused in front matter and body, with the simplified form named."""

from __future__ import annotations

import sys

from conftest import ROOT
from guidekit.checks.simplified import (
    ALLOWED_WORDS,
    _bmp_class,
    _default_bmp_class,
    character_map,
    check_simplified,
    has_mapped,
    traditional_in,
)
from guidekit.core.front_matter import parse_page

sys.path.insert(0, str(ROOT / "scripts"))
import make_t2s  # noqa: E402


def test_the_map_the_build_reads_matches_its_generator():
    data = (ROOT / "hooks/guidekit/checks/t2s.json").read_text(encoding="utf-8")
    assert data == make_t2s.render_data(), "run .venv/bin/python scripts/make_t2s.py"
    assert character_map() == make_t2s.character_pairs()


def test_front_matter_and_body_lines_are_named_with_the_simplified_form():
    page, _ = parse_page("problems/x.md", (
        "---\ntitle: 黨建與業務\nsummary: 正常的摘要\ntags: [融合發展]\n---\n\n## 表现\n\n"
        "第一段正常。\n\n- 列表中的兩張皮\n\n| 表 | 格 |\n| --- | --- |\n| 單位 | 數字 |\n"))
    findings = check_simplified(page)
    assert [(f.code, f.line) for f in findings] == [("G047", 2), ("G047", 4), ("G047", 11), ("G047", 15)]
    assert "`title`" in findings[0].message and "“黨”、“與”、“業”" in findings[0].message
    assert findings[0].fix == "改为简体：黨 → 党，與 → 与，業 → 业，務 → 务。"
    assert "兩 → 两" in findings[2].fix and "張 → 张" in findings[2].fix


def test_simplified_text_and_characters_that_are_also_simplified_forms_pass():
    page, _ = parse_page("cases/x.md", "---\ntitle: 乾坤\n---\n\n著名的于、於、杨乾。\n")
    assert check_simplified(page) == []


def test_allowed_words_keep_their_characters_and_nothing_else():
    mapping = character_map()
    assert traditional_in("蕭紅故居", mapping, allowed=()) == ["蕭", "紅"]
    assert traditional_in("蕭紅故居", mapping, allowed=("蕭紅",)) == []
    assert traditional_in("蕭紅寫的書", mapping, allowed=("蕭紅",)) == ["寫", "書"]
    assert "杨乾" in ALLOWED_WORDS


def test_many_characters_on_one_line_are_summarised():
    page, _ = parse_page("a.md", "繁體字寫滿了這一整行的內容與說明，還有書畫\n")
    (finding,) = check_simplified(page)
    assert "等 10 个" in finding.message and finding.line == 1


def test_the_fast_test_agrees_with_the_set_test_inside_and_beyond_the_bmp():
    mapping = character_map()
    astral = [c for c in mapping if ord(c) > 0xFFFF]
    assert astral, "the map holds characters beyond the BMP: the fast test must not miss them"
    texts = ["", "简体字的正文", "黨建", "𠀀简体", f"简体{astral[0]}", f"{astral[-1]}", "abc\n杨乾", "\U0001F600 表情"]
    for text in texts:
        assert has_mapped(text, mapping, _default_bmp_class()) == (not mapping.keys().isdisjoint(text)), text
    small = {"業": "业", astral[0]: "x"}
    for text in texts:
        assert has_mapped(text, small, _bmp_class(small)) == (not small.keys().isdisjoint(text)), text
    assert not has_mapped("任何文字", {}, _bmp_class({}))


def test_a_traditional_character_beyond_the_bmp_is_reported():
    char = next(c for c in character_map() if ord(c) > 0xFFFF)
    page, _ = parse_page("a.md", f"---\ntitle: 标题{char}\n---\n\n正文{char}\n")
    assert [(f.code, f.line) for f in check_simplified(page)] == [("G047", 2), ("G047", 5)]
