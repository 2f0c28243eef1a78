"""Each item page has its type's sections, as its template writes them (model.BODY_SECTIONS)."""

from __future__ import annotations

import re

from .findings import Finding
from .model import BODY_SECTIONS, ITEM_TYPES
from .regions import protected_lines

HEADING = re.compile(r"^##[ \t]+(?P<text>.*?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")


def headings(body: str, body_start_line: int) -> dict[str, int]:
    """Level-2 heading text → its 1-based source line (code blocks are skipped)."""
    code = protected_lines(body)
    found: dict[str, int] = {}
    for offset, line in enumerate(body.split("\n")):
        match = HEADING.match(line)
        if match and offset not in code:
            found.setdefault(match["text"].strip(), body_start_line + offset)
    return found


def check_sections(path: str, folder: str, body: str, body_start_line: int) -> list[Finding]:
    """One finding naming every required section the page does not have."""
    present = headings(body, body_start_line)
    label = ITEM_TYPES[folder].label
    required = BODY_SECTIONS[folder]
    missing = [name for name in required if name not in present]
    if not missing:
        return []
    return [Finding(
        "G076", path, f"{label}页缺少" + "、".join(f"“{name}”" for name in missing) + "一节。",
        "为每一节加一行二级标题，例如 `## " + missing[0] + f"`，再写出内容；{label}页的各节依次是："
        + "、".join(required) + "（标题文字与模板一致）。", body_start_line)]
