"""The typed seams hold at run time: the data the self-check page, the graph export and the item
templates receive has exactly the keys their TypedDicts declare (mypy checks the code that builds
it; this checks that nothing reaches the page or the JSON that the types leave out)."""

from __future__ import annotations

from dataclasses import fields

from conftest import BASE_PAGES
from guidekit.checks.content import load_content
from guidekit.core.model import WeightsData
from guidekit.pages.graph_export import (
    ApplicationEntry,
    GradeEntry,
    GraphDocument,
    ItemEntry,
    ItemGrade,
    RelationEntry,
    export_graph,
)
from guidekit.pages.panel import ItemContext, LinkedEntry, MeasureFact, PanelEntry, SectionContext, item_context
from guidekit.pages.self_check import (
    ItemRef,
    MeasureData,
    MeasureGradeData,
    ProblemData,
    QuestionData,
    SelfCheckData,
    self_check_data,
)


def keys(typed: type) -> set[str]:
    # Both sets: with postponed annotations, Python 3.11 counts a NotRequired key as required.
    return set(typed.__required_keys__) | set(typed.__optional_keys__)


def content():
    return load_content({p: t.encode() for p, t in BASE_PAGES.items()})


def test_the_self_check_page_data_has_the_declared_keys():
    loaded = content()
    bodies = {path: page.body for path, page in loaded.pages.items()}
    data = self_check_data(loaded.graph, bodies, "self-check/", True)
    assert set(data) == keys(SelfCheckData) and set(data["weights"]) == keys(WeightsData)
    assert data["problems"] and data["measures"]
    for problem in data["problems"]:
        assert set(problem) == keys(ProblemData)
        assert all(set(q) == keys(QuestionData) for q in problem["questions"])
        assert all(set(c) == keys(ItemRef) for c in problem["causes"])
    for measure in data["measures"]:
        assert set(measure) == keys(MeasureData) and set(measure["grade"]) == keys(MeasureGradeData)
        assert all(set(c) == keys(ItemRef) for c in measure["cases"])


def test_the_exported_graph_has_the_declared_keys():
    document = export_graph(content().graph)
    assert set(document) == keys(GraphDocument)
    assert all(set(r) == keys(RelationEntry) for r in document["relations"].values())
    assert all(set(g) == keys(GradeEntry) for g in document["grades"])
    for item in document["items"]:
        expected = keys(ItemEntry) - (set() if item["type"] == "cases" else {"applies"})
        assert set(item) == expected, item["id"]
        assert item["grade"] is None or set(item["grade"]) == keys(ItemGrade)
        assert all(set(a) == keys(ApplicationEntry) for a in item.get("applies", []))


def test_the_item_template_context_has_the_declared_keys():
    graph = content().graph
    entry_keys = {f.name for f in fields(PanelEntry)} | {"url"}
    assert keys(LinkedEntry) == entry_keys, "a PanelEntry field is missing from LinkedEntry (or _linked)"
    for item_id in ("four-togethers", "nchu", "two-skins", "s002"):
        context = item_context(graph, item_id, f"{item_id}/", {}, True)
        assert set(context) == keys(ItemContext)
        assert all(set(f) == keys(MeasureFact) for f in context["facts"])
        for section in context["sections"]:
            assert set(section) == keys(SectionContext)
            assert all(set(e) == entry_keys for e in section["entries"])
        assert all(set(e) == entry_keys for e in context["sources"])
    assert item_context(graph, "four-togethers", "x/", {}, True)["facts"]
