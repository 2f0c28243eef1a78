// The decisions of the measures' comparison table (overrides/assets/javascripts/guide-compare.js):
// which rows a filter keeps and in what order a sort puts them. Run by tests/test_compare.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { matches, arrange, nextDirection } = require("../../overrides/assets/javascripts/guide-compare.js");

const rows = [
  { title: "乙举措", grade: "practice", problems: ["p1", "p2"], ranks: { grade: 1, lead: 2, effort: 0 }, order: 0 },
  { title: "甲举措", grade: "outcome", problems: ["p2"], ranks: { grade: 0, lead: 1, effort: 2 }, order: 1 },
  { title: "丙举措", grade: "proposal", problems: [], ranks: { grade: 2, lead: 1, effort: 1 }, order: 2 },
];
const orders = (shown) => shown.map((row) => row.order);

test("no filter keeps every row in the guide's order", () => {
  assert.deepStrictEqual(orders(arrange(rows, {}, null)), [0, 1, 2]);
});

test("a problem filter keeps the measures that answer it; a grade filter the measures of that grade", () => {
  assert.deepStrictEqual(orders(arrange(rows, { problem: "p1" }, null)), [0]);
  assert.deepStrictEqual(orders(arrange(rows, { problem: "p2" }, null)), [0, 1]);
  assert.deepStrictEqual(orders(arrange(rows, { grade: "proposal" }, null)), [2]);
  assert.deepStrictEqual(orders(arrange(rows, { problem: "p2", grade: "outcome" }, null)), [1]);
  assert.strictEqual(matches(rows[2], { problem: "p1" }), false);
});

test("sorting by grade puts the strongest first; descending reverses; ties keep the guide's order", () => {
  assert.deepStrictEqual(orders(arrange(rows, {}, { key: "grade", direction: "ascending" })), [1, 0, 2]);
  assert.deepStrictEqual(orders(arrange(rows, {}, { key: "grade", direction: "descending" })), [2, 0, 1]);
  assert.deepStrictEqual(orders(arrange(rows, {}, { key: "lead", direction: "ascending" })), [1, 2, 0]);
  assert.deepStrictEqual(orders(arrange(rows, {}, { key: "effort", direction: "ascending" })), [0, 2, 1]);
});

test("sorting by title follows Chinese order and does not change the rows it is given", () => {
  const sorted = arrange(rows, {}, { key: "title", direction: "ascending" });
  assert.strictEqual(sorted.length, 3);
  assert.deepStrictEqual(orders(rows), [0, 1, 2]);
});

test("a second click on the same column reverses it; another column starts ascending", () => {
  assert.strictEqual(nextDirection(null, "grade", "grade"), "ascending");
  assert.strictEqual(nextDirection({ key: "grade", direction: "ascending" }, "grade", "grade"), "descending");
  assert.strictEqual(nextDirection({ key: "grade", direction: "descending" }, "grade", "grade"), "ascending");
  assert.strictEqual(nextDirection({ key: "lead", direction: "ascending" }, "grade", "grade"), "ascending");
});
