"""Live preview: a page with mistakes shows a Chinese banner; fixing it removes the banner."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import BASE_PAGES, copy_project_config
from support import free_port

PAGE = "problems/two-skins.md"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, predicate, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = fetch(url)
        if text and predicate(text):
            return text
        time.sleep(0.5)
    article = text[text.find("<article"):][:2000]
    raise AssertionError(f"timed out waiting on {url}; last page content:\n{article}")


def test_preview_banner_appears_and_disappears(tmp_path: Path):
    copy_project_config(tmp_path)
    for path, text in BASE_PAGES.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/problems/two-skins/"
    try:
        first = wait_for(url, lambda t: "党建和业务各干各的" in t)
        assert "guide-preview-issues" not in first
        broken = BASE_PAGES[PAGE].replace("causes: [business-over-party]", "causes: [business-over-partyy]")
        (tmp_path / "docs" / PAGE).write_text(broken, encoding="utf-8")
        page = wait_for(url, lambda t: "guide-preview-issues" in t)
        assert "预览提示：本页有 1 个问题需要修改" in page
        assert "第 5 行：" in page and "是否想写 `business-over-party`" in page
        (tmp_path / "docs" / PAGE).write_text(BASE_PAGES[PAGE], encoding="utf-8")
        wait_for(url, lambda t: "guide-preview-issues" not in t and "党建和业务各干各的" in t)
        traditional = BASE_PAGES[PAGE].replace("脱节", "脫節")
        (tmp_path / "docs" / PAGE).write_text(traditional, encoding="utf-8")
        page = wait_for(url, lambda t: "guide-preview-issues" in t)
        assert "<code>G047</code>" in page and "正文中有繁体字" in page and "節 → 节" in page
        (tmp_path / "docs" / PAGE).write_text(BASE_PAGES[PAGE], encoding="utf-8")
        wait_for(url, lambda t: "guide-preview-issues" not in t and "党建和业务各干各的" in t)

        # MkDocs' own link and anchor checks, and a placeholder, are listed too, in Chinese with the line
        links = BASE_PAGES[PAGE].replace("支部研究过业务工作。", "见[举措](../measures/no-such.md)和[成因](../causes/"
                                         "business-over-party.md#no-such-heading)。【待填写：本节正文】")
        (tmp_path / "docs" / PAGE).write_text(links, encoding="utf-8")
        page = wait_for(url, lambda t: "guide-preview-issues" in t)
        assert "预览提示：本页有 3 个问题需要修改" in page, page[page.find("guide-preview-issues"):][:3000]
        line = links.split("\n").index(next(x for x in links.split("\n") if "no-such.md" in x)) + 1
        assert page.count(f"第 {line} 行：") == 3
        assert "<code>G080</code>" in page and "<code>G081</code>" in page and "<code>G070</code>" in page
        assert "指向的页面不存在" in page and "no-such-heading" in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
    assert "[G020] docs/problems/two-skins.md:5" in output
    assert "[G047] docs/problems/two-skins.md:" in output
    assert "[G080] docs/problems/two-skins.md:" in output and "[G081] docs/problems/two-skins.md:" in output
