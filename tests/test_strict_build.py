"""Strict builds of a small fixture site: each kind of editor mistake fails the
build with a Chinese message naming the file (and line), never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE_PAGES, ROOT, copy_project_config

PROBLEM = "problems/two-skins.md"
MEASURE = "measures/four-togethers.md"


def assert_fails_with(result, *fragments: str) -> None:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    for fragment in fragments:
        assert fragment in result.output, f"missing {fragment!r} in:\n{result.output}"


def test_valid_site_builds_cleanly(fixture_site):
    result = fixture_site()
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output and "ERROR" not in result.output


UNCITED = "\n支部书记每月检查一次台账。\n"  # appended to the page: in its last section, 资料依据


def test_an_uncited_paragraph_fails_naming_file_and_line(fixture_site):
    result = fixture_site({MEASURE: BASE_PAGES[MEASURE] + UNCITED})
    line = (BASE_PAGES[MEASURE] + UNCITED).split("\n").index("支部书记每月检查一次台账。") + 1
    assert_fails_with(result, f"[G050] docs/measures/four-togethers.md:{line}", "没有注明出处",
                      "“支部书记每月检查一次台账。”", "建议部分")


def test_the_same_paragraph_in_an_editorial_block_builds(fixture_site):
    block = '\n!!! tip "编者建议"\n\n    支部书记每月检查一次台账。\n'
    result = fixture_site({MEASURE: BASE_PAGES[MEASURE] + block})
    assert result.returncode == 0, result.output
    assert '<p class="admonition-title">编者建议</p>' in result.html("measures/four-togethers/index.html")


def test_every_mistake_in_a_cases_applications_and_a_measures_fields_fails_the_build_with_its_line(fixture_site):
    """One build: each application's mistake is its own finding, on its own line, with the fix in Chinese."""
    applies = ("applies:\n"
               "  four-togethers: {grade: 很有成效, why: 报告做了}\n"
               "  g-measure: {grade: 已实施，无成效数据}\n"
               "  g-other: {grade: 已实施，无成效数据, why: " + "长" * 41 + "}\n")
    case = BASE_PAGES["cases/nchu.md"].replace(
        "applies:\n  four-togethers: {grade: 已实施，有成效数据, why: 报告同考核后项目数增长80%}\n", applies)
    other = BASE_PAGES[MEASURE].replace("lead: 单位党委（党组）\neffort: 中", "lead: 支部\neffort: 中等")
    proposal = BASE_PAGES["cases/nchu.md"].replace("南昌航空大学", "某机关").replace(
        "{grade: 已实施，有成效数据, why: 报告同考核后项目数增长80%}", "{grade: 仅为主张, why: 只提出要求}")
    result = fixture_site({"cases/nchu.md": case, "measures/g-measure.md": other, "measures/g-other.md": other,
                           "cases/organ.md": proposal})
    assert_fails_with(result, "[G102] docs/cases/nchu.md:6", "“很有成效”",
                      "`已实施，有成效数据`、`已实施，无成效数据`、`仅为主张`",
                      "[G103] docs/cases/nchu.md:7", "没有写理由 `why`",
                      "[G104] docs/cases/nchu.md:8", "41 个字符，超过了 40 个",
                      "[G108] docs/measures/g-measure.md:7", "“支部”", "是否想写 `支部书记`",
                      "[G109] docs/measures/g-measure.md:8", "“中等”",
                      "[G107] docs/cases/organ.md:5", "全部是“仅为主张”")


def test_unknown_id_suggests_the_closest_one(fixture_site):
    page = BASE_PAGES[PROBLEM].replace("causes: [business-over-party]", "causes: [business-over-partyy]")
    result = fixture_site({PROBLEM: page})
    assert_fails_with(result, "[G020] docs/problems/two-skins.md:5",
                      "`business-over-partyy` 不存在", "是否想写 `business-over-party`")


def test_reference_of_the_wrong_type(fixture_site):
    page = BASE_PAGES[PROBLEM].replace("causes: [business-over-party]", "causes: [four-togethers]")
    result = fixture_site({PROBLEM: page})
    assert_fails_with(result, "[G021] docs/problems/two-skins.md:5", "是创新举措", "只能列成因")


def test_misspelt_key_suggests_the_right_one(fixture_site):
    page = BASE_PAGES[MEASURE].replace("addresses:", "adresses:")
    result = fixture_site({MEASURE: page})
    assert_fails_with(result, "[G011] docs/measures/four-togethers.md:5", "不支持字段 `adresses`",
                      "是否想写 `addresses`", "[G010] docs/measures/four-togethers.md:1")


def test_relation_written_on_the_wrong_side(fixture_site):
    page = BASE_PAGES["causes/business-over-party.md"].replace("sources: [s002]",
                                                               "sources: [s002]\naddresses: [two-skins]")
    result = fixture_site({"causes/business-over-party.md": page})
    assert_fails_with(result, "[G011] docs/causes/business-over-party.md:5", "只能写在创新举措页上")


def test_missing_required_field(fixture_site):
    page = BASE_PAGES["cases/nchu.md"].replace("summary: 支部建在学科上。\n", "")
    result = fixture_site({"cases/nchu.md": page})
    assert_fails_with(result, "[G010] docs/cases/nchu.md", "缺少必填字段 `summary`")


def test_duplicate_id_across_folders(fixture_site):
    result = fixture_site({"causes/nchu.md": BASE_PAGES["causes/business-over-party.md"]})
    assert_fails_with(result, "[G022] docs/causes/nchu.md", "与 docs/cases/nchu.md 重复")


def test_self_reference(fixture_site):
    page = BASE_PAGES[MEASURE].replace("addresses: [two-skins,", "addresses: [four-togethers, two-skins,")
    result = fixture_site({MEASURE: page})
    assert_fails_with(result, "[G023] docs/measures/four-togethers.md:5", "列出了页面自己")


def test_item_nothing_reaches_is_a_warning_that_fails_strict(fixture_site):
    orphan = BASE_PAGES["causes/business-over-party.md"].replace("重业务、轻党建", "孤立的成因")
    result = fixture_site({"causes/lonely.md": orphan})
    assert_fails_with(result, "WARNING", "[G030] docs/causes/lonely.md", "没有与任何条目相连")


def test_broken_markdown_link_and_anchor(fixture_site):
    page = BASE_PAGES[PROBLEM] + "\n见[不存在](../measures/nope.md)和[锚点](../cases/nchu.md#nowhere)。\n"
    result = fixture_site({PROBLEM: page})
    line = page.split("\n").index("见[不存在](../measures/nope.md)和[锚点](../cases/nchu.md#nowhere)。") + 1
    assert_fails_with(result, f"WARNING -  [G080] docs/problems/two-skins.md:{line} 链接 `../measures/nope.md`",
                      "指向的页面不存在", f"WARNING -  [G081] docs/problems/two-skins.md:{line} 链接 "
                      "`../cases/nchu.md#nowhere` 指向 docs/cases/nchu.md 的标题（锚点）`#nowhere`")
    # the English original follows the Chinese, never stands alone
    assert "修改建议：" in result.output and "（原文：Doc file 'problems/two-skins.md' contains a link" in result.output
    assert "\nWARNING -  Doc file" not in result.output


def test_tag_outside_the_allowed_list(fixture_site):
    page = BASE_PAGES[MEASURE].replace("tags: [融合发展]", "tags: [融合发展, 随便写]")
    result = fixture_site({MEASURE: page})
    assert_fails_with(result, "[G014] docs/measures/four-togethers.md:6", "标签“随便写”不在允许的标签列表中")


def test_invalid_yaml_names_the_line(fixture_site):
    page = BASE_PAGES[PROBLEM].replace("summary: 党建和业务各干各的。", "summary: [党建和业务各干各的。")
    result = fixture_site({PROBLEM: page})
    assert_fails_with(result, "[G002] docs/problems/two-skins.md:", "不是合法的 YAML")


def test_full_width_colon(fixture_site):
    page = BASE_PAGES[PROBLEM].replace("title: 党建", "title：党建")
    result = fixture_site({PROBLEM: page})
    assert_fails_with(result, "[G003] docs/problems/two-skins.md:2", "全角冒号", "`title: …`")


def test_tab_indentation(fixture_site):
    page = BASE_PAGES[PROBLEM].replace("causes: [business-over-party]", "causes:\n\t- business-over-party")
    result = fixture_site({PROBLEM: page})
    assert_fails_with(result, "[G004] docs/problems/two-skins.md:6", "制表符")


def test_gbk_file_is_reported_not_crashed(fixture_site):
    result = fixture_site({PROBLEM: BASE_PAGES[PROBLEM].encode("gbk")})
    assert_fails_with(result, "[G001] docs/problems/two-skins.md", "不是 UTF-8 编码", "GBK")


def test_empty_page(fixture_site):
    result = fixture_site({"guide/empty.md": ""})
    assert_fails_with(result, "[G006] docs/guide/empty.md", "没有正文")


def test_front_matter_only_page(fixture_site):
    page = BASE_PAGES["cases/nchu.md"].split("## 可借鉴之处")[0]
    result = fixture_site({"cases/nchu.md": page})
    assert_fails_with(result, "[G006] docs/cases/nchu.md", "没有正文")


def test_snippets_cannot_read_outside_the_project_nor_crash_on_a_missing_file(fixture_site):
    """Guards snippets.py: without it pymdownx.snippets dies in a traceback on the missing file."""
    snippets = ['--8<-- "/etc/passwd"', '--8<-- "../../../etc/hostname"', '--8<-- "nope.md"']
    page = BASE_PAGES[PROBLEM] + "".join(f"\n{line}\n" for line in snippets)
    line = {text: page.split("\n").index(text) + 1 for text in snippets}
    result = fixture_site({PROBLEM: page})
    assert_fails_with(
        result,
        f"[G045] docs/problems/two-skins.md:{line[snippets[0]]} 片段引用无效：`/etc/passwd` 是绝对路径",
        f"[G045] docs/problems/two-skins.md:{line[snippets[1]]} 片段引用无效：",
        f"[G045] docs/problems/two-skins.md:{line[snippets[2]]} 片段引用无效：includes/nope.md 不存在")
    assert "root:x:0:0" not in result.output
    assert "root:x:0:0" not in result.html("problems/two-skins/index.html")


def test_all_findings_reported_in_one_run(fixture_site):
    problem = BASE_PAGES[PROBLEM].replace("causes: [business-over-party]", "causes: [nope]")
    measure = BASE_PAGES[MEASURE].replace("tags: [融合发展]", "tags: [乱写]")
    result = fixture_site({PROBLEM: problem, MEASURE: measure, "guide/empty.md": ""})
    assert_fails_with(result, "[G020] docs/problems/two-skins.md", "[G014] docs/measures/four-togethers.md",
                      "[G006] docs/guide/empty.md")


def test_generated_page_path_taken_by_an_editor_is_kept(fixture_site):
    mine = "---\ntitle: 我的问题索引\n---\n\n手写的索引。\n"
    result = fixture_site({"problems/index.md": mine})
    assert_fails_with(result, "[G033] docs/problems/index.md")
    assert (result.docs / "problems/index.md").read_text(encoding="utf-8") == mine


@pytest.mark.build
def test_a_plain_mkdocs_build_as_the_readme_gives_it_prints_no_english_vendor_notice(tmp_path):
    """`.venv/bin/mkdocs build --strict`, with nothing set in the environment.

    Whatever made this environment, the project's own step that quiets the notice (scripts/lib.sh,
    run by serve.sh and test.sh) is run first, as the README's commands run it.
    """
    subprocess.run(["bash", "-c", f'. scripts/lib.sh && VENV_PYTHON="{sys.executable}" quiet_vendor_notice'],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    copy_project_config(tmp_path)
    for path, text in BASE_PAGES.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(tmp_path / "site")], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "end of life" not in result.stdout + result.stderr and "Zensical" not in result.stdout + result.stderr
