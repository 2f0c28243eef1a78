"""The benchmark measures a guide the build accepts, with every kind of page the model defines.

(Timing itself is never asserted: run `benchmarks/build_benchmark.py` and read its ratios.)
"""

from __future__ import annotations

import sys

from conftest import ROOT
from guidekit.checks.content import load_content
from guidekit.core.model import CONTENT_TYPES, RELATIONS

sys.path.insert(0, str(ROOT / "benchmarks"))
import build_benchmark  # noqa: E402


def test_the_synthetic_guide_passes_every_content_check_and_uses_every_relation(tmp_path):
    build_benchmark.write_site(tmp_path, 60)
    docs = tmp_path / "docs"
    build_benchmark.assert_clean(docs)  # exits with the findings if any
    content = load_content({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")})
    assert all(content.graph.by_folder(folder) for folder in CONTENT_TYPES)
    used = {key for links in content.graph.forward.values() for key, ids in links.items() if ids}
    assert used == set(RELATIONS)


def test_a_broken_synthetic_guide_is_refused_not_measured(tmp_path):
    build_benchmark.write_site(tmp_path, 20)
    page = next((tmp_path / "docs" / "cases").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("applies:", "aplies:"), encoding="utf-8")
    try:
        build_benchmark.assert_clean(tmp_path / "docs")
    except SystemExit as stop:
        assert "G011" in str(stop)
    else:
        raise AssertionError("a synthetic guide with findings was accepted")
