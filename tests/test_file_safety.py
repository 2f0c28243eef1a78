"""Symbolic links out of the project are refused, wherever under docs/ or includes/ they sit."""

from __future__ import annotations

from pathlib import Path

import pytest
from guidekit.checks.file_safety import check_static_file, outside_project, svg_problem, walk_files


def test_links_are_judged_by_where_they_really_point(tmp_path: Path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "docs" / "guide").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text("机密", encoding="utf-8")
    (project / "README.md").write_text("说明", encoding="utf-8")
    (project / "docs" / "guide" / "ok.md").write_text("正文", encoding="utf-8")
    (project / "docs" / "inside.md").symlink_to(project / "README.md")
    (project / "docs" / "leak.md").symlink_to(outside / "secret.md")
    (project / "docs" / "folder").symlink_to(outside, target_is_directory=True)
    (project / "docs" / "dangling.md").symlink_to(tmp_path / "missing.md")
    (project / "docs" / "loop").symlink_to(project / "docs", target_is_directory=True)
    docs = project / "docs"
    files = [(p.relative_to(docs).as_posix(), p) for p in walk_files(docs)]
    findings = outside_project(project, files)
    assert sorted(f.path for f in findings) == ["dangling.md", "folder/secret.md", "leak.md"]
    assert all(f.code == "G048" for f in findings)
    by_path = {f.path: f.message for f in findings}
    assert str(outside / "secret.md") in by_path["leak.md"]
    assert "folder/" in by_path["folder/secret.md"]


def test_a_missing_folder_has_no_files(tmp_path: Path):
    assert walk_files(tmp_path / "nope") == []


PLAIN_SVG = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
             'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g">'
             '<stop offset="0" stop-color="#fff"/></linearGradient></defs>'
             '<g transform="translate(1,1) rotate(5)"><rect width="5" height="5" style="fill:url(#g);stroke:none"/>'
             '<use xlink:href="#g"/><text x="1" y="2">图</text></g></svg>')


def test_a_plain_svg_picture_is_accepted():
    assert svg_problem(PLAIN_SVG) is None


@pytest.mark.parametrize(("svg", "named"), [
    ('<svg><script>alert(1)</script></svg>', "<script>"),
    ('<svg onload="alert(1)"></svg>', "onload"),
    ('<svg><a href="javascript:alert(1)"><rect/></a></svg>', "<a>"),
    ('<svg><use href="https://evil.example/x.svg#a"/></svg>', "https://evil.example"),
    ('<svg><rect style="fill:url(https://evil.example/p)"/></svg>', "style"),
    ('<svg><foreignObject><div>x</div></foreignObject></svg>', "<foreignobject>"),
    ('<svg><image href="x.png"/></svg>', "<image>"),
    ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "<set>"),
    ('<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg>&x;</svg>', "实体"),
    ('<?xml-stylesheet href="evil.xsl"?><svg></svg>', "处理指令"),
    ('<svg><rect fill="expression(alert(1))"/></svg>', "fill"),
])
def test_svg_that_could_run_or_fetch_something_is_refused(svg, named):
    problem = svg_problem(svg)
    assert problem and named in problem


@pytest.mark.parametrize(("name", "code"), [
    ("page.html", "G062"), ("a.HTM", "G062"), ("x.js", "G062"), ("feed.xml", "G062"), ("noext", "G062"),
    ("bad.svg", "G063"), ("ok.png", None), ("ok.svg", None), ("style.css", None), ("doc.PDF", None),
])
def test_static_files_by_type(tmp_path: Path, name, code):
    path = tmp_path / name
    path.write_text("<svg onload=\"x()\"></svg>" if name == "bad.svg" else PLAIN_SVG, encoding="utf-8")
    assert [f.code for f in check_static_file(name, path)] == ([code] if code else [])


def test_every_file_name_under_docs_is_an_ascii_slug_with_a_pinyin_suggestion():
    from guidekit.checks.file_safety import check_file_names, slug_path

    paths = ["guide/新页面.md", "images/组织 架构图.PNG", "guide/Checklist_A.md", "图片/a.png",
             "guide/ok-page.md", "images/org-chart-2.png", "stylesheets/guide.css", "problems/新问题.md"]
    found = {f.path: f for f in check_file_names(paths)}
    assert set(found) == {"guide/新页面.md", "images/组织 架构图.PNG", "guide/Checklist_A.md", "图片/a.png"}
    assert all(f.code == "G121" for f in found.values())
    assert "`guide/xin-ye-mian.md`" in found["guide/新页面.md"].fix
    assert "`images/zu-zhi-jia-gou-tu.png`" in found["images/组织 架构图.PNG"].fix
    assert "`tu-pian/a.png`" in found["图片/a.png"].fix
    assert slug_path("guide/Checklist_A.md") == "guide/checklist-a.md"


def test_an_item_page_with_a_chinese_name_is_one_finding_with_the_pinyin_name():
    from guidekit.checks.content import load_content

    text = "---\ntitle: 新问题\nsummary: 摘要。\nsources: [s002]\n---\n\n## 下一步\n\n正文。\n"
    findings = load_content({"problems/新问题.md": text.encode()}).findings
    named = [f for f in findings if f.code in ("G007", "G121")]
    assert [f.code for f in named] == ["G007"] and "`xin-wen-ti.md`" in named[0].fix


@pytest.mark.parametrize(("svg", "named"), [
    ("<svg><rect></svg>", "不是格式正确的 XML"),  # a browser would show an error page, not the picture
    ('<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>', "<script>"),
    ('<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd"><svg></svg>', "外部定义"),
])
def test_an_svg_file_is_read_as_xml_the_way_a_browser_opens_it(svg, named):
    assert named in (svg_problem(svg) or "")


def test_markup_inside_an_xml_comment_or_cdata_is_text_to_the_browser_and_passes():
    assert svg_problem('<svg><!--><script>alert(1)</script>--><text>a</text></svg>') is None
    assert svg_problem('<svg><text><![CDATA[<script>alert(1)</script>]]></text></svg>') is None
