"""The parser seam: a page's rendered HTML read once, the way a browser reads it.

Every check and fix of a page's HTML (html_safety, accessibility) works on one
`HtmlTree`, built by lexbor (through selectolax), an HTML5 parser that follows
the WHATWG tokeniser and tree construction: `<!-->` is a complete comment,
`<?…>`, `</ x>` and `<![CDATA[…]]>` are bogus comments, `</p>` leaves foreign
content, raw-text elements hold text. So whatever an editor writes, the checks
see the elements and attributes a reader's browser will create, and what is
published is this tree written out again (comments dropped), not the bytes the
check was shown.

The page's HTML is parsed where the theme puts it: inside `<body>`, with the
template's markup after it. A sentinel element after the content shows whether
the content ends where it should; if a comment, tag, attribute or raw-text
element is left open, the sentinel is swallowed, and so would be the page
template after the content in a reader's browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# The content sits in <body> of an HTML5 document (Material's main.html), after <article>.
PREFIX = "<!DOCTYPE html><html><head></head><body>"
SENTINEL_TAG = "guide-content-end"
SENTINEL = f"<{SENTINEL_TAG}></{SENTINEL_TAG}>"
# Elements the document itself provides: an editor's `<body onload=…>` only adds attributes to them.
DOCUMENT_ELEMENTS: frozenset[str] = frozenset({"html", "head", "body"})
FOREIGN_ROOTS: frozenset[str] = frozenset({"svg", "math"})
# Only these open a comment, a processing instruction (a bogus comment) or CDATA: without them the
# tree has no comment node to leave out, and the content need not be walked for one.
COMMENT_OPENERS = re.compile(r"<[!?]|</[^A-Za-z]")


@dataclass
class HtmlTree:
    """One page's content as a browser's DOM, shared by every check and fix of on_page_content."""

    document: LexborHTMLParser
    closed: bool  # False: the content left a comment, tag or raw-text element open at its end
    sentinel: LexborNode | None = None
    comments: bool = True  # the content may hold comments (they are left out when it is written out)

    def elements(self) -> Iterator[LexborNode]:
        """Every element a browser would create from the content, in document order, the document's
        own html/head/body included (their attributes can come from the content)."""
        root = self.document.root
        if root is None:  # nothing was parsed, so there is no element either
            return
        for node in root.traverse(include_text=False):
            if node.is_element_node and node.tag != SENTINEL_TAG:
                yield node

    def select(self, selector: str) -> list[LexborNode]:
        """Elements matching a CSS selector (lexbor's own matcher)."""
        return self.document.body.css(selector) if self.document.body else []

    def serialise(self) -> str:
        """The content as HTML: comments and processing instructions left out, the sentinel removed."""
        body = self.document.body
        if body is None:
            return ""
        if self.sentinel is not None:
            self.sentinel.decompose()
            self.sentinel = None
        if self.comments:
            for node in list(body.traverse(include_text=False)):
                if not node.is_element_node or node.tag == SENTINEL_TAG:
                    node.decompose()
            self.comments = False
        return body.inner_html or ""


def parse_content(html: str) -> HtmlTree:
    """Parse a page's rendered content as a browser parses it inside the theme's <body>."""
    document = LexborHTMLParser(PREFIX + html + SENTINEL)
    sentinel = document.css_first(SENTINEL_TAG)
    closed = sentinel is not None and not any(
        ancestor.tag in FOREIGN_ROOTS for ancestor in _ancestors(sentinel))
    return HtmlTree(document=document, closed=closed, sentinel=sentinel,
                    comments=not closed or COMMENT_OPENERS.search(html) is not None)


def parse_fragment(html: str) -> LexborNode:
    """A piece of HTML (a list item, a start tag, a page's content for the search index) as the body that holds it."""
    document = LexborHTMLParser(PREFIX + html)
    assert document.body is not None  # the prefix always opens a body
    return document.body


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
