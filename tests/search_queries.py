"""What readers type, and the page each one means: the ranking table for the search tests.

Shared by tests/test_search.py (Chromium, served and offline) and benchmarks/search_hits.py
(the same worker in node, for a quick hit rate). Each query names the page a reader means,
which must come FIRST; NOTHING lists queries the guide holds nothing for.
"""

from __future__ import annotations

# (query, the page a reader means, what kind of query it is)
RANKING: list[tuple[str, str, str]] = [
    # a title, or the start of one, however jieba splits it
    ("党员示范岗与示范项目", "measures/pioneer-demonstration", "title"),
    ("党员示范岗", "measures/pioneer-demonstration", "title"),
    ("学习教育方式单一", "problems/monotonous-learning", "title"),
    ("支部书记抓党建的意愿和能力不足", "problems/weak-secretary-capacity", "title"),
    ("推行党员积分制", "measures/points-system", "title"),
    ("考评体系不科学", "problems/unscientific-evaluation", "title"),
    ("职能定位不准", "problems/unclear-function", "title"),
    # a term the guide defines or names in a title
    ("两张皮", "problems/two-skins", "term"),
    ("三会一课", "measures/strict-organizational-life", "term"),
    ("一岗双责", "measures/responsibility-lists", "term"),
    ("三控一平衡", "measures/dynamic-member-management", "term"),
    ("大党建", "measures/big-party-building", "term"),
    ("流动党员", "measures/dynamic-member-management", "term"),
    ("眼球效应", "problems/innovation-for-show", "term"),
    ("积分制", "measures/points-system", "term"),
    ("考评系数", "measures/evaluation-coefficient", "term"),
    ("示范岗", "measures/pioneer-demonstration", "term"),
    ("结对共建", "measures/pairing-and-sharing", "term"),
    ("专职化", "measures/full-time-party-workers", "term"),
    # what an input method types: full-width symbols, quotation marks, spaces, punctuation
    ("党建＋", "measures/party-building-plus", "symbol"),
    ("党建+", "measures/party-building-plus", "symbol"),
    ("互联网＋", "measures/digital-party-building", "symbol"),
    ("“三会一课”", "measures/strict-organizational-life", "symbol"),
    ("两张皮？", "problems/two-skins", "symbol"),
    ("党员 示范岗", "measures/pioneer-demonstration", "symbol"),
    ("学习教育方式单一，党员被动参与", "problems/monotonous-learning", "symbol"),
    # a word inside a longer word of the guide (思南烟草, 理想信念, 眼球效应, 职能定位)
    ("烟草", "cases/sinan-tobacco-three-three", "sub-word"),
    ("信念", "causes/wavering-ideals", "sub-word"),
    ("效应", "problems/innovation-for-show", "sub-word"),
    ("定位", "problems/unclear-function", "sub-word"),
    ("两张", "problems/two-skins", "sub-word"),
    ("奎屯市分", "cases/kuitun-psbc", "sub-word"),
    # a reader's word for the guide's (includes/synonyms.yml)
    ("走过场", "problems/formalism", "synonym"),
    ("组织生活走过场", "problems/lax-organizational-life", "synonym"),
    ("网格化", "measures/branch-on-the-work", "synonym"),
    ("党员积极性", "problems/monotonous-learning", "synonym"),
    ("党员参与不积极", "problems/monotonous-learning", "synonym"),
    ("两层皮", "problems/two-skins", "synonym"),
    # a problem described: the problem page above the measures that answer it
    ("形式主义", "problems/formalism", "problem"),
    ("重业务轻党建", "causes/business-over-party", "problem"),
    ("书记能力不足", "problems/weak-secretary-capacity", "problem"),
    ("考核重材料", "problems/unscientific-evaluation", "problem"),
    ("被动听众", "problems/monotonous-learning", "problem"),
    # a question
    ("怎么添加案例", "contributing", "question"),
    ("支部书记不会抓党建怎么办", "problems/weak-secretary-capacity", "question"),
    ("如何落实一岗双责", "measures/responsibility-lists", "question"),
    ("党建和业务两张皮怎么办", "problems/two-skins", "question"),
    # abbreviations and names of organisations, people, figures
    ("南航", "cases/nchu-party-building-plus", "abbreviation"),
    ("建行", "sources/s004", "abbreviation"),
    ("邮储", "cases/kuitun-psbc", "abbreviation"),
    ("奎屯", "cases/kuitun-psbc", "name"),
    ("南昌航空大学", "cases/nchu-party-building-plus", "name"),
    ("思南烟草", "cases/sinan-tobacco-three-three", "name"),
    ("李清华", "cases/nchu-party-building-plus", "name"),
    ("吴紫娟", "sources/s003", "name"),
    ("杨乾", "sources/s001", "name"),
    # two words, traditional characters
    ("党务工作者 兼职", "causes/part-time-party-workers", "two words"),
    ("负责人 培训", "measures/leader-training", "two words"),
    ("支部 产业链", "measures/branch-on-the-work", "two words"),
    ("兩張皮", "problems/two-skins", "traditional"),
    ("流動黨員", "measures/dynamic-member-management", "traditional"),
    ("郵儲銀行", "cases/kuitun-psbc", "traditional"),
]

# Queries none of whose words occurs in the guide: the search's "no result" state.
NOTHING: list[str] = ["股票行情", "足球比赛", "天气预报"]
