"""Footnotes are citations: each names a source, is defined once and used.

The editors' guide says a footnote's name is the id of a source page
(`[^s002]`), listed in the page's `sources`, with its text written once at the
end of the page. Python-Markdown silently prints an undefined `[^x]` as text
and drops an unused definition, so these are checked here, on the source.
Code (fenced blocks, inline code) is an example, not a citation.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..core.findings import Finding
from ..core.regions import CODE_SPAN, protected_lines

DEFINITION = re.compile(r"^ {0,3}\[\^(?P<name>[^\]\s]+)\]:")
REFERENCE = re.compile(r"\[\^(?P<name>[^\]\s]+)\](?!:)")


@dataclass
class Footnotes:
    """Where each footnote name is used and defined (1-based source lines)."""

    used: dict[str, int] = field(default_factory=dict)
    defined: dict[str, int] = field(default_factory=dict)


def scan(body: str, body_start_line: int) -> Footnotes:
    notes = Footnotes()
    code = protected_lines(body)
    for offset, line in enumerate(body.split("\n")):
        if offset in code:
            continue
        if "`" in line:  # without a backtick there is no code span to remove
            line = CODE_SPAN.sub("", line)
        if "[^" not in line:  # neither a definition nor a reference (checked after the code spans went:
            continue  # removing one can join `[` and `^`)
        number = body_start_line + offset
        definition = DEFINITION.match(line)
        if definition:
            notes.defined.setdefault(definition["name"], number)
            line = line[definition.end():]
        for reference in REFERENCE.finditer(line):
            notes.used.setdefault(reference["name"], number)
    return notes


def check_footnotes(path: str, body: str, body_start_line: int, source_ids: Collection[str],
                    listed: Collection[str] | None) -> list[Finding]:
    """`source_ids`: every source page's id; `listed`: the page's own `sources` (None: page has none)."""
    notes = scan(body, body_start_line)
    findings: list[Finding] = []
    for name, line in notes.used.items():
        if name not in notes.defined:
            findings.append(Finding(
                "G071", path, f"脚注 `[^{name}]` 没有写脚注内容，网页上会显示成原样的文字。",
                f"在页面末尾加一行 `[^{name}]: 见[《文章标题》](../sources/{name}.md)。`", line))
    for name, line in notes.defined.items():
        if name not in notes.used:
            findings.append(Finding(
                "G072", path, f"脚注 `[^{name}]` 写了脚注内容，但正文中没有引用它，网页上不会显示。",
                f"在依据这篇资料的句末加上 `[^{name}]`，或删除这一行脚注内容。", line))
    for name in {**notes.defined, **notes.used}:
        line = notes.used.get(name) or notes.defined[name]
        if name not in source_ids:
            close = difflib.get_close_matches(name, list(source_ids), n=1, cutoff=0.5)
            hint = f"是否想写 `[^{close[0]}]`？" if close else ""
            findings.append(Finding(
                "G073", path, f"脚注名 `{name}` 不是任何资料来源的 id。{hint}",
                "脚注名写资料来源页的文件名（不含 .md），现有的资料来源："
                + "、".join(sorted(source_ids)) + "。", line))
        elif listed is not None and name not in listed:
            findings.append(Finding(
                "G074", path, f"脚注 `[^{name}]` 引用的资料来源 `{name}` 没有列在本页的 `sources` 中。",
                f"在 front matter 的 `sources` 中加上 `{name}`。", line))
    return findings
