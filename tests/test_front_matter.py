"""Unit tests of front-matter reading: line numbers, encodings, editor slips."""

from __future__ import annotations

from guidekit.front_matter import decode, parse_page


def parse(text: str):
    return parse_page("problems/x.md", text)


def test_keys_and_list_elements_carry_their_file_lines():
    page, findings = parse("---\ntitle: 标题\nsources:\n  - s001\n  - s002\n---\n\n正文\n")
    assert findings == []
    assert page.meta == {"title": "标题", "sources": ["s001", "s002"]}
    assert page.line_of("title") == 2
    assert page.line_of("sources", 1) == 5
    assert page.body_start_line == 7 and page.body.strip() == "正文"


def test_page_without_front_matter_is_all_body():
    page, findings = parse("# 标题\n\n正文\n")
    assert findings == [] and not page.has_front_matter and page.body.startswith("# 标题")


def test_unclosed_front_matter_is_reported():
    _, findings = parse("---\ntitle: 标题\n\n正文\n")
    assert [f.code for f in findings] == ["G005"]


def test_full_width_colon_and_tab_are_named_with_their_lines():
    _, findings = parse("---\ntitle：标题\nsources:\n\t- s001\n---\n正文\n")
    assert {(f.code, f.line) for f in findings} == {("G003", 2), ("G004", 4)}


def test_yaml_error_points_at_the_broken_line():
    _, findings = parse("---\ntitle: 标题\nsummary: \"没有结束的引号\nsources: [s001]\n---\n正文\n")
    assert findings[0].code == "G002"
    assert findings[0].line in (3, 4, 5)


def test_scalar_front_matter_is_not_a_mapping():
    _, findings = parse("---\n只是一句话\n---\n正文\n")
    assert [f.code for f in findings] == ["G005"]


def test_duplicate_key_is_reported_with_both_lines():
    _, findings = parse("---\ntitle: 一\ntitle: 二\n---\n正文\n")
    assert findings[0].code == "G015" and "第 2 行和第 3 行" in findings[0].message


def test_bom_and_crlf_decode_to_plain_text():
    text, findings = decode("a.md", "\ufeff---\r\ntitle: 标题\r\n---\r\n正文\r\n".encode())
    assert findings == [] and text == "---\ntitle: 标题\n---\n正文\n"


def test_gbk_bytes_are_reported_with_line_and_guess():
    text, findings = decode("a.md", "---\ntitle: 标题\n---\n正文\n".encode("gbk"))
    assert text is None
    assert findings[0].code == "G001" and "GBK" in findings[0].message and findings[0].line == 2


def test_nul_bytes_are_refused_with_their_line():
    text, findings = decode("a.md", "---\ntitle: 标题\n---\n正文\x00\n".encode())
    assert text is None
    assert [(f.code, f.line) for f in findings] == [("G049", 4)]
    text, findings = decode("a.md", "---\ntitle: 标题\n".encode("utf-16-le"))  # UTF-16 without a BOM
    assert text is None and findings[0].code == "G049"


def test_yaml_anchors_and_aliases_are_refused_before_expansion():
    page, findings = parse("---\ntitle: &t 标题\nsummary: *t\n---\n\n正文\n")
    assert [(f.code, f.line) for f in findings] == [("G060", 2)] and page.meta == {}
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(12)) + "---\n\n正文\n"
    page, findings = parse(bomb)  # expanding it would make 9**13 strings
    assert [f.code for f in findings] == ["G060"] and page.meta == {}


def test_ampersands_and_stars_in_quoted_text_are_not_anchors():
    page, findings = parse('---\ntitle: "R&D 与 *重点*"\nsummary: A & B\n---\n\n正文\n')
    assert findings == [] and page.meta["title"] == "R&D 与 *重点*"
