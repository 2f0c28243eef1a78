"""The one Markdown reader: a page body as the blocks a reader sees, each with its line.

Every check and generated page that needs the structure of a page (its sections, the
statements in them, their footnotes, task items, admonitions) reads it here, so no two
parts of the build can disagree about where a section starts or whether a line is code.

It is markdown-it-py with mdit-py-plugins (footnotes, admonitions, task lists), configured
to read what this guide writes the way Python-Markdown and pymdown-extensions render it:

- lists nest by four spaces; a list or a table does not interrupt a paragraph (it needs a
  blank line before it, as in Python-Markdown), except inside a list, where items follow
  one another line by line;
- admonitions `!!! type "标题"`, collapsible `??? type "标题"` and open `???+ type "标题"`,
  their content indented four spaces;
- footnote references `[^id]` count only where they render as references: never in a code
  span, a fenced block, an HTML comment or the text of a link;
- fences of backticks or tildes of any length, closed only by the same character at least
  as long (a `~~~` line inside a ``` block is code);
- attribute lists (`{ #id }`, `{: .class }`) at the end of a heading or paragraph are not text.

The unit is the statement: a paragraph, a list item (its own paragraphs; nested items are
blocks of their own), a block quote (all of it), a table row. Headings, fences, raw HTML,
footnote definitions and admonition openings are blocks too, so a caller can see them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

# The kinds of statement a reader takes as one claim (what the citation rule looks at).
STATEMENT_KINDS: frozenset[str] = frozenset({"paragraph", "list_item", "blockquote", "table"})

# `{ #id }`, `{: .class key=value }` closing a heading or a paragraph (Python-Markdown's attr_list).
ATTRIBUTE_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?:[#.][^\s{}]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+))"
                            r"(?:[ \t]+(?:[#.][^\s{}]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+)))*[ \t]*\}[ \t]*$")


@dataclass(frozen=True)
class Block:
    """One unit a reader sees, with where it stands in the file."""

    kind: str  # paragraph | list_item | blockquote | table | table_head | heading | fence | html
    #            | footnote_def | admonition
    line: int  # 1-based line in the file where it starts
    end_line: int  # 1-based last line
    source: str  # the Markdown source lines of the block
    text: str  # what a reader reads: inline rendered to plain text, code spans kept as text
    footnotes: tuple[str, ...] = ()  # footnote names referenced where they render as references
    task: bool = False  # a task-list item `- [ ] …`
    container: tuple[str, ...] = ()  # titles of the enclosing admonitions, outermost first
    collapsed: bool = False  # inside (or, for an admonition, itself) a `???` block, not `???+`
    level: int = 0  # a heading's level (1–6)
    name: str = ""  # an admonition's type (note, tip…); a footnote definition's name
    bold: bool = False  # a paragraph set wholly in bold (`**…**`), as run-in headings are
    links: tuple[str, ...] = ()  # the addresses of the links it carries


@dataclass(frozen=True)
class Section:
    """A heading and everything until the next heading of the same or a higher level."""

    title: str  # the heading's text, attribute list stripped
    level: int
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A page body read once: its blocks in the order they stand."""

    blocks: tuple[Block, ...]
    first_line: int = 1
    _headings: tuple[int, ...] = field(default=(), repr=False)  # indexes of the section headings

    def sections(self, level: int = 2) -> list[Section]:
        """The sections opened by headings of `level` outside admonitions, in order."""
        found: list[Section] = []
        for position, index in enumerate(self._headings):
            heading = self.blocks[index]
            if heading.level != level:
                continue
            end = len(self.blocks)
            for later in self._headings[position + 1:]:
                if self.blocks[later].level <= level:
                    end = later
                    break
            found.append(Section(heading.text, level, heading.line, self.blocks[index + 1:end]))
        return found

    def preamble(self) -> tuple[Block, ...]:
        """The blocks before the first section heading."""
        return self.blocks[:self._headings[0]] if self._headings else self.blocks

    def section(self, title: str, level: int = 2) -> Section | None:
        """The first section of that title, or None."""
        return next((s for s in self.sections(level) if s.title == title), None)


BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _not_interrupting_paragraphs(rule: BlockRule) -> BlockRule:
    """A list rule that, outside lists, needs a blank line before it (as Python-Markdown does)."""

    def list_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent and state.parentType == "paragraph" and state.listIndent < 0:
            return False
        return bool(rule(state, start, end, silent))

    return list_rule


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin).use(admon_plugin).use(tasklists_plugin)
    md.core.ruler.disable("footnote_tail")  # keep each definition where it is written, with its line
    rules = {rule.name: rule for rule in md.block.ruler.__rules__}
    md.block.ruler.at("list", _not_interrupting_paragraphs(rules["list"].fn),
                      {"alt": list(rules["list"].alt)})
    md.block.ruler.at("table", rules["table"].fn, {"alt": [a for a in rules["table"].alt if a != "paragraph"]})
    return md


@dataclass
class _Inline:
    """Plain text, rendered footnotes and links of some inline content."""

    parts: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def add(self, token: Token) -> None:
        children = token.children
        if not children:
            return
        parts = self.parts
        link_depth = 0
        for position, child in enumerate(children):
            kind = child.type  # the common kinds first: this loop sees every inline token of the page
            if kind == "text" or kind == "code_inline" or kind == "image":
                parts.append(child.content)
            elif kind == "softbreak":
                parts.append(" ")
            elif kind == "link_open":
                link_depth += 1
                self.links.append(str(child.attrGet("href") or ""))
            elif kind == "link_close":
                link_depth -= 1
            elif kind == "hardbreak":
                parts.append("\n")
            elif kind == "footnote_ref" and link_depth == 0 and not _in_link_text(children, position):
                label = (child.meta or {}).get("label")
                if label and label not in self.footnotes:
                    self.footnotes.append(label)

    def text(self) -> str:
        joined = "".join(self.parts)
        return (ATTRIBUTE_LIST.sub("", joined) if "{" in joined else joined).strip()


LINK_TAIL = re.compile(r"^\]\((?P<href>[^()\s]*)")


def _in_link_text(children: list[Token], position: int) -> bool:
    """Whether a footnote reference stands in the text of a link (`[说明[^s1]](x.md)`).

    markdown-it reads such a link as text around a reference; Python-Markdown renders a link
    with the reference inside its text. Either way it is no citation a reader can follow.
    """
    before = children[position - 1] if position else None
    after = children[position + 1] if position + 1 < len(children) else None
    if before is None or after is None or before.type != "text" or after.type != "text":
        return False
    opened = before.content.rfind("[")
    return opened >= 0 and "]" not in before.content[opened:] and bool(LINK_TAIL.match(after.content))


def _is_bold(token: Token) -> bool:
    """Whether inline content is one `**…**` run and nothing else."""
    children = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    if len(children) < 2 or children[0].type != "strong_open" or children[-1].type != "strong_close":
        return False
    depth = 0
    for child in children[:-1]:
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if depth == 0:
            return False
    return True


@dataclass
class _Open:
    """A block being collected: the unit the next inline content belongs to."""

    kind: str
    token: Token
    container: tuple[str, ...]
    collapsed: bool
    inline: _Inline = field(default_factory=_Inline)
    task: bool = False
    bold: bool = False
    name: str = ""
    absorbing: bool = False  # a quote or footnote definition: everything inside is its text


class _Reader:
    def __init__(self, body: str, first_line: int) -> None:
        self.lines = body.split("\n")
        self.first_line = first_line
        self.blocks: list[tuple[int, Block]] = []  # (token index, block): in token order
        self.headings: list[int] = []

    def _lines(self, token: Token) -> tuple[int, int, str]:
        start, end = token.map or (0, 1)
        end = max(end, start + 1)
        while end - 1 > start and not self.lines[end - 1].strip():  # trailing blank lines
            end -= 1
        return start + self.first_line, end - 1 + self.first_line, "\n".join(self.lines[start:end])

    def emit(self, index: int, kind: str, token: Token, container: tuple[str, ...], collapsed: bool,
             **fields: object) -> None:
        line, end_line, source = self._lines(token)
        self.blocks.append((index, Block(kind, line, end_line, source, container=container,
                                         collapsed=collapsed, **fields)))  # type: ignore[arg-type]

    def close(self, index: int, unit: _Open) -> None:
        text = unit.inline.text()
        if unit.kind == "paragraph" and not text and not unit.inline.footnotes:
            return  # a line that was only an attribute list
        self.emit(index, unit.kind, unit.token, unit.container, unit.collapsed, text=text,
                  footnotes=tuple(unit.inline.footnotes), task=unit.task, bold=unit.bold, name=unit.name,
                  links=tuple(unit.inline.links))

    def read(self, tokens: list[Token]) -> Document:
        stack: list[_Open] = []
        titles: list[tuple[str, bool]] = []  # open admonitions: (title, collapsed)
        pending_heading: tuple[int, Token] | None = None
        # Kept up to date as admonitions and absorbing units open and close (read once per token).
        container: tuple[str, ...] = ()  # the open admonitions' titles, outermost first
        collapsed = False  # inside a folded admonition
        absorber: _Open | None = None  # the outermost open quote or footnote definition

        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "inline":
                self._inline(index, token, tokens, stack, absorber, pending_heading, container, collapsed)
                pending_heading = None
            elif kind in ("paragraph_open", "paragraph_close", "bullet_list_open", "bullet_list_close",
                          "ordered_list_open", "ordered_list_close", "heading_close", "thead_open", "thead_close",
                          "tbody_open", "tbody_close", "th_open", "th_close", "td_open", "td_close",
                          "table_open", "table_close"):
                continue
            elif kind == "admonition_open":
                folded = token.markup.startswith("?") and not token.markup.endswith("+")
                self.emit(index, "admonition", token, container, collapsed or folded,
                          text=token.content, name=str((token.meta or {}).get("tag", "")))
                titles.append((token.content, folded))
                container, collapsed = container + (token.content,), collapsed or folded
            elif kind == "admonition_close":
                titles.pop()
                container = tuple(title for title, _ in titles)
                collapsed = any(folded for _, folded in titles)
            elif kind in ("admonition_title_open", "admonition_title_close"):
                continue
            elif kind in ("blockquote_open", "footnote_reference_open") and absorber is None:
                unit_kind = "blockquote" if kind == "blockquote_open" else "footnote_def"
                absorber = _Open(unit_kind, token, container, collapsed, absorbing=True,
                                 name=str((token.meta or {}).get("label", "")))
                stack.append(absorber)
            elif kind in ("blockquote_close", "footnote_reference_close"):
                if stack and stack[-1].absorbing and stack[-1].token.type == kind.replace("_close", "_open") \
                        and stack[-1].token.level == token.level:
                    self.close(index, stack.pop())
                    absorber = next((unit for unit in stack if unit.absorbing), None)
            elif kind == "list_item_open" and absorber is None:
                is_task = "task-list-item" in str(token.attrGet("class") or "")
                stack.append(_Open("list_item", token, container, collapsed, task=is_task))
            elif kind == "list_item_close" and absorber is None:
                if stack and stack[-1].kind == "list_item":
                    self.close(index, stack.pop())
            elif kind == "tr_open" and absorber is None:
                in_head = any(t.type == "thead_open" for t in tokens[max(0, index - 2):index])
                stack.append(_Open("table_head" if in_head else "table", token, container, collapsed))
            elif kind == "tr_close" and absorber is None:
                if stack and stack[-1].kind.startswith("table"):
                    self.close(index, stack.pop())
            elif kind == "heading_open":
                pending_heading = (index, token)
            elif kind in ("fence", "code_block"):
                self.emit(index, "fence", token, container, collapsed, text=token.content,
                          name=token.info.strip())
            elif kind == "html_block":
                self.emit(index, "html", token, container, collapsed, text=_html_text(token.content))
        self.blocks.sort(key=lambda pair: (pair[1].line, pair[0]))
        blocks = tuple(block for _, block in self.blocks)
        headings = tuple(i for i, b in enumerate(blocks) if b.kind == "heading" and not b.container)
        return Document(blocks, self.first_line, headings)

    def _inline(self, index: int, token: Token, tokens: list[Token], stack: list[_Open], absorber: _Open | None,
                pending_heading: tuple[int, Token] | None, container: tuple[str, ...], collapsed: bool) -> None:
        if absorber is not None:
            absorber.inline.add(token)
            return
        if pending_heading is not None:
            _, heading = pending_heading
            inline = _Inline()
            inline.add(token)
            self.emit(index, "heading", heading, container, collapsed, text=inline.text(),
                      footnotes=tuple(inline.footnotes), level=int(heading.tag[1]), links=tuple(inline.links))
            return
        parent = tokens[index - 1] if index else None
        innermost = stack[-1] if stack else None
        if innermost is not None and innermost.kind.startswith("table"):
            innermost.inline.add(token)
            innermost.inline.parts.append(" ")
            return
        # A paragraph directly in a list item is the item's text; elsewhere it is a paragraph of its own.
        item_is_parent = innermost is not None and innermost.kind == "list_item" \
            and parent is not None and parent.type == "paragraph_open" \
            and parent.level == innermost.token.level + 1
        if item_is_parent and innermost is not None:
            if innermost.inline.parts:
                innermost.inline.parts.append("\n")
            innermost.inline.add(token)
            return
        if parent is not None and parent.type == "paragraph_open":
            unit = _Open("paragraph", parent, container, collapsed, bold=_is_bold(token))
            unit.inline.add(token)
            self.close(index, unit)


def _html_text(html: str) -> str:
    """The words of a raw HTML block (comments and tags are not read)."""
    without_comments = re.sub(r"<!--.*?(?:-->|$)", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]*>", " ", without_comments).split())


# The section, voice, note and self-check rules (and the self-check page) read the same page: each body
# is parsed once, at the first line its first caller gives, and kept for the whole build (a guide of a few
# thousand pages fits; under `mkdocs serve` the oldest bodies are dropped when an editor has saved often).
_PARSED: dict[str, Document] = {}
_PARSED_LIMIT = 8192


def read(body: str, first_line: int = 1) -> Document:
    """Read a page body (front matter already split off); `first_line`: the body's first line in the file."""
    document = _PARSED.get(body)
    if document is None:
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        document = _PARSED[body] = _Reader(body, first_line).read(_parser().parse(body, {}))
    return document if document.first_line == first_line else _shifted(body, first_line)


def read_as_parsed(body: str) -> Document:
    """The body as it was first read, at whatever line that caller gave (`first_line` says which):
    for a caller that wants the blocks' text and order, or lines counted within the body, and not
    the file's line numbers (no renumbered copy is made)."""
    return _PARSED.get(body) or read(body)


@lru_cache(maxsize=_PARSED_LIMIT)
def _shifted(body: str, first_line: int) -> Document:
    """The same body's blocks at other line numbers (a caller that counts from the body's own first line)."""
    document = _PARSED[body]
    shift = first_line - document.first_line
    blocks = tuple(replace(b, line=b.line + shift, end_line=b.end_line + shift) for b in document.blocks)
    return Document(blocks, first_line, document._headings)


def statements(blocks: tuple[Block, ...] | list[Block]) -> Iterator[Block]:
    """The blocks a reader takes as statements (paragraphs, list items, quotes, table rows)."""
    return (block for block in blocks if block.kind in STATEMENT_KINDS)
