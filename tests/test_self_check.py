"""自查诊断: the questions are the 自查要点 items of the problem pages, found wherever they stand
in that section, as plain text; the page data links every problem to its causes and measures."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from conftest import BASE_PAGES, ROOT
from guidekit.content import load_content
from guidekit.nav import build_nav
from guidekit.self_check import (
    checklist_items,
    problem_questions,
    question_key,
    question_text,
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
    assert measure["grade"] == {"label": "已实施，有成效数据", "slug": "outcome",
                                "reason": "依据：南昌航空大学——报告同考核后项目数增长80%"}
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
    assert data["problems"][0]["questions"][0]["text"] == "甲一\"><script>x</script><!--。"
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
    from guidekit.generated import generated_pages
    from guidekit.model import GENERATED_PAGES

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
    from guidekit.self_check import check_questions

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
