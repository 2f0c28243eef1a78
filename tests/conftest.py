"""Shared fixtures: the hook package on sys.path, and small strict-build sites."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from support import write_pages  # noqa: E402  (tests/ is on sys.path, as for every test module)

MKDOCS = [sys.executable, "-m", "mkdocs"]

# A small but complete content graph: every type present, every relation used.
BASE_PAGES: dict[str, str] = {
    "index.md": "---\ntitle: 首页\n---\n\n欢迎阅读。\n",
    "problems/two-skins.md": (
        "---\ntitle: 党建与业务“两张皮”\nsummary: 党建和业务各干各的。\nsources: [s002]\n"
        "causes: [business-over-party]\n---\n\n## 下一步\n\n"
        "1. 支委会先对照[同规划、同部署](../measures/four-togethers.md)。\n\n"
        "## 自查要点\n\n- [ ] 支部研究过业务工作。\n\n## 资料依据\n\n脱节[^s002]。\n\n"
        "[^s002]: 见[来源](../sources/s002.md)。\n"
    ),
    "causes/business-over-party.md": (
        "---\ntitle: 重业务、轻党建\nsummary: 把党建看成虚功。\nsources: [s002]\n---\n\n## 要点\n\n原因在认识。\n\n"
        "## 资料依据\n\n原因。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
    ),
    "measures/four-togethers.md": (
        "---\ntitle: 同规划、同部署\nsummary: 党建与业务一起谋划。\nsources: [s002]\n"
        "addresses: [two-skins, business-over-party]\ntags: [融合发展]\nlead: 单位党委（党组）\neffort: 中\n---\n\n"
        "## 要点\n\n一起谋划。\n\n"
        "## 怎么做\n\n1. 书记在年初召集支委会。\n\n## 注意事项\n\n- 不要只开会。\n\n"
        "## 资料依据\n\n南昌航空大学的做法。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
    ),
    "cases/nchu.md": (
        "---\ntitle: 南昌航空大学\nsummary: 支部建在学科上。\nsources: [s002]\n"
        "applies:\n  four-togethers: {grade: 已实施，有成效数据, why: 报告同考核后项目数增长80%}\n---\n\n"
        "## 可借鉴之处\n\n经验。\n\n"
        "## 背景\n\n增长80%。[^s002]\n\n## 做法\n\n做法。[^s002]\n\n"
        "## 成效\n\n成效。[^s002]\n\n[^s002]: 见[来源](../sources/s002.md)。\n"
    ),
    "sources/s002.md": (
        "---\ntitle: 党建与业务工作深度的思考\nsummary: 多篇短文的汇编。\nauthor: 未注明\n"
        "outlet: 未注明\ndate: \"2021-09-15\"\nkind: 汇编\n---\n\n## 基本信息\n\n汇编。\n\n"
        "## 内容概要\n\n概要。\n\n## 本指南的取材\n\n取材。\n\n## 质量说明\n\n说明。\n\n## 未采用的内容\n\n套话。\n"
    ),
}


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    docs: Path

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def copy_project_config(target: Path) -> None:
    """The real mkdocs.yml, hooks, overrides, includes and stylesheet, in a temp dir.

    Not the readers' words (includes/synonyms.yml): they point at the guide's own pages and words,
    which a test's own pages do not have (a test that wants them writes its own file)."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides", "includes"):
        shutil.copytree(ROOT / folder, target / folder, dirs_exist_ok=True,  # a test may add files first
                        ignore=shutil.ignore_patterns("__pycache__", "synonyms.yml"))
    (target / "docs" / "stylesheets").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs" / "stylesheets" / "guide.css", target / "docs" / "stylesheets")


def run_mkdocs(project: Path, *args: str, env: dict[str, str] | None = None) -> BuildResult:
    site = project / "site"
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if "--site-dir" not in args:
        args = (*args, "-d", str(site))
    proc = subprocess.run([*MKDOCS, *args], cwd=project, env=full_env,
                          capture_output=True, text=True, timeout=300)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, project / "docs")


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[..., BuildResult]:
    """Build a small site with --strict; pages override or extend BASE_PAGES."""

    def build(pages: dict[str, str | bytes | None] | None = None, *args: str) -> BuildResult:
        copy_project_config(tmp_path)
        write_pages(tmp_path / "docs", {**BASE_PAGES, **(pages or {})})
        return run_mkdocs(tmp_path, "build", "--strict", *args)

    return build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The real guide, built once per test session with --strict."""
    out = tmp_path_factory.mktemp("built")
    result = run_mkdocs(ROOT, "build", "--strict", "--site-dir", str(out / "site"))
    result.site = out / "site"
    return result


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, driven by Playwright (which cannot download browsers here)."""
    from browser import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The tier of each test, so `pytest -m unit` runs in seconds with nothing but the pinned packages.
# Browser: anything that starts Chromium. Build: anything that runs MkDocs as a program, a project
# script or a server. Everything else is a unit test of the pure modules, and a unit test that starts
# a process fails (see `_unit_tests_start_no_process`). A test may also carry its tier explicitly
# (`@pytest.mark.build`), which wins.
TIERS = ("unit", "build", "browser")
BROWSER_FIXTURES = frozenset({"chromium"})
# Fixtures (here or in a test module) that build a site or start a server; a test using one, directly
# or through another fixture, is a build test.
BUILD_FIXTURES = frozenset({"fixture_site", "built_site", "broken", "site", "nginx_site", "project", "dist",
                            "offline_site", "new_shape_site"})
BROWSER_MODULES = frozenset({"test_lighthouse"})
BUILD_MODULES = frozenset({"test_built_site", "test_hosting", "test_lint", "test_preview", "test_cli",
                           "test_editing", "test_offline", "test_scaffold"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        names = set(getattr(item, "fixturenames", ()))
        module = item.module.__name__ if getattr(item, "module", None) else ""
        if names & BROWSER_FIXTURES or module in BROWSER_MODULES:
            item.add_marker(pytest.mark.browser)
        elif names & BUILD_FIXTURES or module in BUILD_MODULES:
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)


def _refuse_process(*args: object, **kwargs: object) -> None:
    raise AssertionError(
        "A unit test started a process. Unit tests exercise pure modules in this process; "
        "mark this test `@pytest.mark.build` (or use a build fixture) if it must run a program.")


PROCESS_STARTERS = ("system", "fork", "forkpty", "posix_spawn", "posix_spawnp", "execv", "execve")


@contextlib.contextmanager
def _no_process() -> Iterator[None]:
    """Every way of starting a program refuses, for as long as the block runs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess, "Popen", _refuse_process)
        for name in PROCESS_STARTERS:
            if hasattr(os, name):
                patch.setattr(os, name, _refuse_process)
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """The unit tier's promise, kept by the tier itself: no program, server or browser is started,
    in the test or in any fixture it sets up (a module-wide build included)."""
    if item.get_closest_marker("unit"):
        with _no_process():
            return (yield)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    if item.get_closest_marker("unit"):
        with _no_process():
            return (yield)
    return (yield)
