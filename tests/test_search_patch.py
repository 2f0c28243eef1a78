"""The patched search worker: patched once however often the site is rebuilt, and under its own name.

The shipped nginx config caches files named like search.<8 hex>.min.js for a year,
so a patched worker that kept Material's name would be served stale after a change.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import material
import pytest
from conftest import BASE_PAGES, ROOT, copy_project_config
from guidekit.adapters.search_patch import (
    PATCHED_MARK,
    find_query_module,
    find_worker,
    fingerprinted_name,
    install_worker,
    patch_search_worker,
    prepare_worker,
)
from test_hosting import free_port

MATERIAL = Path(material.__file__).parent / "templates"
NGINX_IMMUTABLE = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")  # deploy/nginx.conf, one-year cache
WORKER_LINK = re.compile(r'"search":\s*"([^"]*workers/(search\.[0-9a-f]{8}\.min\.js))"')


def material_worker() -> tuple[str, str]:
    found = find_worker([str(ROOT / "overrides"), str(MATERIAL)])
    assert found is not None, "Material ships no search worker where the hook looks for it"
    return found


QUERY_MODULE = find_query_module([str(ROOT / "overrides"), str(MATERIAL)])


def test_patching_a_patched_worker_changes_nothing():
    _, original = material_worker()
    once = patch_search_worker(original, QUERY_MODULE)
    assert once is not None and PATCHED_MARK in once
    assert patch_search_worker(once, QUERY_MODULE) == once


def test_the_patched_worker_gets_a_new_fingerprint_nginx_caches_by():
    name, original = material_worker()
    worker = prepare_worker(name, original, QUERY_MODULE)
    assert worker is not None
    assert worker.name != name and NGINX_IMMUTABLE.search(worker.name)
    assert worker.name == fingerprinted_name(worker.script) != fingerprinted_name(worker.script + ";")
    page = f'<script>{{"search": "../assets/javascripts/workers/{name}"}}</script>'
    assert worker.relink(page) == f'<script>{{"search": "../assets/javascripts/workers/{worker.name}"}}</script>'


def test_installing_replaces_materials_file_and_relinks_the_pages_given(tmp_path):
    name, original = material_worker()
    worker = prepare_worker(name, original, QUERY_MODULE)
    folder = tmp_path / "assets" / "javascripts" / "workers"
    folder.mkdir(parents=True)
    (folder / name).write_text(original, encoding="utf-8")
    print_page = tmp_path / "print_page" / "index.html"
    print_page.parent.mkdir()
    print_page.write_text(f'"search": "../assets/javascripts/workers/{name}"', encoding="utf-8")
    for _ in range(2):  # a rebuild finds the site folder as the first build left it
        install_worker(tmp_path, worker, [print_page])
    assert sorted(p.name for p in folder.iterdir()) == [worker.name]
    assert (folder / worker.name).read_text(encoding="utf-8") == worker.script
    assert worker.name in print_page.read_text(encoding="utf-8")


def test_every_page_of_a_build_loads_the_patched_worker(fixture_site):
    result = fixture_site()
    assert result.returncode == 0, result.output
    workers = sorted(p.name for p in (result.site / "assets/javascripts/workers").glob("*.js"))
    assert len(workers) == 1 and workers[0] != material_worker()[0]
    assert PATCHED_MARK in (result.site / "assets/javascripts/workers" / workers[0]).read_text(encoding="utf-8")
    for page in ("index.html", "problems/two-skins/index.html", "404.html", "print_page/index.html"):
        link = WORKER_LINK.search(result.html(page))
        assert link is not None and link[2] == workers[0], page


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.build
def test_a_rebuild_under_serve_dirty_patches_again_without_a_warning(tmp_path):
    copy_project_config(tmp_path)
    for path, text in BASE_PAGES.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    try:
        def page_with(text: str) -> str:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    status, html = _get(base + "problems/two-skins/")
                    if status == 200 and text in html:
                        return html
                except OSError:
                    pass
                time.sleep(0.5)
            raise AssertionError(f"the preview never showed {text!r}:\n{log.read_text(encoding='utf-8')}")

        page_with("脱节")
        page = tmp_path / "docs" / "problems" / "two-skins.md"
        page.write_text(page.read_text(encoding="utf-8").replace("脱节", "严重脱节"), encoding="utf-8")
        html = page_with("严重脱节")  # the rebuild, on the site folder the first build left
        link = WORKER_LINK.search(html)
        assert link is not None and link[2] != material_worker()[0]
        status, worker = _get(base + "assets/javascripts/workers/" + link[2])
        assert status == 200 and PATCHED_MARK in worker
        assert _get(base + "assets/javascripts/workers/" + material_worker()[0])[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert output.count("Building documentation") >= 2 or "Reloading" in output, output
    stale_worker = material_worker()[0]
    warnings = [line for line in output.splitlines()
                if line.startswith("WARNING") and "'dirty' build" not in line  # MkDocs' own note on --dirty
                # the server's access log of this test's own request for the unpatched worker (asserted 404 above)
                and not (stale_worker in line and "code 404" in line)]
    assert warnings == [], output
