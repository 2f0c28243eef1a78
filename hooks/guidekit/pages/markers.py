"""Invisible markers an editors' page may carry (`<!-- guide:rules -->`), filled in at build time.

| marker | becomes |
| --- | --- |
| `<!-- guide:rules -->` | the table of every build rule (from findings.RULES) |
| `<!-- guide:template TYPE -->` | the page template of an item type |
| `<!-- guide:evidence-scale -->` | the table of the evidence grades |
| `<!-- guide:fields -->` | the front-matter fields, limits and allowed values (from the model) |
| `<!-- guide:sections -->` | each type's sections by voice (from model.PAGE_SECTIONS) |
| `<!-- guide:print-page -->` | a link to the whole-guide print page |
| `<!-- guide:allowed-html -->` | the HTML elements an editor may write (html_safety.ELEMENTS; lint uses the same set) |
"""

from __future__ import annotations

import re

from ..checks.html_safety import ELEMENTS
from ..core.evidence import scale_markdown
from ..core.model import ITEM_TYPES
from .links import print_page_link
from .pages import rules_table_markdown
from .templates import fields_markdown, sections_markdown, template_markdown

MARKER = re.compile(r"<!--\s*guide:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z-]+))?\s*-->")


def expand_markers(markdown: str, page_url: str, use_directory_urls: bool,
                   allowed_tags: frozenset[str] = frozenset()) -> str:
    """The page's Markdown with every known marker replaced; unknown ones stay as comments."""

    def expand(match: re.Match[str]) -> str:
        name, arg = match["name"], match["arg"]
        if name == "print-page":
            # The print-site plugin adds its page after links are checked, so the link is plain HTML.
            return print_page_link(page_url, use_directory_urls)
        if name == "rules":
            return rules_table_markdown()
        if name == "evidence-scale":
            return scale_markdown()
        if name == "allowed-html":
            return "、".join(f"`<{element}>`" for element in sorted(ELEMENTS))
        if name == "sections":
            return sections_markdown()
        if name == "fields":
            return fields_markdown(allowed_tags)
        if name == "template" and arg in ITEM_TYPES:
            return template_markdown(arg)
        return match.group(0)

    return MARKER.sub(expand, markdown)
