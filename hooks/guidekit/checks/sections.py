"""Each item page has its type's sections, in the model's order (model.PAGE_SECTIONS).

The sections are the level-2 headings the Markdown reader finds (outside code and
admonitions, attribute lists such as `{ #id }` stripped), the same ones the voice
rules and the self-check read.

- G076: a required section is missing.
- G110: the sections are out of order, one is written twice, or a problem, cause,
  measure or case page has a level-2 section the model does not know (its voice is
  unknown, so the build could not check it).
"""

from __future__ import annotations

from ..core.findings import Finding
from ..core.markdown_reader import read
from ..core.model import BODY_SECTIONS, CONTENT_TYPES, ITEM_TYPES


def headings(body: str, body_start_line: int) -> dict[str, int]:
    """Level-2 heading text → its 1-based source line (the first, when written twice)."""
    found: dict[str, int] = {}
    for section in read(body, body_start_line).sections(2):
        found.setdefault(section.title, section.line)
    return found


def check_sections(path: str, folder: str, body: str, body_start_line: int) -> list[Finding]:
    """G076 naming every required section the page lacks; G110 for order, repeats and unknown sections."""
    label = ITEM_TYPES[folder].label
    required = BODY_SECTIONS[folder]
    order = "、".join(f"“{name}”" for name in required)
    written = [(s.title, s.line) for s in read(body, body_start_line).sections(2)]
    titles = [title for title, _ in written]
    findings: list[Finding] = []
    missing = [name for name in required if name not in titles]
    if missing:
        findings.append(Finding(
            "G076", path, f"{label}页缺少" + "、".join(f"“{name}”" for name in missing) + "一节。",
            "为每一节加一行二级标题，例如 `## " + missing[0] + f"`，再写出内容；{label}页的各节依次是："
            + "、".join(required) + "（标题文字与模板一致）。", body_start_line))
    if folder not in CONTENT_TYPES:
        return findings
    seen: set[str] = set()
    for title, line in written:
        if title not in required:
            findings.append(Finding(
                "G110", path, f"{label}页没有“{title}”这一节，构建无法判断它是本指南的建议还是资料的内容。",
                f"{label}页只有这几节：{order}。把内容并入其中合适的一节（用三级标题 `### {title}` 分段也可以）。",
                line))
        elif title in seen:
            findings.append(Finding(
                "G110", path, f"“{title}”一节写了两次。",
                f"把两处内容合并到一节；{label}页的各节依次是：{order}。", line))
        seen.add(title)
    present = [title for title in dict.fromkeys(titles) if title in required]
    expected = [name for name in required if name in present]
    if present != expected:
        first_wrong = next(a for a, b in zip(present, expected, strict=True) if a != b)
        findings.append(Finding(
            "G110", path, f"{label}页各节的顺序不对：现在是" + "、".join(f"“{t}”" for t in present) + "。",
            f"按模板的顺序排列：{order}（本指南的建议在前，资料依据在后）。",
            next(line for title, line in written if title == first_wrong)))
    return findings
