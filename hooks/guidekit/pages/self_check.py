"""The 自查诊断 page: every problem page's 自查要点 items as questions, and the graph
the browser needs to turn answers into likely problems, causes and measures.

All of it is derived at build time from the content model: a new problem page or
a new task-list item appears on the page without any hand-written list. The page
itself is virtual (File.generated); its script is overrides/assets/javascripts/guide-self-check.js,
which ranks and plans with the pure functions of guide-self-check-logic.js and the weights of
model.SELF_CHECK_WEIGHTS, handed over in the page data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import TypedDict, overload

from ..checks.questions import checklist_items, first_step
from ..core.evidence import measure_rating
from ..core.graph import Graph
from ..core.model import (
    EVIDENCE_GRADES,
    SELF_CHECK_PAGE,
    SELF_CHECK_WEIGHTS,
    EvidenceGrade,
    SelfCheckWeights,
    WeightsData,
)
from .pages import GENERATED_FRONT_MATTER
from .picture import item_url, relative_url

PAGE = SELF_CHECK_PAGE


# The page data (`data-guide-self-check`, read by guide-self-check.js): its shape, key for key.

class ItemRef(TypedDict):
    id: str
    title: str
    url: str  # relative to the self-check page


class QuestionData(TypedDict):
    key: str
    text: str


class ProblemData(ItemRef):
    questions: list[QuestionData]
    causes: list[ItemRef]


class GradeData(TypedDict):
    label: str
    slug: str
    rank: int | None  # 0 = strongest (model.EVIDENCE_GRADES)


class MeasureGradeData(GradeData):
    reason: str


class PlanFields(TypedDict):
    lead: str | None
    effort: str | None


class MeasureData(ItemRef, PlanFields):
    grade: MeasureGradeData
    firstStep: str
    addresses: list[str]
    cases: list[ItemRef]


class SelfCheckData(TypedDict):
    problems: list[ProblemData]
    measures: list[MeasureData]
    weights: WeightsData


def question_key(problem_id: str, text: str) -> str:
    """A stable key for one question: an answer is kept only while its question reads the same."""
    return hashlib.sha256(f"{problem_id}\n{text}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Question:
    key: str
    text: str


def problem_questions(problem_id: str, texts: list[str]) -> list[Question]:
    questions: list[Question] = []
    seen: set[str] = set()
    for text in texts:
        key = question_key(problem_id, text)
        while key in seen:  # the same sentence twice on one page: still two questions
            key = question_key(problem_id, key + text)
        seen.add(key)
        questions.append(Question(key, text))
    return questions


def _choice(value: object, allowed: tuple[str, ...]) -> str | None:
    """A measure field from its fixed list, or None while it is absent or not (yet) valid."""
    return value.strip() if isinstance(value, str) and value.strip() in allowed else None


def measure_plan_fields(meta: Mapping[str, object], weights: SelfCheckWeights = SELF_CHECK_WEIGHTS) -> PlanFields:
    """Who leads a measure and what it takes, as its front matter says (None where it is silent)."""
    return {"lead": _choice(meta.get("lead"), weights.leads), "effort": _choice(meta.get("effort"), weights.efforts)}


@overload
def _grade_data(grade: EvidenceGrade) -> GradeData: ...
@overload
def _grade_data(grade: None) -> None: ...
def _grade_data(grade: EvidenceGrade | None) -> GradeData | None:
    """A measure's grade for the page: its label and slug to show, and its rank (0 = strongest,
    the order of model.EVIDENCE_GRADES), the only thing the ranking reads, never the label."""
    if grade is None:
        return None
    rank = next((n for n, g in enumerate(EVIDENCE_GRADES) if g == grade), None)
    return {"label": grade.label, "slug": grade.slug, "rank": rank}


def self_check_data(graph: Graph, bodies: Mapping[str, str], page_url: str,
                    use_directory_urls: bool, weights: SelfCheckWeights = SELF_CHECK_WEIGHTS) -> SelfCheckData:
    """Problems with their questions and causes, every measure with what the plan needs, and the
    weights the browser ranks with (guide-self-check-logic.js).

    `bodies` maps a docs path to its Markdown body. URLs are relative to the page.
    Problems come in the guide's order (as on the overview page and the problem index).
    A measure's grade carries its rank (0 = strongest, model.EVIDENCE_GRADES), the only thing the
    ranking reads; its first step is the first numbered item of its 怎么做.
    """

    def link(item_id: str) -> str:
        return relative_url(page_url, item_url(graph, item_id, use_directory_urls))

    def ref(item_id: str) -> ItemRef:
        return {"id": item_id, "title": graph.items[item_id].title, "url": link(item_id)}

    problems: list[ProblemData] = []
    for problem in sorted(graph.by_folder("problems"), key=lambda i: i.path):
        questions = problem_questions(problem.id, checklist_items(bodies.get(problem.path, "")))
        problems.append({
            **ref(problem.id),
            "questions": [{"key": q.key, "text": q.text} for q in questions],
            "causes": [ref(c) for c in graph.links(problem.id, "causes") if c in graph.items],
        })
    measures: list[MeasureData] = []
    for measure in sorted(graph.by_folder("measures"), key=lambda i: i.path):
        rating = measure_rating(graph, measure.id)
        measures.append({
            **ref(measure.id),
            "grade": {**_grade_data(rating.grade), "reason": rating.reason},
            **measure_plan_fields(measure.page.meta, weights),
            "firstStep": first_step(bodies.get(measure.path, "")),
            "addresses": [t for t in graph.links(measure.id, "addresses") if t in graph.items],
            "cases": [ref(c) for c in sorted(graph.backlinks(measure.id, "applies"),
                                             key=lambda i: graph.items[i].path)],
        })
    return {"problems": problems, "measures": measures, "weights": weights.as_data()}


def _json_attribute(data: SelfCheckData) -> str:
    """The data as an HTML attribute value. Not a <script type="application/json">: Material's
    instant navigation re-creates every script in the new page and runs it as JavaScript."""
    return escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


ANSWERS: tuple[tuple[str, str], ...] = (("yes", "是"), ("no", "否"), ("unsure", "不确定"))

INTRO = (
    "逐条回答下面的问题，页面会按回答排出本支部最突出的问题，给出一份三到五项的行动计划，"
    "列出回答“否”或“不确定”的条目，供支委会讨论，并可打印。问题取自每个问题页的“自查要点”；"
    "本支部不涉及的问题可以整组标为“不适用”。"
)
PRIVACY = ("答案只保存在这台电脑的浏览器里（本地存储），不会发送到任何地方；"
           "换电脑或留档时用“导出答案”保存为文件，再用“导入答案”读回。")


def _number(value: float) -> str:
    return f"{value:g}"


def ranking_text(weights: SelfCheckWeights = SELF_CHECK_WEIGHTS) -> str:
    """How the results are ordered, in the reader's words, from the same weights the browser uses."""
    answers = dict(weights.answers)
    return (
        f"排序方法：问题按回答“否”的条目占该问题全部条目的比例排列（“不确定”按 {_number(answers['unsure'])} 条“否”计，"
        "标为不适用的问题不计）。举措按适合程度排列：直接针对一个已标出的问题，"
        f"按该问题的比例 × {_number(weights.direct)} 计分；通过成因间接针对，"
        f"按有这个成因、而它没有直接针对的问题中最高的比例 × {_number(weights.via_cause)} 计分，同一成因只计一次；"
        "分数相同时依次看证据等级（强的在前）、投入（小的在前）和牵头层级（离支部近的在前）。"
        f"行动计划取排在前 {weights.plan_min} 位的举措，其后得分不低于第一位 "
        f"{round(weights.plan_keep * 100)}% 的再补入，最多 {weights.plan_max} 项。"
        "这只是帮助支委会决定先做什么，不是对支部工作的评定。"
    )


def self_check_markdown(data: SelfCheckData, weights: SelfCheckWeights = SELF_CHECK_WEIGHTS) -> str:
    """The page: intro, the question form (usable without script), results and report areas."""
    total = sum(len(p["questions"]) for p in data["problems"])
    lines = [
        GENERATED_FRONT_MATTER.format(
            title="自查诊断", summary="回答各问题页的自查要点，得到本支部突出的问题、一份行动计划和需要讨论的条目。"),
        "# 自查诊断 { .guide-screen-only }\n",
        f"{INTRO}共 {len(data['problems'])} 个问题、{total} 条。\n{{: .guide-screen-only }}\n",
        f"{PRIVACY}\n{{: .guide-self-check__privacy .guide-screen-only }}\n",
        _form_html(data, weights),
        "",
    ]
    return "\n".join(lines) + "\n"


def _index_html(problems: list[ProblemData]) -> str:
    """The section index: every problem, a jump link and how many of its questions are answered."""
    items = "".join(
        f'<li><a href="#q-{p["id"]}">{escape(p["title"])}</a> '
        f'<span class="guide-self-check__count" data-index-count="{p["id"]}">0 / {len(p["questions"])}</span></li>'
        for p in problems)
    return ('<nav id="self-check-index" class="guide-self-check__index guide-screen-only" '
            'aria-labelledby="self-check-index-title">'
            '<p id="self-check-index-title" class="guide-self-check__index-title">问题目录（已答 / 条数）</p>'
            f'<ol>{items}</ol></nav>')


def _problem_html(problem: ProblemData, number: int) -> tuple[list[str], int]:
    """One problem's section: heading, the 不适用 switch, its questions, a link to its page."""
    pid = problem["id"]
    parts = [f'<section class="guide-self-check__problem" aria-labelledby="q-{pid}">',
             f'<h2 id="q-{pid}">{escape(problem["title"])}</h2>',
             f'<p class="guide-self-check__skip"><label><input type="checkbox" data-skip-problem="{pid}"> '
             "本支部不涉及这个问题（标为不适用：不回答，也不计入结果）</label></p>",
             f'<div class="guide-self-check__questions" data-questions-of="{pid}">']
    for question in problem["questions"]:
        number += 1
        key = question["key"]
        parts.append(f'<fieldset data-problem="{pid}" data-question="{key}">'
                     f'<legend><span class="guide-self-check__number">{number}.</span> '
                     f"{escape(question['text'])}</legend>")
        for value, label in ANSWERS:
            parts.append(f'<label><input type="radio" name="q-{key}" value="{value}"> {label}</label>')
        parts.append("</fieldset>")
    parts.append("</div>")
    parts.append(f'<p class="guide-self-check__more"><a href="{escape(problem["url"])}">'
                 f"阅读问题页：{escape(problem['title'])}</a> · "
                 '<a href="#self-check-index">回到问题目录</a></p>')
    parts.append("</section>")
    return parts, number


def _form_html(data: SelfCheckData, weights: SelfCheckWeights) -> str:
    """One raw HTML block (no blank lines, so Markdown leaves it alone)."""
    asked = [p for p in data["problems"] if p["questions"]]
    parts = [f'<div class="guide-self-check" data-guide-self-check="{_json_attribute(data)}">',
             '<div class="guide-self-check__report-head">',
             '<p class="guide-self-check__title guide-print-only">自查报告</p>',
             '<p class="guide-self-check__branch"><label for="self-check-branch">支部名称</label> '
             '<input id="self-check-branch" type="text" autocomplete="organization" '
             'data-self-check-branch><span class="guide-print-only" data-mirror="self-check-branch"></span></p>',
             '<p class="guide-self-check__date"><label for="self-check-date">自查日期</label> '
             '<input id="self-check-date" type="date" data-self-check-date>'
             '<span class="guide-print-only" data-mirror="self-check-date"></span></p>',
             "</div>",
             '<div class="guide-self-check__tools guide-screen-only">'
             '<button type="button" class="md-button" data-action="export">导出答案</button> '
             '<label class="md-button guide-self-check__import">导入答案'
             '<input type="file" accept=".json,application/json" data-action="import"></label> '
             '<button type="button" class="md-button" data-action="clear">清除我的答案</button> '
             '<button type="button" class="md-button md-button--primary" data-action="print">打印自查报告</button>'
             "</div>",
             '<p id="self-check-note" class="guide-self-check__note guide-screen-only" role="status"></p>',
             _index_html(asked),
             '<form class="guide-self-check__form guide-screen-only" aria-label="自查问题" autocomplete="off">']
    number = 0
    for problem in asked:
        section, number = _problem_html(problem, number)
        parts.extend(section)
    parts.append('<p class="guide-self-check__status" role="status"><span data-self-check-status></span> '
                 '<a href="#self-check-index">问题目录</a> '
                 '<a href="#self-check-results-title">查看自查结果</a></p>')
    parts.append("</form>")
    parts.append('<section class="guide-self-check__results" aria-labelledby="self-check-results-title">'
                 '<h2 id="self-check-results-title">自查结果</h2>'
                 f'<p class="guide-self-check__ranking">{escape(ranking_text(weights))}</p>'
                 '<div id="self-check-results">'
                 "<p>回答问题后，这里按轻重列出本支部可能存在的问题。</p></div>"
                 '<h3 id="self-check-plan-title">行动计划</h3>'
                 '<div id="self-check-plan" class="guide-self-check__plan">'
                 "<p>标出问题后，这里列出三到五项举措和各自的第一步，责任人和完成时限由支委会商定后填写。</p></div>"
                 '<h3 id="self-check-gaps-title">需要讨论的条目</h3>'
                 '<div id="self-check-gaps" class="guide-self-check__gaps">'
                 "<p>回答“否”或“不确定”的条目按问题列在这里。</p></div>"
                 '<h3 class="guide-screen-only">全部可参考的举措</h3>'
                 '<div id="self-check-measures" class="guide-screen-only">'
                 "<p>标出问题后，这里按适合程度列出针对这些问题及其成因的全部举措。</p></div>"
                 "</section>")
    parts.append("</div>")
    return "\n".join(parts)
