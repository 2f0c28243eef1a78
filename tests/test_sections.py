"""Item pages have their type's sections, in the model's order, read by the one Markdown reader."""

from __future__ import annotations

import pytest
from guidekit.checks.questions import checklist_items
from guidekit.checks.sections import check_sections
from guidekit.core.model import BODY_SECTIONS, PAGE_SECTIONS


def body(*titles: str) -> str:
    return "".join(f"## {t}\n\n正文。\n\n" for t in titles)


def test_a_page_with_every_section_passes_whatever_the_heading_decoration():
    text = "## 下一步 {#next}\n\n正文。\n\n## 自查要点 ##\n\n正文。\n\n## 资料依据 { #evidence .x }\n\n正文。\n"
    assert check_sections("problems/a.md", "problems", text, 6) == []


def test_missing_sections_are_named_in_one_finding():
    (finding,) = check_sections("measures/a.md", "measures", "## 要点\n\n正文。\n\n### 怎么做\n", 7)
    assert finding.code == "G076" and finding.line == 7
    assert "“怎么做”、“注意事项”、“资料依据”" in finding.message
    assert "、".join(BODY_SECTIONS["measures"]) in finding.fix


def test_a_heading_inside_code_or_an_admonition_does_not_count():
    text = "## 可借鉴之处\n\n正文。\n\n~~~~markdown\n```\n## 背景\n~~~\n## 做法\n~~~~\n\n!!! note\n\n    ## 成效\n"
    (finding,) = check_sections("cases/a.md", "cases", text, 1)
    assert finding.code == "G076" and "“背景”、“做法”、“成效”" in finding.message


def test_sections_out_of_order_are_named_at_the_first_misplaced_one():
    (finding,) = check_sections("cases/a.md", "cases", body("背景", "做法", "成效", "可借鉴之处"), 1)
    assert (finding.code, finding.line) == ("G110", 1)
    assert "“可借鉴之处”、“背景”、“做法”、“成效”" in finding.fix


def test_an_unknown_or_repeated_section_is_named_with_its_line():
    findings = check_sections("causes/a.md", "causes", body("要点", "相关阅读", "资料依据", "资料依据"), 1)
    assert [(f.code, f.line) for f in findings] == [("G110", 5), ("G110", 13)]
    assert "“相关阅读”" in findings[0].message and "写了两次" in findings[1].message


def test_source_pages_keep_their_five_sections_in_any_order():
    assert check_sections("sources/s.md", "sources", body(*reversed(BODY_SECTIONS["sources"])), 1) == []
    (finding,) = check_sections("sources/s.md", "sources", body("基本信息"), 1)
    assert finding.code == "G076"


@pytest.mark.parametrize("heading", [
    "## 自查要点", "## 自查要点 { #q-a }", "## 自查要点 {#q-a .x}", "## 自查要点 ##", "##   自查要点   ",
    "自查要点\n--------", "## 自查要点 {: #q-a }",
])
def test_every_heading_form_the_section_rule_accepts_also_yields_self_check_questions(heading):
    """One reader for both: a problem the section rule accepts never drops out of the self-check."""
    text = f"## 下一步\n\n正文。\n\n{heading}\n\n- [ ] 开过支委会吗？\n\n## 资料依据\n\n正文。\n"
    assert check_sections("problems/a.md", "problems", text, 1) == []
    assert checklist_items(text) == ["开过支委会吗？"]


def test_every_type_declares_each_section_once_with_a_voice():
    for folder, sections in PAGE_SECTIONS.items():
        titles = [s.title for s in sections]
        assert len(titles) == len(set(titles)), folder
        voices = {s.voice for s in sections}
        assert voices == {None} if folder == "sources" else voices == {"guide", "sources"}, folder
        if folder != "sources":
            assert sections[0].voice == "guide", f"{folder}: the advice comes first"
            assert sections[-1].voice == "sources", f"{folder}: the evidence comes last"
