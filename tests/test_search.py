"""Chinese search as a reader uses it: type into the search box, read the results.

Runs the real built site in Debian's Chromium, served over HTTP and as the offline bundle
opened from disk. Every query of the ranking table (tests/search_queries.py: titles, terms,
input-method symbols, sub-words, readers' words, problems described, questions,
abbreviations, names, traditional characters) must put the page a reader means FIRST; a query
the guide holds nothing for shows the "no result" state; no "缺少" line names a word with
search syntax in it. The table prints each rank and the time from the last keystroke to the
final results.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest
from browser import first_search_result, static_server
from conftest import ROOT, run_mkdocs
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from search_queries import NOTHING, RANKING

# A word inside a longer word of the index: jieba keeps the long name whole (思南烟草 is one
# word), Material matches query words only as prefixes, so these find their page only through
# the inner words the hook adds. (query, the page whose title holds it, the longer word)
SUBWORDS: list[tuple[str, str, str]] = [
    ("烟草", "cases/sinan-tobacco-three-three", "思南烟草"),
    ("信念", "causes/wavering-ideals", "理想信念"),
    ("效应", "problems/innovation-for-show", "眼球效应"),
    ("定位", "problems/unclear-function", "职能定位"),
]

# Waits for the results to settle after the last keystroke and reports how long that took.
WATCH_RESULTS = """
() => {
  const list = document.querySelector(".md-search-result__list");
  window.__lastChange = performance.now();
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(list, {childList: true, subtree: true, characterData: true});
}
"""


def page_of(href: str, base: str) -> str:
    path = href.split("#", 1)[0].split("?", 1)[0].removeprefix(base).strip("/")
    return path.removesuffix("/index.html").removesuffix(".html").removesuffix("/index")


class Run:
    """What a reader saw for one query: result pages in order, "缺少" words, box text, time."""

    def __init__(self, pages: list[str], missing: list[str], meta: str, box: str, ms: float) -> None:
        self.pages = pages
        self.missing, self.meta, self.box, self.ms = missing, meta, box, ms


def run_queries(browser, base: str, start: str, queries: list[str]) -> dict[str, Run]:
    """Type each query like a reader into one page's search box; collect what the results show.

    Chinese is typed through an input method: the characters arrive as text input and the
    reader's last key (the one committing the composition) fires the key-up that Material's
    search listens to; the final key here is that commit key.
    """
    page = browser.new_page()
    runs: dict[str, Run] = {}
    try:
        page.goto(start)
        box = page.locator("input.md-search__input")
        box.click()
        for _ in range(10):  # a query typed before the worker is ready (slower from disk) is not answered
            box.fill("")
            box.press_sequentially("党建")
            box.press("End")
            try:
                page.wait_for_selector(".md-search-result__item a", state="attached", timeout=3000)
                break
            except PlaywrightTimeout:
                continue
        for query in queries:
            box.fill(query[:-1])
            page.wait_for_timeout(150)
            page.evaluate(WATCH_RESULTS)
            started = page.evaluate("() => performance.now()")
            box.press_sequentially(query[-1])
            box.press("End")
            # settled: no change to the result list for 500 ms
            page.wait_for_function("() => performance.now() - window.__lastChange > 500", timeout=15000)
            elapsed = page.evaluate("() => window.__lastChange") - started
            hrefs = page.eval_on_selector_all(
                ".md-search-result__item > a.md-search-result__link:first-child", "els => els.map(e => e.href)")
            missing = page.eval_on_selector_all(".md-search-result__terms del, .md-search-result__terms s",
                                                "els => els.map(e => e.textContent)")
            meta = page.inner_text(".md-search-result__meta")
            runs[query] = Run([page_of(h, base) for h in hrefs], missing, meta, box.input_value(), max(elapsed, 0.0))
    finally:
        page.close()
    return runs


ALL_QUERIES = [q for q, _, _ in RANKING] + NOTHING + [q for q, _, _ in SUBWORDS if q not in {r[0] for r in RANKING}]


@pytest.fixture(scope="module")
def search_runs(built_site, chromium) -> dict[str, Run]:
    assert built_site.returncode == 0, built_site.output
    with static_server(built_site.site) as base:
        return run_queries(chromium, base, base, ALL_QUERIES)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The offline bundle's site (mkdocs-offline.yml), as it is opened from disk."""
    out = tmp_path_factory.mktemp("offline") / "site"
    build = run_mkdocs(ROOT, "build", "--strict", "-f", "mkdocs-offline.yml", "--site-dir", str(out))
    assert build.returncode == 0, build.output
    return out


@pytest.fixture(scope="module")
def offline_runs(chromium, offline_site) -> dict[str, Run]:
    """The offline bundle opened from disk: the index it inlines, the same table."""
    base = offline_site.as_uri() + "/"
    return run_queries(chromium, base, base + "index.html", ALL_QUERIES)


def ranking_report(runs: dict[str, Run], label: str) -> tuple[int, list[str]]:
    lines, first = [], 0
    for query, expected, kind in RANKING:
        run = runs[query]
        rank = run.pages.index(expected) + 1 if expected in run.pages else None
        first += rank == 1
        lines.append(f"  {query:<16} {kind:<12} 名次 {rank or '-':>2}  {run.ms:6.0f} ms")
    times = [runs[q].ms for q, _, _ in RANKING]
    lines.append(f"  {label}：第一名 {first}/{len(RANKING)}；耗时中位数 {statistics.median(times):.0f} ms，"
                 f"最大 {max(times):.0f} ms")
    return first, lines


def test_the_table_covers_every_kind_of_reader_query():
    kinds = {kind for _, _, kind in RANKING}
    assert len(RANKING) >= 30
    assert {"title", "term", "symbol", "sub-word", "synonym", "problem", "question", "abbreviation",
            "name", "two words", "traditional"} <= kinds


@pytest.mark.parametrize(("query", "expected", "kind"), RANKING, ids=[q for q, _, _ in RANKING])
def test_the_page_a_reader_means_comes_first(search_runs, query: str, expected: str, kind: str):
    assert search_runs[query].pages[:1] == [expected], f"{query!r} ({kind}): top results {search_runs[query].pages[:5]}"


def test_the_ranking_table_served_and_offline(search_runs, offline_runs, capsys):
    served, lines = ranking_report(search_runs, "网站")
    offline, more = ranking_report(offline_runs, "离线版")
    with capsys.disabled():
        print("\n搜索排名表（名次、最后一次按键到结果稳定的时间）:")
        print("\n".join(lines + more[-1:]))
    wrong = {q: offline_runs[q].pages[:3] for q, expected, _ in RANKING if offline_runs[q].pages[:1] != [expected]}
    assert wrong == {}, f"offline bundle: {wrong}"
    assert served == offline == len(RANKING)


@pytest.mark.parametrize("query", NOTHING)
def test_a_query_the_guide_holds_nothing_for_shows_no_result(search_runs, offline_runs, query: str):
    for runs in (search_runs, offline_runs):
        assert runs[query].pages == [], f"{query!r}: {runs[query].pages[:5]}"
        assert "没有找到" in runs[query].meta, runs[query].meta


def test_the_missing_line_names_only_words_a_reader_typed(search_runs):
    for query, run in search_runs.items():
        for word in run.missing:
            assert not re.search(r"[*^+~:]", word), f"{query!r}: 缺少 {word!r}"
            assert word in query or word in run.box, f"{query!r}: 缺少 {word!r}, which the reader did not type"
    assert search_runs["党员积极性"].missing.count("党员") == 0


def index_of(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_subword_queries_are_inside_one_longer_index_word(built_site):
    # the premise of the next test: without inner words the query is no word and no prefix of one
    index = index_of(Path(built_site.site))
    separator = re.compile(index["config"]["separator"])
    for query, expected, longer in SUBWORDS:
        (page,) = [d for d in index["docs"] if d["location"] == expected + "/"]
        words = [w for w in separator.split(re.sub(r"<[^>]*>", " ", page["title"])) if w]
        assert longer in words and not any(w.startswith(query) for w in words), (query, words)


@pytest.mark.parametrize(("query", "expected", "longer"), SUBWORDS, ids=[q for q, _, _ in SUBWORDS])
def test_a_word_inside_a_longer_name_finds_the_page_with_it_in_the_title_first(
        search_runs, query: str, expected: str, longer: str):
    results = search_runs[query].pages
    assert results[:1] == [expected], f"{query!r} (inside {longer}): top results {results[:5]}"


def test_the_served_index_is_json_material_loads(built_site, chromium):
    with static_server(built_site.site) as base:
        page = chromium.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(base)
            loaded = page.evaluate("""async () => {
              const response = await fetch(new URL("search/search_index.json", location.href));
              const index = JSON.parse(await response.text());
              return {type: response.headers.get("content-type"), docs: index.docs.length,
                      fields: Object.keys(index.config.fields)};
            }""")
            first = first_search_result(page, "烟草")  # answered by the worker from this index
            assert "cases/sinan-tobacco-three-three" in first.get_attribute("href")
        finally:
            page.close()
    assert loaded["docs"] > 100 and {"title", "title_parts", "keys", "words"} <= set(loaded["fields"])
    assert errors == []


def test_traditional_query_is_shown_in_simplified(search_runs):
    assert search_runs["兩張皮"].box == "两张皮"


def test_search_index_is_lean(built_site, capsys):
    index_path = Path(built_site.site) / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    raw = index_path.read_text(encoding="utf-8")
    assert "思南烟草" in raw and not re.search(r"\\u[4-9][0-9a-f]{3}", raw), "Chinese must be UTF-8, not \\u escapes"
    locations = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    # generated overviews repeat every title and summary: they stay out of the index
    for generated in ("overview/", "problems/", "measures/", "causes/", "cases/", "sources/"):
        assert generated not in locations
    size = index_path.stat().st_size
    html_text = sum(p.stat().st_size for p in Path(built_site.site).rglob("*.html"))
    with capsys.disabled():
        print(f"\n搜索索引 {size / 1024:.0f} KB（{len(index['docs'])} 条），全部 HTML {html_text / 1024:.0f} KB")
    assert size <= 450 * 1024, "every page fetches the index: at most 450 KB for today's guide"
    assert size < 0.5 * html_text


def test_the_offline_bundle_ships_only_the_index_form_it_uses(offline_site):
    assert (offline_site / "search" / "search_index.js").is_file()
    assert not (offline_site / "search" / "search_index.json").exists()
