"""Every check and fix of one page's rendered HTML, on one parse of it.

The page is parsed once (html_tree), judged by the allowlists (html_safety),
defused if anything was refused, given its accessible names (accessibility),
and written out from that same tree: what is published is what was checked.
"""

from __future__ import annotations

from ..core.findings import Finding
from .accessibility import label_tasks, label_titled_links
from .html_safety import check_tree, neutralise_tree
from .html_tree import parse_content


def publish_content(path: str, html: str, markdown: str, body_start_line: int) -> tuple[str, list[Finding]]:
    """The page's content as it is published, and the findings of its HTML (with source lines)."""
    tree = parse_content(html)
    findings = check_tree(path, tree, markdown, body_start_line)
    if findings:
        neutralise_tree(tree)
    if "task-list-item" in html:  # a string test spares the selector on pages without a checklist
        label_tasks(tree)
    if "headerlink" in html or "footnote-backref" in html:
        label_titled_links(tree)
    return tree.serialise(), findings
