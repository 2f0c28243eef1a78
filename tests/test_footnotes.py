"""Footnotes are citations: named by a listed source id, defined once, used."""

from __future__ import annotations

from guidekit.checks.footnotes import check_footnotes

SOURCES = {"s001", "s002", "s003"}


def codes(body: str, listed: set[str] | None = None) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in check_footnotes("problems/a.md", body, 10, SOURCES, listed)]


def test_a_correct_citation_has_no_finding():
    assert codes("正文[^s002]。\n\n[^s002]: 见。\n", {"s002"}) == []


def test_used_but_not_defined_and_defined_but_not_used():
    assert codes("正文[^s002]。\n\n[^s001]: 见。\n", {"s001", "s002"}) == [("G071", 10), ("G072", 12)]


def test_a_name_that_is_not_a_source_id_gets_a_suggestion():
    findings = check_footnotes("problems/a.md", "正文[^s02]。\n\n[^s02]: 见。\n", 10, SOURCES, None)
    assert [f.code for f in findings] == ["G073"] and "`[^s002]`" in findings[0].message


def test_a_source_not_listed_in_sources():
    assert codes("正文[^s003]。\n\n[^s003]: 见。\n", {"s002"}) == [("G074", 10)]


def test_code_is_an_example_not_a_citation():
    body = "写法：`[^s009]`。\n\n```text\n[^s009]: 见。\n```\n"
    assert codes(body, {"s002"}) == []


def test_references_beside_code_spans_are_read_on_the_line_without_them():
    """Lines are skipped early only when, code spans removed, they hold no `[^`."""
    assert codes("见 `代码` 和[^s002]。\n\n[^s002]: 见。\n", {"s002"}) == []
    assert codes("写法 `[^s001]` 之后[^s002]。\n\n[^s002]: 见。\n", {"s002"}) == []
    # removing the span joins `[` and `^`: read as the reference it then is, as before
    assert codes("正文[`x`^s002]。\n", {"s002"}) == [("G071", 10)]
