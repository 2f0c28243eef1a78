"""Evidence grades: graded per practice, on outcomes, always with the reason.

A case grades every measure it applies, in its front matter:
`applies: {measure-id: {grade: <one of the three labels>, why: <one line>}}`.
A measure's grade is derived, never written: the strongest application naming it, and its
reason names the case it rests on; a measure no case applies is 仅为主张. A case's own badge
is its strongest application. Problems, causes and sources have no grade.

Also here: the checks of the `applies` map (G100–G107) and the badge markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from .findings import Finding, did_you_mean
from .graph import Graph, Item
from .model import (
    APPLICATION_KEYS,
    EVIDENCE_GRADES,
    EVIDENCE_LABELS,
    NO_APPLICATION_REASON,
    REASON_MAX_CHARS,
    EvidenceGrade,
)
from .placeholders import is_placeholder
from .plain_text import markup_in

OUTCOME, PRACTICE, PROPOSAL = EVIDENCE_GRADES
BY_LABEL: dict[str, EvidenceGrade] = {g.label: g for g in EVIDENCE_GRADES}
# Markdown syntax a reason may not carry: it is shown as it is, in a badge's title and beside it.
MARKDOWN_SYNTAX = re.compile(r"[\[\]`*_<>|]|\[\^")


@dataclass(frozen=True)
class Application:
    """One case applying one measure: what the case's source reports about that practice."""

    case_id: str
    measure_id: str
    grade: EvidenceGrade
    why: str


@dataclass(frozen=True)
class Rating:
    """A grade as a reader sees it: the label and the sentence that says why."""

    grade: EvidenceGrade
    reason: str
    rests_on: str | None = None  # the case a measure's grade rests on


def rank(grade: EvidenceGrade) -> int:
    """0 for the strongest grade."""
    return EVIDENCE_LABELS.index(grade.label)


def grade_of(label: Any) -> EvidenceGrade | None:
    return BY_LABEL.get(label.strip()) if isinstance(label, str) else None


def strongest(applications: Iterable[Application]) -> Application | None:
    """The strongest application; among equals, the first (cases in path order)."""
    best: Application | None = None
    for application in applications:
        if best is None or rank(application.grade) < rank(best.grade):
            best = application
    return best


def short_name(title: str) -> str:
    """A case's short name: its title before the first "：" (思南烟草：“三三”… → 思南烟草)."""
    return title.split("：", 1)[0].strip() or title


def read_application(case_id: str, measure_id: str, entry: Any) -> Application | None:
    """One entry of a case's `applies` map, or None while it is incomplete (reported by check_applications)."""
    if not isinstance(entry, dict):
        return None
    grade, why = grade_of(entry.get("grade")), entry.get("why")
    if grade is None or not isinstance(why, str) or not why.strip() or is_placeholder(why):
        return None
    return Application(case_id, measure_id, grade, " ".join(why.split()))


def case_applications(graph: Graph, case_id: str) -> list[Application]:
    """The complete applications of a case, for the measures the graph resolved, in the order written."""
    return graph.remember("case_applications", case_id, lambda: _case_applications(graph, case_id))


def _case_applications(graph: Graph, case_id: str) -> list[Application]:
    written = graph.items[case_id].page.meta.get("applies")
    if not isinstance(written, dict):
        return []
    found = (read_application(case_id, m, written.get(m)) for m in graph.links(case_id, "applies"))
    return [a for a in found if a is not None]


def measure_applications(graph: Graph, measure_id: str) -> list[Application]:
    """Every complete application naming the measure, cases in path order."""
    cases = sorted(graph.backlinks(measure_id, "applies"), key=lambda c: graph.items[c].path)
    return [a for case in cases for a in case_applications(graph, case) if a.measure_id == measure_id]


def application_of(graph: Graph, case_id: str, measure_id: str) -> Application | None:
    return next((a for a in case_applications(graph, case_id) if a.measure_id == measure_id), None)


def measure_rating(graph: Graph, measure_id: str) -> Rating:
    """The strongest application naming the measure, with the case it rests on; 仅为主张 without any."""
    return graph.remember("measure_rating", measure_id, lambda: _measure_rating(graph, measure_id))


def _measure_rating(graph: Graph, measure_id: str) -> Rating:
    best = strongest(measure_applications(graph, measure_id))
    if best is None:
        return Rating(PROPOSAL, NO_APPLICATION_REASON)
    case = short_name(graph.items[best.case_id].title)
    return Rating(best.grade, f"依据：{case}——{best.why}", best.case_id)


def case_rating(graph: Graph, case_id: str) -> Rating | None:
    """A case's badge: its strongest application, reason `<measure title>：<why>`; None while it has none."""
    return graph.remember("case_rating", case_id, lambda: _case_rating(graph, case_id))


def _case_rating(graph: Graph, case_id: str) -> Rating | None:
    best = strongest(case_applications(graph, case_id))
    if best is None:
        return None
    return Rating(best.grade, f"{graph.items[best.measure_id].title}：{best.why}", case_id)


def item_rating(graph: Graph, item_id: str) -> Rating | None:
    """The rating shown for any item: cases and measures have one, other types none."""
    folder = graph.items[item_id].folder
    if folder == "cases":
        return case_rating(graph, item_id)
    if folder == "measures":
        return measure_rating(graph, item_id)
    return None


# ---- checks -------------------------------------------------------------------------------------

SHAPE_EXAMPLE = ("`applies:` 下每行写一项举措，例如 "
                 "`  four-togethers: {grade: 已实施，无成效数据, why: 报告季度同考核，未给成效数字}`")
GRADE_CHOICES = "、".join(f"`{label}`" for label in EVIDENCE_LABELS)


def check_applications(item: Item) -> list[Finding]:
    """The `applies` map of a case: its shape, each application's grade and reason, and the refusal
    of a case whose applications are all 仅为主张. Unknown or wrong-type measures are the graph's (G020/G021)."""
    page, path = item.page, item.path
    written = page.meta.get("applies")
    if written is None or is_placeholder(written):
        return []  # missing: G010; a template placeholder: G070
    if not isinstance(written, dict):
        return [Finding(
            "G100", path, "`applies` 应按举措逐项写出证据等级和理由，现在写成了"
                          + ("一个列表。" if isinstance(written, list) else "一段文字。"),
            f"改成“举措 id: {{grade: …, why: …}}”的形式：{SHAPE_EXAMPLE}。", page.line_of("applies"))]
    findings: list[Finding] = []
    grades: list[EvidenceGrade] = []
    for measure_id, entry in written.items():
        if is_placeholder(measure_id):
            continue
        findings.extend(_check_entry(item, str(measure_id), entry, grades))
    if grades and not findings and all(g is PROPOSAL for g in grades):
        findings.append(Finding(
            "G107", path, f"这个案例运用的举措全部是“{PROPOSAL.label}”：资料只提出或要求这样做，"
                          "没有报告实施，不能作为实践案例。",
            "如果资料报告了实施，按实际改正证据等级；否则删除此案例页，把内容写进资料来源页和相关举措的“资料依据”。",
            page.line_of("applies")))
    return findings


def _check_entry(item: Item, measure_id: str, entry: Any, grades: list[EvidenceGrade]) -> list[Finding]:
    page, path = item.page, item.path
    line = page.line_of_path("applies", measure_id)
    if not isinstance(entry, dict):
        return [Finding(
            "G100", path, f"`applies` 中 `{measure_id}` 后面应是 `{{grade: …, why: …}}`，现在没有写等级和理由。",
            f"写成 `{measure_id}: {{grade: {PRACTICE.label}, why: 一句话说明资料报告了什么}}`。", line)]
    findings: list[Finding] = []
    for key in entry:
        if str(key) not in APPLICATION_KEYS:
            hint = did_you_mean(str(key), APPLICATION_KEYS)
            findings.append(Finding(
                "G106", path, f"`applies` 中 `{measure_id}` 的 `{key}` 不是可用的项。{hint}",
                "每项只写 `grade`（证据等级）和 `why`（理由）两项。",
                page.line_of_path("applies", measure_id, str(key))))
    findings.extend(_check_grade(item, measure_id, entry.get("grade"), grades))
    findings.extend(_check_reason(item, measure_id, entry.get("why")))
    return findings


def _check_grade(item: Item, measure_id: str, value: Any, grades: list[EvidenceGrade]) -> list[Finding]:
    page, path = item.page, item.path
    line = page.line_of_path("applies", measure_id, "grade")
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Finding(
            "G101", path, f"`applies` 中 `{measure_id}` 没有写证据等级 `grade`。",
            f"加上 `grade: …`，只能是 {GRADE_CHOICES} 之一，按资料来源对这项做法实际报告的内容判断。", line)]
    if is_placeholder(value):
        return []  # G070
    grade = grade_of(value)
    if grade is None:
        # No did-you-mean: the labels differ by a few characters, and a guessed grade is worse than none.
        return [Finding(
            "G102", path, f"`applies` 中 `{measure_id}` 的证据等级“{value}”不在规定的三级之中。",
            f"只能写 {GRADE_CHOICES} 之一，按资料来源对这项做法实际报告的内容判断（见“证据等级说明”）。", line)]
    grades.append(grade)
    return []


def _check_reason(item: Item, measure_id: str, value: Any) -> list[Finding]:
    page, path = item.page, item.path
    line = page.line_of_path("applies", measure_id, "why")
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Finding(
            "G103", path, f"`applies` 中 `{measure_id}` 没有写理由 `why`。",
            f"加上 `why: …`：一句话（最多 {REASON_MAX_CHARS} 个字符）说明资料对这项做法报告了什么，"
            "例如“报告每季度到支部参加活动，未给成效数字”。", line)]
    if is_placeholder(value):
        return []  # G070
    if not isinstance(value, str) or "\n" in value.strip():
        return [Finding(
            "G105", path, f"`applies` 中 `{measure_id}` 的理由 `why` 应是一行文字。",
            "写成一行普通文字；含有冒号等符号时，把整句用英文双引号括起来。", line)]
    if markup_in(value):
        return []  # HTML in a front-matter value: reported once, as G061
    syntax = MARKDOWN_SYNTAX.search(value)
    if syntax:
        return [Finding(
            "G105", path, f"`applies` 中 `{measure_id}` 的理由 `why` 含有格式符号“{syntax.group(0)}”，它只能是纯文字。",
            "删去链接、脚注、加粗、表格等格式符号，只写文字；理由会原样显示在等级标签旁。", line)]
    length = len(value.strip())
    if length > REASON_MAX_CHARS:
        return [Finding(
            "G104", path, f"`applies` 中 `{measure_id}` 的理由有 {length} 个字符，超过了 {REASON_MAX_CHARS} 个。",
            f"删掉 {length - REASON_MAX_CHARS} 个以上的字符：只说资料报告了什么、有没有成效数字，细节写进正文。", line)]
    return []


# ---- markup -------------------------------------------------------------------------------------

def badge_title(rating: Rating) -> str:
    return f"证据等级：{rating.grade.label}。{rating.reason}"


def grade_badge_html(rating: Rating, href: str | None = None, describedby: str | None = None) -> str:
    """The badge: the label, with the reason in its title (hover) and as screen-reader text.

    Where `href` is given the badge is a link (to the explanation of the scale, or to the item
    whose page shows the reason in words); `describedby` names the visible reason beside it.
    """
    reason = escape(rating.reason)
    label = (f'<span class="guide-evidence guide-evidence--{rating.grade.slug}">'
             f'<span class="guide-sr-only">证据等级：</span>{rating.grade.label}'
             + ("" if describedby else f'<span class="guide-sr-only">（{reason}）</span>') + "</span>")
    title = escape(badge_title(rating))
    if href:
        described = f' aria-describedby="{describedby}"' if describedby else ""
        return f'<a class="guide-evidence-link" href="{escape(href)}" title="{title}"{described}>{label}</a>'
    return label.replace('<span class="guide-evidence ', f'<span title="{title}" class="guide-evidence ', 1)


def reason_html(rating: Rating, element_id: str | None = None) -> str:
    """The reason in words, shown beside a badge."""
    ident = f' id="{element_id}"' if element_id else ""
    return f'<span class="guide-evidence-reason"{ident}>{escape(rating.reason)}</span>'


def grade_text_html(grade: EvidenceGrade) -> str:
    """A grade written as text in a list (not a badge: each page has exactly one badge)."""
    return f'<span class="guide-grade-text guide-grade-text--{grade.slug}">{grade.label}</span>'


def scale_markdown() -> str:
    """The table of the scale for the explanation page, from the model."""
    lines = ["| 等级 | 含义 |", "| --- | --- |"]
    for grade in EVIDENCE_GRADES:
        lines.append(f'| <span class="guide-evidence guide-evidence--{grade.slug}">{grade.label}</span> '
                     f"| {grade.meaning} |")
    return "\n".join(lines) + "\n"
