"""The printable checklists (docs/guide/checklist-*.md) speak in the guide's voice.

Every item is a plain check a branch can tick, linked to the measure or problem page it
comes from; the source lies on that page, so a checklist carries no source footnote.

- G115: a footnote on a checklist page.
- G116: a task item (`- [ ] …`) without a link to a measure or problem page.
"""

from __future__ import annotations

import posixpath
import re

from ..core.findings import Finding
from ..core.markdown_reader import read
from ..core.model import CHECKLIST_TARGETS, ITEM_TYPES

TARGET = re.compile(r"^(?:" + "|".join(CHECKLIST_TARGETS) + r")/[a-z0-9-]+\.md$")


def links_to_item(path: str, href: str) -> bool:
    """Whether a link written on `path` leads to a measure or problem page."""
    address = href.split("#", 1)[0].split("?", 1)[0]
    if not address or "://" in address or address.startswith("/"):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), address))
    return bool(TARGET.match(target)) and not target.endswith("/index.md")


def check_checklist(path: str, body: str, first_line: int) -> list[Finding]:
    findings: list[Finding] = []
    kinds = "或".join(ITEM_TYPES[t].label for t in CHECKLIST_TARGETS)
    for block in read(body, first_line).blocks:
        if block.footnotes:  # its definition goes with it (one mistake, one finding)
            findings.append(Finding(
                "G115", path, "清单是本指南自己的建议，不带资料来源脚注，这里有 "
                + "、".join(f"`[^{name}]`" for name in block.footnotes) + "。",
                f"删去脚注（和页末的脚注内容）；出处写在每一项链接到的{kinds}页上。", block.line))
        if block.task and not any(links_to_item(path, href) for href in block.links):
            findings.append(Finding(
                "G116", path, f"清单项“{block.text[:24]}”没有链接到它出自的{kinds}页。",
                "在这一项末尾加上链接，例如 `见[班子成员联系支部](../measures/leaders-link-branches.md)。`",
                block.line))
    return findings
