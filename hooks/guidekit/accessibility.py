"""Small HTML fixes so every control has a name a screen reader can announce.

The page is read with the standard library's HTML parser, which finds the tags
whatever their attribute order or spacing; each fix is then a small insertion at
the offset the parser reported, so everything else stays byte for byte as
Markdown wrote it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

LABEL_MAX_CHARS = 60
NEWLINE = re.compile("\n")

# Heading permalinks and footnote back-links carry a title for screen readers; with
# Material's content.tooltips every title becomes a tooltip component mounted at load,
# which on a long page cost ~200 ms of main-thread time. aria-label names them the same.
TITLED_LINK_CLASSES: frozenset[str] = frozenset({"headerlink", "footnote-backref"})


def _classes(attrs: list[tuple[str, str | None]]) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


@dataclass
class _TaskItem:
    insert_at: int | None = None  # where the checkbox's aria-label goes
    text: list[str] = field(default_factory=list)
    collecting: bool = False  # after the checkbox's label, until a nested list or the item's end
    footnote_depth: int = 0


class _Locator(HTMLParser):
    """Finds tags by parsing and remembers (offset, text to insert) edits."""

    def __init__(self, source: str, tasks: bool, titles: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.tasks, self.titles = tasks, titles
        self.wanted = ({"li", "ul", "ol", "label", "input", "sup"} if tasks else set()) | ({"a"} if titles else set())
        self.line_starts = [0, *(m.end() for m in NEWLINE.finditer(source))]
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
        self.items: list[_TaskItem] = []
        self.finished: list[_TaskItem] = []
        self.label_depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _current(self) -> _TaskItem | None:
        return self.items[-1] if self.items else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.wanted:
            return
        raw = self.get_starttag_text() or ""
        start = self._offset()
        classes = _classes(attrs)
        if self.titles and tag == "a" and classes & TITLED_LINK_CLASSES and " title=" in raw:
            self.edits.append((start, start + len(raw), raw.replace(" title=", " aria-label=", 1)))
        if not self.tasks:
            return
        item = self._current()
        if tag == "li":
            if item is not None:
                item.collecting = False
            self.items.append(_TaskItem() if "task-list-item" in classes else _TaskItem(insert_at=-1))
        elif tag in ("ul", "ol") and item is not None:
            item.collecting = False
        elif tag == "label" and "task-list-control" in classes and item is not None and item.insert_at is None:
            self.label_depth = 1
        elif tag == "input" and self.label_depth and item is not None and item.insert_at is None \
                and (dict(attrs).get("type") or "").lower() == "checkbox":
            prefix = '<input type="checkbox"'
            at = len(prefix) if raw.startswith(prefix) else len(raw) - (2 if raw.endswith("/>") else 1)
            item.insert_at = start + at
        elif tag == "sup" and item is not None and (item.footnote_depth or (
                item.collecting and (dict(attrs).get("id") or "").startswith("fnref"))):
            item.footnote_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("li", "ul", "ol", "label", "sup"):
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        item = self._current()
        if item is None or tag not in self.wanted:
            return
        if tag == "label" and self.label_depth:
            self.label_depth = 0
            item.collecting = item.insert_at is not None and item.insert_at >= 0
        elif tag == "sup" and item.footnote_depth:
            item.footnote_depth -= 1
        elif tag == "li":
            self.finished.append(self.items.pop())

    def handle_data(self, data: str) -> None:
        item = self._current()
        if item is not None and item.collecting and not item.footnote_depth:
            item.text.append(data)

    def close(self) -> None:
        super().close()
        self.finished.extend(self.items)
        for item in self.finished:
            if item.insert_at is not None and item.insert_at >= 0:
                name = _shorten("".join(item.text)) or "清单项"
                self.edits.append((item.insert_at, item.insert_at, f' aria-label="{html.escape(name, quote=True)}"'))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_MAX_CHARS else text[: LABEL_MAX_CHARS - 1] + "…"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.footnote_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and (self.footnote_depth or (dict(attrs).get("id") or "").startswith("fnref")):
            self.footnote_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self.footnote_depth:
            self.footnote_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.footnote_depth:
            self.parts.append(data)


def item_label(fragment: str) -> str:
    """A checkbox's name from its item's HTML: the text without footnote marks, at most 60 characters."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return _shorten("".join(parser.parts))


def _apply(page_html: str, tasks: bool, titles: bool) -> str:
    locator = _Locator(page_html, tasks, titles)
    locator.feed(page_html)
    locator.close()
    out, position = [], 0
    for start, end, replacement in sorted(locator.edits):
        out.append(page_html[position:start])
        out.append(replacement)
        position = end
    out.append(page_html[position:])
    return "".join(out)


def label_task_checkboxes(page_html: str) -> str:
    """Give each task-list checkbox the text of its item as its accessible name (parses the page)."""
    return _apply(page_html, tasks=True, titles=False)


class _Tag(HTMLParser):
    """Reads one start tag: its name and attributes, however they are ordered or quoted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag = self.tag or (tag, dict(attrs))


def _read_tag(text: str) -> tuple[str, dict[str, str | None]] | None:
    reader = _Tag()
    reader.feed(text)
    reader.close()
    return reader.tag


def titles_to_labels(page_html: str) -> str:
    """Heading permalinks and footnote back-links: the title attribute becomes aria-label.

    Every page has them, so the page is not parsed as a whole: each place a class name
    occurs, the tag around it is read by the parser, and only a real `<a>` of that class
    with a title is changed (a mention in the text or in a code example is not).
    """
    edits: dict[int, tuple[int, str]] = {}
    for name in TITLED_LINK_CLASSES:
        position = page_html.find(name)
        while position != -1:
            start = page_html.rfind("<", 0, position)
            end = page_html.find(">", position)
            if start != -1 and end != -1 and start not in edits:
                raw = page_html[start : end + 1]
                tag = _read_tag(raw)
                if tag and tag[0] == "a" and name in (tag[1].get("class") or "").split() \
                        and "title" in tag[1] and " title=" in raw:
                    edits[start] = (end + 1, raw.replace(" title=", " aria-label=", 1))
            position = page_html.find(name, position + len(name))
    out, done = [], 0
    for start in sorted(edits):
        end, replacement = edits[start]
        out.append(page_html[done:start])
        out.append(replacement)
        done = end
    out.append(page_html[done:])
    return "".join(out)
