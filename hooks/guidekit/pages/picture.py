"""The guide as a picture: 问题 → 成因 → 创新举措 → 实践案例 in four columns, drawn as SVG at build time.

A layered layout needs no graph library here: the four layers are the item types,
so only the order inside each column is computed (a few barycentre sweeps, the
classic Sugiyama step, to reduce crossing edges). The SVG is inline, every node
is a link to its page, and nothing is fetched at view time.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..adapters import mkdocs_api
from ..adapters.mkdocs_api import get_relative_url
from ..core.graph import Graph
from ..core.model import ITEM_TYPES

LAYERS: tuple[str, ...] = ("problems", "causes", "measures", "cases")
FORWARD_KEYS: tuple[str, ...] = ("causes", "addresses", "applies")

NODE_WIDTH = 196
NODE_HEIGHT = 30
COLUMN_GAP = 64
ROW_GAP = 8
HEADER = 34
LABEL_CHARS = 13
SWEEPS = 6


@dataclass(frozen=True)
class Placed:
    item_id: str
    column: int
    row: int


def picture_edges(graph: Graph, ids: set[str]) -> list[tuple[str, str]]:
    """Relations between the given items, as written (owner -> target)."""
    return [(owner, target) for owner in sorted(ids) for key in FORWARD_KEYS
            for target in graph.links(owner, key) if target in ids]


def order_columns(graph: Graph, ids: set[str], edges: list[tuple[str, str]],
                  sweeps: int = SWEEPS) -> list[list[str]]:
    """Items per layer, ordered so that linked items sit at similar heights."""
    columns = [sorted(i for i in ids if graph.items[i].folder == layer) for layer in LAYERS]
    neighbours: dict[str, list[str]] = {i: [] for i in ids}
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)

    def barycentre(item: str, rank: dict[str, float], fallback: float) -> float:
        known = [rank[n] for n in neighbours[item] if n in rank]
        return sum(known) / len(known) if known else fallback

    def by_barycentre(column: list[str], rank: dict[str, float]) -> list[str]:
        here = {item: pos / max(len(column), 1) for pos, item in enumerate(column)}
        return sorted(column, key=lambda i: (barycentre(i, rank, here[i]), i))

    for sweep in range(sweeps):
        order = range(1, len(columns)) if sweep % 2 == 0 else range(len(columns) - 2, -1, -1)
        for index in order:
            rank = {item: pos / max(len(col), 1) for c, col in enumerate(columns) if c != index
                    for pos, item in enumerate(col)}
            columns[index] = by_barycentre(columns[index], rank)
    return columns


def item_url(graph: Graph, item_id: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the item's page (`problems/x/` or `problems/x.html`)."""
    return mkdocs_api.page_url(graph.items[item_id].path, use_directory_urls)  # cached there


def relative_url(from_page_url: str, to_url: str) -> str:
    """A link from the page served at `from_page_url` to `to_url` (both site-relative), by MkDocs."""
    return get_relative_url(to_url, from_page_url or ".")


def _label(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1] + "…"


def render_svg(graph: Graph, ids: set[str], page_url: str, use_directory_urls: bool,
               highlight: str | None = None, label: str = "") -> str:
    """An inline SVG of the given items and the relations between them."""
    edges = picture_edges(graph, ids)
    # one item's neighbourhood is a star: a single sweep orders it; the whole guide needs more
    columns = order_columns(graph, ids, edges, sweeps=1 if highlight else SWEEPS)
    used = [c for c in range(len(LAYERS)) if columns[c]]
    x_of = {c: 8 + k * (NODE_WIDTH + COLUMN_GAP) for k, c in enumerate(used)}
    tallest = max(len(columns[c]) for c in used)
    height = HEADER + tallest * (NODE_HEIGHT + ROW_GAP) + 8
    width = 8 + len(used) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + 8
    place: dict[str, tuple[float, float]] = {}
    for c in used:
        offset = (tallest - len(columns[c])) * (NODE_HEIGHT + ROW_GAP) / 2
        for row, placed in enumerate(columns[c]):
            place[placed] = (x_of[c], HEADER + offset + row * (NODE_HEIGHT + ROW_GAP))

    parts = [f'<svg class="guide-graph__svg" viewBox="0 0 {width} {height:.0f}" width="{width}" '
             f'height="{height:.0f}" role="group" aria-label="{escape(label)}">']
    for c in used:
        folder = LAYERS[c]
        parts.append(f'<text class="guide-graph__layer guide-graph__layer--{folder}" x="{x_of[c] + NODE_WIDTH / 2}" '
                     f'y="20" text-anchor="middle">{ITEM_TYPES[folder].label}</text>')
    for owner, target in edges:
        (ox, oy), (tx, ty) = place[owner], place[target]
        left, right = ((ox, oy), (tx, ty)) if ox < tx else ((tx, ty), (ox, oy))
        x1, y1 = left[0] + NODE_WIDTH, left[1] + NODE_HEIGHT / 2
        x2, y2 = right[0], right[1] + NODE_HEIGHT / 2
        bend = (x2 - x1) / 2
        near = " guide-graph__edge--near" if highlight in (owner, target) else ""
        up, down = flow(graph, owner, target)
        parts.append(f'<path class="guide-graph__edge{near}" data-up="{up}" data-down="{down}" '
                     f'd="M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} '
                     f'{x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"/>')
    for item_id, (x, y) in place.items():
        item = graph.items[item_id]
        href = relative_url(page_url, item_url(graph, item_id, use_directory_urls))
        current = " guide-graph__node--current" if item_id == highlight else ""
        parts.append(
            f'<a class="guide-graph__node guide-graph__node--{item.folder}{current}" href="{escape(href)}" '
            f'data-id="{item_id}">'
            f"<title>{escape(item.title)}</title>"
            f'<rect x="{x}" y="{y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="4"/>'
            f'<text x="{x + 8}" y="{y + NODE_HEIGHT / 2 + 5:.0f}">{escape(_label(item.title))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def flow(graph: Graph, owner: str, target: str) -> tuple[str, str]:
    """A relation in reading order (问题 → 成因 → 创新举措 → 实践案例): (upstream, downstream)."""
    return (owner, target) if graph.items[owner].folder == "problems" else (target, owner)


def overview_list(graph: Graph, page_url: str, use_directory_urls: bool) -> str:
    """The picture's content as a list, for a phone: each problem opens to its chain."""
    links: dict[str, str] = {}  # an item stands under many problems: its link is written once

    def link(item_id: str) -> str:
        if item_id not in links:
            href = relative_url(page_url, item_url(graph, item_id, use_directory_urls))
            links[item_id] = f'<a href="{escape(href)}">{escape(graph.items[item_id].title)}</a>'
        return links[item_id]

    def group(label: str, ids: list[str]) -> str:
        if not ids:
            return ""
        return (f'<p class="guide-graph-list__label">{label}</p><ul>'
                + "".join(f"<li>{link(i)}</li>" for i in ids) + "</ul>")

    parts = ['<div class="guide-graph-list" data-search-exclude>'
             '<p class="guide-graph-list__intro">按问题展开，查看它的成因、应对举措和实践案例：</p>']
    for problem in sorted(graph.by_folder("problems"), key=lambda i: i.path):
        causes = [c for c in graph.links(problem.id, "causes") if c in graph.items]
        measures = list(dict.fromkeys([*graph.backlinks(problem.id, "addresses"),
                                       *(m for c in causes for m in graph.backlinks(c, "addresses"))]))
        cases = list(dict.fromkeys(c for m in measures for c in graph.backlinks(m, "applies")))
        parts.append(f"<details><summary>{escape(problem.title)}</summary>"
                     f'<p class="guide-graph-list__open">{link(problem.id)}</p>'
                     f'{group(ITEM_TYPES["causes"].label, causes)}{group(ITEM_TYPES["measures"].label, measures)}'
                     f'{group(ITEM_TYPES["cases"].label, cases)}</details>')
    parts.append("</div>")
    return "".join(parts)


def overview_picture(graph: Graph, page_url: str, use_directory_urls: bool) -> str:
    """The whole guide's graph, in a scrollable figure (the page itself never gets wider)."""
    ids = {i for i, item in graph.items.items() if item.folder in LAYERS}
    if not ids:
        return ""
    label = "关系图：问题、成因、创新举措、实践案例四列，线条表示它们之间的关系，每个方块都链接到对应页面。"
    svg = render_svg(graph, ids, page_url, use_directory_urls, label=label)
    return (f'<figure class="guide-graph guide-graph--overview" data-search-exclude data-guide-graph>'
            f'<div class="guide-graph__scroll" tabindex="0" role="region" aria-label="关系图，可左右滚动">{svg}</div>'
            '<figcaption>点击方块（或用 Tab 选中后按回车）突出与它相连的条目，再点一次打开对应页面；'
            "按 Esc 取消。</figcaption>"
            '<div class="guide-graph__selection" role="status"></div></figure>'
            + overview_list(graph, page_url, use_directory_urls))


def neighbourhood_picture(graph: Graph, item_id: str, page_url: str, use_directory_urls: bool) -> str:
    """One item with the items it links to and the items that link to it."""
    if graph.items[item_id].folder not in LAYERS:
        return ""
    ids = {item_id}
    for key in FORWARD_KEYS:
        ids.update(graph.links(item_id, key))
        ids.update(graph.backlinks(item_id, key))
    ids = {i for i in ids if graph.items[i].folder in LAYERS}
    if len(ids) < 2:
        return ""
    label = f"“{graph.items[item_id].title}”及与它直接相关的条目"
    svg = render_svg(graph, ids, page_url, use_directory_urls, highlight=item_id, label=label)
    scroll = '<div class="guide-graph__scroll" tabindex="0" role="region" aria-label="本页关系图，可左右滚动">'
    return ('<figure class="guide-graph guide-graph--local" data-search-exclude>'
            f"{scroll}{svg}</div>"
            "<figcaption>本页（加粗框）与直接相关的条目。</figcaption></figure>")
