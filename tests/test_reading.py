"""Reading the guide: accessible on desktop and phone, fits a phone screen, prints cleanly on A4."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from browser import static_server
from conftest import ROOT
from pypdf import PdfReader
from support import InPageLinks, is_redirect_page

AXE = ROOT / "tests" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
}"""


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")
                  if not is_redirect_page(p))  # old addresses: tested in test_redirects.py


@pytest.fixture(scope="module")
def served(built_site):
    assert built_site.returncode == 0, built_site.output
    with static_server(built_site.site) as base:
        yield base, built_site.site


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation_on_any_page(served, chromium, viewport):
    base, site = served
    script = AXE.read_text(encoding="utf-8")
    page = chromium.new_page(viewport=viewport)
    problems = {}
    for path in all_pages(site):
        page.goto(base + path)
        page.add_script_tag(content=script)
        found = page.evaluate(RUN_AXE)
        if found:
            problems[path or "/"] = found
    page.close()
    assert problems == {}


def test_no_page_is_wider_than_a_phone(served, chromium, tmp_path_factory, capsys):
    base, site = served
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = []
    for path in all_pages(site):
        page.goto(base + path)
        width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width > viewport:
            too_wide.append((path, width))
    shots = tmp_path_factory.mktemp("phone-screenshots")
    for name, path in (("home", ""), ("item", "measures/four-togethers/"), ("overview", "overview/")):
        page.goto(base + path)
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
        assert size >= 14, f"{name}: body text is {size}px on a phone"
        page.screenshot(path=str(shots / f"{name}-390x844.png"))
    context.close()
    with capsys.disabled():
        print(f"\n手机截图（390×844）：{shots}")
    assert too_wide == []


def pdf_of(browser, url: str) -> PdfReader:
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    page.close()
    return PdfReader(io.BytesIO(data))


def text_of(reader: PdfReader) -> str:
    # CJK fonts often map glyphs to Kangxi radicals (⽀ for 支); NFKC folds them back
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() or "" for page in reader.pages))
    return "".join(text.split())


def test_a_checklist_prints_as_a_clean_tick_list_on_a4(served, chromium):
    base, _ = served
    reader = pdf_of(chromium, base + "guide/checklist-secretary/")
    text = text_of(reader)
    assert "支部书记履职自查清单" in text
    assert "责任清单与“一岗双责”" in text and "记录" in text
    # navigation chrome stays on screen: no tabs, no search box, no footer
    for chrome in ("全景图", "搜索", "上一页", "下一页", "跳转至"):
        assert chrome not in text, chrome
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5, f"not A4: {width}×{height} pt"
    assert 1 <= len(reader.pages) <= 5


def test_the_whole_guide_prints_as_one_document_with_contents(served, chromium, capsys):
    base, site = served
    reader = pdf_of(chromium, base + "print_page/")
    text = text_of(reader)
    assert "目录" in text
    for title in ("党建与业务“两张皮”", "重业务、轻党建的思想倾向", "党员积分制", "邮储银行奎屯市分行"):
        assert title in text, title
    # the cover comes first: the guide's name on page one, before the contents
    first = text_of_page(reader, 0)
    assert "基层党建工作创新实践指南" in first and "两张皮" not in first
    # every in-page link (contents, cross-references, footnotes) lands on an anchor of the page;
    # print-site's own anchor renaming broke 1,147 of them (see hooks/guidekit/adapters/print_site_patch.py)
    anchors = InPageLinks()
    anchors.feed((site / "print_page" / "index.html").read_text(encoding="utf-8"))
    dead = [link for link in anchors.links if link not in anchors.ids and link != "print_page"]  # itself
    with capsys.disabled():
        print(f"\n整本指南 PDF：{len(reader.pages)} 页（A4）；页内链接 {len(anchors.links)} 个，失效 {len(dead)} 个")
    assert len(anchors.links) > 1000 and dead == [], dead[:10]
    assert len(reader.pages) > 60


def text_of_page(reader: PdfReader, number: int) -> str:
    return "".join(unicodedata.normalize("NFKC", reader.pages[number].extract_text() or "").split())
