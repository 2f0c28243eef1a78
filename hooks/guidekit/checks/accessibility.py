"""Small HTML fixes so every control has a name a screen reader can announce.

They work on the page's one parsed tree (html_tree.HtmlTree), the same tree the
HTML allowlist judged, so a checkbox or a permalink is found as a browser finds
it, whatever the attribute order, spacing or a look-alike in a comment or code.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .html_tree import HtmlTree, parse_content, parse_fragment

LABEL_MAX_CHARS = 60
FALLBACK_LABEL = "清单项"

# Heading permalinks and footnote back-links carry a title for screen readers; with
# Material's content.tooltips every title becomes a tooltip component mounted at load,
# which on a long page cost ~200 ms of main-thread time. aria-label names them the same.
TITLED_LINK_CLASSES: frozenset[str] = frozenset({"headerlink", "footnote-backref"})
TITLED_LINKS = ", ".join(f"a.{name}[title]" for name in sorted(TITLED_LINK_CLASSES))
NESTED_LISTS: frozenset[str] = frozenset({"ul", "ol"})


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_MAX_CHARS else text[: LABEL_MAX_CHARS - 1] + "…"


def _is_footnote_mark(node: LexborNode) -> bool:
    return node.tag == "sup" and (node.attributes.get("id") or "").startswith("fnref")


class _ItemText:
    """The words of one task item after its checkbox: no footnote marks, no nested list."""

    def __init__(self, control: LexborNode | None) -> None:
        self.control = control  # the text starts after it (None: from the first node)
        self.started = control is None
        self.stopped = False
        self.parts: list[str] = []

    def walk(self, node: LexborNode) -> None:
        child = node.child
        while child is not None and not self.stopped:
            if self.control is not None and child.mem_id == self.control.mem_id:
                self.started = True
            elif child.is_text_node:
                if self.started:
                    self.parts.append(child.text_content or "")
            elif child.is_element_node:
                if child.tag in NESTED_LISTS or child.tag == "li":
                    if self.started:
                        self.stopped = True
                        return
                elif not _is_footnote_mark(child):
                    self.walk(child)
            child = child.next


def label_tasks(tree: HtmlTree) -> None:
    """Give each task-list checkbox the text of its own item as its accessible name."""
    for item in tree.select("li.task-list-item"):
        control = item.css_first("label.task-list-control")
        if control is None:
            continue
        box = control.css_first("input")
        if box is None or (box.attributes.get("type") or "").lower() != "checkbox":
            continue
        reader = _ItemText(control)
        reader.walk(item)
        box.attrs["aria-label"] = _shorten("".join(reader.parts)) or FALLBACK_LABEL


def label_titled_links(tree: HtmlTree) -> None:
    """Heading permalinks and footnote back-links: the title attribute becomes aria-label."""
    for link in tree.select(TITLED_LINKS):
        title = link.attributes.get("title")
        del link.attrs["title"]
        link.attrs["aria-label"] = title or ""


def item_label(fragment: str) -> str:
    """A checkbox's name from its item's HTML: the text without footnote marks, at most 60 characters."""
    reader = _ItemText(None)
    reader.walk(parse_fragment(fragment))
    return _shorten("".join(reader.parts))


def label_task_checkboxes(page_html: str) -> str:
    """label_tasks on HTML parsed here (the hook shares one tree instead)."""
    tree = parse_content(page_html)
    label_tasks(tree)
    return tree.serialise()


def titles_to_labels(page_html: str) -> str:
    """label_titled_links on HTML parsed here (the hook shares one tree instead)."""
    tree = parse_content(page_html)
    label_titled_links(tree)
    return tree.serialise()
