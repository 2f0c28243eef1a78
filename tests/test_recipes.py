"""ARCHITECTURE.md's recipes, followed once: a generated page gets its place in the navigation from
the model, and every browser component is registered the way the recipe says."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from guidekit.core import model
from guidekit.pages import nav

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def test_every_generated_page_has_its_place_in_the_navigation_from_the_model():
    pages = [*model.GENERATED_PAGES, "index.md"]
    built, _ = nav.build_nav(pages)
    file_named = [entry for entry in built for title, path in entry.items()
                  if isinstance(path, str) and title == path.removesuffix(".md")]
    assert file_named == [], "a generated page without a place falls into a tab named by its file"


def test_a_new_generated_page_added_by_the_recipe_gets_its_title(monkeypatch):
    """Recipe step 2: the page is added to NAV_TOP_PAGES with its title, and the nav shows that title."""
    monkeypatch.setattr(model, "GENERATED_PAGES", (*model.GENERATED_PAGES, "calendar.md"))
    monkeypatch.setattr(nav, "NAV_TOP_PAGES", (*nav.NAV_TOP_PAGES, ("calendar.md", "工作日历")))
    built, _ = nav.build_nav(["index.md", "calendar.md"])
    assert {"工作日历": "calendar.md"} in built and {"calendar": "calendar.md"} not in built


@pytest.mark.build  # MkDocs' own loader reads mkdocs.yml (with its plugins)
def test_every_browser_component_is_registered_deferred_and_starts_from_its_data_attribute():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    scripts = {str(script.path): script for script in config.extra_javascript}
    for path in sorted(JAVASCRIPTS.glob("guide-*.js")):
        script = scripts.get(f"assets/javascripts/{path.name}")
        assert script is not None and script.defer, f"{path.name} is not in extra_javascript with defer: true"
        text = path.read_text(encoding="utf-8")
        if path.name.endswith("-logic.js"):  # pure functions, no page of their own
            assert "module.exports" in text, f"{path.name}: pure functions Node can require"
            assert (ROOT / "tests" / "js" / path.name.replace("guide-", "").replace(".js", ".test.js")).exists()
            continue
        if path.name != "guide-a11y.js":  # the one component that serves every page
            assert re.search(r"data-guide-|dataset\.guide", text), f"{path.name} does not start from data-guide-…"
        assert "document$" in text, f"{path.name} does not restart after Material's instant navigation"
