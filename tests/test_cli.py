"""The checks run as a plain command too, without MkDocs (`python -m guidekit`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BASE_PAGES, ROOT, copy_project_config
from support import write_pages


def run_cli(docs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guidekit", str(docs)], cwd=ROOT / "hooks",
                          capture_output=True, text=True, check=False)


def test_cli_passes_on_a_clean_site_and_fails_naming_the_file(tmp_path):
    docs = tmp_path / "docs"
    write_pages(docs, BASE_PAGES)
    clean = run_cli(docs)
    assert clean.returncode == 0, clean.stdout
    assert "0 个错误，0 个警告" in clean.stdout
    broken = BASE_PAGES["cases/nchu.md"].replace("  four-togethers: {", "  four-together: {")
    write_pages(docs, {"cases/nchu.md": broken})
    result = run_cli(docs)
    assert result.returncode == 1
    assert "[G020] docs/cases/nchu.md:6 `applies` 引用的 `four-together` 不存在" in result.stdout


def test_cli_checks_tags_against_the_models_list(tmp_path):
    copy_project_config(tmp_path)
    docs = tmp_path / "docs"
    write_pages(docs, {**BASE_PAGES, "measures/four-togethers.md":
                 BASE_PAGES["measures/four-togethers.md"].replace("[融合发展]", "[不存在的标签]")})
    result = run_cli(docs)
    assert result.returncode == 1 and "[G014]" in result.stdout
