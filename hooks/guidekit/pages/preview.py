"""The banner `mkdocs serve` shows on a page whose source has findings.

Only the live preview shows it: a production build never does, and fails under
--strict instead.
"""

from __future__ import annotations

from html import escape

from ..core.findings import Finding


def preview_banner(findings: list[Finding]) -> str:
    """HTML listing each finding of one page and how to fix it; empty when there are none."""
    if not findings:
        return ""
    items = "".join(
        f"<li><code>{escape(f.code)}</code> "
        f"{'第 ' + str(f.line) + ' 行：' if f.line else ''}{escape(f.message)}"
        f"<br><span>修改建议：{escape(f.fix)}</span></li>"
        for f in findings
    )
    return (
        '<div class="admonition danger guide-preview-issues" role="alert">'
        f'<p class="admonition-title">预览提示：本页有 {len(findings)} 个问题需要修改</p>'
        f"<ul>{items}</ul>"
        "<p>这条提示只在本地预览中显示；发布时的严格构建会因这些问题失败。</p></div>"
    )
