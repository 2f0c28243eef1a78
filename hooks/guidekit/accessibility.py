"""Small HTML fixes so every control has a name a screen reader can announce."""

from __future__ import annotations

import html
import re

# pymdownx.tasklist (custom_checkbox) renders the checkbox in a label with no text of its own.
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")'
    r'([^>]*>.*?</label>)(?P<text>.*?)(?=</li>|<ul|<ol)',
    re.S,
)
FOOTNOTE_REF = re.compile(r'<sup id="fnref[^"]*">.*?</sup>', re.S)
TAG = re.compile(r"<[^>]+>")

LABEL_MAX_CHARS = 60


def item_label(fragment: str) -> str:
    text = html.unescape(TAG.sub("", FOOTNOTE_REF.sub("", fragment)))
    text = " ".join(text.split())
    return text if len(text) <= LABEL_MAX_CHARS else text[: LABEL_MAX_CHARS - 1] + "…"


def label_task_checkboxes(page_html: str) -> str:
    """Give each task-list checkbox the text of its item as its accessible name."""

    def label(match: re.Match[str]) -> str:
        name = item_label(match["text"]) or "清单项"
        return f'{match[1]} aria-label="{html.escape(name, quote=True)}"{match[2]}{match["text"]}'

    return TASK_ITEM.sub(label, page_html)


# Heading permalinks and footnote back-links carry a title for screen readers; with
# Material's content.tooltips every title becomes a tooltip component mounted at load,
# which on a long page cost ~200 ms of main-thread time. aria-label names them the same.
TITLED_LINK = re.compile(r'(<a class="(?:headerlink|footnote-backref)" href="[^"]*") title=')


def titles_to_labels(page_html: str) -> str:
    return TITLED_LINK.sub(r"\1 aria-label=", page_html)
