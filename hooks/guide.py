"""MkDocs hook: wires the guidekit content model into the build.

on_config     reset per-build state, read the allowed tags
on_files      read every page once, check the graph, report findings, add the
              generated pages (virtual: nothing is written into docs/), build nav
on_page_*     item header and related panel, page description, HTML safety
on_post_build fix the Chinese query segmentation of Material's search worker
All logic lives in guidekit; the functions here only connect it to MkDocs.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from guidekit.accessibility import label_task_checkboxes, titles_to_labels
from guidekit.content import Content, load_content
from guidekit.dates import PLUGIN as DATES_PLUGIN
from guidekit.dates import build_epoch, fallback_date_html, inside_git_work_tree
from guidekit.evidence import grade_badge_html, item_grade, scale_markdown
from guidekit.file_safety import check_include_file, check_static_file, outside_project, walk_files
from guidekit.findings import Finding
from guidekit.glossary import parse_abbreviations
from guidekit.html_safety import check_html, neutralise_html
from guidekit.links import print_page_link
from guidekit.mkdocs_messages import is_footnote_echo, link_line, translate
from guidekit.model import ITEM_TYPES, item_folder, item_id
from guidekit.nav import build_nav
from guidekit.pages import (
    EVIDENCE_PAGE,
    THEMES_PAGE,
    glossary_markdown,
    overview_markdown,
    rules_table_markdown,
    type_index_markdown,
)
from guidekit.panel import PanelEntry, related_sections, source_entries
from guidekit.picture import neighbourhood_picture, overview_picture
from guidekit.plain_text import html_text, markdown_text
from guidekit.preview import preview_banner
from guidekit.search_patch import patch_search_worker
from guidekit.self_check import PAGE as SELF_CHECK_PAGE
from guidekit.self_check import self_check_data, self_check_markdown
from guidekit.slugs import pinyin_slug
from guidekit.snippets import check_snippets, drop_bad_snippets
from guidekit.templates import template_markdown
from guidekit.vocabulary import domain_terms
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = get_plugin_logger("guide")

ABBREVIATIONS_FILE = "includes/abbreviations.md"
UNDECODABLE_PAGE = (
    "---\ntitle: 无法读取的页面\n---\n\n本页文件不是 UTF-8 编码，构建时无法读取，请查看构建日志。\n"
)
REFUSED_PAGE = (
    "---\ntitle: 无法读取的页面\n---\n\n本页文件不能安全读取（含有 NUL 字节或 YAML 别名），"
    "构建没有使用它的内容，请查看构建日志。\n"
)
REFUSED_CODES = ("G049", "G060")
MARKER = re.compile(r"<!--\s*guide:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z-]+))?\s*-->")

_state: dict[str, Any] = {}
_command: dict[str, str] = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(100)  # before the git-dates plugin, which would warn outside git
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    _install_translator()
    _state["allowed_tags"] = _allowed_tags(config)
    _state["root"] = Path(config.config_file_path).parent
    config.mdx_configs.setdefault("toc", {})["slugify"] = pinyin_slug
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if tags is not None:
        tags.config.tags_slugify = pinyin_slug  # 按主题浏览#tag:xin-xi-hua, not #tag:信息化
    _state["include_findings"] = _check_includes(config)
    dates = config.plugins.get(DATES_PLUGIN)
    if dates is not None and not inside_git_work_tree(_state["root"]):
        dates.config["enabled"] = False
        _state["fallback_date"] = fallback_date_html(build_epoch())
    return config


# MkDocs' link and nav checks, and the print-site plugin (which logs on "mkdocs.plugins" itself).
UNREADABLE_CODES = frozenset({"G001", "G002", "G003", "G004", "G005", "G006"})
MKDOCS_VALIDATION_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.plugins")


class _TranslateMkDocsMessages(logging.Filter):
    """Rewrites MkDocs' English link/anchor/nav warnings as Chinese findings (English kept after).

    The record keeps its level, so MkDocs still counts it and --strict still fails;
    the finding also joins the page's findings for the preview banner and the CLI.
    """

    guide_translator = True

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if is_footnote_echo(message):
            return False  # the footnote rules (G071/G072) report it, in Chinese, once
        finding = translate(message, _locate_link)
        if finding is None:
            return True
        content: Content | None = _state.get("content")
        if content is not None:
            said = {f.code for f in content.findings_for(finding.path)}
            if finding.code in ("G006", "G086") and said & UNREADABLE_CODES:
                return False  # no heading because the page could not be read or is empty: already said
            content.findings.append(finding)
        record.msg, record.args = f"{finding.format()}（原文：{message}）", ()
        return True


def _locate_link(src: str, url: str) -> int | None:
    content: Content | None = _state.get("content")
    page = content.pages.get(src) if content else None
    return link_line(page.body, page.body_start_line, url) if page else None


def _install_translator() -> None:
    for name in MKDOCS_VALIDATION_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if getattr(f, "guide_translator", False)]:
            logger.removeFilter(old)  # `mkdocs serve` reloads this hook on every rebuild
        logger.addFilter(_TranslateMkDocsMessages())


def _allowed_tags(config: MkDocsConfig) -> frozenset[str]:
    for name in ("material/tags", "tags"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return frozenset(getattr(t, "name", str(t)) for t in plugin.config.tags_allowed)
    return frozenset()


def _check_includes(config: MkDocsConfig) -> list[Finding]:
    """includes/ files: links out of the project and NUL bytes are reported and never appended to a page;
    traditional characters are reported like a page's."""
    includes = _state["root"] / "includes"
    shown = {f"../includes/{p.relative_to(includes).as_posix()}": p for p in walk_files(includes)}
    findings = outside_project(_state["root"], shown.items())
    outside = {f.path for f in findings}
    findings += [f for name, path in shown.items() if name not in outside for f in check_include_file(name, path)]
    bad = {f.path.removeprefix("../includes/") for f in findings if f.code != "G047"}
    _state["bad_includes"] = bad
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    if bad and "auto_append" in snippets:
        snippets["auto_append"] = [name for name in snippets["auto_append"] if name not in bad]
    return findings


def _drop_outside_files(files: Files, docs_dir: str) -> list[Finding]:
    """Links out of the project and files a browser would run: reported and removed before use."""
    docs = Path(docs_dir)  # as written, not resolved: theme files come from elsewhere and are fine
    candidates = {f.src_uri: f for f in files
                  if f.abs_src_path and not f.generated_by and Path(f.abs_src_path).is_relative_to(docs)}
    findings = outside_project(_state["root"], [(uri, Path(f.abs_src_path)) for uri, f in candidates.items()])
    for finding in findings:
        files.remove(candidates.pop(finding.path))
    static = [finding for uri, f in candidates.items()
              if not f.is_documentation_page() and not f.inclusion.is_excluded()
              for finding in check_static_file(uri, Path(f.abs_src_path))]
    for finding in static:
        files.remove(candidates[finding.path])
    return findings + static


def _report(findings: list[Finding]) -> None:
    for finding in findings:
        (log.error if finding.level == "error" else log.warning)(finding.format())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    file_findings = [*_state.get("include_findings", []), *_drop_outside_files(files, config.docs_dir)]
    sources = {f.src_uri: f.content_bytes for f in files.documentation_pages()}
    content = load_content(sources, _state.get("allowed_tags", frozenset()))
    content.findings[:0] = file_findings
    _state["content"] = content
    _state["files"] = files
    _report(content.findings)
    for path in content.undecodable:
        files.get_file_from_path(path).content_string = UNDECODABLE_PAGE
    for path in {f.path for f in content.findings if f.code in REFUSED_CODES and f.path in sources}:
        files.get_file_from_path(path).content_string = REFUSED_PAGE
    snippet_findings = [
        finding
        for path, page in content.pages.items()
        for finding in check_snippets(path, page.body, page.body_start_line, _state["root"] / "includes")
    ]
    _report(snippet_findings)
    content.findings.extend(snippet_findings)
    glossary = _read_abbreviations()
    themes = any(f.src_uri == THEMES_PAGE for f in files)
    evidence = any(f.src_uri == EVIDENCE_PAGE for f in files)
    for path, markdown in _generated_pages(content, glossary, config.use_directory_urls, themes,
                                           evidence).items():
        if files.get_file_from_path(path) is not None:
            _report([Finding("G033", path, f"docs/{path} 由构建自动生成，不能手写。",
                             f"删除或改名 docs/{path}，手写内容请放到其他页面。")])
            continue
        files.append(File.generated(config, path, content=markdown))
    if not config.nav:
        config.nav, unlisted = build_nav([f.src_uri for f in files.documentation_pages()])
        for path in unlisted:
            files.get_file_from_path(path).inclusion = InclusionLevel.NOT_IN_NAV
    _register_search_terms(content, glossary)
    return files


def _read_abbreviations() -> list[tuple[str, str]]:
    path = _state["root"] / ABBREVIATIONS_FILE
    if path.name in _state.get("bad_includes", ()):
        return []
    return parse_abbreviations(path.read_text(encoding="utf-8")) if path.exists() else []


def _generated_pages(content: Content, glossary: list[tuple[str, str]], directory_urls: bool,
                     themes: bool, evidence: bool) -> dict[str, str]:
    pages = {f"{folder}/index.md": type_index_markdown(content.graph, folder, themes, evidence)
             for folder in ITEM_TYPES}
    overview_url = "overview/" if directory_urls else "overview.html"
    picture = overview_picture(content.graph, overview_url, directory_urls)
    pages["overview.md"] = overview_markdown(content.graph, picture, evidence)
    check_url = "self-check/" if directory_urls else "self-check.html"
    bodies = {path: page.body for path, page in content.pages.items()}
    pages[SELF_CHECK_PAGE] = self_check_markdown(self_check_data(content.graph, bodies, check_url, directory_urls))
    if glossary:
        pages["guide/glossary.md"] = glossary_markdown(glossary)
    return pages


def _register_search_terms(content: Content, glossary: list[tuple[str, str]]) -> None:
    try:
        import jieba
    except ImportError:  # search without jieba still works, only less precisely
        return
    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict ..." lines are not for editors
    bodies = (page.body for page in content.pages.values())
    for term in domain_terms(content.graph, glossary, _state.get("allowed_tags", frozenset()), bodies):
        jieba.add_word(term, freq=20000)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content: Content | None = _state.get("content")
    if content is None:
        return markdown
    src = page.file.src_uri
    allowed = _state.get("allowed_tags", frozenset())
    if allowed and isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [t for t in page.meta["tags"] if str(t) in allowed]
    for key in ("title", "description"):  # the theme prints these unescaped
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html_text(page.meta[key])
    markdown = MARKER.sub(lambda m: _expand_marker(m, page, config), markdown)
    markdown = drop_bad_snippets(markdown, _state["root"] / "includes")
    if "fallback_date" in _state and not page.file.generated_by:
        page.meta["git_revision_date_localized"] = _state["fallback_date"]
    folder = item_folder(src)
    if folder is None or item_id(src) not in content.graph.items:
        return markdown
    item = content.graph.items[item_id(src)]
    if item.summary:
        page.meta.setdefault("description", html_text(item.summary))
    lead = f"{markdown_text(item.summary)}\n{{: .guide-lead }}\n\n" if item.summary else ""
    return f"# {markdown_text(item.title)}\n\n{lead}{markdown}"


def _expand_marker(match: re.Match[str], page: Page, config: MkDocsConfig) -> str:
    name, arg = match["name"], match["arg"]
    if name == "print-page":
        # The print-site plugin adds its page after links are checked, so the link is plain HTML.
        return print_page_link(page.url, config.use_directory_urls)
    if name == "rules":
        return rules_table_markdown()
    if name == "evidence-scale":
        return scale_markdown()
    if name == "template" and arg in ITEM_TYPES:
        return template_markdown(arg)
    return match.group(0)


@event_priority(50)  # before print-site copies each page into the whole-guide page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content: Content | None = _state.get("content")
    if content is None or page.file.generated_by:
        return html
    parsed = content.pages.get(page.file.src_uri)
    body, start = (parsed.body, parsed.body_start_line) if parsed else ("", 1)
    findings = check_html(page.file.src_uri, html, body, start)
    if findings:
        _report(findings)
        content.findings.extend(findings)
        html = neutralise_html(html)
    if "task-list-item" in html:
        html = label_task_checkboxes(html)
    html = titles_to_labels(html)
    return html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Check anchors now, not after the pages are written, so the preview banner can list them."""
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            file.page.links_to_anchors = None  # MkDocs' own pass after writing would repeat them
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    content: Content | None = _state.get("content")
    src = page.file.src_uri
    if content is not None and _command["name"] == "serve" and not page.file.generated_by:
        page.content = preview_banner(content.findings_for(src)) + (page.content or "")
    if content is None or item_folder(src) is None or item_id(src) not in content.graph.items:
        return context
    item = content.graph.items[item_id(src)]
    if "urls" not in _state:  # once per build, not once per page
        _state["urls"] = {f.src_uri: f.url for f in _state["files"]}
    urls: dict[str, str] = _state["urls"]
    grade = item_grade(content.graph, item.id)
    context["guide_item"] = {
        "grade": grade_badge_html(grade, _page_url(page, urls, EVIDENCE_PAGE)) if grade else "",
        "id": item.id,
        "folder": item.folder,
        "type_label": item.type_label,
        "sections": [
            {"key": s.key, "label": s.label, "entries": [_entry(urls, e) for e in s.entries]}
            for s in related_sections(content.graph, item.id)
        ],
        "sources": [_entry(urls, e) for e in source_entries(content.graph, item.id)],
        # drawn in the template, not the page content: kept out of search and the print page
        "picture": neighbourhood_picture(content.graph, item.id, page.url, config.use_directory_urls),
    }
    return context


def _page_url(page: Page, urls: dict[str, str], target: str) -> str | None:
    """A link from `page` to another docs page, or None when the site has no such page."""
    if target not in urls:
        return None
    return get_relative_url(urls[target], page.url)


def _entry(urls: dict[str, str], entry: PanelEntry) -> dict[str, str]:
    return {**vars(entry), "url": urls.get(entry.path, entry.path)}  # vars: asdict deep-copies, 5x slower


def on_post_build(config: MkDocsConfig) -> None:
    workers = sorted(Path(config.site_dir).glob("assets/javascripts/workers/search.*.min.js"))
    for worker in workers:
        patched = patch_search_worker(worker.read_text(encoding="utf-8"))
        if patched is None:
            log.warning(f"Material 的搜索脚本 {worker.name} 与预期不符，中文查询分词修正未能应用。"
                        "这不是页面内容的问题，请把这条提示转告维护者"
                        "（需检查 hooks/guidekit/search_patch.py 是否适配当前的 Material 版本）。")
            continue
        worker.write_text(patched, encoding="utf-8")
    if not workers and "search" in config.plugins:
        log.warning("没有找到 Material 的搜索脚本，中文查询分词修正未能应用。")
