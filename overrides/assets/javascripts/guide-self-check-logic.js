// 自查诊断的计算部分：把答案变成问题排序、举措排序、行动计划和“差距”清单。
// Pure functions only (no DOM, no storage): the page script guide-self-check.js calls them, and
// tests/js/*.test.js run them under `node --test` on fixed answer sets. Loaded in the page as a
// plain deferred script (window.GuideSelfCheckLogic) and in Node with require().
// The weights are not written here: they come from the model (hooks/guidekit/model.py,
// SelfCheckWeights) inside the page's data, and every function takes them as an argument.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuideSelfCheckLogic = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var EPSILON = 1e-9;

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function asSet(values) {
    var set = {};
    (values || []).forEach(function (value) { set[value] = true; });
    return set;
  }

  // One entry per problem that has questions, in the guide's order. A skipped problem keeps
  // its entry (the section index shows it) but scores nothing. `answers` maps question key to
  // "yes" / "no" / "unsure"; anything else counts as unanswered.
  function problemScores(problems, answers, skipped, weights) {
    var skip = asSet(skipped);
    var value = weights.answers;
    return problems.filter(function (p) { return p.questions.length; }).map(function (problem, order) {
      var counts = { yes: 0, no: 0, unsure: 0 };
      problem.questions.forEach(function (q) {
        var answer = answers[q.key];
        if (has(counts, answer)) counts[answer] += 1;
      });
      var isSkipped = skip[problem.id] === true;
      var total = problem.questions.length;
      var score = isSkipped ? 0 : counts.no * value.no + counts.unsure * value.unsure + counts.yes * value.yes;
      return {
        id: problem.id, problem: problem, order: order, skipped: isSkipped, total: total,
        answered: counts.yes + counts.no + counts.unsure, counts: counts,
        score: score, share: isSkipped ? 0 : score / total,
      };
    });
  }

  // The problems to act on: not skipped, with a 否 or 不确定; by share of their questions
  // (so a problem with many questions does not win by count), then raw score, then guide order.
  function rankProblems(scores) {
    return scores.filter(function (s) { return !s.skipped && s.score > EPSILON; }).sort(function (a, b) {
      return (b.share - a.share > EPSILON ? 1 : a.share - b.share > EPSILON ? -1 : 0) ||
        (b.score - a.score > EPSILON ? 1 : a.score - b.score > EPSILON ? -1 : 0) || a.order - b.order;
    });
  }

  // Questions asked and answered over every problem not skipped.
  function progress(scores) {
    var out = { answered: 0, total: 0 };
    scores.forEach(function (s) {
      if (s.skipped) return;
      out.answered += s.answered;
      out.total += s.total;
    });
    return out;
  }

  function rankOf(list, value) {
    var index = (list || []).indexOf(value);
    return index < 0 ? (list || []).length : index;
  }

  function gradeRank(measure) {
    return measure.grade && typeof measure.grade.rank === "number" ? measure.grade.rank : Infinity;
  }

  // Measures that answer a ranked problem or one of its causes, best fit first.
  // fit = Σ over the measure's targets, each counted once:
  //   a flagged problem it names:  weights.direct × that problem's share;
  //   a cause it names:            weights.viaCause × the largest share among the flagged
  //                                problems that have this cause and that the measure does
  //                                not already answer directly (naming a problem and its cause
  //                                is one answer to it, not two).
  // Ties: evidence grade (rank 0 = strongest), effort, who leads (orders from the weights),
  // then title; never the file name.
  function rankMeasures(measures, ranked, weights) {
    var problemShare = {};
    var withCause = {}; // cause id -> [{id, share}] of the flagged problems that have it
    ranked.forEach(function (s) {
      problemShare[s.id] = s.share;
      s.problem.causes.forEach(function (cause) {
        (withCause[cause.id] = withCause[cause.id] || []).push({ id: s.id, share: s.share });
      });
    });
    var fitted = measures.map(function (measure) {
      var names = asSet(measure.addresses);
      var fit = 0;
      var direct = [];
      var viaCause = [];
      measure.addresses.forEach(function (target) {
        if (has(problemShare, target)) {
          fit += weights.direct * problemShare[target];
          direct.push(target);
        } else if (has(withCause, target)) {
          var share = 0;
          withCause[target].forEach(function (p) { if (!names[p.id] && p.share > share) share = p.share; });
          if (share > 0) {
            fit += weights.viaCause * share;
            viaCause.push(target);
          }
        }
      });
      // A measure the branch cannot decide by itself counts less (weights.reach, by who leads it).
      if (weights.reach && has(weights.reach, measure.lead)) fit *= weights.reach[measure.lead];
      return { id: measure.id, measure: measure, fit: fit, direct: direct, viaCause: viaCause };
    }).filter(function (m) { return m.fit > EPSILON; });
    return fitted.sort(function (a, b) {
      if (Math.abs(a.fit - b.fit) > EPSILON) return b.fit - a.fit;
      return (gradeRank(a.measure) - gradeRank(b.measure)) ||
        (rankOf(weights.efforts, a.measure.effort) - rankOf(weights.efforts, b.measure.effort)) ||
        (rankOf(weights.leads, a.measure.lead) - rankOf(weights.leads, b.measure.lead)) ||
        a.measure.title.localeCompare(b.measure.title, "zh-CN");
    });
  }

  // The recommended plan: the best planMin measures, then more (up to planMax) only while
  // each fits at least planKeep × the best fit. Returns measure ids in rank order.
  function selectPlan(rankedMeasures, weights) {
    var plan = [];
    if (!rankedMeasures.length) return plan;
    var floor = weights.planKeep * rankedMeasures[0].fit - EPSILON;
    for (var i = 0; i < rankedMeasures.length && plan.length < weights.planMax; i += 1) {
      if (plan.length >= weights.planMin && rankedMeasures[i].fit < floor) break;
      plan.push(rankedMeasures[i].id);
    }
    return plan;
  }

  // The reader's swaps ([out, in] pairs, oldest first) applied to a plan. A swap whose measure
  // is no longer in the plan, or whose replacement no longer fits or is already in it, is
  // skipped, so swaps made for earlier answers never put an unrelated measure in the plan.
  function applySwaps(plan, rankedMeasures, swaps) {
    var out = plan.slice();
    var candidates = asSet(rankedMeasures.map(function (m) { return m.id; }));
    (swaps || []).forEach(function (swap) {
      if (!Array.isArray(swap) || swap.length !== 2) return;
      var index = out.indexOf(swap[0]);
      if (index < 0 || out.indexOf(swap[1]) >= 0 || !candidates[swap[1]]) return;
      out[index] = swap[1];
    });
    return out;
  }

  // A new swap list with `outId` replaced by `inId`: a chain A→B, B→C becomes A→C, and
  // swapping back to the original drops the pair, so the list stays as short as the changes.
  function recordSwap(swaps, outId, inId) {
    var next = [];
    var merged = false;
    (swaps || []).forEach(function (swap) {
      if (!merged && swap[1] === outId) {
        merged = true;
        if (swap[0] !== inId) next.push([swap[0], inId]);
      } else {
        next.push([swap[0], swap[1]]);
      }
    });
    if (!merged && outId !== inId) next.push([outId, inId]);
    return next;
  }

  // The measures a reader may swap in for a plan row: ranked, not already in the plan.
  function alternatives(plan, rankedMeasures) {
    var taken = asSet(plan);
    return rankedMeasures.filter(function (m) { return !taken[m.id]; });
  }

  // The items the meeting will discuss: per ranked problem, its questions answered 否 or
  // 不确定, in page order (否 and 不确定 marked by `answer`).
  function gaps(ranked, answers) {
    return ranked.map(function (s) {
      return {
        id: s.id, problem: s.problem,
        items: s.problem.questions.filter(function (q) {
          return answers[q.key] === "no" || answers[q.key] === "unsure";
        }).map(function (q) { return { key: q.key, text: q.text, answer: answers[q.key] }; }),
      };
    }).filter(function (group) { return group.items.length; });
  }

  // Everything the results show, from the page data and the reader's state in one call.
  function evaluate(data, state) {
    var answers = (state && state.answers) || {};
    var scores = problemScores(data.problems, answers, (state && state.skipped) || [], data.weights);
    var ranked = rankProblems(scores);
    var measures = rankMeasures(data.measures, ranked, data.weights);
    var recommended = selectPlan(measures, data.weights);
    var plan = applySwaps(recommended, measures, (state && state.swaps) || []);
    return {
      scores: scores, progress: progress(scores), ranked: ranked, measures: measures,
      recommended: recommended, plan: plan, gaps: gaps(ranked, answers),
    };
  }

  var FORMAT = "dangjian-guide-self-check";
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var TEXT_MAX = 200;

  function text(value) { return typeof value === "string" ? value.slice(0, TEXT_MAX) : ""; }

  // The reader's state from a saved or imported snapshot, checked against the page: an answer
  // is kept only while its question (keyed by a hash of its text) is still on the page; the
  // texts of the others come back in `dropped`, for a note. Unknown problems, measures and
  // malformed entries are left out, so a file from an older guide cannot break the page.
  function readSnapshot(saved, data) {
    var questions = {};
    var problems = {};
    var measures = {};
    data.problems.forEach(function (p) {
      problems[p.id] = true;
      p.questions.forEach(function (q) { questions[q.key] = true; });
    });
    data.measures.forEach(function (m) { measures[m.id] = true; });
    var state = { answers: {}, skipped: [], swaps: [], fields: {}, branch: "", date: "" };
    var dropped = [];
    saved = saved && typeof saved === "object" ? saved : {};
    var stored = saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    Object.keys(stored).forEach(function (key) {
      var entry = stored[key] && typeof stored[key] === "object" ? stored[key] : {};
      var value = String(entry.answer);
      if (has(questions, key) && (value === "yes" || value === "no" || value === "unsure")) state.answers[key] = value;
      else dropped.push(String(entry.question || key));
    });
    (Array.isArray(saved.skipped) ? saved.skipped : []).forEach(function (id) {
      if (has(problems, id) && state.skipped.indexOf(id) < 0) state.skipped.push(id);
    });
    var plan = saved.plan && typeof saved.plan === "object" ? saved.plan : {};
    (Array.isArray(plan.swaps) ? plan.swaps : []).forEach(function (swap) {
      if (Array.isArray(swap) && swap.length === 2 && has(measures, swap[0]) && has(measures, swap[1])) {
        state.swaps.push([swap[0], swap[1]]);
      }
    });
    var fields = plan.fields && typeof plan.fields === "object" ? plan.fields : {};
    Object.keys(fields).forEach(function (id) {
      var entry = fields[id] && typeof fields[id] === "object" ? fields[id] : {};
      if (has(measures, id) && (text(entry.owner) || text(entry.due))) {
        state.fields[id] = { owner: text(entry.owner), due: text(entry.due) };
      }
    });
    state.branch = text(saved.branch);
    state.date = typeof saved.date === "string" && DATE.test(saved.date) ? saved.date : "";
    return { state: state, dropped: dropped, format: saved.format === FORMAT };
  }

  // What is kept in the browser and exported: the answers with their question text (so a
  // dropped answer can be named), the problems marked 不适用, the plan's swaps and the 责任人 /
  // 完成时限 typed in.
  function makeSnapshot(state, data, savedOn) {
    var questions = {};
    data.problems.forEach(function (p) { p.questions.forEach(function (q) { questions[q.key] = q.text; }); });
    var answers = {};
    Object.keys(state.answers || {}).forEach(function (key) {
      if (has(questions, key)) answers[key] = { answer: state.answers[key], question: questions[key] };
    });
    var fields = {};
    Object.keys(state.fields || {}).forEach(function (id) {
      var entry = state.fields[id];
      if (entry && (entry.owner || entry.due)) fields[id] = { owner: entry.owner || "", due: entry.due || "" };
    });
    return {
      format: FORMAT, version: 1, saved: savedOn, branch: state.branch || "", date: state.date || "",
      answers: answers, skipped: (state.skipped || []).slice(),
      plan: { swaps: (state.swaps || []).slice(), fields: fields },
    };
  }

  return {
    readSnapshot: readSnapshot, makeSnapshot: makeSnapshot,
    problemScores: problemScores, rankProblems: rankProblems, progress: progress,
    rankMeasures: rankMeasures, selectPlan: selectPlan, applySwaps: applySwaps,
    recordSwap: recordSwap, alternatives: alternatives, gaps: gaps, evaluate: evaluate,
  };
});
