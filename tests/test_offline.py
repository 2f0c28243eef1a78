"""The publishing kit: reproducible archives with checksums, an offline zip that works from disk,
and an atomic publish that never shows a reader half a site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from browser import first_search_result, record_requests_off_disk
from conftest import ROOT
from support import is_redirect_page

EPOCH = "1764547200"  # any fixed commit time


def snapshot(target: Path) -> Path:
    """The working tree as it is now (uncommitted edits and new pages included), committed in a repository
    of its own: "the same commit" whatever state the editor's tree is in."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not name.startswith("tests/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{EPOCH} +0000", "GIT_COMMITTER_DATE": f"@{EPOCH} +0000"}
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run([*git, *command], cwd=target, env=env, check=True, capture_output=True)
    return target


def run_dist(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}  # the commit gives the time
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([sys.executable, str(project / "scripts" / "dist.py"), str(out)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return snapshot(tmp_path_factory.mktemp("snapshot"))


@pytest.fixture(scope="module")
def dist(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist") / "dist"
    result = run_dist(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"构建时间取自提交时间 {EPOCH}" in result.stdout
    return out


@pytest.fixture(scope="module")
def unpacked(dist, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(dist / "dangjian-guide-offline.zip") as archive:
        archive.extractall(target)
    return target / "dangjian-guide"


def test_dist_writes_both_archives_with_checksums_that_verify(dist):
    assert sorted(p.name for p in dist.iterdir() if p.is_file()) == [
        "SHA256SUMS", "dangjian-guide-offline.zip", "dangjian-guide-site.tar.gz"]
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_two_builds_of_the_same_commit_are_byte_identical(project, dist, tmp_path):
    again = tmp_path / "again"
    result = run_dist(project, again)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (again / "SHA256SUMS").read_text() == (dist / "SHA256SUMS").read_text()


def test_offline_pages_link_to_html_files_and_need_no_server(unpacked):
    home = (unpacked / "index.html").read_text(encoding="utf-8")
    assert 'href="problems/index.html"' in home
    assert (unpacked / "search" / "search_index.js").is_file(), "search must work without fetching JSON"
    shim = unpacked / "assets" / "vendor" / "iframe-worker-1.0.4" / "shim.js"
    assert shim.is_file() and "unpkg.com" not in home


def test_offline_bundle_opens_from_disk_with_navigation_and_search(unpacked, chromium):
    context = chromium.new_context()
    outside = record_requests_off_disk(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((unpacked / "index.html").as_uri())
        page.click("a.md-tabs__link[href='problems/index.html']")
        page.wait_for_url("**/problems/index.html")
        assert page.locator("h1").inner_text().rstrip("¶") == "问题"
        first = first_search_result(page, "奎屯")
        assert "cases/kuitun-psbc.html" in first.get_attribute("href")
        first.click()
        page.wait_for_url("**/cases/kuitun-psbc.html*")
        assert "奎屯" in page.locator("h1").inner_text()
    finally:
        context.close()
    assert outside == [], outside
    assert errors == [], errors


def test_offline_index_is_the_lean_index_as_a_script_material_loads_from_disk(unpacked, chromium):
    script = (unpacked / "search" / "search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    index = json.loads(script[len(prefix):])  # JSON is a valid JavaScript literal: the page runs it as is
    assert "title_parts" in index["config"]["fields"] and "思南烟草" in script and "\\u601d" not in script
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((unpacked / "index.html").as_uri())
        first = first_search_result(page, "烟草")  # found only through the lean index's inner words
        assert "cases/sinan-tobacco-three-three.html" in first.get_attribute("href")
        assert page.evaluate("() => __index.docs.length") == len(index["docs"])
    finally:
        context.close()
    assert errors == [], errors


def test_every_offline_page_loads_from_disk_without_outside_requests(unpacked, chromium):
    context = chromium.new_context()
    outside = record_requests_off_disk(context)
    page = context.new_page()
    pages = sorted(p for p in unpacked.rglob("*.html") if not is_redirect_page(p))  # see test_redirects.py
    assert len(pages) >= len(list((ROOT / "docs").rglob("*.md")))  # every written page, and more
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
        assert page.title(), path
    context.close()
    assert outside == [], outside


def test_publish_switches_the_served_folder_in_one_step(dist, tmp_path):
    target = tmp_path / "www" / "dangjian" / "guide"
    target.parent.mkdir(parents=True)
    publish = ["bash", str(ROOT / "scripts" / "publish.sh"), str(dist / "dangjian-guide-site.tar.gz"), str(target)]
    first = subprocess.run(publish, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert target.is_symlink() and (target / "index.html").is_file() and (target / "404.html").is_file()
    release = target.resolve()
    # a release is complete before the link moves: no half-extracted folder is ever linked
    assert not list((tmp_path / "www" / "dangjian").glob("guide.releases/*.partial"))
    broken = tmp_path / "broken.tar.gz"
    subprocess.run(["tar", "-czf", str(broken), "-C", str(tmp_path), "www/dangjian"], check=True)
    refused = subprocess.run([*publish[:2], str(broken), str(target)], capture_output=True, text=True)
    assert refused.returncode != 0 and "不是完整的站点" in refused.stderr
    assert target.resolve() == release, "a refused archive must leave the served site as it was"


def test_publish_refuses_to_replace_a_real_folder(dist, tmp_path):
    target = tmp_path / "guide"
    target.mkdir()
    (target / "index.html").write_text("旧站点", encoding="utf-8")
    result = subprocess.run(["bash", str(ROOT / "scripts" / "publish.sh"), str(dist / "dangjian-guide-site.tar.gz"),
                             str(target)], capture_output=True, text=True)
    assert result.returncode != 0 and "不是符号链接" in result.stderr
    assert (target / "index.html").read_text(encoding="utf-8") == "旧站点"
