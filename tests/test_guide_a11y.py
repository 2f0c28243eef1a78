"""guide-a11y.js: what it adds to Material's pages, checked in Chromium (each check fails without it)."""

from __future__ import annotations

import pytest
from browser import static_server

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def served(built_site):
    assert built_site.returncode == 0, built_site.output
    with static_server(built_site.site) as base:
        yield base


def test_wide_tables_can_be_scrolled_from_the_keyboard_and_are_named(served, chromium):
    page = chromium.new_page(viewport=PHONE)
    page.goto(served + "guide/glossary/")  # a two-column table wider than a phone
    page.wait_for_function("document.querySelector('.md-typeset__scrollwrap[role=region]') !== null")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.get_attribute("aria-label") == "表格，可左右滚动"
    assert wrap.get_attribute("tabindex") == "0"
    assert page.evaluate("[...document.querySelectorAll('.md-typeset__scrollwrap')].every(w => w.tabIndex === 0)")
    page.close()


def test_the_search_dialog_has_a_chinese_name(served, chromium):
    page = chromium.new_page()
    page.goto(served)
    page.wait_for_function("document.querySelector('.md-search[role=dialog]')?.getAttribute('aria-label')")
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "站内搜索"
    page.close()
