"""Readers' words (includes/synonyms.yml): read with their lines, checked, expanded for the index."""

from __future__ import annotations

from conftest import ROOT
from guidekit.core.front_matter import ParsedPage
from guidekit.search.reader_words import (
    SHOWN,
    Vocabulary,
    check_reader_words,
    load_reader_words,
    parse_reader_words,
    vocabulary,
)

FILE = """# 注释
走过场: 形式主义、流于形式

怎么添加案例: contributing/index.md
党建＋： 党建+
没有冒号的一行
空目标:
"""


def test_each_line_is_a_word_and_its_targets_with_its_line_number():
    entries, findings = parse_reader_words(FILE)
    assert [(e.word, e.targets, e.line) for e in entries] == [
        ("走过场", ("形式主义", "流于形式"), 2),
        ("怎么添加案例", ("contributing/index.md",), 4),
        ("党建＋", ("党建+",), 5),
    ]
    assert [(f.code, f.path, f.line) for f in findings] == [("G132", SHOWN, 6), ("G132", SHOWN, 7)]
    assert all("读者用词表" in f.message for f in findings)


def test_a_reader_word_arrives_as_the_query_will():
    entries, _ = parse_reader_words(FILE)
    assert [e.key for e in entries] == ["走过场", "添加案例", "党建加"]


def test_every_target_must_exist():
    entries, _ = parse_reader_words("走过场: 形式主义、走马观花\n怎么添加案例: contributing/nowhere.md\n")
    findings = check_reader_words(entries, ["contributing/index.md"], "形式主义：党建工作流于形式")
    assert [(f.code, f.line) for f in findings] == [("G130", 1), ("G131", 2)]
    assert "走马观花" in findings[0].message and "contributing/nowhere.md" in findings[1].message
    assert findings[0].location == "includes/synonyms.yml:1"


def test_a_target_is_found_however_it_is_punctuated_in_the_guide():
    entries, _ = parse_reader_words("线上: 互联网+\n")
    assert check_reader_words(entries, [], "“互联网＋”党建") == []


def test_the_expansion_maps_guide_words_and_page_urls_to_reader_words():
    entries, _ = parse_reader_words("走过场: 形式主义\n流于形式: 形式主义\n怎么添加案例: contributing/index.md\n")
    assert vocabulary(entries, {"contributing/index.md": "contributing/"}) == Vocabulary(
        by_term={"形式主义": ("走过场", "流于形式")}, by_page={"contributing/": ("添加案例",)})


def test_the_guides_own_file_is_valid_against_its_pages():
    pages = {p.relative_to(ROOT / "docs").as_posix(): ParsedPage(path=p.name, body=p.read_text(encoding="utf-8"))
             for p in (ROOT / "docs").rglob("*.md")}
    entries, findings = load_reader_words(ROOT / "includes", [], list(pages), pages)
    assert findings == []
    assert len(entries) >= 20
    assert {"走过场", "网格化", "不积极", "南航", "建行", "添加案例"} <= {e.word for e in entries}
