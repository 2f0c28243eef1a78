"""The content graph exported as one JSON file: items, fields, typed relations, grades, sources."""

from __future__ import annotations

import json

from conftest import BASE_PAGES
from guidekit.checks.content import load_content
from guidekit.core.model import ITEM_TYPES, RELATIONS
from guidekit.pages.graph_export import SCHEMA, export_graph, export_json


def exported() -> dict:
    return export_graph(load_content({p: t.encode() for p, t in BASE_PAGES.items()}).graph)


def test_every_item_with_its_type_fields_and_links_as_written():
    data = exported()
    assert data["schema"] == SCHEMA and data["version"] == 1
    by_id = {item["id"]: item for item in data["items"]}
    assert set(by_id) == {"two-skins", "business-over-party", "four-togethers", "nchu", "s002"}
    assert by_id["two-skins"]["links"] == {"causes": ["business-over-party"], "sources": ["s002"]}
    assert by_id["four-togethers"]["fields"] == {"lead": "单位党委（党组）", "effort": "中"}
    assert by_id["s002"]["fields"]["date"] == "2021-09-15" and by_id["s002"]["type"] == "sources"
    assert set(data["types"]) == set(ITEM_TYPES) and set(data["relations"]) == set(RELATIONS)


def test_grades_per_practice_and_derived_with_the_case_they_rest_on():
    by_id = {item["id"]: item for item in exported()["items"]}
    assert by_id["nchu"]["applies"] == [
        {"measure": "four-togethers", "grade": "已实施，有成效数据", "why": "报告同考核后项目数增长80%"}]
    grade = by_id["four-togethers"]["grade"]
    assert grade["slug"] == "outcome" and grade["rests_on"] == "nchu" and "南昌航空大学" in grade["reason"]
    assert by_id["two-skins"]["grade"] is None


def test_the_file_is_json_a_reader_without_this_package_can_load():
    text = export_json(load_content({p: t.encode() for p, t in BASE_PAGES.items()}).graph)
    assert json.loads(text)["items"] and "两张皮" in text  # Chinese kept readable
