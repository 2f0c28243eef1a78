"""A page's HTML as the start-tag, end-tag and text events of Python's html.parser, from the
HTML5 parser the build already trusts (lexbor, through selectolax).

Material's search plugin divides each page into sections with a subclass of
`html.parser.HTMLParser` whose handlers keep the titles and texts it indexes. Its tokeniser
is the slow part (about 1 ms a page of this guide, against 0.2 ms to parse with lexbor and
walk the tree). `feed` drives the same handlers from the lexbor tree instead, so the index
keeps Material's own rules for sections, permalinks and excluded blocks, and only the
tokenising changes. On well-formed HTML, which a page's content is after the build has
written it out of its own lexbor tree (checks/page_html.py), the events are the ones
html.parser would give: a start tag with its attributes (values unescaped, a bare attribute
None), its content, its end tag (none for a void element), text unescaped; comments give no
event, as Material ignores them.
"""

from __future__ import annotations

from typing import Protocol

from selectolax.lexbor import LexborNode

from ..checks.html_tree import parse_fragment

# Elements that have no end tag in HTML (html.parser reports only their start).
VOID: frozenset[str] = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
TEXT = "-text"


class TagHandler(Protocol):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


def feed(html: str, handler: TagHandler) -> None:
    """Give `handler` the events of `html` (a page's content, parsed inside the theme's <body>) in order."""
    walk(parse_fragment(html), handler)


def walk(root: LexborNode, handler: TagHandler) -> None:
    """The events of everything inside `root`, without recursion (any depth of nesting)."""
    stack: list[tuple[str | None, object]] = [(None, root.iter(include_text=True))]
    while stack:
        tag, children = stack[-1]
        child = next(children, None)  # type: ignore[call-overload]
        if child is None:
            stack.pop()
            if tag is not None:
                handler.handle_endtag(tag)
            continue
        name = child.tag
        if name == TEXT:
            text = child.text_content
            if text:
                handler.handle_data(text)
            continue
        if not child.is_element_node:  # a comment
            continue
        handler.handle_starttag(name, list(child.attributes.items()))
        if name not in VOID:
            stack.append((name, child.iter(include_text=True)))
