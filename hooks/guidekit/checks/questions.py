"""The self-check's questions: the task items of each problem page's 自查要点 section, read through
the one Markdown reader, as plain text with their lines; a measure's first step; and the checks on
them (G055 no question, G150 the same question twice). Pure: no MkDocs (the page is in pages/self_check.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from ..core.findings import Finding
from ..core.markdown_reader import read, read_as_parsed

SECTION_TITLE = "自查要点"
STEPS_TITLE = "怎么做"

FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
NUMBERED = re.compile(r"^\s*\d{1,9}[.)]\s")


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

    The section is the level-2 heading the section rule reads (markdown_reader; an attribute
    list such as `{ #id }` is not part of its title) and runs to the next heading of the same
    or a higher level; items count wherever they stand in it, also inside an admonition.
    Fenced code is never an item; an item's text is what a reader reads (footnote references
    dropped, links reduced to their text, emphasis and code marks removed).
    """
    section = read_as_parsed(body).section(SECTION_TITLE)
    if section is None:
        return []
    texts = (" ".join(block.text.split()) for block in section.blocks if block.task)
    return [text for text in texts if text]


def check_questions(path: str, body: str, body_start_line: int = 1) -> list[Finding]:
    """G055: a problem page whose 自查要点 section has no task-list item gives no question."""
    section = read(body, body_start_line).section(SECTION_TITLE)  # its lines count from body_start_line
    if section is None or checklist_items(body):
        return []
    return [Finding("G055", path, "“自查要点”一节没有勾选项，自查诊断页上不会有这个问题的题目。",
                    "把每个要点写成 `- [ ] ` 开头的列表项。", section.line)]


def first_step(body: str) -> str:
    """The first numbered item of a measure's 怎么做 section, as plain text ("" without one)."""
    section = read_as_parsed(body).section(STEPS_TITLE)
    for block in section.blocks if section else ():
        if block.kind == "list_item" and NUMBERED.match(block.source):
            return question_text(block.text)
    return ""


def question_lines(body: str) -> list[int]:
    """0-based line in the body of each task item of the 自查要点 section, in order (where each question starts)."""
    document = read_as_parsed(body)
    section = document.section(SECTION_TITLE)
    return [block.line - document.first_line for block in section.blocks if block.task] if section else []


def same_question(text: str) -> str:
    """What makes two questions the same: their words, whitespace and punctuation aside."""
    return "".join(c for c in text if not c.isspace() and not unicodedata.category(c).startswith("P"))


def check_duplicate_questions(problem_pages: Mapping[str, tuple[str, int]]) -> list[Finding]:
    """G150: two 自查要点 items of the guide (on one page or two) that read the same.

    `problem_pages` maps a problem page's docs path to (body, line of the body's first line).
    The first occurrence (by path, then line) stays; every later one is reported.
    """
    first: dict[str, tuple[str, int | None]] = {}
    findings: list[Finding] = []
    for path in sorted(problem_pages):
        body, start = problem_pages[path]
        texts = checklist_items(body)
        lines = question_lines(body)
        numbers = [start + n for n in lines] if len(lines) == len(texts) else [None] * len(texts)
        for text, line in zip(texts, numbers, strict=True):
            key = same_question(text)
            if not key:
                continue
            if key not in first:
                first[key] = (path, line)
                continue
            where, at = first[key]
            place = f"docs/{where}" + (f" 第 {at} 行" if at else " ")
            findings.append(Finding(
                "G150", path, f"自查题“{text}”与 {place}的题目相同，自查诊断页上会出现两道一样的题。",
                "删去其中一条，或把它改写成问另一件事的题目（标点和空格不同不算不同）。", line))
    return findings
