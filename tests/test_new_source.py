"""An editor adds a new source, its original and a case citing it: the content tests and the strict
build go green, and the own-words check covers the new original at once (issue #23)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, run_mkdocs

ORIGINAL = (
    "某县供电公司党委在二〇二〇年推行“支部联系班组”制度，每个党支部固定联系两个生产班组，每月到班组开一次现场会，"
    "把安全生产中的难题列成清单，由支部书记牵头逐项解决。一年下来，班组反映的问题大多得到了处理。\n"
    "文章还提出，今后要把联系班组的情况纳入支部书记述职，并请班组职工参加评议。\n"
)
SOURCE = """---
title: 支部联系班组的做法
summary: 某县供电公司党委介绍支部固定联系生产班组、每月开现场会解决难题的做法。
author: 未注明
outlet: 未注明
date: "2021-03-01"
kind: 经验介绍
---

## 基本信息

| 项目 | 内容 |
| --- | --- |
| 标题 | 支部联系班组的做法 |

## 内容概要

介绍支部固定联系生产班组的制度和一年的情况。

## 本指南的取材

取材于支部联系班组的做法，见实践案例。

## 质量说明

没有给出具体数字。

## 未采用的内容

关于述职评议的设想只是提出，没有采用。
"""
CASE = """---
title: 某县供电公司：支部联系班组
summary: 党支部固定联系两个生产班组，每月开现场会，把难题列成清单逐项解决。
sources: [s005]
applies:
  leaders-link-branches: {{grade: 已实施，无成效数据, why: 报告每月到班组开现场会，只有定性的说法}}
---

## 可借鉴之处

支委会可以把联系对象、频次和问题清单写进一张表，季度末对照检查。

## 背景

这是一家县级供电公司的党委。[^s005]

## 做法

{practice}[^s005]

## 成效

该文只说班组反映的问题“大多得到了处理”，没有给出数字。[^s005]

[^s005]: 《支部联系班组的做法》，见[资料来源](../sources/s005.md)。
"""
OWN_WORDS = "每个党支部固定联系两个生产班组，每月去一次班组开现场会，把难题列成清单，由书记带头逐项解决。"
COPIED = "每个党支部固定联系两个生产班组，每月到班组开一次现场会，把安全生产中的难题列成清单，由支部书记牵头逐项解决。"


@pytest.fixture
def project(tmp_path):
    """A copy of the guide: what an editor has after `git clone`."""
    copy = tmp_path / "guide"
    copy.mkdir()
    for name in ("mkdocs.yml", "pytest.ini", "ruff.toml"):
        shutil.copy(ROOT / name, copy / name)
    for folder in ("hooks", "overrides", "includes", "docs", "scripts", "tests"):
        shutil.copytree(ROOT / folder, copy / folder, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules", ".mypy_cache"))
    return copy


def add_source(project, practice: str) -> None:
    original = project.parent / "originals" / "s005.txt"  # kept outside the repository, as the guide says
    original.parent.mkdir()
    original.write_text(ORIGINAL, encoding="utf-8")
    added = subprocess.run([sys.executable, "scripts/make_seed_fingerprints.py", "--add", str(original)],
                           cwd=project, capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stdout + added.stderr
    (project / "docs" / "sources" / "s005.md").write_text(SOURCE, encoding="utf-8")
    (project / "docs" / "cases" / "power-supply-teams.md").write_text(CASE.format(practice=practice),
                                                                    encoding="utf-8")


def test_a_new_source_and_its_case_pass_the_content_tests_and_the_strict_build(project):
    add_source(project, OWN_WORDS)
    build = run_mkdocs(project, "build", "--strict")
    assert build.returncode == 0, build.output
    assert (build.site / "cases" / "power-supply-teams" / "index.html").is_file()
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_content.py",
                            "tests/test_graph.py", "tests/test_evidence.py"],
                           cwd=project, capture_output=True, text=True, timeout=600)
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_a_sentence_copied_from_the_new_original_is_named_with_its_line(project):
    add_source(project, COPIED)
    build = run_mkdocs(project, "build", "--strict")
    assert build.returncode == 1
    assert "[G141] docs/cases/power-supply-teams.md:19 " in build.output, build.output  # the 做法 line
    assert build.output.count("[G") == 1, build.output  # one mistake, one finding
