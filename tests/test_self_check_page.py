"""自查诊断 and the clickable checklists in Chromium, on the real guide: served under a sub-path
and opened from disk (the offline bundle); answers, 不适用 marks and the plan stay in the browser
and survive a reload and back/forward; the plan fits the problem the answers flag; clear, export and
import; the printed report (plan and gaps on A4); the section index on a phone; axe-core; no
outside request. The ranking itself is tested without a browser (tests/js/, node --test).
The overview picture: selecting a node highlights its chain; on a phone, a list.

The site is built without --strict here, so content findings the editors are still fixing do
not hide a broken page script; the strict build has its own test.
"""

from __future__ import annotations

import json
import re
import unicodedata
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


def plan_measures(tab) -> list[str]:
    return tab.locator("#self-check-plan tr[data-measure]").evaluate_all("rows => rows.map(r => r.dataset.measure)")


def listed_measures(tab) -> list[str]:
    return tab.locator("#self-check-measures .guide-self-check__measures > li").evaluate_all(
        "items => items.map(li => li.dataset.measure)")


def gap_problems(tab) -> list[str]:
    return tab.locator("#self-check-gaps [data-problem]").evaluate_all("groups => groups.map(g => g.dataset.problem)")


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


def test_the_persona_with_one_problem_gets_a_plan_that_answers_it_and_every_fitting_measure(site, page, served):
    """否 to every question of one problem, 是 to the rest: the plan holds 3 to 5 measures, each
    answering that problem or one of its causes, direct answers first; all fitting measures listed."""
    flagged = busiest_problem(site)
    page.goto(served + "self-check/")
    answer_all(page, flagged)
    assert results_problems(page) == [flagged]
    fitting = expected_measures(flagged)
    plan = plan_measures(page)
    assert 3 <= len(plan) <= 5 and set(plan) <= fitting, (plan, fitting)
    direct = {m for m in fitting if flagged in (front_matter(DOCS / "measures" / f"{m}.md").get("addresses") or [])}
    assert set(plan[:len(direct)]) == direct or set(plan) < direct, "answers to the problem itself come first"
    assert set(listed_measures(page)) == fitting
    results = page.locator("#self-check-measures")
    for item in results.locator(".guide-self-check__measures > li").all():  # the grade shown on the measure's own page
        grade = item.locator(".guide-evidence")
        measure_page = (site / "measures" / item.get_attribute("data-measure") / "index.html").read_text("utf-8")
        badge = re.search(r'<p class="guide-badges">.*?</p>', measure_page, re.S)[0]
        assert f'class="{grade.get_attribute("class")}"' in badge
        assert "".join(grade.inner_text().split()).removeprefix("证据等级：") in badge
    href = results.locator("a").first.get_attribute("href")
    assert (site / "self-check" / href / "index.html").resolve().is_file(), href
    cause = front_matter(DOCS / "problems" / f"{flagged}.md")["causes"][0]
    assert page.locator(f"#self-check-results .guide-self-check__causes a[href='../causes/{cause}/']").count() == 1
    assert "100%" in page.locator("#self-check-results .guide-self-check__problems > li").first.inner_text()
    table = page.locator("#self-check-plan table")
    assert table.locator("th").all_inner_texts() == ["举措与第一步", "牵头", "证据等级", "责任人", "完成时限"]
    first_row = table.locator("tr[data-measure]").first
    assert "第一步：" in first_row.inner_text()
    assert first_row.get_by_label(re.compile("责任人$")).input_value() == ""
    assert gap_problems(page) == [flagged]
    assert page.locator(f"#self-check-gaps [data-problem='{flagged}'] li").count() == \
        page.locator(f"fieldset[data-problem='{flagged}']").count()

    page.reload()
    total = page.locator("fieldset[data-problem]").count()
    assert page.locator("input[type=radio]:checked").count() == total
    assert results_problems(page) == [flagged]
    assert plan_measures(page) == plan


def test_problems_rank_by_the_share_of_their_questions_answered_no(site, page, served):
    from guidekit.core.model import SELF_CHECK_WEIGHTS

    page.goto(served + "self-check/")
    counts = {p: n for p, n in items_on_problem_pages(site).items() if n >= 2}
    big, small = max(counts, key=counts.get), min(counts, key=counts.get)
    third = next(p for p in counts if p not in (big, small))
    many = max(2, -(-counts[big] // counts[small]) - 1)  # more 否 than `small` gets, yet a smaller share
    for n in range(many):
        page.locator(f"fieldset[data-problem='{big}']").nth(n).get_by_label("否", exact=True).check()
    page.locator(f"fieldset[data-problem='{small}']").nth(0).get_by_label("否", exact=True).check()
    for n in range(2):
        page.locator(f"fieldset[data-problem='{third}']").nth(n).get_by_label("不确定", exact=True).check()
    unsure = dict(SELF_CHECK_WEIGHTS.answers)["unsure"]
    share = {big: many / counts[big], small: 1 / counts[small], third: 2 * unsure / counts[third]}
    order = list(counts)  # the guide's order breaks ties
    assert results_problems(page) == sorted(share, key=lambda p: (-round(share[p], 9), order.index(p)))
    if many / counts[big] < 1 / counts[small]:
        assert results_problems(page).index(small) < results_problems(page).index(big), "count beat share"


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
    skipped = page.locator("input[data-skip-problem]").last
    skipped.check()
    page.locator("#self-check-plan tr[data-measure]").first.get_by_label(re.compile("责任人$")).fill("张书记")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出答案").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".json")
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["branch"] == "机关第一党支部" and len(exported["answers"]) == 3
    assert exported["skipped"] == [skipped.get_attribute("data-skip-problem")]
    assert [f["owner"] for f in exported["plan"]["fields"].values()] == ["张书记"]
    assert saved.stat().st_size < 4000

    page.get_by_role("button", name="清除我的答案").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.get_by_label("支部名称").input_value() == ""
    assert page.locator("input[data-skip-problem]:checked").count() == 0
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0, "cleared answers came back"

    page.locator("input[type=file][data-action=import]").set_input_files(str(saved))
    page.wait_for_function("document.querySelectorAll('input[type=radio]:checked').length === 3")
    assert "导入 3 条答案" in page.locator("#self-check-note").inner_text()
    assert page.get_by_label("支部名称").input_value() == "机关第一党支部"
    assert skipped.is_checked()
    owner = page.locator("#self-check-plan tr[data-measure] input[data-plan-field=owner]").first
    assert owner.input_value() == "张书记"
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 3
    assert skipped.is_checked()


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


def test_the_printed_report_has_branch_date_problems_the_plan_and_the_gaps_on_a4(site, chromium, served):
    flagged = busiest_problem(site)
    tab = chromium.new_page()
    tab.goto(served + "self-check/")
    answer_all(tab, flagged)
    tab.get_by_label("支部名称").fill("机关第一党支部")
    tab.get_by_label("自查日期").fill("2026-03-31")
    tab.locator("#self-check-plan tr[data-measure]").first.get_by_label(re.compile("完成时限$")).fill("6月底前")
    plan = [front_matter(DOCS / "measures" / f"{m}.md")["title"] for m in plan_measures(tab)]
    gaps = tab.locator(f"#self-check-gaps [data-problem='{flagged}'] li").all_inner_texts()
    tab.reload()  # the report is drawn from what the browser kept
    tab.emulate_media(media="print")
    row_height = tab.locator("#self-check-plan tr[data-measure] td").last.evaluate(
        "td => td.getBoundingClientRect().height")
    assert row_height >= 55, "a plan row is tall enough to write a name and a date in (1.6 cm)"
    reader = _pdf(tab)
    tab.close()
    text = text_of(reader)
    title = front_matter(DOCS / "problems" / f"{flagged}.md")["title"]
    for expected in ("自查报告", "支部名称", "机关第一党支部", "自查日期", "2026-03-31", "".join(title.split()),
                     "可能存在的问题", "行动计划", "举措与第一步", "牵头", "证据等级", "责任人", "完成时限", "6月底前",
                     "第一步：", "需要讨论的条目", "讨论意见：", *plan, *gaps):  # every item answered 否, with its mark
        assert printed(expected, text), expected
    other = next(p for p in items_on_problem_pages(site) if p != flagged)
    assert "".join(front_matter(DOCS / "problems" / f"{other}.md")["title"].split()) not in text
    assert "导出答案" not in text and "搜索" not in text and "更换" not in text and "问题目录" not in text
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation_and_no_wider_than_a_phone(page, served, viewport):
    page.set_viewport_size(viewport)
    page.goto(served + "self-check/")
    fieldsets = page.locator("fieldset[data-problem]")
    for n, label in enumerate(("否", "不确定", "是")):
        fieldsets.nth(n).get_by_label(label, exact=True).check()
    assert page.locator("#self-check-measures .guide-self-check__measures li").count() > 0
    assert page.locator("#self-check-plan tr[data-measure]").count() > 0
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
        skipped = tab.locator("input[data-skip-problem]").last
        skipped.check()
        first = tab.locator("#self-check-plan tr[data-measure]").first
        first.locator("select[data-swap]").select_option(index=1)
        first.get_by_role("button", name="更换").click()
        plan = plan_measures(tab)
        tab.locator("#self-check-plan tr[data-measure]").first.get_by_label(re.compile("责任人$")).fill("张书记")
        tab.reload()
        assert results_problems(tab) == [flagged]
        assert skipped.is_checked() and plan_measures(tab) == plan
        assert tab.locator("#self-check-plan input[data-plan-field=owner]").first.input_value() == "张书记"
        href = tab.locator("#self-check-measures .guide-self-check__measures a").first.get_attribute("href")
        assert href.endswith(".html") and (out / href).is_file(), href
        with tab.expect_download() as download:
            tab.get_by_role("button", name="导出答案").click()
        assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["answers"]
    finally:
        context.close()
    assert outside == [] and errors == [], (outside, errors)


def test_a_problem_marked_not_applicable_leaves_the_questions_results_plan_and_report(site, page, served):
    counts = {p: n for p, n in items_on_problem_pages(site).items() if n}
    first, second = list(counts)[:2]
    page.goto(served + "self-check/")
    for fieldset in page.locator("fieldset[data-problem]").all():
        fieldset.get_by_label("否" if fieldset.get_attribute("data-problem") in (first, second) else "是",
                              exact=True).check()
    assert set(results_problems(page)) == {first, second}
    page.locator(f"input[data-skip-problem='{first}']").check()
    assert results_problems(page) == [second] and gap_problems(page) == [second]
    assert set(plan_measures(page)) <= expected_measures(second)
    assert page.locator(f"fieldset[data-problem='{first}']").first.is_hidden(), "its questions are no longer asked"
    assert page.locator(f"[data-index-count='{first}']").inner_text() == "不适用"
    total = sum(counts.values()) - counts[first]
    assert page.locator("[data-self-check-status]").inner_text().startswith(f"已回答 {total} / {total} 条")

    page.reload()
    assert page.locator(f"input[data-skip-problem='{first}']").is_checked()
    assert results_problems(page) == [second]
    page.emulate_media(media="print")
    text = text_of(_pdf(page))
    assert "".join(front_matter(DOCS / "problems" / f"{first}.md")["title"].split()) not in text
    page.emulate_media(media="screen")
    page.locator(f"input[data-skip-problem='{first}']").uncheck()
    assert set(results_problems(page)) == {first, second}, "the answers were kept while it was skipped"


def test_a_swapped_measure_and_the_typed_cells_survive_a_reload_and_back_and_forward(site, page, served):
    flagged = busiest_problem(site)
    page.goto(served + "self-check/")
    answer_all(page, flagged)
    recommended = plan_measures(page)
    row = page.locator("#self-check-plan tr[data-measure]").nth(1)
    options = row.locator("select[data-swap] option").evaluate_all("o => o.map(x => x.value).filter(Boolean)")
    assert options and not set(options) & set(recommended) and set(options) <= expected_measures(flagged)
    row.get_by_label("换成其他举措").select_option(options[-1])
    row.get_by_role("button", name="更换").click()
    swapped = plan_measures(page)
    assert swapped == [recommended[0], options[-1], *recommended[2:]]
    assert "已把" in page.locator("#self-check-note").inner_text()
    focused = page.evaluate("document.activeElement.matches('#self-check-plan select[data-swap]')")
    assert focused, "focus stays in the plan"
    cells = page.locator(f"#self-check-plan tr[data-measure='{options[-1]}'] input")
    cells.nth(0).fill("李委员")
    cells.nth(1).fill("2026年第二季度")

    page.reload()
    assert plan_measures(page) == swapped
    cells = page.locator(f"#self-check-plan tr[data-measure='{options[-1]}'] input")
    assert [cells.nth(0).input_value(), cells.nth(1).input_value()] == ["李委员", "2026年第二季度"]
    page.goto(served + "problems/")
    page.go_back()
    page.wait_for_url("**/self-check/")
    assert plan_measures(page) == swapped
    assert page.locator(f"#self-check-plan tr[data-measure='{options[-1]}'] input").first.input_value() == "李委员"

    # Back/forward from the browser's page cache shows the page as it was left: the component reads
    # what is kept again (another tab may have changed it), as GOV.UK Frontend does on pageshow.
    skip = next(p for p in items_on_problem_pages(site) if p != flagged and items_on_problem_pages(site)[p])
    page.evaluate("""skip => {
        const kept = JSON.parse(localStorage.getItem("dangjian-guide/self-check/v1"));
        kept.skipped = [skip];
        localStorage.setItem("dangjian-guide/self-check/v1", JSON.stringify(kept));
        window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true}));
    }""", skip)
    assert page.locator(f"input[data-skip-problem='{skip}']").is_checked()
    assert page.locator(f"[data-index-count='{skip}']").inner_text() == "不适用"

    page.get_by_role("button", name="恢复推荐的举措").click()
    assert plan_measures(page) == recommended


def test_the_section_index_jumps_to_a_problem_and_counts_answers_on_a_phone(site, page, served):
    page.set_viewport_size(PHONE)
    page.goto(served + "self-check/")
    index = page.locator("#self-check-index")
    counts = {p: n for p, n in items_on_problem_pages(site).items() if n}
    links = index.locator("a")
    assert links.evaluate_all("a => a.map(x => x.getAttribute('href'))") == [f"#q-{p}" for p in counts]
    last = list(counts)[-1]
    assert index.locator(f"[data-index-count='{last}']").inner_text() == f"0 / {counts[last]}"
    links.last.click()
    assert page.url.endswith(f"#q-{last}")
    heading = page.locator(f"h2#q-{last}")
    assert heading.evaluate("h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    page.locator(f"fieldset[data-problem='{last}']").first.get_by_label("是", exact=True).check()
    assert index.locator(f"[data-index-count='{last}']").inner_text() == f"1 / {counts[last]}"
    back = page.locator(".guide-self-check__status a[href='#self-check-index']")
    assert back.is_visible(), "the way back to the index stays on screen"
    back.click()
    assert index.evaluate("n => n.getBoundingClientRect().top < innerHeight")
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner


def test_a_missing_part_of_the_markup_stops_the_component_with_a_named_error(page, served):
    page.goto(served + "self-check/")
    message = page.evaluate("""() => {
        const copy = document.querySelector("[data-guide-self-check]").cloneNode(true);
        copy.querySelector("#self-check-plan").remove();
        try { new window.GuideSelfCheck(copy); return "started"; }
        catch (error) { return error.name + ": " + error.message; }
    }""")
    assert message.startswith("SelfCheckError: 自查诊断无法启动") and "#self-check-plan" in message


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


def printed(expected: str, text: str) -> bool:
    """Whether `expected` is in a PDF's text, where a CJK font may have drawn an ideograph with its
    radical-supplement twin (⻔ for 门, ⻅ for 见) that NFKC does not fold back."""
    said = unicodedata.normalize("NFKC", "".join(expected.split()))
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
                      for c in said)
    return re.search(pattern, text) is not None


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
    "- [ ] 第一项。见[同规划](../measures/four-togethers.md)。\n"
    "- [ ] 第二项。见[两张皮](../problems/two-skins.md)。\n"
)
PROBLEM_WITH_CHECK = (
    "---\ntitle: 党建与业务“两张皮”\nsummary: 党建和业务各干各的。\nsources: [s002]\n"
    "causes: [business-over-party]\n---\n\n## 下一步\n\n1. 支委会先讨论。\n\n"
    "## 自查要点\n\n- [ ] 党建计划与业务计划一起制定。\n\n"
    "!!! tip \"编者建议\"\n\n    - [ ] 支委会每季度核对一次。\n\n"
    "## 资料依据\n\n脱节。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
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
