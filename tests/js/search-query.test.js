// The query side of the guide's search (overrides/assets/javascripts/search-query.js), without a browser.
// Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const q = require(path.join(__dirname, "../../overrides/assets/javascripts/search-query.js"));

// A small index vocabulary, shaped like lunr's inverted index (word -> postings).
const WORDS = Object.fromEntries([
  "党员", "示范岗", "党员示范岗与示范项目", "积极性", "党建", "党建加", "两张皮", "组织生活", "走过场",
  "比赛", "添加案例", "支部书记", "不会", "奎屯市分行", "负责人", "培训",
].map(w => [w, {}]));

test("full-width letters, digits and symbols become ASCII; the plus after a word becomes 加", () => {
  assert.equal(q.halfWidth("ＡＢＣ１２３＋＃（）　"), "ABC123+#() ");
  assert.equal(q.normalise("党建＋"), "党建加");
  assert.equal(q.normalise("互联网+党建"), "互联网加党建");
  assert.equal(q.normalise("ＰＤＣＡ"), "pdca");
  assert.equal(q.normalise("+党建"), "+党建", "a leading + is lunr's 'required', not a programme name");
});

test("a query is prepared: punctuation and question words out, spaces inside Chinese closed", () => {
  assert.equal(q.prepare("两张皮？"), "两张皮");
  assert.equal(q.prepare("“三会一课”"), "三会一课");
  assert.equal(q.prepare("党员 示范岗"), "党员示范岗");
  assert.equal(q.prepare("学习教育方式单一，党员被动参与"), "学习教育方式单一党员被动参与");
  assert.equal(q.prepare("怎么添加案例"), "添加案例");
  assert.equal(q.prepare("支部书记不会抓党建怎么办？"), "支部书记不会抓党建");
  assert.equal(q.prepare("怎么做"), "怎么做", "nothing of two characters would be left");
  assert.equal(q.prepare("80%  党建"), "80% 党建");
});

test("the question words are the same list as the index side's", () => {
  // tests/test_search_terms.py compares this list with search_terms.FILLERS
  assert.ok(q.FILLERS.includes("怎么") && q.FILLERS.indexOf("怎么办") < q.FILLERS.indexOf("怎么"));
});

test("segment: a title typed whole or in part stays one word", () => {
  assert.deepEqual(q.segment("党员示范岗", WORDS), ["党员示范岗"]);
  assert.deepEqual(q.segment("奎屯市分", WORDS), ["奎屯市分"]);
});

test("segment: longest words first, a lone unknown character dropped, an unknown run kept", () => {
  assert.deepEqual(q.segment("党员积极性", WORDS), ["党员", "积极性"]);
  assert.deepEqual(q.segment("组织生活走过场", WORDS), ["组织生活", "走过场"]);
  assert.deepEqual(q.segment("支部书记不会抓党建", WORDS), ["支部书记", "不会", "党建"]);
  assert.deepEqual(q.segment("足球比赛", WORDS), ["足球", "比赛"]);
  assert.deepEqual(q.segment("股票行情", WORDS), ["股票行情"]);
});

test("query terms: one piece is a prefix; several are exact words; mostly unknown is required", () => {
  assert.equal(q.queryTerms("党员示范岗", WORDS), "党员示范岗");
  assert.equal(q.queryTerms("党员积极性", WORDS), "党员^1 积极性^1");
  assert.equal(q.queryTerms("足球比赛", WORDS), "+足球 比赛^1");
  assert.equal(q.queryTerms("股票行情", WORDS), "+股票行情");
  assert.equal(q.queryTerms("负责人培训", WORDS), "负责人^1 培训^1");
});

test("a lone character of the index is searched only when it is the whole query", () => {
  const words = {...WORDS, 党: {}, 好: {}};
  assert.deepEqual(q.segment("党", words), ["党"]);
  assert.deepEqual(q.segment("党建好", words), ["党建"]);
});
