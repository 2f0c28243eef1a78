"""Template placeholders: what `new-page.sh` writes for the editor to replace.

Every placeholder has one shape, `【待填写：…】`, so the build can refuse a page that
still carries one (G070) and name the line and the text, and the preview banner
lists each one. A page is never published half-written.
"""

from __future__ import annotations

import re
from typing import Any

from .findings import Finding
from .front_matter import ParsedPage
from .regions import in_code_span, protected_lines

PLACEHOLDER = re.compile(r"【待填写：[^】\n]*】")
PLACEHOLDER_START = "【待填写："  # every placeholder begins so


def placeholder(hint: str) -> str:
    """The placeholder text for one thing the editor has to write."""
    return f"【待填写：{hint}】"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and PLACEHOLDER.search(value) is not None


def check_placeholders(path: str, text: str, page: ParsedPage) -> list[Finding]:
    """One finding per placeholder left in the front matter or the prose (code, inline or not, is fine)."""
    if PLACEHOLDER_START not in text:  # the usual case: nothing to look for line by line
        return []
    lines = text.split("\n")
    front_matter_end = page.body_start_line - 1 if page.has_front_matter else 0
    code = protected_lines(page.body)
    findings = []
    for index, line in enumerate(lines):
        in_body = index >= front_matter_end
        if in_body and (index - front_matter_end) in code:
            continue
        for match in PLACEHOLDER.finditer(line):
            if in_body and in_code_span(line, match.start()):
                continue  # written as an example: `【待填写：…】`
            where = "front matter 中" if not in_body else "正文中"
            findings.append(Finding(
                "G070", path, f"{where}还留着模板的占位文字“{match.group(0)}”。",
                "按括号里的提示写上本页的真实内容，连同“【待填写：】”一起替换掉。", index + 1))
    return findings
