"""MkDocs' own link, anchor and nav warnings become Chinese findings with file and line.

The English messages are not copied here: a plain MkDocs build (no hook, the built-in theme)
produces them from its own code, so a change in MkDocs' wording fails these tests.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from guidekit.adapters.mkdocs_messages import is_footnote_echo, link_line, translate
from guidekit.core.front_matter import split_front_matter

PAGES = {
    "index.md": "# 首页\n\n[问题](problems/a.md)\n",
    "problems/a.md": (
        "# 问题\n\n## 表现\n\n正文。\n\n"
        "见[不存在](../measures/nope.md)。\n\n"           # line 7: not found
        "```text\n[代码里的](../measures/nope.md)\n```\n\n"  # in code: not where the link is
        "见[锚点](b.md#no-such)和[本页](#nothing)。\n\n"   # line 13: anchors
        "见[绝对](/problems/b.md)。\n\n"                  # line 15: absolute
        "见[文件夹](../problems/)。\n"                    # line 17: unrecognized
    ),
    "problems/b.md": "# 乙\n\n正文。\n",
}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_messages(tmp_path: Path, extra_config: str = "", pages: dict[str, str] = PAGES) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for path, text in pages.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nvalidation:\n  links:\n    anchors: warn\n    absolute_links: warn\n"
        "    unrecognized_links: warn\n" + extra_config, encoding="utf-8")
    collect = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    finally:
        logger.removeHandler(collect)
    return collect.messages


def locate_in(tmp_path: Path):
    def locate(src: str, url: str) -> int | None:
        text = (tmp_path / "docs" / src).read_text(encoding="utf-8")
        _, body, start = split_front_matter(text)
        return link_line(body, start, url)
    return locate


@pytest.fixture
def links(tmp_path):
    messages = mkdocs_messages(tmp_path)
    findings = [translate(m, locate_in(tmp_path)) for m in messages]
    return messages, findings


def test_every_link_warning_of_mkdocs_is_translated(links):
    messages, findings = links
    assert len(messages) == 5 and None not in findings, messages
    by_code = {f.code: f for f in findings if f is not None}
    assert sorted(f.code for f in findings) == ["G080", "G081", "G081", "G082", "G083"]
    assert all(f.path == "problems/a.md" for f in findings)
    assert by_code["G080"].line == 7 and "`../measures/nope.md`" in by_code["G080"].message
    assert by_code["G082"].line == 15 and "`/problems/b.md`" in by_code["G082"].message
    assert by_code["G082"].message.endswith("是否想写 `b.md`？")
    assert by_code["G083"].line == 17 and "`../problems/`" in by_code["G083"].message
    anchors = sorted((f.line, f.message) for f in findings if f.code == "G081")
    assert [line for line, _ in anchors] == [13, 13]
    assert any("docs/problems/b.md" in m and "`#no-such`" in m for _, m in anchors)


def test_every_translation_is_chinese_with_a_fix(links):
    _, findings = links
    for finding in findings:
        assert finding.fix and "Doc file" not in finding.message + finding.fix
        assert finding.format().startswith(f"[{finding.code}] docs/problems/a.md:{finding.line} ")


def test_nav_warnings_are_translated(tmp_path):
    nav = "nav:\n  - index.md\n  - missing.md\n  - /absolute.md\n"
    checks = "  nav:\n    omitted_files: warn\n    not_found: warn\n    absolute_links: warn\n"
    messages = mkdocs_messages(tmp_path, checks + nav)
    findings = [translate(m, locate_in(tmp_path)) for m in messages]
    nav = [f for f in findings if f is not None and f.code == "G085"]
    assert len(nav) == 3, messages
    assert any("problems/a.md" in f.message and "problems/b.md" in f.message for f in nav)
    assert any("`missing.md`" in f.message for f in nav) and any("`/absolute.md`" in f.message for f in nav)


def test_a_footnote_anchor_warning_is_left_to_the_footnote_rules(tmp_path):
    page = "# 首页\n\n正文[^s002]。\n\n[^s002]: 见。\n\n[回到脚注](#fnref:s003)\n"
    messages = mkdocs_messages(tmp_path, "markdown_extensions:\n  - footnotes\n", pages={"index.md": page})
    assert messages and all(is_footnote_echo(m) for m in messages), messages
    assert not any(is_footnote_echo(m) for m in mkdocs_messages(tmp_path / "other"))


def test_other_messages_are_left_alone():
    assert translate("Config value 'theme': something else", lambda s, u: None) is None


def test_a_missing_image_is_called_an_image_and_told_where_images_go(tmp_path):
    pages = {"index.md": "# 首页\n\n正文。\n\n![会议室](images/meeting.png)\n"}
    messages = mkdocs_messages(tmp_path, pages=pages)
    (finding,) = [translate(m, locate_in(tmp_path)) for m in messages]
    assert finding.code == "G080" and finding.line == 5
    assert finding.message.startswith("图片 `images/meeting.png`") and "页面" not in finding.message
    assert "images/" in finding.fix and "![" in finding.fix


def test_an_anchor_written_as_the_heading_text_is_answered_with_the_real_anchor(tmp_path):
    from guidekit.adapters.mkdocs_messages import heading_anchors
    pages = {
        "index.md": "# 首页\n\n见[乙页](b.md#自查要点)和[本页](#怎么做)。\n\n## 怎么做\n\n正文。\n",
        "b.md": "# 乙\n\n## 自查要点\n\n正文。\n",
    }
    messages = mkdocs_messages(tmp_path, "markdown_extensions:\n  - toc:\n      slugify: !!python/name:"
                               "guidekit.core.slugs.pinyin_slug\n", pages=pages)

    def anchors(src: str) -> dict[str, str]:
        return heading_anchors((tmp_path / "docs" / src).read_text(encoding="utf-8"))

    findings = sorted((translate(m, locate_in(tmp_path), anchors) for m in messages), key=lambda f: f.message)
    assert [f.code for f in findings] == ["G081", "G081"], messages
    assert any("`#zi-cha-yao-dian`" in f.message and f.fix == "把链接改成 `b.md#zi-cha-yao-dian`。" for f in findings)
    assert any("`#zen-me-zuo`" in f.message and f.fix == "把链接改成 `#zen-me-zuo`。" for f in findings)
    assert all("没有这个标题" not in f.message for f in findings)


def test_an_explicit_heading_id_is_the_anchor_offered():
    from guidekit.adapters.mkdocs_messages import heading_anchors
    assert heading_anchors("## 自查要点 { #check }\n\n```\n## 代码里的\n```\n") == {"自查要点": "check"}


def test_an_address_the_html_check_refuses_is_not_reported_twice(tmp_path):
    from guidekit.adapters.mkdocs_messages import is_address_echo
    page = "# 首页\n\n[点我](JaVaScRiPt&#58;alert(1))和[编码](javascript%3Aalert(1))和[文件夹](problems/)\n"
    messages = mkdocs_messages(tmp_path, pages={"index.md": page, "problems/a.md": "# 甲\n"})
    echoes = [m for m in messages if is_address_echo(m)]
    assert echoes and len(echoes) == len(messages) - 1, messages  # the folder link is a real G083
