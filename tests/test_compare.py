"""The measures' comparison table (measures/index.md): its decisions under `node --test`, and the page in
Chromium: filters by problem and by grade, sorting, readable with no script, printed whole."""

from __future__ import annotations

import pytest
from browser import static_server
from conftest import ROOT


@pytest.fixture(scope="module")
def served(built_site):
    assert built_site.returncode == 0, built_site.output
    with static_server(built_site.site) as base:
        yield base


RANKS = "rows => rows.map(r => +r.dataset.guideRankGrade)"


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(".guide-compare table tbody tr:not([hidden])",
                                     "rows => rows.map(r => r.querySelector('th').textContent.trim())")


def test_filters_and_sorting_work_and_say_how_many_are_shown(served, chromium):
    page = chromium.new_page()
    page.goto(served + "measures/")
    page.wait_for_selector(".guide-compare__controls select")
    every = visible_rows(page)
    assert len(every) == page.locator(".guide-compare table tbody tr").count()
    assert page.locator(".guide-compare__status").inner_text() == f"显示 {len(every)} 项，共 {len(every)} 项"

    grade, problem = page.locator(".guide-compare__controls select").nth(1), page.locator(
        ".guide-compare__controls select").nth(0)
    grade.select_option("outcome")
    outcome = visible_rows(page)
    assert 0 < len(outcome) < len(every)
    assert page.eval_on_selector_all(".guide-compare table tbody tr:not([hidden])",
                                     "rows => rows.every(r => r.dataset.guideGrade === 'outcome')")
    grade.select_option("")
    problem.select_option("two-skins")
    answering = page.eval_on_selector_all(
        ".guide-compare table tbody tr:not([hidden])",
        "rows => rows.map(r => r.dataset.guideProblems.split(' ').includes('two-skins'))")
    assert answering and all(answering) and len(answering) < len(every)
    problem.select_option("")

    header = page.locator('th[data-guide-sort="grade"] button')
    header.click()
    assert page.get_attribute('th[data-guide-sort="grade"]', "aria-sort") == "ascending"
    ranks = page.eval_on_selector_all(".guide-compare table tbody tr", RANKS)
    assert ranks == sorted(ranks)
    header.click()
    assert page.get_attribute('th[data-guide-sort="grade"]', "aria-sort") == "descending"
    ranks = page.eval_on_selector_all(".guide-compare table tbody tr", RANKS)
    assert ranks == sorted(ranks, reverse=True)

    grade.select_option("outcome")  # printed whole, whatever is filtered
    page.emulate_media(media="print")
    assert not page.locator(".guide-compare__controls").is_visible()
    assert page.locator(".guide-compare table tbody tr").evaluate_all(
        "rows => rows.every(r => getComputedStyle(r).display === 'table-row')")
    page.close()


def test_the_table_is_whole_and_readable_with_no_script(served, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "measures/")
    rows = page.locator(".guide-compare table tbody tr")
    assert rows.count() > 0 and page.locator(".guide-compare__controls").count() == 0
    first = rows.first.inner_text()
    assert "依据" in first or "没有案例报告实施" in first
    context.close()


AXE = ROOT / "tests" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
SERIOUS = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + ": " + v.nodes[0].target)"""


@pytest.mark.parametrize("path", ["measures/", "measures/four-togethers/", "cases/kuitun-psbc/"])
def test_the_table_its_controls_and_the_badges_with_reasons_pass_axe(served, chromium, path):
    page = chromium.new_page()
    page.goto(served + path)
    if path == "measures/":
        page.wait_for_selector(".guide-compare__controls select")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(SERIOUS) == []
    page.close()
