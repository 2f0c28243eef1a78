"""The typed content model: item types, their front-matter fields and relations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, TypedDict


@dataclass(frozen=True)
class ItemType:
    """A kind of item page; the folder under docs/ decides the type."""

    folder: str
    label: str
    intro: str


@dataclass(frozen=True)
class Relation:
    """A typed link written once in front matter; the reverse edge is derived."""

    key: str
    owners: tuple[str, ...]
    targets: tuple[str, ...]
    label: str
    reverse_label: str
    mapped: bool = False  # written as a map `{target-id: {…}}` rather than a list of ids


ITEM_TYPES: dict[str, ItemType] = {
    t.folder: t
    for t in (
        ItemType("problems", "问题", "基层党建工作中反复出现、需要正视的问题。"),
        ItemType("causes", "成因", "问题背后的原因：为什么会这样。"),
        ItemType("measures", "创新举措", "可以照着做的办法：先写要点和怎么做，再写资料依据和做过的单位。"),
        ItemType("cases", "实践案例", "具体单位的做法和成效，数字与名称均按原文。"),
        ItemType("sources", "资料来源", "本指南取材的文章，以及从每篇取了什么。"),
    )
}

# The pages the hook generates (virtual, never files in docs/): declared once, here.
OVERVIEW_PAGE = "overview.md"
SELF_CHECK_PAGE = "self-check.md"
GLOSSARY_PAGE = "guide/glossary.md"
GENERATED_PAGES: tuple[str, ...] = (
    *(f"{folder}/index.md" for folder in ITEM_TYPES), OVERVIEW_PAGE, SELF_CHECK_PAGE, GLOSSARY_PAGE)

# The navigation, declared once: the pages first in it (path, tab title), then one section per folder
# (its index first, then its pages). A page in none of these gets a tab named by its file.
NAV_TOP_PAGES: tuple[tuple[str, str], ...] = (
    ("index.md", "首页"), (OVERVIEW_PAGE, "全景图"), (SELF_CHECK_PAGE, "自查诊断"))
NAV_SECTIONS: tuple[tuple[str, str], ...] = (
    *((folder, ITEM_TYPES[folder].label) for folder in ("problems", "causes", "measures", "cases")),
    ("guide", "使用指南"),
    ("sources", ITEM_TYPES["sources"].label),
    ("contributing", "编辑指南"),
)

# Types whose pages must cite sources and take part in the graph.
CONTENT_TYPES: tuple[str, ...] = ("problems", "causes", "measures", "cases")

RELATIONS: dict[str, Relation] = {
    r.key: r
    for r in (
        Relation("causes", ("problems",), ("causes",), "成因", "相关问题"),
        Relation("addresses", ("measures",), ("problems", "causes"), "针对的问题与成因", "应对举措"),
        Relation("applies", ("cases",), ("measures",), "运用的举措", "实践案例", mapped=True),
        Relation("sources", CONTENT_TYPES, ("sources",), "资料来源", "取材于此的条目"),
    )
}

# The tags an item may carry (`tags`): declared once, here; the build refuses any other (G014).
TAGS: tuple[str, ...] = (
    "思想认识", "融合发展", "组织设置", "队伍建设", "学习教育",
    "考核评价", "党员管理", "信息化", "载体活动", "制度机制",
)

SUMMARY_MAX_CHARS = 80
# A title is the page heading and a navigation entry: longer ones wrap to three or more lines
# on a 390 px phone and in the sidebar.
TITLE_MAX_CHARS = 28


@dataclass(frozen=True)
class EvidenceGrade:
    """One level of the evidence scale: what a source reports about a practice."""

    label: str
    slug: str
    meaning: str


# Strongest first. A case grades each measure it applies (`applies`); a measure's grade is
# derived from those applications (see evidence.py). Sizes, headcounts, targets and the number
# of units involved are not outcomes.
EVIDENCE_GRADES: tuple[EvidenceGrade, ...] = (
    EvidenceGrade("已实施，有成效数据", "outcome",
                  "资料来源报告这一做法已经实施，并给出了它带来的成效数字（比率、增长、名次、获奖等变化）。"
                  "人数、规模、目标和参与单位的数量不算成效。"),
    EvidenceGrade("已实施，无成效数据", "practice", "资料来源报告这一做法已经实施，但没有给出它带来了什么变化的数字。"),
    EvidenceGrade("仅为主张", "proposal", "资料来源只是提出或要求这样做，没有报告哪个单位已经做了。"),
)
EVIDENCE_LABELS: tuple[str, ...] = tuple(g.label for g in EVIDENCE_GRADES)

# The one-line reason written with every application (`why`), shown to readers next to the badge.
REASON_MAX_CHARS = 40
# The keys of one application: `applies: {measure-id: {grade: …, why: …}}`.
APPLICATION_KEYS: tuple[str, ...] = ("grade", "why")
# A measure no case applies: what its badge says instead of a case's reason.
NO_APPLICATION_REASON = "没有案例报告实施，依据是资料中的主张"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a fixed-list field, with what it means for a reader."""

    value: str
    meaning: str


# Who leads a measure and how much it takes: the guide's own judgement, not the sources'.
MEASURE_LEADS: tuple[Choice, ...] = (
    Choice("支部书记", "支部书记一人就能带头做起来"),
    Choice("支部委员会", "要支委会商量分工、一起推进"),
    Choice("单位党委（党组）", "要单位党委（党组）部署，几个支部一起做"),
    Choice("上级党组织", "要上级党组织出制度、给资源"),
)
MEASURE_EFFORTS: tuple[Choice, ...] = (
    Choice("小", "支委会就能启动，不需要经费"),
    Choice("中", "要几个月持续推进，或几方配合"),
    Choice("大", "要改制度、花钱或设岗位"),
)
MEASURE_CHOICES: dict[str, tuple[Choice, ...]] = {"lead": MEASURE_LEADS, "effort": MEASURE_EFFORTS}
MEASURE_FIELD_LABELS: dict[str, str] = {"lead": "由谁牵头", "effort": "投入"}


class WeightsData(TypedDict):
    """SelfCheckWeights as the browser reads it (camelCase keys, lists and objects only)."""

    answers: dict[str, float]
    direct: float
    viaCause: float
    planMin: int
    planMax: int
    planKeep: float
    efforts: list[str]
    leads: list[str]
    reach: dict[str, float]


@dataclass(frozen=True)
class SelfCheckWeights:
    """How the 自查诊断 turns answers into a ranking and a plan: declared once, here, and
    handed to the browser as data (self_check.py embeds `as_data()` in the page).

    A problem's share = Σ answer weight / its questions (skipped problems are not counted).
    A measure's fit = Σ over what it addresses: `direct` × the share of a flagged problem it
    names, or `via_cause` × the largest share among flagged problems that have a cause it names
    and that it does not name itself (each target counted once, so a broad slogan does not win by
    touching many problems, nor by naming a problem and its cause too).
    The fit is then multiplied by `reach` for who leads the measure (a branch's own measures
    first; one it can only propose to a higher level counts half).
    Ties: evidence grade (strongest first), then effort (smallest first), then who leads
    (closest to the branch first), then title; never the file name.

    Why these numbers: 不确定 is half a 否 (the branch does not know, which is itself a gap, but
    not a confirmed one). A cause is a step further from what the branch answered, so it weighs
    0.4: two causes of a problem (0.8) still rank below one measure that answers it (1.0). The
    plan keeps its best three and adds a fourth or fifth only at 60 % of the best fit, so a
    measure reached through a single cause (0.4) or a stray 不确定 never lengthens it.
    """

    answers: tuple[tuple[str, float], ...] = (("yes", 0.0), ("no", 1.0), ("unsure", 0.5))
    direct: float = 1.0
    via_cause: float = 0.4
    plan_min: int = 3
    plan_max: int = 5
    # Past plan_min, a measure joins the plan only with at least this share of the best fit.
    plan_keep: float = 0.6
    # Orders for the tie-breaks (the values of the measure fields `effort` and `lead`).
    efforts: tuple[str, ...] = tuple(c.value for c in MEASURE_EFFORTS)
    leads: tuple[str, ...] = tuple(c.value for c in MEASURE_LEADS)
    # How far a branch can act on a measure by itself, by who leads it: the plan is for its 支委会,
    # so a measure only a unit committee or a higher organisation can decide is something to
    # propose, and weighs less (it stays in the ranked list to swap in).
    reach: tuple[tuple[str, float], ...] = (
        ("支部书记", 1.0), ("支部委员会", 1.0), ("单位党委（党组）", 0.75), ("上级党组织", 0.5))

    def as_data(self) -> WeightsData:
        return {"answers": dict(self.answers), "direct": self.direct, "viaCause": self.via_cause,
                "planMin": self.plan_min, "planMax": self.plan_max, "planKeep": self.plan_keep,
                "efforts": list(self.efforts), "leads": list(self.leads), "reach": dict(self.reach)}


SELF_CHECK_WEIGHTS = SelfCheckWeights()

# The title of the admonition that holds the guide's own advice (uncited by rule).
EDITORIAL_TITLE = "编者建议"

# Keys every item page may carry besides its type's own fields: Material/MkDocs
# page settings an editor may legitimately need.
COMMON_OPTIONAL_KEYS: tuple[str, ...] = ("tags", "hide", "search")

SOURCE_FIELDS: tuple[str, ...] = ("author", "outlet", "date", "kind")

# Plain-text fields a type carries besides title and summary (relations come from RELATIONS).
OWN_FIELDS: dict[str, tuple[str, ...]] = {"sources": SOURCE_FIELDS, "measures": ("lead", "effort")}

# The two voices a section speaks in (SPEC §2): the guide's own advice, with no source
# footnotes, or what the sources report or propose, every statement cited.
Voice = Literal["guide", "sources"]
GUIDE_VOICE: Voice = "guide"
SOURCES_VOICE: Voice = "sources"
# The label the build shows once under each guide-voice section heading.
GUIDE_VOICE_LABEL = "本指南的建议"


@dataclass(frozen=True)
class BodySection:
    """One level-2 section a type's pages have, and the voice it speaks in (None: not voice-checked)."""

    title: str
    voice: Voice | None


def _sections(*spec: tuple[str, Voice | None]) -> tuple[BodySection, ...]:
    return tuple(BodySection(title, section_voice) for title, section_voice in spec)


# The sections (level-2 headings, in this order) every page of a type has, each typed once by
# voice: the templates write them, the build checks their order (G076, G110) and voice (G050,
# G111), and the hook labels the guide's sections on the page.
PAGE_SECTIONS: dict[str, tuple[BodySection, ...]] = {
    "problems": _sections(("下一步", "guide"), ("自查要点", "guide"), ("资料依据", "sources")),
    "causes": _sections(("要点", "guide"), ("资料依据", "sources")),
    "measures": _sections(("要点", "guide"), ("怎么做", "guide"), ("注意事项", "guide"),
                          ("资料依据", "sources")),
    "cases": _sections(("可借鉴之处", "guide"), ("背景", "sources"), ("做法", "sources"),
                       ("成效", "sources")),
    # Source pages describe a source; their sections are fixed but not voice-checked.
    "sources": _sections(("基本信息", None), ("内容概要", None), ("本指南的取材", None),
                         ("质量说明", None), ("未采用的内容", None)),
}
BODY_SECTIONS: dict[str, tuple[str, ...]] = {
    folder: tuple(s.title for s in sections) for folder, sections in PAGE_SECTIONS.items()}


def section_voice(folder: str, title: str) -> Voice | None:
    """The voice of a section of a type's pages (None: unknown section, or not voice-checked)."""
    return next((s.voice for s in PAGE_SECTIONS.get(folder, ()) if s.title == title), None)


# What the sources leave open is said once per page, in one folded note at the end of the last
# section: `??? note "资料说明"` (collapsed; its content indented four spaces; footnotes optional).
SOURCE_NOTE_TITLE = "资料说明"
SOURCE_NOTE_KIND = "note"
SOURCE_NOTE_MARKUP = f'??? {SOURCE_NOTE_KIND} "{SOURCE_NOTE_TITLE}"'
# Wording that remarks on what a source does not say; outside the note at most this many per page.
GAP_PHRASES: tuple[str, ...] = (
    "原文没有", "原文未", "资料没有", "没有报告", "未给出", "没有给出", "未说明", "没有说明", "未交代", "没有交代")
GAP_REMARKS_OUTSIDE_NOTE_MAX = 1

# A line set wholly in bold counts as a run-in heading (not a statement) only when it is this short
# and the text it heads follows it.
RUN_IN_HEADING_MAX_CHARS = 20

# The printable checklists: the guide's own voice, every task item linked to the measure or problem
# page it comes from, no source footnotes.
CHECKLIST_PATTERN = re.compile(r"^guide/checklist-[a-z0-9-]+\.md$")
CHECKLIST_TARGETS: tuple[str, ...] = ("measures", "problems")


def is_checklist(src_uri: str) -> bool:
    return bool(CHECKLIST_PATTERN.match(src_uri))


def required_keys(folder: str) -> tuple[str, ...]:
    """Front-matter keys an item of this type must have."""
    relations = tuple(r.key for r in RELATIONS.values() if folder in r.owners)
    return ("title", "summary", *OWN_FIELDS.get(folder, ()), *relations)


def allowed_keys(folder: str) -> tuple[str, ...]:
    """Every front-matter key an item of this type may have."""
    return (*required_keys(folder), *COMMON_OPTIONAL_KEYS)


def relations_of(folder: str) -> tuple[Relation, ...]:
    """The relations an item of this type writes in its front matter."""
    return tuple(r for r in RELATIONS.values() if folder in r.owners)


# Keys for pages that are not items (home, guide, contributing).
PAGE_KEYS: tuple[str, ...] = ("title", "summary", "hide", "search", "tags")

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def item_folder(src_uri: str) -> str | None:
    """The item type of a docs-relative path, or None for non-item pages."""
    parts = src_uri.split("/")
    is_item = len(parts) == 2 and parts[0] in ITEM_TYPES and parts[1].endswith(".md")
    return parts[0] if is_item and parts[1] != "index.md" else None


def item_id(src_uri: str) -> str:
    """The id of an item: its file stem."""
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")
