"""Provenance by voice: the guide's sections carry no source footnote, the sources' sections cite every statement.

Each section of a problem, cause, measure or case page is typed in the model
(model.PAGE_SECTIONS) as the guide's voice (its own advice) or the sources' voice
(what the sources report or propose). The page is read once by the Markdown reader,
so a footnote counts only where it renders as one (not in a code span, an HTML
comment or the text of a link), and every finding names the line an editor sees.

- G111: a source footnote in a guide-voice section (or before the first section).
- G050: a statement in a sources-voice section (paragraph, list item, quote, table row)
  without a source footnote. Not statements: headings, a short bold line that heads the
  text after it, a line that only points to other pages, the content of an
  `!!! tip "编者建议"` aside and of the folded `??? note "资料说明"`.
- G051: a source footnote inside an `编者建议` aside.
"""

from __future__ import annotations

import re

from ..core.findings import Finding
from ..core.markdown_reader import STATEMENT_KINDS, Block, read
from ..core.model import (
    EDITORIAL_TITLE,
    GUIDE_VOICE,
    RUN_IN_HEADING_MAX_CHARS,
    SOURCE_NOTE_MARKUP,
    SOURCE_NOTE_TITLE,
    SOURCES_VOICE,
    section_voice,
)
from ..core.placeholders import is_placeholder

LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
# What may surround links on a pointer-only line ("参见[…](…)和[…](…)。").
POINTER_WORDS = re.compile(r"[\s，。、；：,.;:()（）*]|参见|另见|详见|见|和|与|及|或")


def is_pointer_only(block: Block) -> bool:
    """A line that only points to other pages ("参见[…](…)。") states nothing itself."""
    source = LIST_MARKER.sub("", block.source)
    if not block.links or not LINK.search(source):
        return False
    return not POINTER_WORDS.sub("", LINK.sub("", source)).strip()


def is_run_in_heading(block: Block, following: Block | None) -> bool:
    """A short line wholly in bold that heads the statement right after it ("**一、思想上深度融合**")."""
    return (block.kind == "paragraph" and block.bold and len(block.text) <= RUN_IN_HEADING_MAX_CHARS
            and following is not None and following.kind in STATEMENT_KINDS
            and following.container == block.container)


def _voice_of(folder: str, title: str | None) -> str | None:
    """Before the first section the page speaks in the guide's voice (its advice comes first)."""
    return GUIDE_VOICE if title is None else section_voice(folder, title)


def check_citations(path: str, folder: str, body: str, first_line: int) -> list[Finding]:
    """G111, G050 and G051 for one item page of `folder`."""
    document = read(body, first_line)
    parts: list[tuple[str | None, tuple[Block, ...]]] = [(None, document.preamble())]
    parts += [(section.title, section.blocks) for section in document.sections(2)]
    findings: list[Finding] = []
    for title, blocks in parts:
        voice = _voice_of(folder, title)
        for position, block in enumerate(blocks):
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            finding = _judge(path, title, voice, block, following)
            if finding is not None:
                findings.append(finding)
    return findings


def _judge(path: str, title: str | None, voice: str | None, block: Block, following: Block | None) -> Finding | None:
    editorial = EDITORIAL_TITLE in block.container
    if editorial and block.footnotes:
        return Finding(
            "G051", path, f"“{EDITORIAL_TITLE}”块中的这一段带有资料来源脚注：{_excerpt(block.text)}",
            "有出处的内容移到块外并保留脚注；确属编者自己的建议，删去脚注。", block.line)
    if editorial or SOURCE_NOTE_TITLE in block.container:
        return None
    if voice == GUIDE_VOICE and block.footnotes and block.kind != "footnote_def":
        where = f"“{title}”一节" if title else "第一节之前的正文"
        return Finding(
            "G111", path, f"{where}是本指南自己的建议，却带有资料来源脚注"
            + "、".join(f"`[^{name}]`" for name in block.footnotes) + f"：{_excerpt(block.text)}",
            "建议部分用本指南自己的话写，不加脚注；某一步依据某篇资料或某个案例时，链接到那一页"
            "（例如 `见[案例](../cases/sinan-tobacco-three-three.md)`）。原文报告或主张的内容连同脚注移到"
            "“资料依据”一节（案例页移到“背景”“做法”“成效”）。", block.line)
    if voice != SOURCES_VOICE or block.kind not in STATEMENT_KINDS or block.footnotes:
        return None
    if is_pointer_only(block) or is_run_in_heading(block, following) or is_placeholder(block.source):
        return None  # a template's placeholder is one finding (G070)
    return Finding(
        "G050", path, f"“{title}”一节写的是资料的内容，这一段却没有注明出处：{_excerpt(block.text)}",
        "资料里有的，在句末加上脚注（如 `[^s002]`），并说清是原文报告的事实还是原文的主张（“某文提出……”）；"
        "是本指南自己的建议的，移到建议部分（问题页“下一步”，举措页“要点”“怎么做”“注意事项”，案例页“可借鉴之处”）；"
        f"资料没有说的，写进页末折叠的 `{SOURCE_NOTE_MARKUP}` 块，或删去。", block.line)


def _excerpt(text: str, limit: int = 24) -> str:
    flat = " ".join(text.split())
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"
