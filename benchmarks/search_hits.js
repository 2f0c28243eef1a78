// The ranking table's hit rate without a browser: the built site's own search worker and index,
// run in node. Usage: .venv/bin/python benchmarks/search_hits.py <built site folder>
// (which passes tests/search_queries.py's table as a JSON file). The Chromium tests
// (tests/test_search.py) remain the judge; this is for quick before/after numbers.
const fs = require("fs"), path = require("path"), vm = require("vm");
const site = process.argv[2];
const LEAVING = new Set(JSON.parse(process.argv[4] || "[]"));
const dir = path.join(site, "assets/javascripts/workers");
const name = fs.readdirSync(dir).find(f => /^search\..*\.min\.js$/.test(f));
const code = fs.readFileSync(path.join(dir, name), "utf8");
let handler;
const ctx = {console, postMessage: m => { ctx.__last = m; }, addEventListener: (t, f) => { handler = f; }, importScripts() {}};
ctx.self = ctx; ctx.globalThis = ctx;
vm.createContext(ctx);
vm.runInContext(code, ctx);
const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
const t2sSrc = fs.readFileSync(path.join(__dirname, "../overrides/assets/javascripts/search-t2s.js"),"utf8");
const trad = Array.from(t2sSrc.match(/traditional = Array.from\("([^"]*)"/)[1]), simp = Array.from(t2sSrc.match(/simplified = Array.from\("([^"]*)"/)[1]);
const M = {}; trad.forEach((c,i)=>M[c]=simp[i]);
const t2s = q => Array.from(q).map(c => M[c]||c).join("");
(async () => {
  await handler({data: {type: 0, data: {config: index.config, docs: index.docs, options: {}}}});
  const queries = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  let first = 0, top5 = 0;
  for (const [q, want] of queries) {
    await handler({data: {type: 2, data: t2s(q)}});
    const items = ctx.__last.data.items.map(g => g[0].location.split("#")[0].replace(/(\/|\.html)$/, "").replace(/\/index$/, "")).filter(p => !LEAVING.has(p));
    const rank = items.indexOf(want) + 1;
    const ok = want ? rank === 1 : items.length === 0;  // "" : the guide holds nothing for it
    if (ok) first++;
    if (want ? rank >= 1 && rank <= 5 : ok) top5++;
    const terms = ctx.__last.data.items.slice(0,3).map(g => Math.round(Math.max(...g.map(x=>x.score))) + JSON.stringify(g[0].terms)).join(" ");
    console.log(`${ok ? "  " : "XX"} ${q}\t${want}\trank ${rank || "-"}\t${items.slice(0, 3).join(" ")} ${terms}`);
  }
  console.log(`第一名（或无结果）${first}/${queries.length}，前五名 ${top5}/${queries.length}`);
})();
