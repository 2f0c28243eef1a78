"""Every address under cases/ that readers had keeps answering after the proposal-only pieces stopped
being cases: the page itself, or a page (in Chinese) that sends the reader on to the source page where
the content now lives. Proved in a real browser on the served site and on the offline bundle opened
from disk (file://, use_directory_urls false)."""

from __future__ import annotations

import re

import pytest
from browser import static_server
from conftest import ROOT, run_mkdocs
from guidekit.adapters.redirects import REDIRECT_PAGE, live_redirects
from support import is_redirect_page

# SPEC §1 (issue #19): the five pieces that only propose, and the source page each now lives on.
MOVED = {
    "shaanxi-legal-branches": "s002",
    "adbc-party-and-business": "s002",
    "organ-two-skins-reflection": "s002",
    "ccb-leader-training": "s004",
    "commercial-bank-survey": "s000",
}
KEPT = ("nchu-party-building-plus", "sinan-tobacco-three-three", "kuitun-psbc")


def configured_redirects() -> dict[str, str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return dict(re.findall(r"^ {6}(cases/[\w-]+\.md): (sources/[\w-]+\.md)$", text, re.M))


def source_title(source: str) -> str:
    front = (ROOT / "docs" / "sources" / f"{source}.md").read_text(encoding="utf-8")
    return re.search(r"^title: (.+)$", front, re.M).group(1).strip("\"'")


def test_every_moved_case_is_redirected_to_its_source_page_and_no_longer_a_page():
    assert configured_redirects() == {f"cases/{case}.md": f"sources/{source}.md" for case, source in MOVED.items()}
    for case in MOVED:
        assert not (ROOT / "docs" / "cases" / f"{case}.md").exists(), case
    for case in KEPT:
        assert (ROOT / "docs" / "cases" / f"{case}.md").exists(), case


def test_a_redirect_never_overwrites_a_page_and_needs_its_target():
    maps = {"cases/a.md": "sources/s1.md", "cases/b.md": "sources/gone.md", "cases/c.md": "sources/s1.md#x"}
    assert live_redirects(maps, {"sources/s1.md", "cases/a.md"}) == {"cases/c.md": "sources/s1.md#x"}
    assert "{url}" in REDIRECT_PAGE and 'lang="zh"' in REDIRECT_PAGE and "<script" not in REDIRECT_PAGE


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "site"
    result = run_mkdocs(ROOT, "build", "--strict", "-f", "mkdocs-offline.yml", "--site-dir", str(out))
    assert result.returncode == 0, result.output
    return out


def test_old_case_addresses_answer_on_the_served_site(built_site, chromium):
    assert built_site.returncode == 0, built_site.output
    site = built_site.site
    with static_server(site) as base:
        page = chromium.new_page()
        for case, source in MOVED.items():
            stub = site / "cases" / case / "index.html"
            assert is_redirect_page(stub), case
            text = stub.read_text(encoding="utf-8")
            assert f'url=../../sources/{source}/"' in text and "新的页面" in text
            page.goto(f"{base}cases/{case}/", wait_until="load")
            page.wait_for_url(f"{base}sources/{source}/", timeout=10000)
            assert source_title(source) in page.locator("h1").first.inner_text(), case
        for case in KEPT:
            response = page.goto(f"{base}cases/{case}/", wait_until="load")
            assert response.status == 200 and page.url == f"{base}cases/{case}/", case
            assert page.locator(".guide-evidence").count() == 1, case
        page.close()


def test_old_case_addresses_answer_in_the_offline_bundle_from_disk(offline_site, chromium):
    page = chromium.new_page()
    for case, source in MOVED.items():
        stub = offline_site / "cases" / f"{case}.html"
        assert is_redirect_page(stub), case
        page.goto(stub.as_uri(), wait_until="load")
        target = (offline_site / "sources" / f"{source}.html").as_uri()
        page.wait_for_url(target, timeout=10000)
        assert source_title(source) in page.locator("h1").first.inner_text(), case
    for case in KEPT:
        page.goto((offline_site / "cases" / f"{case}.html").as_uri(), wait_until="load")
        assert page.locator(".guide-evidence").count() == 1, case
    page.close()
