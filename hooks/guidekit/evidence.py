"""Evidence grades: what the sources report about a case or a measure.

A case states its grade in front matter (`evidence`), judged from what its
source reports. A measure's grade is derived, never written: the strongest
grade among the cases that apply it; a measure no case applies rests on
proposals in its sources only, so it is 仅为主张. Problems, causes and sources
have no grade.
"""

from __future__ import annotations

from .graph import Graph
from .model import EVIDENCE_GRADES, EVIDENCE_LABELS, EvidenceGrade

PROPOSAL = EVIDENCE_GRADES[-1]
BY_LABEL: dict[str, EvidenceGrade] = {g.label: g for g in EVIDENCE_GRADES}


def case_grade(graph: Graph, case_id: str) -> EvidenceGrade | None:
    """The grade a case page states, or None while it is missing or misspelt (G010/G016)."""
    value = graph.items[case_id].page.meta.get("evidence")
    return BY_LABEL.get(value.strip()) if isinstance(value, str) else None


def measure_grade(graph: Graph, measure_id: str) -> EvidenceGrade:
    """The strongest grade among the cases that apply the measure; 仅为主张 without any."""
    grades = [case_grade(graph, case) for case in graph.backlinks(measure_id, "applies")]
    known = [g for g in grades if g is not None]
    return min(known, key=lambda g: EVIDENCE_LABELS.index(g.label)) if known else PROPOSAL


def item_grade(graph: Graph, item_id: str) -> EvidenceGrade | None:
    """The grade shown for any item: cases as written, measures derived, others none."""
    folder = graph.items[item_id].folder
    if folder == "cases":
        return case_grade(graph, item_id)
    if folder == "measures":
        return measure_grade(graph, item_id)
    return None


def grade_badge_html(grade: EvidenceGrade, href: str | None = None) -> str:
    """A small inline label; links to the explanation of the scale where given."""
    label = (f'<span class="guide-evidence guide-evidence--{grade.slug}">'
             f'<span class="guide-sr-only">证据等级：</span>{grade.label}</span>')
    return f'<a class="guide-evidence-link" href="{href}">{label}</a>' if href else label


def scale_markdown() -> str:
    """The table of the scale for the explanation page, from the model."""
    lines = ["| 等级 | 含义 |", "| --- | --- |"]
    for grade in EVIDENCE_GRADES:
        lines.append(f'| <span class="guide-evidence guide-evidence--{grade.slug}">{grade.label}</span> '
                     f"| {grade.meaning} |")
    return "\n".join(lines) + "\n"
