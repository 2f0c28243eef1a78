"""The 自查诊断 page: every problem page's 自查要点 items as questions, and the graph
the browser needs to turn answers into likely problems, causes and measures.

All of it is derived at build time from the content model: a new problem page or
a new task-list item appears on the page without any hand-written list. The page
itself is virtual (File.generated); its script is overrides/assets/javascripts/guide-self-check.js.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html import escape

from .evidence import measure_rating
from .findings import Finding
from .graph import Graph
from .model import SELF_CHECK_PAGE
from .pages import GENERATED_FRONT_MATTER
from .picture import item_url, relative_url

PAGE = SELF_CHECK_PAGE
SECTION_TITLE = "自查要点"

HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.*)$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
FOOTNOTE_DEFINITION = re.compile(r"^\s*\[\^[^\]]+\]:")


def question_text(markdown: str) -> str:
    """The words of one item: footnote references dropped, links reduced to their text,
    emphasis and code marks removed (the legend shows plain text)."""
    text = FOOTNOTE_REF.sub("", markdown)
    text = IMAGE.sub(r"\1", text)
    text = INLINE_LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def checklist_items(body: str) -> list[str]:
    """The task-list items of the page's 自查要点 section, in order, as plain question text.

    The section runs from its `##` heading to the next heading of the same or a higher
    level; items count wherever they stand in it, also inside an admonition (indented
    content). Lines in fenced code are examples, never items. A line that continues an
    item (no marker of its own, indented or lazy, as Markdown reads it) is part of it.
    """
    items: list[str] = []
    inside, level, fenced = False, 0, False
    current: list[str] | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            text = question_text(" ".join(current))
            if text:
                items.append(text)
        current = None

    for line in body.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            close()
            continue
        if fenced:
            continue
        heading = HEADING.match(line)
        if heading:
            close()
            depth = len(heading["level"])
            if inside and depth <= level:
                inside = False
            if not inside and heading["title"] == SECTION_TITLE:
                inside, level = True, depth
            continue
        if not inside:
            continue
        task = TASK.match(line)
        if task:
            close()
            current = [task["text"]]
        elif current is not None and line.strip() and not LIST_MARKER.match(line) \
                and not ADMONITION.match(line) and not FOOTNOTE_DEFINITION.match(line):
            current.append(line.strip())
        else:
            close()
    close()
    return items


def check_questions(path: str, body: str, body_start_line: int = 1) -> list[Finding]:
    """G055: a problem page whose 自查要点 section has no task-list item gives no question."""
    for number, line in enumerate(body.splitlines()):
        heading = HEADING.match(line)
        if heading and heading["title"] == SECTION_TITLE and len(heading["level"]) == 2:
            if checklist_items(body):
                return []
            return [Finding("G055", path, "“自查要点”一节没有勾选项，自查诊断页上不会有这个问题的题目。",
                            "把每个要点写成 `- [ ] ` 开头的列表项（可以放在“编者建议”块里）。",
                            body_start_line + number)]
    return []


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


def self_check_data(graph: Graph, bodies: dict[str, str], page_url: str,
                    use_directory_urls: bool) -> dict:
    """Problems with their questions and causes, and every measure with what it addresses.

    `bodies` maps a problem's docs path to its Markdown body. URLs are relative to the page.
    Problems come in the guide's order (as on the overview page and the problem index).
    """

    def link(item_id: str) -> str:
        return relative_url(page_url, item_url(graph, item_id, use_directory_urls))

    def ref(item_id: str) -> dict[str, str]:
        return {"id": item_id, "title": graph.items[item_id].title, "url": link(item_id)}

    problems = []
    for problem in sorted(graph.by_folder("problems"), key=lambda i: i.path):
        questions = problem_questions(problem.id, checklist_items(bodies.get(problem.path, "")))
        problems.append({
            **ref(problem.id),
            "questions": [{"key": q.key, "text": q.text} for q in questions],
            "causes": [ref(c) for c in graph.links(problem.id, "causes") if c in graph.items],
        })
    measures = []
    for measure in sorted(graph.by_folder("measures"), key=lambda i: i.path):
        rating = measure_rating(graph, measure.id)
        measures.append({
            **ref(measure.id),
            "grade": {"label": rating.grade.label, "slug": rating.grade.slug, "reason": rating.reason},
            "addresses": [t for t in graph.links(measure.id, "addresses") if t in graph.items],
            "cases": [ref(c) for c in sorted(graph.backlinks(measure.id, "applies"),
                                             key=lambda i: graph.items[i].path)],
        })
    return {"problems": problems, "measures": measures}


def _json_attribute(data: dict) -> str:
    """The data as an HTML attribute value. Not a <script type="application/json">: Material's
    instant navigation re-creates every script in the new page and runs it as JavaScript."""
    return escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


ANSWERS: tuple[tuple[str, str], ...] = (("yes", "是"), ("no", "否"), ("unsure", "不确定"))

INTRO = (
    "逐条回答下面的问题，页面会按回答列出本支部可能存在的问题、背后的成因和可以参考的创新举措，"
    "并生成可打印的自查报告。问题取自每个问题页的“自查要点”。"
)
PRIVACY = ("答案只保存在这台电脑的浏览器里（本地存储），不会发送到任何地方；"
           "换电脑或留档时用“导出答案”保存为文件，再用“导入答案”读回。")
RANKING = ("排序方法：每答一个“否”计 1 分、“不确定”计 0.5 分，问题按得分从高到低排列（同分按本指南的顺序），"
           "举措按它针对的已标出问题和成因的个数排列；这只是帮助决定先读什么，不是对支部工作的评定。")


def self_check_markdown(data: dict) -> str:
    """The page: intro, the question form (usable without script), results and report areas."""
    total = sum(len(p["questions"]) for p in data["problems"])
    lines = [
        GENERATED_FRONT_MATTER.format(
            title="自查诊断", summary="回答各问题页的自查要点，得到可能存在的问题、成因、可参考的举措和一份自查报告。"),
        "# 自查诊断 { .guide-screen-only }\n",
        f"{INTRO}共 {len(data['problems'])} 个问题、{total} 条。\n{{: .guide-screen-only }}\n",
        f"{PRIVACY}\n{{: .guide-self-check__privacy .guide-screen-only }}\n",
        _form_html(data),
        "",
    ]
    return "\n".join(lines) + "\n"


def _form_html(data: dict) -> str:
    """One raw HTML block (no blank lines, so Markdown leaves it alone)."""
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
             '<form class="guide-self-check__form guide-screen-only" aria-label="自查问题">']
    number = 0
    for problem in data["problems"]:
        if not problem["questions"]:
            continue
        parts.append(f'<section class="guide-self-check__problem" aria-labelledby="q-{problem["id"]}">')
        parts.append(f'<h2 id="q-{problem["id"]}">{escape(problem["title"])}</h2>')
        for question in problem["questions"]:
            number += 1
            key = question["key"]
            parts.append(f'<fieldset data-problem="{problem["id"]}" data-question="{key}">'
                         f'<legend><span class="guide-self-check__number">{number}.</span> '
                         f"{escape(question['text'])}</legend>")
            for value, label in ANSWERS:
                parts.append(f'<label><input type="radio" name="q-{key}" value="{value}"> {label}</label>')
            parts.append("</fieldset>")
        parts.append(f'<p class="guide-self-check__more"><a href="{escape(problem["url"])}">'
                     f"阅读问题页：{escape(problem['title'])}</a></p>")
        parts.append("</section>")
    parts.append('<p class="guide-self-check__status" role="status"><span data-self-check-status></span> '
                 '<a href="#self-check-results-title">查看自查结果</a></p>')
    parts.append("</form>")
    parts.append('<section class="guide-self-check__results" aria-labelledby="self-check-results-title">'
                 '<h2 id="self-check-results-title">自查结果</h2>'
                 f'<p class="guide-self-check__ranking">{RANKING}</p>'
                 '<div id="self-check-results">'
                 "<p>回答问题后，这里列出可能存在的问题、成因和可参考的举措。</p></div></section>")
    parts.append("</div>")
    return "\n".join(parts)
