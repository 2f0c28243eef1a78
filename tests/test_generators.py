"""The guide builds the same with the maintained fork of MkDocs 1.6 (ProperDocs) as with MkDocs 1.6.1.

MkDocs 1.6.1 is the last 1.x release and MkDocs 2 drops plugins; ProperDocs is a drop-in fork that
runs the same plugins and hooks (it answers `mkdocs.*` imports itself). The pinned default stays
MkDocs; this proves the way out: every page, byte for byte, but for the generator's name.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_every_page_as_mkdocs_does(built_site, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "-d", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    ours = {p.relative_to(built_site.site) for p in built_site.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert ours == theirs
    def page(root, path) -> bytes:
        return GENERATOR.sub(b"", (root / path).read_bytes())

    differing = [path for path in sorted(ours) if page(site, path) != page(built_site.site, path)]
    assert differing == []
    assert b"ProperDocs" in (site / "index.html").read_bytes()
