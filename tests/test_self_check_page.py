"""自查诊断 and the clickable checklists in Chromium, on the real guide: served under a sub-path
and opened from disk (the offline bundle); answers stay in the browser and survive a reload;
clear, export and import; the printed report; phone width, axe-core, no outside request.
The overview picture: selecting a node highlights its chain; on a phone, a list.

The site is built without --strict here, so content findings the editors are still fixing do
not hide a broken page script; the strict build has its own test.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from browser import record_requests_off_disk, static_server
from conftest import ROOT, run_mkdocs
from test_reading import AXE, PHONE, RUN_AXE, text_of

PREFIX = "/dangjian/guide/"
DOCS = ROOT / "docs"
SECTION = re.compile(r'<h2 id="[^"]*">自查要点.*?(?=<h2 |<div class="footnote"|</article>)', re.S)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1]) or {}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("self-check") / "site"
    result = run_mkdocs(ROOT, "build", "--site-dir", str(out),
                        env={"SITE_URL": f"http://127.0.0.1:8000{PREFIX}"})
    assert result.returncode == 0, result.output[-3000:]
    return out


@pytest.fixture(scope="module")
def served(site):
    with static_server(site, PREFIX) as base:
        yield base


@pytest.fixture
def page(chromium, served):
    context = chromium.new_context(accept_downloads=True)
    outside: list[str] = []
    origin = served.split(PREFIX)[0]
    context.on("request", lambda r: r.url.startswith(origin + "/") or r.url.startswith(("data:", "blob:"))
               or outside.append(r.url))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("dialog", lambda d: d.accept())
    yield tab
    context.close()
    assert outside == [], outside
    assert errors == [], errors


def items_on_problem_pages(site: Path) -> dict[str, int]:
    """Task-list items in the 自查要点 section of each built problem page."""
    counts = {}
    for html_file in sorted((site / "problems").glob("*/index.html")):
        match = SECTION.search(html_file.read_text(encoding="utf-8"))
        counts[html_file.parent.name] = match[0].count('class="task-list-item"') if match else 0
    return counts


def answer_all(tab, flagged: str) -> None:
    """否 to every item of one problem, 是 to all others, clicking the labels like a reader."""
    for fieldset in tab.locator("fieldset[data-problem]").all():
        label = "否" if fieldset.get_attribute("data-problem") == flagged else "是"
        fieldset.get_by_label(label, exact=True).check()


def results_problems(tab) -> list[str]:
    return tab.locator("#self-check-results .guide-self-check__problems > li").evaluate_all(
        "items => items.map(li => li.dataset.problem)")


def expected_measures(problem: str) -> set[str]:
    causes = set(front_matter(DOCS / "problems" / f"{problem}.md").get("causes") or [])
    targets = causes | {problem}
    return {path.stem for path in (DOCS / "measures").glob("*.md") if path.name != "index.md"
            and targets & set(front_matter(path).get("addresses") or [])}


def busiest_problem(site: Path) -> str:
    """A problem with questions and the most causes: the ranking has the most to get right."""
    counts = items_on_problem_pages(site)
    return max((p for p, n in counts.items() if n),
               key=lambda p: (len(front_matter(DOCS / "problems" / f"{p}.md").get("causes") or []), p))


def test_one_question_per_item_on_the_problem_pages_grouped_by_problem(site, page, served):
    page.goto(served + "self-check/")
    counts = items_on_problem_pages(site)
    assert sum(counts.values()) > 30
    shown = page.locator("fieldset[data-problem]").evaluate_all(
        "sets => sets.map(f => f.dataset.problem)")
    assert {p: shown.count(p) for p in counts if counts[p]} == {p: n for p, n in counts.items() if n}
    assert len(shown) == sum(counts.values())
    first = page.locator("fieldset[data-problem]").first
    assert first.locator("input[type=radio]").evaluate_all("r => r.map(i => i.value)") == ["yes", "no", "unsure"]
    for name in ("是", "否", "不确定"):
        assert first.get_by_role("radio", name=name, exact=True).count() == 1
    legend = first.locator("legend").inner_text()
    assert "[^" not in legend and "](" not in legend


def test_answers_rank_the_problem_and_list_every_measure_for_it_or_its_causes(site, page, served):
    flagged = busiest_problem(site)
    page.goto(served + "self-check/")
    answer_all(page, flagged)
    assert results_problems(page) == [flagged]
    results = page.locator("#self-check-results")
    measures = results.locator(".guide-self-check__measures > li")
    listed = set(measures.evaluate_all("items => items.map(li => li.dataset.measure)"))
    assert listed == expected_measures(flagged) and listed
    for item in measures.all():  # the grade shown on the measure's own page
        grade = item.locator(".guide-evidence")
        measure_page = (site / "measures" / item.get_attribute("data-measure") / "index.html").read_text("utf-8")
        badge = re.search(r'<p class="guide-badges">.*?</p>', measure_page, re.S)[0]
        assert f'class="{grade.get_attribute("class")}"' in badge
        label = grade.evaluate("badge => badge.childNodes[1].textContent")
        assert f'<span class="guide-sr-only">证据等级：</span>{label}</span>' in badge
        assert f'title="{html.escape(grade.get_attribute("title"))}"' in badge  # the same reason as on its page
    href = measures.first.locator("a").first.get_attribute("href")
    assert (site / "self-check" / href / "index.html").resolve().is_file(), href
    cause = front_matter(DOCS / "problems" / f"{flagged}.md")["causes"][0]
    assert results.locator(f".guide-self-check__causes a[href='../causes/{cause}/']").count() == 1
    assert "100%" in results.locator(".guide-self-check__problems > li").first.inner_text()
    assert results.locator("th").all_inner_texts() == ["举措", "责任人", "完成时限"]

    page.reload()
    total = page.locator("fieldset[data-problem]").count()
    assert page.locator("input[type=radio]:checked").count() == total
    assert results_problems(page) == [flagged]


def test_unsure_counts_half_and_ties_keep_the_guide_order(site, page, served):
    page.goto(served + "self-check/")
    problems = [p for p, n in items_on_problem_pages(site).items() if n >= 2]
    first, second, third = problems[:3]
    page.locator(f"fieldset[data-problem='{third}']").nth(0).get_by_label("否", exact=True).check()
    page.locator(f"fieldset[data-problem='{second}']").nth(0).get_by_label("不确定", exact=True).check()
    page.locator(f"fieldset[data-problem='{second}']").nth(1).get_by_label("不确定", exact=True).check()
    page.locator(f"fieldset[data-problem='{first}']").nth(0).get_by_label("不确定", exact=True).check()
    assert results_problems(page) == [second, third, first]  # 1, 1 (guide order), 0.5


def test_a_keyboard_alone_answers_a_question(page, served):
    page.goto(served + "self-check/")
    first = page.locator("fieldset[data-problem] input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert page.locator("fieldset[data-problem]").first.locator("input:checked").get_attribute("value") == "no"
    assert "已回答 1 /" in page.locator("#self-check-results").inner_text()
    assert page.locator(".guide-self-check__status[role=status]").inner_text().startswith("已回答 1 /")


def test_clear_export_and_import(page, served, tmp_path):
    page.goto(served + "self-check/")
    page.get_by_label("支部名称").fill("机关第一党支部")
    fieldsets = page.locator("fieldset[data-problem]")
    for n in range(3):
        fieldsets.nth(n).get_by_label("否", exact=True).check()
    with page.expect_download() as download:
        page.get_by_role("button", name="导出答案").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".json")
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["branch"] == "机关第一党支部" and len(exported["answers"]) == 3
    assert saved.stat().st_size < 4000

    page.get_by_role("button", name="清除我的答案").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.get_by_label("支部名称").input_value() == ""
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0, "cleared answers came back"

    page.locator("input[type=file][data-action=import]").set_input_files(str(saved))
    page.wait_for_function("document.querySelectorAll('input[type=radio]:checked').length === 3")
    assert "导入 3 条答案" in page.locator("#self-check-note").inner_text()
    assert page.get_by_label("支部名称").input_value() == "机关第一党支部"
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 3


def test_an_answer_whose_question_changed_is_dropped_with_a_note(page, served):
    page.goto(served + "self-check/")
    first = page.locator("fieldset[data-problem]").first
    key = first.get_attribute("data-question")
    page.evaluate("""key => localStorage.setItem("dangjian-guide/self-check/v1", JSON.stringify({
        format: "dangjian-guide-self-check", version: 1, branch: "", date: "",
        answers: {[key]: {answer: "no", question: "现在的问题"},
                  "0123456789abcdef": {answer: "no", question: "改写之前的问题文字"}}}))""", key)
    page.reload()
    note = page.locator("#self-check-note")
    assert "改写之前的问题文字" in note.inner_text() and "已经修改或删除" in note.inner_text()
    assert page.locator("input[type=radio]:checked").count() == 1
    assert first.locator("input:checked").get_attribute("value") == "no"
    stored = page.evaluate("JSON.parse(localStorage.getItem('dangjian-guide/self-check/v1'))")
    assert list(stored["answers"]) == [key], "the dropped answer must not linger to match another question"


def test_the_printed_report_has_branch_date_ranked_problems_and_an_action_table(site, chromium, served):
    flagged = busiest_problem(site)
    tab = chromium.new_page()
    tab.goto(served + "self-check/")
    answer_all(tab, flagged)
    tab.get_by_label("支部名称").fill("机关第一党支部")
    tab.get_by_label("自查日期").fill("2026-03-31")
    tab.reload()  # the report is drawn from what the browser kept
    tab.emulate_media(media="print")
    reader = _pdf(tab)
    tab.close()
    text = text_of(reader)
    title = front_matter(DOCS / "problems" / f"{flagged}.md")["title"]
    for expected in ("自查报告", "支部名称", "机关第一党支部", "自查日期", "2026-03-31", "".join(title.split()),
                     "举措", "责任人", "完成时限", "可能存在的问题"):
        assert expected in text, expected
    other = next(p for p in items_on_problem_pages(site) if p != flagged)
    assert "".join(front_matter(DOCS / "problems" / f"{other}.md")["title"].split()) not in text
    assert "导出答案" not in text and "搜索" not in text
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation_and_no_wider_than_a_phone(page, served, viewport):
    page.set_viewport_size(viewport)
    page.goto(served + "self-check/")
    fieldsets = page.locator("fieldset[data-problem]")
    for n, label in enumerate(("否", "不确定", "是")):
        fieldsets.nth(n).get_by_label(label, exact=True).check()
    assert page.locator("#self-check-results .guide-self-check__measures li").count() > 0
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN_AXE) == []
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner


def test_the_self_check_works_from_disk_in_the_offline_bundle(chromium, tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "site"
    result = run_mkdocs(ROOT, "build", "-f", "mkdocs-offline.yml", "--site-dir", str(out))
    assert result.returncode == 0, result.output[-3000:]
    context = chromium.new_context(accept_downloads=True)
    outside = record_requests_off_disk(context)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        tab.goto((out / "index.html").as_uri())
        tab.locator("article a[href='self-check.html']").first.click()
        tab.wait_for_url("**/self-check.html")
        flagged = tab.locator("fieldset[data-problem]").first.get_attribute("data-problem")
        answer_all(tab, flagged)
        tab.reload()
        assert results_problems(tab) == [flagged]
        href = tab.locator("#self-check-results .guide-self-check__measures a").first.get_attribute("href")
        assert href.endswith(".html") and (out / href).is_file(), href
        with tab.expect_download() as download:
            tab.get_by_role("button", name="导出答案").click()
        assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["answers"]
    finally:
        context.close()
    assert outside == [] and errors == [], (outside, errors)


def test_checklist_ticks_are_kept_counted_and_printed(chromium, served):
    url = served + "guide/checklist-secretary/"
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(url)
    boxes = tab.locator("article li.task-list-item input[type=checkbox]")
    total = boxes.count()
    assert total > 10 and boxes.first.get_attribute("aria-label"), "checkboxes keep their names"
    progress = tab.locator("[data-guide-checklist] [role=status]")
    assert progress.inner_text() == f"已勾选 0 / {total} 项"
    item = tab.locator("article li.task-list-item").nth(1).bounding_box()
    tab.mouse.click(item["x"] - 14, item["y"] + 13)  # on the drawn box, left of the item's text
    boxes.nth(2).focus()
    tab.keyboard.press("Space")
    assert progress.inner_text() == f"已勾选 2 / {total} 项"
    tab.reload()
    assert [boxes.nth(n).is_checked() for n in range(4)] == [False, True, True, False]
    tab.emulate_media(media="print")
    tick = "el => getComputedStyle(el.nextElementSibling, '::before').content"
    assert boxes.nth(1).evaluate(tick) == '"✓"' and boxes.nth(0).evaluate(tick) != '"✓"'
    text = text_of(_pdf(tab))
    assert f"已勾选2/{total}项" in text and "清除勾选" not in text
    context.close()


def _pdf(tab):
    import io

    from pypdf import PdfReader
    return PdfReader(io.BytesIO(tab.pdf(format="A4")))


def test_overview_picture_selects_a_chain_and_keeps_its_links(chromium, served):
    tab = chromium.new_page(viewport={"width": 1280, "height": 800})
    tab.goto(served + "overview/")
    figure = tab.locator("figure[data-guide-graph]")
    problem = figure.locator(".guide-graph__node--problems").first
    problem_id = problem.get_attribute("data-id")
    causes = front_matter(DOCS / "problems" / f"{problem_id}.md").get("causes") or []
    problem.click()
    assert tab.url.endswith("/overview/"), "the first click selects, it does not navigate"
    assert "is-selected" in problem.get_attribute("class")
    for cause in causes:
        assert "is-linked" in figure.locator(f"[data-id='{cause}']").get_attribute("class")
    other_problem = figure.locator(".guide-graph__node--problems").nth(1)
    assert float(other_problem.evaluate("n => getComputedStyle(n).opacity")) < 0.5
    assert float(problem.evaluate("n => getComputedStyle(n).opacity")) == 1
    status = figure.locator(".guide-graph__selection")
    assert "成因：" in status.inner_text()
    # keyboard: Enter on another node selects it; Esc clears
    figure.locator(".guide-graph__node--measures").first.focus()
    tab.keyboard.press("Enter")
    assert "is-selected" in figure.locator(".guide-graph__node--measures").first.get_attribute("class")
    assert tab.url.endswith("/overview/")
    tab.keyboard.press("Escape")
    assert figure.locator(".is-selected").count() == 0
    # activating the selected node again follows its link
    problem.click()
    problem.click()
    tab.wait_for_url(f"**/problems/{problem_id}/")
    tab.close()


def test_overview_on_a_phone_is_a_list(chromium, served):
    tab = chromium.new_page(viewport=PHONE)
    tab.goto(served + "overview/")
    assert not tab.locator("figure[data-guide-graph]").is_visible()
    listing = tab.locator(".guide-graph-list")
    assert listing.is_visible()
    assert listing.locator("details").count() == len(list((DOCS / "problems").glob("*.md")))
    listing.locator("summary").first.click()
    assert listing.locator("details").first.locator("a").first.is_visible()
    tab.close()


def test_the_self_check_is_in_the_navigation_and_linked_from_home_and_the_guide(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="self-check/" class="md-tabs__link">\s*自查诊断\s*</a>', home)
    assert '<a href="self-check/">自查诊断</a>' in home.split('<article', 1)[1]
    guide = (site / "guide" / "index.html").read_text(encoding="utf-8").split('<article', 1)[1]
    assert '<a href="../self-check/">自查诊断</a>' in guide


CHECKLIST_PAGE = (
    "---\ntitle: 小清单\n---\n\n# 小清单\n\n<div data-guide-checklist=\"small\">勾选。</div>\n\n"
    "- [ ] 第一项。\n- [ ] 第二项。\n"
)
PROBLEM_WITH_CHECK = (
    "---\ntitle: 党建与业务“两张皮”\nsummary: 党建和业务各干各的。\nsources: [s002]\n"
    "causes: [business-over-party]\n---\n\n## 表现\n\n脱节。[^s002]\n\n## 影响\n\n影响。[^s002]\n\n"
    "## 自查要点\n\n- [ ] 党建计划与业务计划一起制定。[^s002]\n\n"
    "!!! tip \"编者建议\"\n\n    - [ ] 支委会每季度核对一次。\n\n"
    "[^s002]: 见[来源](../sources/s002.md)。\n"
)


def test_self_check_and_checklist_start_after_material_instant_navigation(chromium, tmp_path):
    """navigation.instant swaps the page without loading it: the scripts must still start.

    Not the overview picture: Material's instant navigation (9.8.1) fails on any page with an
    SVG link (it assigns `href`, read-only on SVG <a>), the relation pictures on every item page
    included, so the feature cannot be switched on before that is solved.
    """
    import socket

    from conftest import BASE_PAGES, copy_project_config
    from playwright.sync_api import expect

    with socket.socket() as probe:  # instant navigation only follows links within site_url
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    copy_project_config(tmp_path)
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config.replace("  features:\n", "  features:\n    - navigation.instant\n", 1),
                                         encoding="utf-8")
    pages = {**BASE_PAGES, "problems/two-skins.md": PROBLEM_WITH_CHECK, "guide/checklist-small.md": CHECKLIST_PAGE}
    for path, text in pages.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    result = run_mkdocs(tmp_path, "build", "--strict", env={"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.output
    with static_server(result.site, port=port) as base:
        tab = chromium.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(base)
        tab.evaluate("window.sameDocument = true")
        tab.locator("a.md-tabs__link", has_text="自查诊断").click()
        tab.wait_for_url("**/self-check/")
        expect(tab.locator("fieldset[data-problem='two-skins']")).to_have_count(2)  # the URL changes first
        tab.locator("fieldset[data-problem]").first.get_by_label("否", exact=True).check()
        assert results_problems(tab) == ["two-skins"]
        tab.locator("a.md-tabs__link", has_text="使用指南").click()
        tab.wait_for_url("**/guide/checklist-small/")
        expect(tab.locator("[data-guide-checklist] [role=status]")).to_have_text("已勾选 0 / 2 项")
        assert tab.evaluate("window.sameDocument === true"), "the page was loaded, not swapped"
        tab.close()
    assert errors == [], errors
