"""Unit tests of front-matter reading: line numbers, encodings, editor slips."""

from __future__ import annotations

from guidekit.core.front_matter import decode, parse_page


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


# ---- every field, every unexpected YAML kind: a finding with file, line and Chinese, never a traceback ----

import json  # noqa: E402
import re  # noqa: E402

import pytest  # noqa: E402
from conftest import BASE_PAGES  # noqa: E402
from guidekit.checks.content import load_content  # noqa: E402
from guidekit.checks.value_types import DATE, MAPPING, NAMES, SEARCH, TEXT, field_kind, safe_meta  # noqa: E402
from guidekit.core.model import PAGE_KEYS, allowed_keys, item_folder  # noqa: E402

# What YAML makes of what an editor types, by kind.
YAML_FORMS: dict[str, str] = {
    "date": "2024-01-01", "datetime": "2024-01-01 10:00:00", "time": "12:30:00", "integer": "3",
    "float": "1.5", "boolean": "yes", "null": "~", "empty": "", "nested list": "[a, [b, c]]",
    "map": "{a: 1}", "indented map": "\n  a: 1",
}
ELEMENT_FORMS: dict[str, str] = {
    "date element": "[2024-01-01]", "integer element": "[1, a]", "boolean element": "[true]",
    "null element": "[null]", "map element": "[{a: b}]", "list element": "[[a]]",
}
EXPECTED_KINDS: dict[str, tuple[str, ...]] = {
    TEXT: (), NAMES: (), DATE: ("date", "datetime"), SEARCH: ("map",),
    MAPPING: ("map", "indented map"),  # a case's applies: its entries are judged in evidence.py (G100–G106)
}
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _pages_with_fields() -> list[tuple[str, str]]:
    pages = []
    for path in BASE_PAGES:
        folder = item_folder(path)
        for key in (allowed_keys(folder) if folder else PAGE_KEYS):
            pages.append((path, key))
    return pages


def _with_value(text: str, key: str, value: str) -> str:
    lines, out, skipping = text.split("\n"), [], False
    end = lines.index("---", 1)
    for number, line in enumerate(lines):
        if 0 < number < end and (line.startswith(f"{key}:") or (skipping and line.startswith((" ", "-")))):
            skipping = True
            continue
        skipping = False
        if number == end:
            out.append(f"{key}: {value}".rstrip())
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(("path", "key"), _pages_with_fields())
def test_every_field_given_every_unexpected_yaml_kind_is_a_finding_on_its_line(path, key):
    kind = field_kind(key)
    forms = {**YAML_FORMS, **(ELEMENT_FORMS if kind == NAMES else {})}
    for form, value in forms.items():
        if form in EXPECTED_KINDS[kind] or (kind == SEARCH and form == "map" and value != "{a: 1}"):
            continue
        text = _with_value(BASE_PAGES[path], key, value)
        sources = {p: t.encode() for p, t in BASE_PAGES.items()} | {path: text.encode()}
        content = load_content(sources, frozenset({"融合发展"}))  # never raises
        line = text.split("\n").index(f"{key}: {value}".rstrip().split("\n")[0]) + 1
        mine = [f for f in content.findings if f.path == path and f.line == line and f"`{key}`" in f.message]
        assert mine, (form, key, path, [f.format() for f in content.findings if f.path == path])
        assert all(CHINESE.search(f.message) and f.code.startswith("G") for f in mine)
        page = content.pages[path]
        meta = safe_meta(page.meta)  # what the theme, search and plugins are given instead
        for name, shown in meta.items():
            wanted = field_kind(name)
            if wanted == TEXT:
                assert isinstance(shown, str), (form, name, shown)
            elif wanted == NAMES:
                assert isinstance(shown, list) and all(isinstance(e, str) for e in shown), (form, name, shown)
        json.dumps({k: v for k, v in meta.items() if field_kind(k) != DATE})


def test_the_right_kinds_pass_untouched():
    text = ("---\ntitle: 标题\nsummary: 摘要\ntags: [融合发展]\nhide: [toc]\nsearch: {boost: 2}\n---\n\n正文\n")
    content = load_content({"guide/x.md": text.encode()}, frozenset({"融合发展"}))
    assert [f for f in content.findings if f.code == "G012"] == []
    assert safe_meta(content.pages["guide/x.md"].meta) == content.pages["guide/x.md"].meta
