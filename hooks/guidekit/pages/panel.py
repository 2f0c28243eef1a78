"""The related-items panel and citation block of an item page: what the template shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TypedDict

from ..adapters.mkdocs_api import get_relative_url
from ..core.evidence import application_of, grade_badge_html, grade_text_html, item_rating, reason_html
from ..core.graph import Graph, Item
from ..core.model import (
    CONTENT_TYPES,
    MEASURE_CHOICES,
    MEASURE_FIELD_LABELS,
    RELATIONS,
    SOURCE_FIELDS,
    relations_of,
)
from ..core.plain_text import markdown_text
from .pages import EVIDENCE_PAGE
from .picture import neighbourhood_picture


@dataclass(frozen=True)
class PanelEntry:
    id: str
    title: str
    summary: str
    path: str
    folder: str
    type_label: str
    detail: str = ""
    grade: str = ""  # for a case applying a measure: the grade as text (markup) and the reason
    why: str = ""


@dataclass(frozen=True)
class PanelSection:
    key: str
    label: str
    entries: tuple[PanelEntry, ...]


# What the item templates receive as `guide_item` (overrides/main.html, partials/guide-related.html).

class LinkedEntry(TypedDict):
    """A PanelEntry with the site URL of its page."""

    id: str
    title: str
    summary: str
    path: str
    folder: str
    type_label: str
    detail: str
    grade: str
    why: str
    url: str


class SectionContext(TypedDict):
    key: str
    label: str
    entries: list[LinkedEntry]


class MeasureFact(TypedDict):
    key: str
    label: str
    value: str
    meaning: str
    url: str  # the explanation of the values ("" without one)


class ItemContext(TypedDict):
    grade: str  # the badge (markup), "" for a type without grades
    reason: str
    facts: list[MeasureFact]
    id: str
    folder: str
    type_label: str
    sections: list[SectionContext]
    sources: list[LinkedEntry]
    picture: str  # inline SVG


def _entry(graph: Graph, item_id: str) -> PanelEntry:
    """The item as a panel lists it: the same on every page that lists it, so made once per graph."""
    return graph.remember("panel_entry", item_id, lambda: _make_entry(graph.items[item_id]))


def _make_entry(item: Item) -> PanelEntry:
    detail = ""
    if item.folder == "sources":
        meta = item.page.meta
        detail = " · ".join(str(meta[k]) for k in SOURCE_FIELDS if k != "kind" and meta.get(k))
    return PanelEntry(item.id, item.title, item.summary, item.path, item.folder,
                      item.type_label, detail)


def _with_application(graph: Graph, entry: PanelEntry, case_id: str, measure_id: str) -> PanelEntry:
    """A case—measure entry carries that application's grade and reason."""
    application = application_of(graph, case_id, measure_id)
    if application is None:
        return entry
    return replace(entry, grade=grade_text_html(application.grade), why=application.why)


def related_sections(graph: Graph, item_id: str) -> list[PanelSection]:
    """What an item page shows about its neighbours: written links, then derived ones."""
    item = graph.items[item_id]
    sections: list[PanelSection] = []
    for relation in relations_of(item.folder):
        if relation.key == "sources":
            continue
        ids = graph.links(item_id, relation.key)
        entries = [_entry(graph, i) for i in ids]
        if relation.key == "applies":
            entries = [_with_application(graph, e, item_id, e.id) for e in entries]
        if ids:
            sections.append(PanelSection(relation.key, relation.label, tuple(entries)))
    for key in RELATIONS:
        ids = graph.backlinks(item_id, key)
        if ids:
            ordered = sorted(ids, key=lambda i: (CONTENT_TYPES.index(graph.items[i].folder),
                                                 graph.items[i].path))
            entries = [_entry(graph, i) for i in ordered]
            if key == "applies":
                entries = [_with_application(graph, e, e.id, item_id) for e in entries]
            sections.append(PanelSection(f"reverse-{key}", RELATIONS[key].reverse_label, tuple(entries)))
    return sections


def source_entries(graph: Graph, item_id: str) -> list[PanelEntry]:
    """The sources an item draws on, for its citation block."""
    return [_entry(graph, i) for i in graph.links(item_id, "sources")]


def _linked(urls: Mapping[str, str], entry: PanelEntry) -> LinkedEntry:
    return {"id": entry.id, "title": entry.title, "summary": entry.summary, "path": entry.path,
            "folder": entry.folder, "type_label": entry.type_label, "detail": entry.detail,
            "grade": entry.grade, "why": entry.why, "url": urls.get(entry.path, entry.path)}


def item_context(graph: Graph, item_id: str, page_url: str, urls: Mapping[str, str],
                 use_directory_urls: bool) -> ItemContext:
    """What the item templates (overrides/main.html, partials/guide-related.html) print for one item.

    `urls` maps docs paths to site URLs (MkDocs' File.url); links are made relative by the template.
    """
    item = graph.items[item_id]
    rating = item_rating(graph, item_id)
    scale = urls.get(EVIDENCE_PAGE)
    scale_url = get_relative_url(scale, page_url) if scale else None
    return {
        "grade": grade_badge_html(rating, scale_url, REASON_ID) if rating else "",
        "reason": reason_html(rating, REASON_ID) if rating else "",
        "facts": measure_facts(item, f"{scale_url}#{LEAD_EFFORT_ANCHOR}" if scale_url else None),
        "id": item.id,
        "folder": item.folder,
        "type_label": item.type_label,
        "sections": [
            {"key": s.key, "label": s.label, "entries": [_linked(urls, e) for e in s.entries]}
            for s in related_sections(graph, item_id)
        ],
        "sources": [_linked(urls, e) for e in source_entries(graph, item_id)],
        # drawn in the template, not the page content: kept out of search and the print page
        "picture": neighbourhood_picture(graph, item_id, page_url, use_directory_urls),
    }


REASON_ID = "guide-evidence-reason"
LEAD_EFFORT_ANCHOR = "lead-effort"  # the section of guide/evidence.md on who leads and effort


def measure_facts(item: Item, explanation_url: str | None) -> list[MeasureFact]:
    """A measure's `lead` and `effort` as the header shows them: label, value and what the value means."""
    if item.folder != "measures":
        return []
    facts: list[MeasureFact] = []
    for key, choices in MEASURE_CHOICES.items():
        value = item.page.meta.get(key)
        choice = next((c for c in choices if isinstance(value, str) and c.value == value.strip()), None)
        if choice is not None:
            facts.append({"key": key, "label": MEASURE_FIELD_LABELS[key], "value": choice.value,
                          "meaning": choice.meaning, "url": explanation_url or ""})
    return facts


def item_header(item: Item) -> str:
    """The Markdown the hook puts above an item's text: its title and its one-line summary."""
    lead = f"{markdown_text(item.summary)}\n{{: .guide-lead }}\n\n" if item.summary else ""
    return f"# {markdown_text(item.title)}\n\n{lead}"
