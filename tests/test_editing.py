"""What an editor sees around a page: the edit button, the last-updated date, an untouched tree."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, run_mkdocs
from support import tree_digest

CHINESE_DATE = re.compile(r"git-revision-date-localized-plugin-date[^>]*>(\d{4})年(\d{1,2})月(\d{1,2})日<")
EDIT_URL = "https://git.intranet.example/dangjian/guide/-/edit/main/docs/"


def test_edit_button_points_to_the_intranet_repository_only_when_configured(fixture_site):
    without = fixture_site()
    assert without.returncode == 0, without.output
    assert "md-content__button" not in without.html("problems/two-skins/index.html")
    with_url = run_mkdocs(without.docs.parent, "build", "--strict", env={"EDIT_URL": EDIT_URL})
    assert with_url.returncode == 0, with_url.output
    page = with_url.html("problems/two-skins/index.html")
    assert f'href="{EDIT_URL}problems/two-skins.md"' in page and 'title="编辑此页"' in page
    # generated pages have no file to edit
    assert "md-content__button" not in with_url.html("problems/index.html")


def test_pages_show_last_updated_date_from_git_in_chinese(built_site):
    page = built_site.html("problems/two-skins/index.html")
    match = CHINESE_DATE.search(page)
    assert match, "no last-updated date on an item page"
    log = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs/problems/two-skins.md"], cwd=ROOT,
                         capture_output=True, text=True).stdout.strip()
    year, month, day = (int(x) for x in log.split("-"))
    assert tuple(int(g) for g in match.groups()) == (year, month, day)


def test_outside_git_the_build_date_is_shown_and_the_strict_build_passes(fixture_site, monkeypatch):
    """Guards the hook's own date code (dates.py): the plugin's fallback would print today, not the
    reproducible build date, and would warn under --strict outside git."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1578000000")  # 2020-01-02 UTC, as dist.sh sets it
    result = fixture_site()
    assert result.returncode == 0, result.output
    page = result.html("problems/two-skins/index.html")
    match = CHINESE_DATE.search(page)
    assert match and tuple(int(g) for g in match.groups()) == (2020, 1, 2), page[-3000:]
    assert "构建日期（不在 git 仓库中构建）" in page


def test_a_build_and_a_preview_session_leave_the_working_tree_unchanged(tmp_path):
    before = tree_digest(ROOT)
    result = run_mkdocs(ROOT, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.output
    port = 8765 + os.getpid() % 1000
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/problems/two-skins/", timeout=3) as page:
                    assert "两张皮" in page.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("the preview server did not answer")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert tree_digest(ROOT) == before
