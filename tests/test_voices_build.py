"""Two voices in the built guide (#20): the build refuses a footnote in the guide's advice and an uncited
statement in the evidence, naming file and line; the pages it writes open with the guide's advice,
labelled once, before any footnote; the 资料说明 note is folded; no checklist item carries a footnote.

The HTML checks are functions of a built site, proven here on a small site in the new shape; the
same functions run over the real guide (`test_the_real_guide_*`, on the session's strict build).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BASE_PAGES
from guidekit.core.model import GUIDE_VOICE, GUIDE_VOICE_LABEL, PAGE_SECTIONS, SOURCE_NOTE_MARKUP, SOURCE_NOTE_TITLE

MEASURE = BASE_PAGES["measures/four-togethers.md"]
STEP = "1. 书记在年初召集支委会。"
EVIDENCE = "南昌航空大学的做法。[^s002]"


def with_note(page: str) -> str:
    """The page with a folded 资料说明 at the end of its last section (before the footnote text)."""
    head, definition = page.rsplit("\n[^s002]:", 1)
    return f"{head}\n{SOURCE_NOTE_MARKUP}\n\n    原文没有给出参加人数。\n\n[^s002]:{definition}"


CHECKLIST = ("---\ntitle: 融合自查清单\n---\n\n# 融合自查清单\n\n## 年初\n\n"
             "- [ ] 年初开过支委会，把党建和业务一起谋划。见[同规划、同部署](../measures/four-togethers.md)。\n"
             "- [ ] 支部研究过业务工作。见[两张皮](../problems/two-skins.md)。\n")
NEW_SHAPE = {
    "measures/four-togethers.md": with_note(MEASURE),
    "problems/two-skins.md": with_note(BASE_PAGES["problems/two-skins.md"]),
    "guide/checklist-integration.md": CHECKLIST,
}


# --- the checks, as functions of a built site ---------------------------------------------------

class _Article(HTMLParser):
    """The article of a page: its h2 titles with the offset each starts at, labels, footnote
    references, task items carrying one, and the <details> elements with their summary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.events: list[tuple[str, str]] = []  # ("h2", title) | ("label", "") | ("footnote", "")
        self.details: list[dict[str, str | bool]] = []
        self.task_footnotes = 0
        self._h2: list[str] | None = None
        self._summary: list[str] | None = None
        self._task_depth: list[int] = []
        self._li_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag == "li":
            self._li_depth += 1
            if "task-list-item" in classes:
                self._task_depth.append(self._li_depth)
        if tag == "h2":
            self._h2 = []
        elif tag == "a" and "headerlink" in classes and self._h2 is not None:
            self._h2.append("\0")  # the permalink sign is no part of the title
        elif tag == "p" and found.get("data-guide-voice") == GUIDE_VOICE:
            self.events.append(("label", ""))
        elif tag == "sup" and (found.get("id") or "").startswith("fnref"):
            self.events.append(("footnote", ""))
            if self._task_depth:
                self.task_footnotes += 1
        elif tag == "details":
            self.details.append({"open": "open" in found, "classes": " ".join(classes), "summary": ""})
        elif tag == "summary":
            self._summary = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if not self.depth:
            return
        if tag == "li":
            if self._task_depth and self._task_depth[-1] == self._li_depth:
                self._task_depth.pop()
            self._li_depth -= 1
        if tag == "h2" and self._h2 is not None:
            self.events.append(("h2", "".join(self._h2).split("\0")[0].strip()))
            self._h2 = None
        elif tag == "summary" and self._summary is not None and self.details:
            self.details[-1]["summary"] = "".join(self._summary).strip()
            self._summary = None

    def handle_data(self, data: str) -> None:
        if self._h2 is not None:
            self._h2.append(data)
        if self._summary is not None:
            self._summary.append(data)


def read_article(page: Path) -> _Article:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def item_pages(site: Path, folder: str) -> list[Path]:
    return sorted(p for p in site.glob(f"{folder}/*/index.html"))


def advice_first_problems(site: Path) -> list[str]:
    """Problem and measure pages that do not open with their first guide-voice section, labelled, before
    any footnote; and any guide-voice section not labelled exactly once."""
    problems = []
    for folder in ("problems", "measures"):
        guide = [s.title for s in PAGE_SECTIONS[folder] if s.voice == GUIDE_VOICE]
        for page in item_pages(site, folder):
            events = read_article(page).events
            first_h2 = next((i for i, (kind, _) in enumerate(events) if kind == "h2"), None)
            first_note = next((i for i, (kind, _) in enumerate(events) if kind == "footnote"), len(events))
            if first_h2 is None or events[first_h2][1] != guide[0]:
                problems.append(f"{page}: first section is not “{guide[0]}”")
            elif first_note < first_h2 or events[first_h2 + 1:first_h2 + 2] != [("label", "")]:
                problems.append(f"{page}: a footnote or no label before the advice")
            for position, (kind, title) in enumerate(events):
                if kind == "h2" and title in guide:
                    labels = [k for k, _ in events[position + 1:position + 2]].count("label")
                    if labels != 1:
                        problems.append(f"{page}: “{title}” not labelled once")
            if [k for k, _ in events].count("label") != sum(1 for k, t in events if k == "h2" and t in guide):
                problems.append(f"{page}: a label outside the guide's sections")
    return problems


def folded_note_problems(site: Path) -> list[str]:
    """Every 资料说明 note on an item page is a collapsed <details class="note">."""
    problems = []
    for folder in ("problems", "causes", "measures", "cases"):
        for page in item_pages(site, folder):
            for details in read_article(page).details:
                folded = not details["open"] and "note" in str(details["classes"]).split()
                if details["summary"] == SOURCE_NOTE_TITLE and not folded:
                    problems.append(f"{page}: 资料说明 is not a collapsed note")
    return problems


def checklist_footnote_problems(site: Path) -> list[str]:
    """No task item on a printable checklist carries a footnote reference."""
    pages = sorted(site.glob("guide/checklist-*/index.html"))
    return [f"{page}: {n} footnote(s) in checklist items" for page in pages
            if (n := read_article(page).task_footnotes)]


def notes_on(site: Path) -> int:
    return sum(1 for folder in ("problems", "causes", "measures", "cases") for page in item_pages(site, folder)
               for d in read_article(page).details if d["summary"] == SOURCE_NOTE_TITLE)


# --- the build refuses the wrong voice, naming file and line ----------------------------------

def test_a_footnote_in_the_steps_and_an_uncited_paragraph_in_the_evidence_fail_and_moved_they_pass(fixture_site):
    wrong = MEASURE.replace(STEP, f"{STEP}[^s002]").replace(EVIDENCE, f"{EVIDENCE}\n\n书记在年初召集支委会。")
    lines = wrong.split("\n")
    step_line = lines.index(f"{STEP}[^s002]") + 1
    uncited_line = lines.index("书记在年初召集支委会。") + 1
    broken = fixture_site({"measures/four-togethers.md": wrong})
    assert broken.returncode == 1
    assert f"[G111] docs/measures/four-togethers.md:{step_line} “怎么做”一节" in broken.output
    assert f"[G050] docs/measures/four-togethers.md:{uncited_line} “资料依据”一节" in broken.output

    # The same texts, each in its right section: the step uncited under 怎么做, the claim cited under 资料依据.
    moved = MEASURE.replace(EVIDENCE, f"{EVIDENCE}\n\n书记在年初召集支委会。[^s002]")
    fixed = fixture_site({"measures/four-togethers.md": moved})
    assert fixed.returncode == 0, fixed.output


# --- the built pages -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def new_shape_site(tmp_path_factory):
    from conftest import copy_project_config, run_mkdocs
    from support import write_pages

    project = tmp_path_factory.mktemp("voices")
    copy_project_config(project)
    write_pages(project / "docs", {**BASE_PAGES, **NEW_SHAPE})
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.output
    return result.site


def test_problem_and_measure_pages_open_with_the_advice_labelled_once_before_any_footnote(new_shape_site):
    assert item_pages(new_shape_site, "problems") and item_pages(new_shape_site, "measures")
    assert advice_first_problems(new_shape_site) == []
    html = (new_shape_site / "measures/four-togethers/index.html").read_text(encoding="utf-8")
    assert html.count(f">{GUIDE_VOICE_LABEL}</p>") == 3  # 要点, 怎么做, 注意事项; not 资料依据


def test_the_html_check_notices_a_page_that_opens_with_the_evidence(new_shape_site, tmp_path):
    page = tmp_path / "measures/x/index.html"
    page.parent.mkdir(parents=True)
    html = (new_shape_site / "measures/four-togethers/index.html").read_text(encoding="utf-8")
    page.write_text(re.sub(r'<p class="guide-voice"[^>]*>[^<]*</p>', "", html, count=1), encoding="utf-8")
    assert advice_first_problems(tmp_path) != []


def test_the_source_note_is_folded(new_shape_site):
    assert notes_on(new_shape_site) == 2
    assert folded_note_problems(new_shape_site) == []


def test_no_checklist_item_carries_a_footnote(new_shape_site):
    assert (new_shape_site / "guide/checklist-integration/index.html").exists()
    assert checklist_footnote_problems(new_shape_site) == []


# --- the same checks over the real guide (they pass once every page has the new shape) ------------

def test_the_real_guide_opens_each_problem_and_measure_with_its_advice(built_site):
    assert built_site.returncode == 0, built_site.output[-2000:]
    assert advice_first_problems(built_site.site) == []


def test_the_real_guide_folds_its_source_notes_and_keeps_footnotes_off_checklists(built_site):
    assert folded_note_problems(built_site.site) == []
    assert checklist_footnote_problems(built_site.site) == []


def test_the_html_checks_notice_an_open_note_and_a_footnoted_checklist_item(tmp_path):
    note = tmp_path / "causes/c/index.html"
    note.parent.mkdir(parents=True)
    note.write_text('<article><details class="note" open><summary>资料说明</summary><p>说明</p></details></article>',
                    encoding="utf-8")
    checklist = tmp_path / "guide/checklist-x/index.html"
    checklist.parent.mkdir(parents=True)
    checklist.write_text('<article><ul><li class="task-list-item">一项<sup id="fnref:s002">1</sup></li>'
                         "<li>普通项</li></ul></article>", encoding="utf-8")
    assert folded_note_problems(tmp_path) == [f"{note}: 资料说明 is not a collapsed note"]
    assert checklist_footnote_problems(tmp_path) == [f"{checklist}: 1 footnote(s) in checklist items"]
