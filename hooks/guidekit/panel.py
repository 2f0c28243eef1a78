"""The related-items panel and citation block of an item page: what the template shows."""

from __future__ import annotations

from dataclasses import dataclass

from .graph import Graph, Item
from .model import CONTENT_TYPES, RELATIONS, SOURCE_FIELDS, relations_of


@dataclass(frozen=True)
class PanelEntry:
    id: str
    title: str
    summary: str
    path: str
    folder: str
    type_label: str
    detail: str = ""


@dataclass(frozen=True)
class PanelSection:
    key: str
    label: str
    entries: tuple[PanelEntry, ...]


def _entry(item: Item) -> PanelEntry:
    detail = ""
    if item.folder == "sources":
        meta = item.page.meta
        detail = " · ".join(str(meta[k]) for k in SOURCE_FIELDS if k != "kind" and meta.get(k))
    return PanelEntry(item.id, item.title, item.summary, item.path, item.folder,
                      item.type_label, detail)


def related_sections(graph: Graph, item_id: str) -> list[PanelSection]:
    """What an item page shows about its neighbours: written links, then derived ones."""
    item = graph.items[item_id]
    sections: list[PanelSection] = []
    for relation in relations_of(item.folder):
        if relation.key == "sources":
            continue
        ids = graph.links(item_id, relation.key)
        if ids:
            sections.append(PanelSection(relation.key, relation.label,
                                         tuple(_entry(graph.items[i]) for i in ids)))
    for key in RELATIONS:
        ids = graph.backlinks(item_id, key)
        if ids:
            ordered = sorted(ids, key=lambda i: (CONTENT_TYPES.index(graph.items[i].folder),
                                                 graph.items[i].path))
            sections.append(PanelSection(f"reverse-{key}", RELATIONS[key].reverse_label,
                                         tuple(_entry(graph.items[i]) for i in ordered)))
    return sections


def source_entries(graph: Graph, item_id: str) -> list[PanelEntry]:
    """The sources an item draws on, for its citation block."""
    return [_entry(graph.items[i]) for i in graph.links(item_id, "sources")]
