"""Intranet hosting: the guide under a sub-path behind a real nginx with deploy/nginx.conf.

Checks what an administrator and a reader would notice: pages, assets, search and
the 404 page work under /dangjian/guide/; text is gzipped; fingerprinted assets are
cached for a year and HTML is revalidated; security headers are present and the
Content-Security-Policy is one Material's pages actually satisfy; and no page asks
any host but the one serving it.
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser import first_search_result
from conftest import ROOT, run_mkdocs
from support import free_port, is_redirect_page

SUBPATH = "/dangjian/guide/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render_nginx(tmp: Path, www: Path, port: int) -> Path:
    """deploy/nginx.conf as shipped, with only the port, web root and include path changed."""
    headers = tmp / "dangjian-guide-headers.conf"
    shutil.copy(ROOT / "deploy" / "dangjian-guide-headers.conf", headers)
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in (("listen 80;", f"listen 127.0.0.1:{port};"), ("root /srv/www;", f"root {www};"),
                     ("/etc/nginx/snippets/dangjian-guide-headers.conf", str(headers))):
        assert old in server, f"deploy/nginx.conf no longer contains {old!r}"
        server = server.replace(old, new)
    (tmp / "server.conf").write_text(server, encoding="utf-8")
    temp_paths = "".join(f"  {name}_temp_path {tmp}/{name};\n" for name in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = tmp / "nginx.conf"
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log warn;\n"
        f"events {{}}\nhttp {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  access_log off;\n{temp_paths}  include {tmp}/server.conf;\n}}\n",
        encoding="utf-8")
    return main


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    www = tmp / "www"
    site = www / SUBPATH.strip("/")
    result = run_mkdocs(ROOT, "build", "--strict", "--site-dir", str(site),
                        env={"SITE_URL": f"http://127.0.0.1{SUBPATH}"})
    assert result.returncode == 0, result.output
    port = free_port()
    config = render_nginx(tmp, www, port)
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-c", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(config), "-g", "daemon off;"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield base, site
    server.terminate()
    server.wait(timeout=10)


def get(url: str, gzip: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def fingerprinted(site: Path, pattern: str) -> str:
    (path,) = site.glob(pattern)
    return path.relative_to(site).as_posix()


def test_subpath_without_slash_redirects(nginx_site):
    base, _ = nginx_site
    parsed = urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=5)
    conn.request("GET", SUBPATH.rstrip("/"))
    response = conn.getresponse()
    assert response.status == 301
    assert response.getheader("Location").endswith(SUBPATH)


def test_text_is_gzipped(nginx_site):
    base, site = nginx_site
    for path in ("", fingerprinted(site, "assets/stylesheets/main.*.min.css"),
                 fingerprinted(site, "assets/javascripts/bundle.*.min.js"), "search/search_index.json"):
        status, headers, _ = get(base + path, gzip=True)
        assert status == 200, path
        assert headers.get("content-encoding") == "gzip", path


def test_fingerprinted_assets_are_cached_long_and_html_is_revalidated(nginx_site):
    base, site = nginx_site
    for path in (fingerprinted(site, "assets/javascripts/bundle.*.min.js"),
                 fingerprinted(site, "assets/stylesheets/main.*.min.css"),
                 # the patched search worker: its own fingerprint, so a changed patch is a new file
                 fingerprinted(site, "assets/javascripts/workers/search.*.min.js")):
        assert get(base + path)[1]["cache-control"] == "public, max-age=31536000, immutable", path
    for path in ("", "problems/two-skins/"):
        assert get(base + path)[1]["cache-control"] == "no-cache", path
    # not fingerprinted: may change with any release, so cached briefly
    for path in ("search/search_index.json", "stylesheets/guide.css", "assets/javascripts/search-t2s.js"):
        assert get(base + path)[1]["cache-control"] == "public, max-age=3600", path


def test_missing_page_gets_the_sites_404_page(nginx_site):
    base, _ = nginx_site
    status, headers, body = get(base + "no/such/page/")
    assert status == 404
    text = body.decode("utf-8")
    assert "404" in text and "基层党建工作创新实践指南" in text
    assert f'href="{SUBPATH}assets/stylesheets/main.' in text, "the 404 page must load its styles from the sub-path"


@pytest.mark.parametrize("path", ["", "assets/stylesheets/", "no/such/page/"])
def test_security_headers_on_every_kind_of_response(nginx_site, path):
    base, site = nginx_site
    if path == "assets/stylesheets/":
        path = fingerprinted(site, "assets/stylesheets/main.*.min.css")
    _, headers, _ = get(base + path)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["referrer-policy"] == "same-origin"
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "object-src 'none'" in csp


def all_pages(site: Path) -> list[str]:
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")
             if not is_redirect_page(p)]  # old addresses: tested in test_redirects.py
    return sorted(p.removesuffix("index.html") for p in pages)


def test_every_page_loads_under_the_subpath_with_no_outside_request_and_no_csp_violation(nginx_site, chromium):
    base, site = nginx_site
    host = urlparse(base).netloc
    context = chromium.new_context()
    outside, failed, violations = [], [], []
    context.on("request", lambda r: urlparse(r.url).netloc != host and r.url.startswith("http")
               and outside.append(r.url))
    # a request the next navigation cancels (the search worker, the favicon) is not a failure
    context.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.failure} {r.url}"))
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page = context.new_page()
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    pages = all_pages(site)
    assert len(pages) >= len(list((ROOT / "docs").rglob("*.md")))  # every written page, and more
    for path in pages:
        page.goto(base + path, wait_until="load")
        assert page.title(), path
    context.close()
    assert outside == [], outside
    assert failed == [], failed
    assert violations == [], violations


def test_navigation_search_and_404_work_in_the_browser_under_the_subpath(nginx_site, chromium):
    base, _ = nginx_site
    page = chromium.new_page()
    try:
        page.goto(base)
        page.click("a.md-tabs__link[href='problems/']")
        page.wait_for_url(base + "problems/")
        assert page.locator("h1").inner_text().rstrip("¶") == "问题"
        first = first_search_result(page, "奎屯")
        assert first.get_attribute("href").startswith(base + "cases/kuitun-psbc/")
        response = page.goto(base + "no/such/page/")
        assert response.status == 404
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    finally:
        page.close()
