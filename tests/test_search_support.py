"""The pieces behind Chinese search: the query segmenter fix and the traditional-character map."""

from __future__ import annotations

import sys
from pathlib import Path

import material
from conftest import ROOT
from guidekit.adapters.search_patch import find_query_module, patch_search_worker
from guidekit.search.vocabulary import domain_terms, quoted_terms

sys.path.insert(0, str(ROOT / "scripts"))
import make_t2s  # noqa: E402

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_the_pinned_material_worker_gets_the_segmenter_fix():
    (worker,) = WORKERS.glob("search.*.min.js")
    original = worker.read_text(encoding="utf-8")
    module = find_query_module([str(ROOT / "overrides")])
    patched = patch_search_worker(original, module)
    assert patched is not None, "Material's search worker changed: adapt hooks/guidekit/adapters/search_patch.py"
    assert "new Uint16Array(t.length)" not in patched and '.join("* ")' not in patched
    assert patched.startswith(module.rstrip()) and "GuideSearchQuery.prepare(" in patched
    assert "GuideSearchQuery.queryTerms(" in patched


def test_an_unknown_worker_is_reported_not_mangled():
    module = find_query_module([str(ROOT / "overrides")])
    assert patch_search_worker("function fe(t){return t}", module) is None
    (worker,) = WORKERS.glob("search.*.min.js")
    assert patch_search_worker(worker.read_text(encoding="utf-8"), "") is None, "no query module, no patch"


def test_vendored_character_map_matches_its_generator():
    script = (ROOT / "overrides/assets/javascripts/search-t2s.js").read_text(encoding="utf-8")
    assert script == make_t2s.render(), "run .venv/bin/python scripts/make_t2s.py"


def test_character_map_converts_reader_queries_and_never_touches_the_guide_text():
    pairs = make_t2s.character_pairs()
    assert "".join(pairs.get(c, c) for c in "兩張皮流動黨員郵儲銀行") == "两张皮流动党员邮储银行"
    guide_text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    touched = sorted({c for c in guide_text if c in pairs})
    assert touched == [], f"the map would rewrite characters the guide itself uses: {touched}"


def test_quoted_programme_names_become_search_words():
    assert quoted_terms("实行“三控一平衡”制度，推行“党建+”，“一起谋划、一起部署”") == ["三控一平衡", "党建+"]
    from guidekit.core.graph import Graph
    terms = domain_terms(Graph(items={}), [("“互联网+”", "释义")], ["学习教育"], ["开展“三亮一评”活动"])
    assert terms == ["三亮一评", "互联网+", "学习教育"]
