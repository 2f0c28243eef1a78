"""Snippet lines: a bad one is reported with its line and dropped; text without one is left as it is."""

from __future__ import annotations

from pathlib import Path

from guidekit.checks.snippets import check_snippets, drop_bad_snippets


def test_a_bad_snippet_line_is_reported_and_dropped_and_the_rest_kept_byte_for_byte(tmp_path: Path):
    (tmp_path / "ok.md").write_text("好的片段\n", encoding="utf-8")
    body = '正文。\r\n\n--8<-- "ok.md"\n--8<-- "missing.md"\n  末行  \n'
    assert [(f.code, f.line) for f in check_snippets("a.md", body, 5, tmp_path)] == [("G045", 8)]
    assert drop_bad_snippets(body, tmp_path) == '正文。\r\n\n--8<-- "ok.md"\n  末行  \n'


def test_text_without_scissors_has_no_snippet_line_and_comes_back_unchanged(tmp_path: Path):
    for text in ("", "\n", "正文。\n\n剪刀 8 < 不算\n", "a\r\nb\n\n\nc"):
        assert check_snippets("a.md", text, 1, tmp_path) == []
        assert drop_bad_snippets(text, tmp_path) == text
