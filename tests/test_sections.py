"""Item pages have their type's sections, the ones the template writes."""

from __future__ import annotations

from guidekit.model import BODY_SECTIONS
from guidekit.sections import check_sections


def test_a_page_with_every_section_passes_whatever_the_heading_decoration():
    body = "## 表现 {#show}\n\n正文。\n\n## 影响 ##\n\n正文。\n\n## 自查要点\n\n正文。\n"
    assert check_sections("problems/a.md", "problems", body, 6) == []


def test_missing_sections_are_named_in_one_finding():
    (finding,) = check_sections("measures/a.md", "measures", "## 是什么\n\n正文。\n\n### 为什么\n", 7)
    assert finding.code == "G076" and finding.line == 7
    assert "“为什么”、“怎么做”、“谁做过”、“注意事项”" in finding.message
    assert "、".join(BODY_SECTIONS["measures"]) in finding.fix


def test_a_heading_inside_code_does_not_count():
    body = "## 背景\n\n```markdown\n## 做法\n## 成效\n## 可借鉴之处\n```\n"
    (finding,) = check_sections("cases/a.md", "cases", body, 1)
    assert "“做法”" in finding.message
