"""Lighthouse (npm, pinned in tests/lighthouse) against the site behind the shipped nginx config.

Accessibility, best practices and SEO must score at least 95 on the home page, on an
item page and on the 自查诊断 page. Performance is a timing: it moved between 87 and 100 from run to
run on the same two-core machine, so, as the project measures performance by
benchmarks rather than timed assertions, the test prints it (median of three
audits, as Lighthouse's documentation recommends) and does not gate on it.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS
from conftest import ROOT
from test_hosting import nginx_site  # noqa: F401 - the same nginx the hosting tests use

LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GATED = ("accessibility", "best-practices", "seo")
MINIMUM = 0.95
RUNS = 3


def lighthouse(url: str, out) -> dict[str, float]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


@pytest.mark.parametrize("path", ["", "measures/four-togethers/", "self-check/"], ids=["home", "item", "self-check"])
def test_lighthouse_scores(nginx_site, path, tmp_path, capsys):  # noqa: F811
    assert LIGHTHOUSE.exists(), "run bash scripts/test.sh, which installs Lighthouse with npm ci"
    base, _ = nginx_site
    runs = sorted((lighthouse(base + path, tmp_path / f"report-{n}.json") for n in range(RUNS)),
                  key=lambda s: s["performance"])
    scores = runs[RUNS // 2]
    with capsys.disabled():
        print(f"\nLighthouse {path or '首页'}（{RUNS} 次取中位）: "
              + "，".join(f"{k} {v * 100:.0f}" for k, v in scores.items())
              + f"；performance 各次 {[round(r['performance'] * 100) for r in runs]}")
    low = {k: v for k, v in scores.items() if k in GATED and v < MINIMUM}
    assert low == {}, f"below {MINIMUM * 100:.0f}: {low}"
