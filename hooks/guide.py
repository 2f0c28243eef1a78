"""MkDocs hook: wires the guidekit content model into the build.

on_config     reset per-build state, read the allowed tags, patch print-site (linear
              print page), prepare the patched search worker
on_files      read every page once, check the graph, report findings, add the
              generated pages (virtual: nothing is written into docs/), build nav
on_page_*     item header and related panel, page description, HTML safety
on_post_page  pages load the patched search worker under its own fingerprinted name
on_post_build lean search index with inner words, the patched worker (fixed Chinese
              query segmentation) written under that name
All logic lives in guidekit; the functions here only connect it to MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guidekit.accessibility import label_task_checkboxes, titles_to_labels
from guidekit.content import Content, load_content
from guidekit.dates import PLUGIN as DATES_PLUGIN
from guidekit.dates import build_epoch, fallback_date_html, inside_git_work_tree
from guidekit.findings import Finding
from guidekit.html_safety import check_html, neutralise_html
from guidekit.model import ITEM_TYPES, item_folder, item_id
from guidekit.nav import build_nav
from guidekit.pages import (
    THEMES_PAGE,
    PanelEntry,
    glossary_markdown,
    overview_markdown,
    parse_abbreviations,
    print_page_link,
    related_sections,
    rules_table_markdown,
    source_entries,
    type_index_markdown,
)
from guidekit.picture import neighbourhood_picture, overview_picture
from guidekit.preview import preview_banner
from guidekit.print_site_patch import installed_version, patch_print_site, whole_guide
from guidekit.search_index import jieba_cut_for_search, lean_index_file
from guidekit.search_patch import PatchedWorker, install_worker, theme_worker
from guidekit.slugs import pinyin_slug
from guidekit.snippets import check_snippets, drop_bad_snippets
from guidekit.templates import template_markdown
from guidekit.vocabulary import domain_terms
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

log = get_plugin_logger("guide")

ABBREVIATIONS_FILE = "includes/abbreviations.md"
UNDECODABLE_PAGE = (
    "---\ntitle: 无法读取的页面\n---\n\n本页文件不是 UTF-8 编码，构建时无法读取，请查看构建日志。\n"
)
MARKER = re.compile(r"<!--\s*guide:(?P<name>[a-z-]+)(?:\s+(?P<arg>[a-z-]+))?\s*-->")

_state: dict[str, Any] = {}
_command: dict[str, str] = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(100)  # before the git-dates plugin, which would warn outside git
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    _state["allowed_tags"] = _allowed_tags(config)
    _state["root"] = Path(config.config_file_path).parent
    config.mdx_configs.setdefault("toc", {})["slugify"] = pinyin_slug
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if tags is not None:
        tags.config.tags_slugify = pinyin_slug  # 按主题浏览#tag:xin-xi-hua, not #tag:信息化
    dates = config.plugins.get(DATES_PLUGIN)
    if dates is not None and not inside_git_work_tree(_state["root"]):
        dates.config["enabled"] = False
        _state["fallback_date"] = fallback_date_html(build_epoch())
    if "print-site" in config.plugins:  # whole-guide page in linear, not quadratic, time
        import mkdocs_print_site_plugin.urls as print_site_urls
        _report([f for f in [patch_print_site(print_site_urls, installed_version())] if f])
    if "material/search" in config.plugins or "search" in config.plugins:  # worker under its own name
        worker = theme_worker(list(config.theme.dirs))
        if isinstance(worker, Finding):
            _report([worker])
        else:
            _state["worker"] = worker
    return config


def _allowed_tags(config: MkDocsConfig) -> frozenset[str]:
    for name in ("material/tags", "tags"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return frozenset(getattr(t, "name", str(t)) for t in plugin.config.tags_allowed)
    return frozenset()


def _report(findings: list[Finding]) -> None:
    for finding in findings:
        (log.error if finding.level == "error" else log.warning)(finding.format())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = {f.src_uri: f.content_bytes for f in files.documentation_pages()}
    content = load_content(sources, _state.get("allowed_tags", frozenset()))
    _state["content"] = content
    _state["files"] = files
    _report(content.findings)
    for path in content.undecodable:
        files.get_file_from_path(path).content_string = UNDECODABLE_PAGE
    snippet_findings = [
        finding
        for path, page in content.pages.items()
        for finding in check_snippets(path, page.body, page.body_start_line, _state["root"] / "includes")
    ]
    _report(snippet_findings)
    content.findings.extend(snippet_findings)
    glossary = _read_abbreviations()
    themes = any(f.src_uri == THEMES_PAGE for f in files)
    for path, markdown in _generated_pages(content, glossary, config.use_directory_urls, themes).items():
        if files.get_file_from_path(path) is not None:
            _report([Finding("G033", path, f"docs/{path} 由构建自动生成，不能手写。",
                             f"删除或改名 docs/{path}，手写内容请放到其他页面。")])
            continue
        files.append(File.generated(config, path, content=markdown))
    if not config.nav:
        config.nav, unlisted = build_nav([f.src_uri for f in files.documentation_pages()])
        for path in unlisted:
            files.get_file_from_path(path).inclusion = InclusionLevel.NOT_IN_NAV
        _state["unlisted"] = unlisted
    _register_search_terms(content, glossary)
    return files


@event_priority(-50)  # after print-site saved the nav it prints
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    printer = config.plugins.get("print-site")
    if printer is not None and _state.get("unlisted"):  # the whole guide, not only what the nav lists
        pages = [files.get_file_from_path(path).page for path in _state["unlisted"]]
        printer.renderer.items = whole_guide(printer.renderer.items, [p for p in pages if p], Section)
    return nav


def _read_abbreviations() -> list[tuple[str, str]]:
    path = _state["root"] / ABBREVIATIONS_FILE
    return parse_abbreviations(path.read_text(encoding="utf-8")) if path.exists() else []


def _generated_pages(content: Content, glossary: list[tuple[str, str]], directory_urls: bool,
                     themes: bool) -> dict[str, str]:
    pages = {f"{folder}/index.md": type_index_markdown(content.graph, folder, themes) for folder in ITEM_TYPES}
    overview_url = "overview/" if directory_urls else "overview.html"
    picture = overview_picture(content.graph, overview_url, directory_urls)
    pages["overview.md"] = overview_markdown(content.graph, picture)
    if glossary:
        pages["guide/glossary.md"] = glossary_markdown(glossary)
    return pages


def _register_search_terms(content: Content, glossary: list[tuple[str, str]]) -> None:
    try:
        import jieba
    except ImportError:  # search without jieba still works, only less precisely
        return
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
    markdown = MARKER.sub(lambda m: _expand_marker(m, page, config), markdown)
    markdown = drop_bad_snippets(markdown, _state["root"] / "includes")
    if "fallback_date" in _state and not page.file.generated_by:
        page.meta["git_revision_date_localized"] = _state["fallback_date"]
    folder = item_folder(src)
    if folder is None or item_id(src) not in content.graph.items:
        return markdown
    item = content.graph.items[item_id(src)]
    if item.summary:
        page.meta.setdefault("description", item.summary)
    lead = f"{item.summary}\n{{: .guide-lead }}\n\n" if item.summary else ""
    return f"# {item.title}\n\n{lead}{markdown}"


def _expand_marker(match: re.Match[str], page: Page, config: MkDocsConfig) -> str:
    name, arg = match["name"], match["arg"]
    if name == "print-page":
        # The print-site plugin adds its page after links are checked, so the link is plain HTML.
        return print_page_link(page.url, config.use_directory_urls)
    if name == "rules":
        return rules_table_markdown()
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

    if _command["name"] == "serve":
        html = preview_banner(content.findings_for(page.file.src_uri)) + html
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    content: Content | None = _state.get("content")
    src = page.file.src_uri
    if content is None or item_folder(src) is None or item_id(src) not in content.graph.items:
        return context
    item = content.graph.items[item_id(src)]
    if "urls" not in _state:  # once per build, not once per page
        _state["urls"] = {f.src_uri: f.url for f in _state["files"]}
    urls: dict[str, str] = _state["urls"]
    context["guide_item"] = {
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


def _entry(urls: dict[str, str], entry: PanelEntry) -> dict[str, str]:
    return {**vars(entry), "url": urls.get(entry.path, entry.path)}  # vars: asdict deep-copies, 5x slower


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _relink_worker(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _relink_worker(output)  # 404.html loads the worker too


def _relink_worker(html: str) -> str:
    worker: PatchedWorker | None = _state.get("worker")
    return worker.relink(html) if worker else html


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)  # the index: UTF-8, words inside long words (烟草 in 思南烟草)
    lean_index_file(site / "search" / "search_index.json", jieba_cut_for_search())
    worker: PatchedWorker | None = _state.get("worker")
    if worker is not None:
        print_page = getattr(config.plugins.get("print-site"), "print_page", None)  # no on_post_page
        install_worker(site, worker, [Path(print_page.file.abs_dest_path)] if print_page else [])
