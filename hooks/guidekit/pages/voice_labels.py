"""The guide's own advice, labelled once: a small “本指南的建议” under each guide-voice section heading.

Which sections speak in the guide's voice is declared once in the model (model.PAGE_SECTIONS);
the hook runs this on an item page's rendered HTML, so the label needs nothing from the editor
and cannot drift from the rules the build checks. The markup is the guide's allowlisted kind:
a paragraph with a class and a `data-guide-…` attribute whose value is a name.
"""

from __future__ import annotations

import html
import re

from ..core.model import GUIDE_VOICE, GUIDE_VOICE_LABEL, PAGE_SECTIONS

H2 = re.compile(r"<h2\b[^>]*>(?P<inner>.*?)</h2>", re.S)
TAG = re.compile(r"<[^>]*>")
PERMALINK = re.compile(r"<a\b[^>]*\bheaderlink\b[^>]*>.*?</a>", re.S)
LABEL = f'<p class="guide-voice" data-guide-voice="{GUIDE_VOICE}">{GUIDE_VOICE_LABEL}</p>'


def heading_text(inner_html: str) -> str:
    """What a heading says, without its permalink sign or markup."""
    return html.unescape(TAG.sub("", PERMALINK.sub("", inner_html))).strip()


def guide_sections(folder: str) -> frozenset[str]:
    return frozenset(s.title for s in PAGE_SECTIONS.get(folder, ()) if s.voice == GUIDE_VOICE)


def label_guide_sections(page_html: str, folder: str) -> str:
    """The page with the label right after each guide-voice h2 (each section once)."""
    titles = guide_sections(folder)
    labelled: set[str] = set()

    def label(match: re.Match[str]) -> str:
        title = heading_text(match["inner"])
        if title not in titles or title in labelled:
            return match.group(0)
        labelled.add(title)
        return match.group(0) + LABEL

    return H2.sub(label, page_html)
