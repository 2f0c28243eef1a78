"""Pre-check `--8<--` snippet lines so a bad one is a Chinese finding, not a crash.

pymdownx.snippets (restrict_base_path) already refuses files outside includes/,
but it raises a bare exception for a missing file. Checking first lets the
build name the file and line, and drop the line so the rest still builds.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.findings import Finding

SNIPPET_LINE = re.compile(r"^(?P<indent>\s*)-{1,}8<-{1,}\s+(?P<q>[\"'])(?P<target>[^\"']+)(?P=q)\s*$")
SCISSORS = "8<"  # in every snippet line: a text without it has none


def _problem(target: str, base: Path) -> str | None:
    name = target.split(":", 1)[0].strip()
    if not name:
        return "没有写文件名"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"`{name}` 是绝对路径"
    if ".." in Path(name).parts:
        return f"`{name}` 跳出了 includes/ 文件夹"
    if not (base / name).is_file():
        return f"includes/{name} 不存在"
    if not (base / name).resolve().is_relative_to(base.parent.resolve()):
        return f"includes/{name} 是指向项目以外的符号链接"
    if b"\0" in (base / name).read_bytes():
        return f"includes/{name} 含有 NUL 字节，不是文本文件"
    return None


def check_snippets(path: str, body: str, body_start_line: int, base: Path) -> list[Finding]:
    """Findings for snippet lines that would fail or reach outside includes/."""
    if SCISSORS not in body:
        return []
    findings = []
    for offset, line in enumerate(body.split("\n")):
        match = SNIPPET_LINE.match(line)
        if match:
            problem = _problem(match["target"], base)
            if problem:
                findings.append(Finding(
                    "G045", path, f"片段引用无效：{problem}。",
                    "只引用 includes/ 中已有的文件，例如 `--8<-- \"abbreviations.md\"`。",
                    body_start_line + offset))
    return findings


def drop_bad_snippets(markdown: str, base: Path) -> str:
    """The Markdown without the snippet lines check_snippets would report."""
    if SCISSORS not in markdown:  # no snippet line: the text as it is (splitting and joining would not change it)
        return markdown
    kept = []
    for line in markdown.split("\n"):
        match = SNIPPET_LINE.match(line)
        if match and _problem(match["target"], base):
            continue
        kept.append(line)
    return "\n".join(kept)
