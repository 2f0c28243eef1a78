// The 自查诊断's decisions on fixed answer sets, without a browser: `node --test tests/js/`.
// weights.json is the model's SelfCheckWeights.as_data() (tests/test_self_check.py keeps it equal).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const logic = require(path.join(__dirname, "../../overrides/assets/javascripts/guide-self-check-logic.js"));
const modelWeights = require("./weights.json");
// Most tests below check fit, ties and the plan's length with every measure counted in full; the
// reach factor (who can act on a measure) has tests of its own at the end.
const weights = Object.assign({}, modelWeights, { reach: null });

function questions(prefix, n) {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i + 1}`, text: `${prefix} 第 ${i + 1} 条` }));
}
const cause = (id) => ({ id, title: id, url: `../causes/${id}/` });

// A small guide: three problems of different sizes, their causes, and measures whose file
// names (ids) sort against the order they should come in.
const DATA = {
  weights,
  problems: [
    { id: "lax-life", title: "组织生活不严", url: "", questions: questions("lax", 4),
      causes: [cause("business-first"), cause("part-time")] },
    { id: "dull-study", title: "学习单调", url: "", questions: questions("dull", 2), causes: [cause("no-methods")] },
    { id: "bad-review", title: "考核不科学", url: "", questions: questions("review", 10),
      causes: [cause("no-incentives"), cause("business-first")] },
  ],
  measures: [
    { id: "a-slogan", title: "树立大党建理念", addresses: ["business-first", "no-incentives", "part-time"],
      grade: { rank: 2 }, effort: "大", lead: "单位党委（党组）" },
    { id: "b-strict", title: "严格三会一课", addresses: ["lax-life"], grade: { rank: 2 }, effort: "小", lead: "支部委员会" },
    { id: "c-leaders", title: "班子成员联系支部", addresses: ["lax-life", "weak-team"], grade: { rank: 0 },
      effort: "中", lead: "单位党委（党组）" },
    { id: "d-standard", title: "支部工作标准化", addresses: ["lax-life"], grade: { rank: 0 }, effort: "小",
      lead: "支部委员会" },
    { id: "e-coefficient", title: "党建考核作为业务考核系数", addresses: ["no-incentives", "business-first"],
      grade: { rank: 2 }, effort: "大", lead: "上级党组织" },
    { id: "f-interactive", title: "互动式学习", addresses: ["dull-study", "no-methods"], grade: { rank: 0 },
      effort: "小", lead: "支部书记" },
    { id: "g-review", title: "实绩考核", addresses: ["bad-review"], grade: { rank: 1 }, effort: "中", lead: "支部委员会" },
    { id: "h-fulltime", title: "专职党务工作者", addresses: ["part-time"], grade: { rank: 1 } },
  ],
};

function answerAll(value, except = {}) {
  const answers = {};
  DATA.problems.forEach((p) => p.questions.forEach((q) => { answers[q.key] = except[p.id] || value; }));
  return answers;
}

test("problems rank by the share of their questions answered 否, not the count", () => {
  const answers = answerAll("yes");
  ["review1", "review2", "review3"].forEach((k) => { answers[k] = "no"; }); // 3 of 10
  answers.dull1 = "no"; // 1 of 2
  const ranked = logic.rankProblems(logic.problemScores(DATA.problems, answers, [], weights));
  assert.deepEqual(ranked.map((s) => s.id), ["dull-study", "bad-review"]);
  assert.equal(ranked[0].share, 0.5);
  assert.equal(ranked[1].share, 0.3);
});

test("不确定 counts half a 否; equal shares keep the guide's order", () => {
  const answers = answerAll("yes");
  answers.lax1 = "no"; answers.lax2 = "unsure"; // (1 + 0.5) / 4
  answers.dull1 = "unsure"; // 0.5 / 2
  const ranked = logic.rankProblems(logic.problemScores(DATA.problems, answers, [], weights));
  assert.deepEqual(ranked.map((s) => [s.id, s.share]), [["lax-life", 0.375], ["dull-study", 0.25]]);
  answers.lax1 = "yes"; answers.lax2 = "yes"; answers.lax3 = "no"; // 1/4 = dull-study's 0.25: guide order
  answers.dull1 = "no"; answers.dull2 = "yes"; // 1/2
  const tie = logic.problemScores(DATA.problems, { lax1: "no", dull1: "unsure" }, [], weights);
  assert.deepEqual(logic.rankProblems(tie).map((s) => s.id), ["lax-life", "dull-study"]);
});

test("the persona with every 否 on one problem gets a plan that answers that problem or its causes", () => {
  const answers = answerAll("yes", { "lax-life": "no" });
  const result = logic.evaluate(DATA, { answers });
  assert.deepEqual(result.ranked.map((s) => s.id), ["lax-life"]);
  const fitting = new Set(["lax-life", "business-first", "part-time"]);
  assert.ok(result.plan.length >= 3 && result.plan.length <= 5);
  for (const id of result.plan) {
    const measure = DATA.measures.find((m) => m.id === id);
    assert.ok(measure.addresses.some((t) => fitting.has(t)), id);
  }
  // Direct answers first; among them grade, then effort decides (never the file name).
  assert.deepEqual(result.plan.slice(0, 3), ["d-standard", "c-leaders", "b-strict"]);
  assert.deepEqual(result.measures[0].direct, ["lax-life"]);
});

test("a measure that reaches a problem through a cause weighs less than one that answers it", () => {
  const answers = answerAll("yes", { "lax-life": "no" });
  const measures = logic.evaluate(DATA, { answers }).measures;
  const fit = Object.fromEntries(measures.map((m) => [m.id, m.fit]));
  assert.equal(fit["b-strict"], weights.direct);
  assert.equal(fit["h-fulltime"], weights.viaCause);
  // a slogan naming two causes of the problem does not overtake a direct answer
  assert.equal(fit["a-slogan"], 2 * weights.viaCause);
  assert.ok(fit["b-strict"] >= fit["a-slogan"]);
  assert.deepEqual(measures.find((m) => m.id === "a-slogan").viaCause, ["business-first", "part-time"]);
});

test("a measure naming a problem and its cause is one answer to it: the grade decides, not the extra name", () => {
  const slogan = { id: "a-both", title: "大党建理念", addresses: ["lax-life", "business-first"], grade: { rank: 2 } };
  const data = { ...DATA, measures: [slogan, ...DATA.measures] };
  const answers = answerAll("yes", { "lax-life": "no" });
  const measures = logic.evaluate(data, { answers }).measures;
  assert.equal(measures.find((m) => m.id === "a-both").fit, weights.direct);
  assert.deepEqual(measures.find((m) => m.id === "a-both").viaCause, []);
  assert.deepEqual(measures.slice(0, 5).map((m) => m.id), ["d-standard", "c-leaders", "b-strict", "a-both", "a-slogan"]);
  // with another flagged problem that has the cause, the cause counts again, at that problem's share
  answers.review1 = "no"; answers.review2 = "no"; // 0.2 of 考核不科学, which has business-first
  const both = logic.evaluate(data, { answers }).measures.find((m) => m.id === "a-both");
  assert.ok(Math.abs(both.fit - (weights.direct + weights.viaCause * 0.2)) < 1e-9);
});

test("a cause shared by many flagged problems counts once, at the largest share", () => {
  const answers = answerAll("no");
  const measures = logic.evaluate(DATA, { answers }).measures;
  const slogan = measures.find((m) => m.id === "a-slogan");
  assert.equal(slogan.fit, 3 * weights.viaCause); // three causes, each once, share 1
});

test("the plan has 3 to 5 rows and leaves out a measure driven by one 不确定", () => {
  const answers = answerAll("yes", { "lax-life": "no" });
  answers.review1 = "unsure"; // 0.05 of 考核不科学
  const result = logic.evaluate(DATA, { answers });
  assert.ok(result.measures.some((m) => m.id === "g-review"), "still listed among all measures");
  assert.ok(!result.plan.includes("g-review"), "but not in the plan");
  assert.ok(!result.plan.includes("e-coefficient"));
  const all = logic.evaluate(DATA, { answers: answerAll("no") });
  assert.equal(all.plan.length, weights.planMax);
  const one = logic.evaluate(DATA, { answers: { dull1: "no" } });
  assert.deepEqual(one.plan, ["f-interactive"], "fewer than 3 when fewer fit");
});

test("ties never fall back to the file name", () => {
  const reversed = { ...DATA, measures: DATA.measures.slice().reverse() };
  const answers = answerAll("no");
  assert.deepEqual(logic.evaluate(reversed, { answers }).measures.map((m) => m.id),
                   logic.evaluate(DATA, { answers }).measures.map((m) => m.id));
  const renamed = { ...DATA, measures: DATA.measures.map((m) => ({ ...m, id: `z-${m.title}` })) };
  const titles = (data) => logic.evaluate(data, { answers }).measures.map((m) => m.measure.title);
  assert.deepEqual(titles(renamed), titles(DATA));
});

test("a measure without lead or effort (not yet written) still ranks, after those that have them", () => {
  const ranked = logic.rankProblems(logic.problemScores(DATA.problems, { dull1: "no" }, [], weights));
  const twins = [
    { id: "a", title: "甲", addresses: ["dull-study"], grade: { rank: 1 } },
    { id: "b", title: "乙", addresses: ["dull-study"], grade: { rank: 1 }, effort: "大" },
    { id: "c", title: "丙", addresses: ["dull-study"], grade: { rank: 1 }, effort: "大", lead: "上级党组织" },
    { id: "d", title: "丁", addresses: ["dull-study"], grade: { rank: 1 }, effort: "大", lead: "支部书记" },
    { id: "e", title: "戊", addresses: ["dull-study"] },
  ];
  assert.deepEqual(logic.rankMeasures(twins, ranked, weights).map((m) => m.id), ["d", "c", "b", "a", "e"]);
});

test("a skipped problem is neither counted nor reached by the plan", () => {
  const answers = answerAll("yes", { "lax-life": "no", "dull-study": "no" });
  const result = logic.evaluate(DATA, { answers, skipped: ["lax-life"] });
  assert.deepEqual(result.ranked.map((s) => s.id), ["dull-study"]);
  assert.deepEqual(result.plan, ["f-interactive"]);
  assert.deepEqual(result.gaps.map((g) => g.id), ["dull-study"]);
  assert.deepEqual(result.progress, { answered: 12, total: 12 });
  assert.equal(result.scores.find((s) => s.id === "lax-life").skipped, true);
});

test("gaps list the items answered 否 or 不确定, grouped by problem in rank order", () => {
  const answers = answerAll("yes");
  answers.review2 = "no"; answers.review5 = "unsure";
  answers.dull2 = "no";
  const result = logic.evaluate(DATA, { answers });
  assert.deepEqual(result.gaps.map((g) => [g.id, g.items.map((i) => [i.key, i.answer])]), [
    ["dull-study", [["dull2", "no"]]],
    ["bad-review", [["review2", "no"], ["review5", "unsure"]]],
  ]);
});

test("a swap replaces one row, chains collapse and swapping back drops the pair", () => {
  const answers = answerAll("yes", { "lax-life": "no" });
  const result = logic.evaluate(DATA, { answers });
  const [first] = result.plan;
  const spare = logic.alternatives(result.plan, result.measures)[0].id;
  let swaps = logic.recordSwap([], first, spare);
  assert.deepEqual(swaps, [[first, spare]]);
  const swapped = logic.evaluate(DATA, { answers, swaps });
  assert.equal(swapped.plan[0], spare);
  assert.deepEqual(swapped.plan.slice(1), result.plan.slice(1));
  const back = logic.alternatives(swapped.plan, swapped.measures).map((m) => m.id);
  assert.equal(back[0], first, "the measure swapped out is offered again, first");
  const other = back[1];
  swaps = logic.recordSwap(swaps, spare, other);
  assert.deepEqual(swaps, [[first, other]]);
  assert.deepEqual(logic.recordSwap(swaps, other, first), []);
});

test("a swap made for other answers is ignored, never adding a measure that does not fit", () => {
  const answers = answerAll("yes", { "dull-study": "no" });
  const result = logic.evaluate(DATA, { answers, swaps: [["f-interactive", "b-strict"], ["x", "y"], "bad"] });
  assert.deepEqual(result.plan, ["f-interactive"]);
});

test("unanswered questions count as not flagged and progress counts only asked questions", () => {
  const result = logic.evaluate(DATA, { answers: { lax1: "no", lax2: "maybe" } });
  assert.deepEqual(result.progress, { answered: 1, total: 16 });
  assert.equal(result.ranked[0].share, 0.25);
  assert.deepEqual(logic.evaluate(DATA, {}).plan, []);
});

test("a saved snapshot comes back as state; answers to changed questions are dropped by name", () => {
  const state = { answers: { lax1: "no", dull2: "unsure" }, skipped: ["bad-review"], swaps: [["d-standard", "h-fulltime"]],
                  fields: { "h-fulltime": { owner: "张书记", due: "6月底前" }, "b-strict": { owner: "", due: "" } },
                  branch: "机关第一党支部", date: "2026-03-31" };
  const saved = logic.makeSnapshot(state, DATA, "2026-04-01");
  assert.deepEqual(saved.answers.lax1, { answer: "no", question: "lax 第 1 条" });
  assert.deepEqual(Object.keys(saved.plan.fields), ["h-fulltime"]);
  const back = logic.readSnapshot(JSON.parse(JSON.stringify(saved)), DATA);
  assert.equal(back.format, true);
  assert.deepEqual(back.dropped, []);
  assert.deepEqual(back.state, { ...state, fields: { "h-fulltime": { owner: "张书记", due: "6月底前" } } });

  saved.answers.gone = { answer: "no", question: "改写之前的问题" };
  saved.answers.dull1 = { answer: "perhaps", question: "dull 第 1 条" };
  saved.skipped.push("no-such-problem");
  saved.plan.swaps.push(["d-standard", "no-such-measure"], "bad");
  saved.date = "31/03/2026";
  const cleaned = logic.readSnapshot(saved, DATA);
  assert.deepEqual(cleaned.dropped, ["改写之前的问题", "dull 第 1 条"]);
  assert.deepEqual(cleaned.state.skipped, ["bad-review"]);
  assert.deepEqual(cleaned.state.swaps, [["d-standard", "h-fulltime"]]);
  assert.equal(cleaned.state.date, "");
  assert.equal(logic.readSnapshot(null, DATA).format, false);
  assert.equal(logic.readSnapshot({ answers: "x", plan: 3 }, DATA).state.branch, "");
});

test("a measure only a higher level can decide counts less than one the branch leads itself", () => {
  const reachData = Object.assign({}, DATA, { weights: modelWeights });
  const answers = answerAll("yes", { "lax-life": "no" });
  const ranked = logic.evaluate(reachData, { answers }).measures;
  const fit = (id) => ranked.find((m) => m.id === id).fit;
  // c-leaders (单位党委) names lax-life directly, as b-strict (支部委员会) does: reach 0.75 against 1.0
  assert.equal(fit("c-leaders"), modelWeights.reach["单位党委（党组）"] * fit("b-strict"));
  assert.ok(ranked.findIndex((m) => m.id === "b-strict") < ranked.findIndex((m) => m.id === "c-leaders"));
  // without the factor the two tie on fit and the stronger grade wins
  const plain = logic.evaluate(DATA, { answers }).measures.map((m) => m.id);
  assert.ok(plain.indexOf("c-leaders") < plain.indexOf("b-strict"));
});

test("every lead the model allows has a reach, and the branch's own leads count in full", () => {
  assert.deepEqual(Object.keys(modelWeights.reach).sort(), modelWeights.leads.slice().sort());
  assert.equal(modelWeights.reach["支部书记"], 1);
  assert.equal(modelWeights.reach["支部委员会"], 1);
  assert.ok(modelWeights.reach["上级党组织"] < modelWeights.reach["单位党委（党组）"]);
});
