"""MkDocs hook: wires the guidekit content model into the build.

on_config       a fresh BuildState; allowed tags, pinyin anchors, includes/ checks, dates outside git,
                the redirect pages of old addresses in Chinese
on_files        read every page once, check it all, report findings, add the generated pages
                (virtual: nothing is written into docs/), build the nav
on_page_*       item header, markers, HTML allowlist, the guide's sections labelled, related panel,
                preview banner
on_nav          the whole guide on the print page, also items left out of the nav
on_env          anchors checked before pages are written (so the banner lists them)
on_post_page    pages load the patched search worker under its own fingerprinted name
on_post_build   lean search index with inner words; the patched worker written under that name
All logic lives in guidekit (see ARCHITECTURE.md); the functions here only connect it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guidekit.adapters.build_state import BuildState
from guidekit.adapters.dates import PLUGIN as DATES_PLUGIN
from guidekit.adapters.dates import build_epoch, fallback_date_html, inside_git_work_tree
from guidekit.adapters.mkdocs_messages import install_translator
from guidekit.adapters.print_site_patch import installed_version, patch_print_site, relink_print_page, whole_guide
from guidekit.adapters.redirects import PLUGIN as REDIRECTS_PLUGIN
from guidekit.adapters.redirects import live_redirects
from guidekit.adapters.redirects import localise as localise_redirects
from guidekit.adapters.search_indexing import installed_version as material_version
from guidekit.adapters.search_indexing import patch_search_indexing, use_segmenter
from guidekit.adapters.search_patch import install_worker, theme_worker
from guidekit.adapters.site_files import check_includes, drop_unsafe_files, stand_in_for_unreadable_pages
from guidekit.checks.content import load_content
from guidekit.checks.page_html import publish_content
from guidekit.checks.snippets import check_snippets, drop_bad_snippets
from guidekit.checks.value_types import safe_meta
from guidekit.core.findings import Finding
from guidekit.core.model import CONTENT_TYPES, GENERATED_PAGES, TAGS, item_folder, item_id
from guidekit.core.plain_text import html_text
from guidekit.core.slugs import pinyin_slug
from guidekit.pages.generated import generated_pages, taken_by_hand
from guidekit.pages.glossary import parse_abbreviations
from guidekit.pages.graph_export import FILE_NAME as GRAPH_FILE
from guidekit.pages.graph_export import export_json
from guidekit.pages.markers import expand_markers
from guidekit.pages.nav import build_nav
from guidekit.pages.panel import item_context, item_header
from guidekit.pages.preview import preview_banner
from guidekit.pages.voice_labels import label_guide_sections
from guidekit.search.reader_words import load_reader_words, vocabulary
from guidekit.search.search_index import index_as_script_only, jieba_cut_for_search, lean_index_file
from guidekit.search.segmenter import guide_segmenter
from guidekit.search.vocabulary import domain_terms, register_with_jieba
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

log = get_plugin_logger("guide")

ABBREVIATIONS_FILE = "abbreviations.md"  # in includes/

_state = BuildState()
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(100)  # before the git-dates plugin, which would warn outside git
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = BuildState(root=Path(config.config_file_path).parent, command=_command,
                        allowed_tags=frozenset(TAGS))
    install_translator(lambda: _state.content)
    config.mdx_configs.setdefault("toc", {})["slugify"] = pinyin_slug
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if tags is not None:
        tags.config.tags_slugify = pinyin_slug  # 按主题浏览#tag:xin-xi-hua, not #tag:信息化
    _state.include_findings, _state.bad_includes = check_includes(
        _state.root, config.mdx_configs.get("pymdownx.snippets", {}))
    dates = config.plugins.get(DATES_PLUGIN)
    if dates is not None:
        excluded = dates.config.setdefault("exclude", [])
        excluded.extend(p for p in GENERATED_PAGES if p not in excluded)  # no file in git to date them by
        if not inside_git_work_tree(_state.root):
            dates.config["enabled"] = False
            _state.fallback_date = fallback_date_html(build_epoch())
    if "print-site" in config.plugins:  # whole-guide page in linear, not quadratic, time
        import mkdocs_print_site_plugin.urls as print_site_urls
        _report([f for f in [patch_print_site(print_site_urls, installed_version())] if f])
    if REDIRECTS_PLUGIN in config.plugins:  # old addresses answer with a page in Chinese
        import mkdocs_redirects.plugin
        localise_redirects(mkdocs_redirects.plugin)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:  # index from the lexbor parse, segmented by jieba-rs
        import material.plugins.search.plugin as material_search
        finding = patch_search_indexing(material_search, material_version())
        _report([finding] if finding else [])
        own_dictionary = search.config.get("jieba_dict") or search.config.get("jieba_dict_user")
        _state.fast_segmentation = finding is None and not own_dictionary  # else jieba, as Material sets it
    if "material/search" in config.plugins or "search" in config.plugins:  # worker under its own name
        worker = theme_worker(list(config.theme.dirs))
        if isinstance(worker, Finding):
            _report([worker])
        else:
            _state.worker = worker
    return config


def _report(findings: list[Finding]) -> None:
    for finding in findings:
        (log.error if finding.level == "error" else log.warning)(finding.format())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    file_findings = [*_state.include_findings, *drop_unsafe_files(files, config.docs_dir, _state.root)]
    sources = {f.src_uri: f.content_bytes for f in files.documentation_pages()}
    content = load_content(sources, _state.allowed_tags)
    content.findings[:0] = file_findings
    _state.content = content
    _report(content.findings)
    stand_in_for_unreadable_pages(files, content, sources)
    snippet_findings = [finding for path, page in content.pages.items()
                        for finding in check_snippets(path, page.body, page.body_start_line, _state.includes_dir)]
    _report(snippet_findings)
    content.findings.extend(snippet_findings)
    redirects = config.plugins.get(REDIRECTS_PLUGIN)
    if redirects is not None and hasattr(redirects, "redirects"):  # set by the plugin's own on_files, before this
        redirects.redirects = live_redirects(redirects.redirects, set(sources))
    glossary = _read_abbreviations()
    hand_written = {f.src_uri for f in files}
    pages = generated_pages(content, glossary, config.use_directory_urls, hand_written)
    _report(taken_by_hand(pages, hand_written))
    for path, markdown in pages.items():
        if path not in hand_written:
            files.append(File.generated(config, path, content=markdown))
    if not config.nav:
        config.nav, unlisted = build_nav([f.src_uri for f in files.documentation_pages()])
        for path in unlisted:
            if (file := files.get_file_from_path(path)) is not None:  # build_nav lists only these files
                file.inclusion = InclusionLevel.NOT_IN_NAV
        _state.unlisted = unlisted
    _state.urls = {f.src_uri: f.url for f in files}
    bodies = (page.body for page in content.pages.values())
    terms = domain_terms(content.graph, glossary, _state.allowed_tags, bodies)
    segmenter = guide_segmenter(terms) if _state.fast_segmentation else None
    if segmenter is None:  # Material's own indexing, or its own jieba dictionary: jieba learns the words
        register_with_jieba(terms)
    use_segmenter(segmenter.cut if segmenter else None)  # each run once per build, with these words
    _state.cut_for_search = segmenter.cut_for_search if segmenter else jieba_cut_for_search()
    _state.reader_words, word_findings = load_reader_words(
        _state.includes_dir, _state.bad_includes, [f.src_uri for f in files.documentation_pages()], content.pages)
    _report(word_findings)
    content.findings.extend(word_findings)
    return files


@event_priority(-50)  # after print-site saved the nav it prints
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    printer = config.plugins.get("print-site")
    if printer is not None and _state.unlisted:  # the whole guide, not only what the nav lists
        found = (files.get_file_from_path(path) for path in _state.unlisted)
        pages = [f.page for f in found if f is not None and f.page]
        printer.renderer.items = whole_guide(printer.renderer.items, pages, Section)
    return nav


def _read_abbreviations() -> list[tuple[str, str]]:
    path = _state.includes_dir / ABBREVIATIONS_FILE
    if ABBREVIATIONS_FILE in _state.bad_includes or not path.exists():
        return []
    return parse_abbreviations(path.read_text(encoding="utf-8"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _state.content
    if content is None:
        return markdown
    src = page.file.src_uri
    page.meta = safe_meta(page.meta)  # a date or a map where text belongs is reported, never a traceback
    if _state.allowed_tags and isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [t for t in page.meta["tags"] if str(t) in _state.allowed_tags]
    for key in ("title", "description"):  # the theme prints these unescaped
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html_text(page.meta[key])
    markdown = expand_markers(markdown, page.url, config.use_directory_urls, _state.allowed_tags)
    markdown = drop_bad_snippets(markdown, _state.includes_dir)
    if _state.fallback_date and not page.file.generated_by:
        page.meta["git_revision_date_localized"] = _state.fallback_date
    if item_folder(src) is None or item_id(src) not in content.graph.items:
        return markdown
    item = content.graph.items[item_id(src)]
    if item.summary:
        page.meta.setdefault("description", html_text(item.summary))
    return item_header(item) + markdown


@event_priority(50)  # before print-site copies each page into the whole-guide page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _state.content
    if content is None or page.file.generated_by:
        return html
    parsed = content.pages.get(page.file.src_uri)
    body, start = (parsed.body, parsed.body_start_line) if parsed else ("", 1)
    html, findings = publish_content(page.file.src_uri, html, body, start)  # one parse: checks and fixes
    if findings:
        _report(findings)
        content.findings.extend(findings)
    folder = item_folder(page.file.src_uri)
    if folder in CONTENT_TYPES:  # the guide's own advice, labelled once per section (model.PAGE_SECTIONS)
        html = label_guide_sections(html, folder)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Check anchors now, not after the pages are written, so the preview banner can list them."""
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            file.page.links_to_anchors = None  # MkDocs' own pass after writing would repeat them
    return env


# The template context is MkDocs' TemplateContext plus this guide's own key (guide_item: panel.ItemContext).
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    content = _state.content
    src = page.file.src_uri
    if content is not None and _state.command == "serve" and not page.file.generated_by:
        page.content = preview_banner(content.findings_for(src)) + (page.content or "")
    if content is not None and item_folder(src) is not None and item_id(src) in content.graph.items:
        context["guide_item"] = item_context(content.graph, item_id(src), page.url, _state.urls,
                                             config.use_directory_urls)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _state.worker.relink(output) if _state.worker else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _state.worker.relink(output) if _state.worker else output  # 404.html loads the worker too


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)  # the index: UTF-8, words inside long words (烟草 in 思南烟草)
    if _state.content is not None:  # the model, reusable without MkDocs (schema: graph_export.py)
        (site / GRAPH_FILE).write_text(export_json(_state.content.graph), encoding="utf-8")
    lean_index_file(site / "search" / "search_index.json", _state.cut_for_search or jieba_cut_for_search(),
                    vocabulary(_state.reader_words, _state.urls))
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:  # the bundle loads the index as a script only
        index_as_script_only(site / "search")
    printer = config.plugins.get("print-site")
    print_page = getattr(printer, "print_page", None)  # the print-site plugin's page: no on_post_page
    if printer is not None and print_page is not None:
        relink_print_page(Path(print_page.file.abs_dest_path), print_page.url, printer.config.get("exclude", []),
                          _state.urls)
    if _state.worker is not None:
        install_worker(site, _state.worker, [Path(print_page.file.abs_dest_path)] if print_page else [])

