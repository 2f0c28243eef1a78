"""自查诊断: the questions are the 自查要点 items of the problem pages, found wherever they stand
in that section, as plain text; the page data links every problem to its causes and measures."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from conftest import BASE_PAGES, ROOT
from guidekit.checks.content import load_content
from guidekit.checks.questions import (
    check_duplicate_questions,
    check_questions,
    checklist_items,
    first_step,
    question_lines,
    question_text,
)
from guidekit.core.markdown_reader import read
from guidekit.pages.nav import build_nav
from guidekit.pages.self_check import (
    measure_plan_fields,
    problem_questions,
    question_key,
    ranking_text,
    self_check_data,
    self_check_markdown,
)

PAGE = """## 表现

- [ ] 表现一节里的勾选项不是自查问题。

## 自查要点

下列事项可在支委会上逐条核对，参考[举措](../measures/a.md)。

- [ ] 计划写明了[责任人](../measures/a.md "标题")和完成时间。[^s000]
- [x] 已经勾过的一项[^s001]也是问题。

!!! tip "编者建议"

    对照时可以再问：

    - [ ] 编者建议块里的一项，见[成因](../causes/b.md)。
    - [ ] 一项写得很长，
      续行也属于这一项。

- [ ] 建议块之后的**一项**，
没有缩进的续行（Markdown 也读作同一项）。

### 小标题下面

* [ ] 小标题仍在自查要点之内。

```markdown
- [ ] 代码块里的示例不是问题。
```

## 影响

- [ ] 下一节的勾选项不是自查问题。

[^s000]: 《某文》，见[资料来源](../sources/s000.md)。
[^s001]: 《另一文》，见[资料来源](../sources/s001.md)。
"""


def test_every_item_of_the_section_inside_or_outside_an_admonition_in_order():
    assert checklist_items(PAGE) == [
        "计划写明了责任人和完成时间。",
        "已经勾过的一项也是问题。",
        "编者建议块里的一项，见成因。",
        "一项写得很长， 续行也属于这一项。",
        "建议块之后的一项， 没有缩进的续行（Markdown 也读作同一项）。",
        "小标题仍在自查要点之内。",
    ]


def test_a_page_without_the_section_has_no_questions():
    assert checklist_items("## 表现\n\n- [ ] 一项。\n") == []
    assert checklist_items("") == []


def test_question_text_keeps_link_text_and_drops_footnotes_and_link_syntax():
    assert question_text("见[两张皮](../problems/two-skins.md)和[图](x.png)。[^s002] ") == "见两张皮和图。"
    assert question_text("![图示](a.png) 按[规定][rule]办理") == "图示 按规定办理"
    assert question_text("**每季度**召开 `三会一课`，*按时*") == "每季度召开 三会一课，按时"
    assert question_text("2 * 3 = 6") == "2 * 3 = 6"


def test_keys_change_with_the_text_and_stay_unique_on_one_page():
    assert question_key("p", "甲") == question_key("p", "甲")
    assert question_key("p", "甲") != question_key("p", "甲。")
    assert question_key("p", "甲") != question_key("q", "甲")
    keys = [q.key for q in problem_questions("p", ["甲", "甲", "乙"])]
    assert len(set(keys)) == 3


def graph_and_bodies(extra: dict[str, str] | None = None):
    pages = {**BASE_PAGES, **(extra or {})}
    content = load_content({path: text.encode() for path, text in pages.items()})
    return content.graph, {path: page.body for path, page in content.pages.items()}


SECOND_PROBLEM = (
    "---\ntitle: 甲问题\nsummary: 摘要。\nsources: [s002]\ncauses: []\n---\n\n## 自查要点\n\n"
    "- [ ] 甲一。[^s002]\n- [ ] 甲二。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
)
TWO_SKINS_QUESTION = "支部研究过业务工作。"  # the one 自查要点 item of BASE_PAGES' two-skins


def test_data_has_problems_in_guide_order_with_questions_causes_and_measures_with_grades():
    two_skins = BASE_PAGES["problems/two-skins.md"]
    graph, bodies = graph_and_bodies({"problems/two-skins.md": two_skins, "problems/a-first.md": SECOND_PROBLEM})
    data = self_check_data(graph, bodies, "self-check/", use_directory_urls=True)
    assert [p["id"] for p in data["problems"]] == ["a-first", "two-skins"]
    first, second = data["problems"]
    assert [q["text"] for q in first["questions"]] == ["甲一。", "甲二。"]
    assert [q["text"] for q in second["questions"]] == [TWO_SKINS_QUESTION]
    assert second["causes"] == [{"id": "business-over-party", "title": "重业务、轻党建",
                                 "url": "../causes/business-over-party/"}]
    [measure] = data["measures"]
    assert measure["addresses"] == ["two-skins", "business-over-party"]
    assert measure["grade"] == {"label": "已实施，有成效数据", "slug": "outcome", "rank": 0,
                                "reason": "依据：南昌航空大学——报告同考核后项目数增长80%"}
    assert (measure["lead"], measure["effort"]) == ("单位党委（党组）", "中")
    assert measure["firstStep"] == "书记在年初召集支委会。"
    assert measure["cases"] == [{"id": "nchu", "title": "南昌航空大学", "url": "../cases/nchu/"}]
    offline = self_check_data(graph, bodies, "self-check.html", use_directory_urls=False)
    assert offline["problems"][1]["url"] == "problems/two-skins.html"


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fieldsets: list[dict[str, str]] = []
        self.radios: list[tuple[str, str]] = []
        self.data = ""
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "fieldset":
            self.fieldsets.append(values)
        if tag == "input" and values.get("type") == "radio":
            self.radios.append((values["name"], values["value"]))
        if "data-guide-self-check" in values:
            self.data = values["data-guide-self-check"]
        self.scripts += tag == "script"


def test_page_has_one_fieldset_per_item_with_three_answers_and_data_an_editor_cannot_break_out_of():
    hostile = SECOND_PROBLEM.replace("甲一。", "甲一\"><script>x</script><!--。")
    graph, bodies = graph_and_bodies({"problems/a-first.md": hostile})
    markdown = self_check_markdown(self_check_data(graph, bodies, "self-check/", True))
    form = _Form()
    form.feed(markdown)
    assert [f["data-problem"] for f in form.fieldsets] == ["a-first", "a-first", "two-skins"]
    assert [v for _, v in form.radios] == ["yes", "no", "unsure"] * 3
    assert form.scripts == 0, "no script element: Material's instant navigation would run it"
    data = json.loads(form.data)
    # the question is what a reader reads on the problem page: markup is not text
    assert data["problems"][0]["questions"][0]["text"] == "甲一\">x<!--。"
    assert re.search(r"<label><input type=\"radio\"[^>]*value=\"no\"> 否</label>", markdown)
    block = markdown.split('<div class="guide-self-check"', 1)[1].rstrip()
    assert "\n\n" not in block, "a blank line would end the HTML block"


def test_navigation_lists_the_self_check_after_the_overview():
    nav, _ = build_nav(["index.md", "overview.md", "self-check.md", "problems/a.md"])
    assert [next(iter(entry)) for entry in nav] == ["首页", "全景图", "自查诊断", "问题"]


def test_generated_pages_are_kept_out_of_the_git_dates_plugin_and_the_print_page():
    """The model declares every generated page once; the hook excludes them from the git dates
    (see on_config), and the self-check's form stays out of the printed guide."""
    import yaml
    from guidekit.core.model import GENERATED_PAGES
    from guidekit.pages.generated import generated_pages

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    content = load_content({path: text.encode() for path, text in BASE_PAGES.items()})
    generated = set(generated_pages(content, [("两张皮", "释义")], True, set()))
    assert "self-check.md" in generated
    assert generated == set(GENERATED_PAGES)
    assert "exclude" not in config["plugins"]["git-revision-date-localized"], "restated outside the model"
    assert "self-check.md" in config["plugins"]["print-site"]["exclude"]


def test_a_self_check_section_without_task_items_is_reported_with_its_line():
    body = "## 表现\n\n文字。\n\n## 自查要点\n\n- 忘了写成勾选项。\n"
    [finding] = check_questions("problems/a.md", body, body_start_line=6)
    assert (finding.code, finding.line, finding.level) == ("G055", 10, "warning")
    assert "自查要点" in finding.message and "- [ ]" in finding.fix
    assert check_questions("problems/a.md", PAGE) == []
    assert check_questions("problems/a.md", "## 表现\n\n没有这一节的页面另有模板检查。\n") == []


def test_the_strict_build_fails_on_a_problem_page_whose_self_check_has_no_items(fixture_site):
    page = BASE_PAGES["problems/two-skins.md"].replace("- [ ] 支部研究过业务工作。", "- 没有勾选框。")
    assert page != BASE_PAGES["problems/two-skins.md"]
    result = fixture_site({"problems/two-skins.md": page})
    assert result.returncode != 0
    assert "[G055] docs/problems/two-skins.md:" in result.output and "自查诊断页上不会有这个问题的题目" in result.output


STEPS = """## 要点

- [ ] 不是步骤。

## 怎么做

以下步骤由支部委员会负责：[^s002]

1. 支委会在**年初**排出全年计划，见[举措](../measures/a.md)；[^s002]
   记在支部工作手册上。
2. 第二步。

```text
1. 代码块里的不算。
```

## 注意事项

1. 别的小节不算。
"""


def test_the_first_step_is_the_first_numbered_item_of_how_to_do_it_as_plain_text():
    assert first_step(STEPS) == "支委会在年初排出全年计划，见举措； 记在支部工作手册上。"
    assert first_step("## 怎么做\n\n```\n1. 示例\n```\n\n2) 真正的第一步。\n") == "真正的第一步。"
    assert first_step("## 怎么做\n\n- 没有编号。\n\n## 注意事项\n\n1. 不算。\n") == ""
    assert first_step("") == ""


@pytest.mark.parametrize("parsed_at", [1, 7, 23])
def test_questions_and_first_steps_do_not_depend_on_where_the_body_starts(parsed_at):
    """The build reads each body once, at its own first line in the file; whichever line the body was
    first read at, the texts, the 0-based lines and G055's line are the same."""
    no_items = "## 表现\n\n文字。\n\n## 自查要点\n\n- 忘了写成勾选项。\n"
    for body in (PAGE, STEPS, no_items):
        unique = f"{body}\n<!-- 自第 {parsed_at} 行起 -->\n"  # a body of its own, so its first reading is this one
        read(unique, parsed_at)
        assert checklist_items(unique) == checklist_items(body)
        assert first_step(unique) == first_step(body)
        assert question_lines(unique) == question_lines(body)
        for first_line in (1, 6, parsed_at):
            assert check_questions("problems/a.md", unique, first_line) == [
                replace(f, line=f.line + first_line - 1) for f in check_questions("problems/a.md", body)]
    assert question_lines(PAGE) == [8, 9, 15, 16, 19, 24]
    assert check_questions("problems/a.md", no_items, 6)[0].line == 10


def test_lead_and_effort_come_from_front_matter_and_are_absent_until_written():
    assert measure_plan_fields({"lead": "支部委员会", "effort": "小"}) == {"lead": "支部委员会", "effort": "小"}
    assert measure_plan_fields({}) == {"lead": None, "effort": None}
    assert measure_plan_fields({"lead": "某某", "effort": 3}) == {"lead": None, "effort": None}


def test_a_measure_with_lead_effort_and_steps_gives_the_plan_its_row_data():
    page = BASE_PAGES["measures/four-togethers.md"].replace("lead: 单位党委（党组）", "lead: 支部书记").replace(
        "## 怎么做\n\n1. 书记在年初召集支委会。", "## 怎么做\n\n1. 书记先开支委会。\n2. 再开大会。")
    graph, bodies = graph_and_bodies({"measures/four-togethers.md": page})
    [measure] = self_check_data(graph, bodies, "self-check/", True)["measures"]
    assert (measure["lead"], measure["effort"], measure["firstStep"]) == ("支部书记", "中", "书记先开支委会。")


def test_the_weights_reach_the_page_from_the_model_and_the_node_tests_use_the_same():
    from guidekit.core.model import SELF_CHECK_WEIGHTS, SelfCheckWeights

    graph, bodies = graph_and_bodies()
    data = self_check_data(graph, bodies, "self-check/", True)
    assert data["weights"] == SELF_CHECK_WEIGHTS.as_data()
    node_weights = json.loads((ROOT / "tests" / "js" / "weights.json").read_text(encoding="utf-8"))
    assert node_weights == SELF_CHECK_WEIGHTS.as_data(), "tests/js/weights.json restates other weights"
    assert SELF_CHECK_WEIGHTS.direct > SELF_CHECK_WEIGHTS.via_cause > 0
    assert 0 < dict(SELF_CHECK_WEIGHTS.answers)["unsure"] < dict(SELF_CHECK_WEIGHTS.answers)["no"]
    from guidekit.core.model import EVIDENCE_GRADES
    from guidekit.pages.self_check import _grade_data

    assert [_grade_data(g)["rank"] for g in EVIDENCE_GRADES] == list(range(len(EVIDENCE_GRADES)))
    assert _grade_data(None) is None
    assert "0.5 条“否”" in ranking_text() and "最多 5 项" in ranking_text()
    assert "最多 4 项" in ranking_text(SelfCheckWeights(plan_max=4))


def test_the_page_has_an_index_a_not_applicable_switch_per_problem_and_plan_and_gaps_areas():
    graph, bodies = graph_and_bodies({"problems/a-first.md": SECOND_PROBLEM})
    markdown = self_check_markdown(self_check_data(graph, bodies, "self-check/", True))
    assert re.findall(r'data-skip-problem="([^"]+)"', markdown) == ["a-first", "two-skins"]
    index = re.search(r'<nav id="self-check-index".*?</nav>', markdown)[0]
    assert re.findall(r'href="#q-([^"]+)"', index) == ["a-first", "two-skins"]
    assert '<span class="guide-self-check__count" data-index-count="a-first">0 / 2</span>' in index
    for area in ("self-check-results", "self-check-plan", "self-check-gaps", "self-check-measures"):
        assert f'id="{area}"' in markdown, area


def test_the_same_question_twice_in_the_guide_is_reported_where_it_repeats():
    first = "## 表现\n\n文字。\n\n## 自查要点\n\n- [ ] 支部按时开会。\n- [ ] 支部按时交党费。\n"
    second = "## 自查要点\n\n- [ ] 支部定期谈心。\n- [ ]  支部按时开会\n- [ ] 支部定期谈心！\n"
    findings = check_duplicate_questions({"problems/b.md": (second, 8), "problems/a.md": (first, 6)})
    assert [(f.code, f.path, f.line) for f in findings] == [("G150", "problems/b.md", 11),
                                                            ("G150", "problems/b.md", 12)]
    assert "docs/problems/a.md 第 12 行的题目" in findings[0].message and "支部按时开会" in findings[0].message
    assert "docs/problems/b.md 第 10 行的题目" in findings[1].message
    assert check_duplicate_questions({"problems/a.md": (first, 1), "problems/c.md": (PAGE, 1)}) == []


def test_the_strict_build_fails_on_a_question_another_problem_page_already_asks(fixture_site):
    result = fixture_site({"problems/x-repeat.md": SECOND_PROBLEM.replace("甲二。", "支部研究过业务工作")})
    assert result.returncode != 0
    assert "[G150] docs/problems/x-repeat.md:" in result.output and "docs/problems/two-skins.md" in result.output


PLAN_FOR_EACH_PROBLEM = """
const logic = require(process.argv[1]);
const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const flagged of data.problems.filter((p) => p.questions.length)) {
  const answers = {};
  for (const p of data.problems) for (const q of p.questions) answers[q.key] = p.id === flagged.id ? "no" : "yes";
  const result = logic.evaluate(data, { answers });
  out[flagged.id] = { ranked: result.ranked.map((s) => s.id), plan: result.plan };
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.build  # runs the page's own ranking code in Node
def test_on_the_real_guide_each_one_problem_persona_gets_a_plan_that_answers_it():
    """For every problem of docs/: 否 to all its questions and 是 to the rest gives 3 to 5 measures
    (fewer only when fewer fit), each naming that problem or one of its causes, direct answers first
    unless only a higher level can act on them.
    The ranking code is the page's own (guide-self-check-logic.js), run by Node on the page data."""
    import subprocess

    docs = ROOT / "docs"
    sources = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    content = load_content(sources)
    bodies = {path: page.body for path, page in content.pages.items()}
    data = self_check_data(content.graph, bodies, "self-check/", True)
    logic = ROOT / "overrides" / "assets" / "javascripts" / "guide-self-check-logic.js"
    run = subprocess.run(["node", "-e", PLAN_FOR_EACH_PROBLEM, str(logic)], input=json.dumps(data),
                         capture_output=True, text=True, timeout=60, check=True)
    plans = json.loads(run.stdout)
    graph = content.graph
    assert plans and set(plans) == {p["id"] for p in data["problems"] if p["questions"]}
    for problem, result in plans.items():
        assert result["ranked"] == [problem]
        targets = {problem, *graph.links(problem, "causes")}
        fitting = [m["id"] for m in data["measures"] if targets & set(m["addresses"])]
        assert min(3, len(fitting)) <= len(result["plan"]) <= 5, (problem, result["plan"])
        direct = [m for m in result["plan"] if problem in graph.links(m, "addresses")]
        assert set(result["plan"]) <= set(fitting), problem
        assert direct or not [m for m in fitting if problem in graph.links(m, "addresses")], problem
        # a measure reaching the problem through a cause comes before a direct answer only when the branch
        # can act on it itself and not on the direct one (model.SELF_CHECK_WEIGHTS.reach, by who leads)
        from guidekit.core.model import SELF_CHECK_WEIGHTS
        reach = {m["id"]: dict(SELF_CHECK_WEIGHTS.reach).get(m["lead"] or "", 1.0) for m in data["measures"]}
        for i, earlier in enumerate(result["plan"]):
            for later in result["plan"][i + 1:]:
                if earlier not in direct and later in direct:
                    assert reach[earlier] > reach[later], f"{problem}: {earlier} (via a cause) outranks {later}"
