"""The content graph as one JSON document, written at build time as `content-graph.json`.

So the model outlives the generator: another tool (a successor to MkDocs, a report, a
spreadsheet) reads the guide's items, their typed relations and their evidence from one file,
without MkDocs or this package. Pure: a Graph in, plain data out.

Schema (version 1):

    {
      "schema": "dangjian-guide/content-graph",  "version": 1,
      "types": {folder: label},                   # problems 问题, causes 成因, measures 创新举措, ...
      "relations": {key: {"label", "reverse_label", "owners": [folder], "targets": [folder]}},
      "grades": [{"label", "slug", "meaning"}],    # strongest first
      "items": [{
        "id", "type" (folder), "path" (docs-relative), "title", "summary", "tags": [..],
        "fields": {name: text},                    # type's own fields: sources' author/outlet/date/kind,
                                                   # measures' lead/effort
        "links": {relation key: [target id]},      # as written, once, on the owning side
        "grade": {"label", "slug", "reason", "rests_on": case id | null} | null,
        "applies": [{"measure", "grade", "why"}]   # cases only: per practice, as written
      }]
    }
"""

from __future__ import annotations

import datetime
import json
from typing import Any, NotRequired, TypedDict

from ..core.evidence import case_applications, item_rating
from ..core.graph import Graph
from ..core.model import EVIDENCE_GRADES, ITEM_TYPES, OWN_FIELDS, RELATIONS, relations_of

SCHEMA = "dangjian-guide/content-graph"
VERSION = 1
FILE_NAME = "content-graph.json"


# The schema above, as types: each TypedDict is one object of the document.

class RelationEntry(TypedDict):
    label: str
    reverse_label: str
    owners: list[str]
    targets: list[str]


class GradeEntry(TypedDict):
    label: str
    slug: str
    meaning: str


class ItemGrade(TypedDict):
    label: str
    slug: str
    reason: str
    rests_on: str | None


class ApplicationEntry(TypedDict):
    measure: str
    grade: str
    why: str


class ItemEntry(TypedDict):
    id: str
    type: str
    path: str
    title: str
    summary: str | None
    tags: list[str]
    fields: dict[str, str | None]
    links: dict[str, list[str]]
    grade: ItemGrade | None
    applies: NotRequired[list[ApplicationEntry]]  # cases only


class GraphDocument(TypedDict):
    schema: str
    version: int
    types: dict[str, str]
    relations: dict[str, RelationEntry]
    grades: list[GradeEntry]
    items: list[ItemEntry]


def _text(value: Any) -> str | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value.strip() if isinstance(value, str) else None


def export_graph(graph: Graph) -> GraphDocument:
    """The whole graph as plain data, items in a stable order (type, then id)."""
    items: list[ItemEntry] = []
    for folder in ITEM_TYPES:
        for item in sorted(graph.by_folder(folder), key=lambda i: i.id):
            meta = item.page.meta
            rating = item_rating(graph, item.id)
            tags = meta.get("tags")
            entry: ItemEntry = {
                "id": item.id, "type": folder, "path": item.path, "title": item.title,
                "summary": _text(meta.get("summary")),
                "tags": [str(t) for t in tags] if isinstance(tags, list) else [],
                "fields": {name: _text(meta.get(name)) for name in OWN_FIELDS.get(folder, ())},
                "links": {r.key: graph.links(item.id, r.key) for r in relations_of(folder)},
                "grade": None if rating is None else {
                    "label": rating.grade.label, "slug": rating.grade.slug, "reason": rating.reason,
                    "rests_on": rating.rests_on},
            }
            if folder == "cases":
                entry["applies"] = [{"measure": a.measure_id, "grade": a.grade.label, "why": a.why}
                                    for a in case_applications(graph, item.id)]
            items.append(entry)
    return {
        "schema": SCHEMA, "version": VERSION,
        "types": {folder: t.label for folder, t in ITEM_TYPES.items()},
        "relations": {key: {"label": r.label, "reverse_label": r.reverse_label, "owners": list(r.owners),
                            "targets": list(r.targets)} for key, r in RELATIONS.items()},
        "grades": [{"label": g.label, "slug": g.slug, "meaning": g.meaning} for g in EVIDENCE_GRADES],
        "items": items,
    }


def export_json(graph: Graph) -> str:
    """The document as UTF-8 JSON text (readable Chinese, stable key order)."""
    return json.dumps(export_graph(graph), ensure_ascii=False, indent=1) + "\n"
