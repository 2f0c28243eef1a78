// The measures' comparison table (measures/index.md, hooks/guidekit/pages.py): filters by problem
// and by evidence grade, and sorting by a column. The table is complete without this script (and
// printed whole); the script only adds controls. Started from `data-guide-compare`, on every page
// Material shows (document$, also after instant navigation). Nothing is stored or sent.
// The decisions (which rows match, in what order) are pure functions, tested with `node --test`.
(function (root) {
  "use strict";

  // A row as the decisions see it: {title, grade, problems: [ids], ranks: {grade, lead, effort}, order}.
  function matches(row, filter) {
    var byProblem = !filter.problem || row.problems.indexOf(filter.problem) !== -1;
    var byGrade = !filter.grade || row.grade === filter.grade;
    return byProblem && byGrade;
  }

  function compare(a, b, key, direction) {
    var sign = direction === "descending" ? -1 : 1;
    var result;
    if (key === "title") {
      result = a.title.localeCompare(b.title, "zh-Hans-CN");
    } else {
      result = (a.ranks[key] || 0) - (b.ranks[key] || 0);
    }
    return result * sign || a.order - b.order; // ties keep the guide's order
  }

  function arrange(rows, filter, sort) {
    var shown = rows.filter(function (row) { return matches(row, filter); });
    if (sort && sort.key) {
      shown = shown.slice().sort(function (a, b) { return compare(a, b, sort.key, sort.direction); });
    }
    return shown;
  }

  function nextDirection(current, key, clicked) {
    return current && current.key === clicked && current.direction === "ascending" ? "descending" : "ascending";
  }

  var decisions = { matches: matches, compare: compare, arrange: arrange, nextDirection: nextDirection };
  if (typeof module === "object" && module.exports) {
    module.exports = decisions;
    return;
  }

  var GRADE_LABELS = {};

  function readRow(tr, order) {
    var ranks = {
      grade: Number(tr.getAttribute("data-guide-rank-grade")),
      lead: Number(tr.getAttribute("data-guide-rank-lead")),
      effort: Number(tr.getAttribute("data-guide-rank-effort")),
    };
    var badge = tr.querySelector(".guide-evidence");
    var grade = tr.getAttribute("data-guide-grade");
    if (badge && !GRADE_LABELS[grade]) {
      GRADE_LABELS[grade] = badge.firstChild && badge.childNodes.length > 1 ? badge.childNodes[1].textContent : grade;
    }
    return {
      element: tr,
      title: tr.querySelector("th").textContent.trim(),
      grade: grade,
      problems: (tr.getAttribute("data-guide-problems") || "").split(" ").filter(Boolean),
      ranks: ranks,
      order: order,
    };
  }

  function option(value, text) {
    var node = document.createElement("option");
    node.value = value;
    node.textContent = text;
    return node;
  }

  function labelled(text, control) {
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(text));
    label.appendChild(control);
    return label;
  }

  function start(box) {
    if (box.getAttribute("data-guide-compare-ready")) return;
    box.setAttribute("data-guide-compare-ready", "true");
    var table = box.querySelector("table");
    var tbody = table.querySelector("tbody");
    var rows = Array.prototype.map.call(tbody.querySelectorAll("tr"), readRow);
    var problems = {};
    tbody.querySelectorAll("[data-guide-problem]").forEach(function (a) {
      problems[a.getAttribute("data-guide-problem")] = a.textContent;
    });

    var problemSelect = document.createElement("select");
    problemSelect.appendChild(option("", "全部问题"));
    Object.keys(problems).sort(function (a, b) { return problems[a].localeCompare(problems[b], "zh-Hans-CN"); })
      .forEach(function (id) { problemSelect.appendChild(option(id, problems[id])); });
    var gradeSelect = document.createElement("select");
    gradeSelect.appendChild(option("", "全部等级"));
    (box.getAttribute("data-guide-compare") || "").split(" ").filter(Boolean).forEach(function (slug) {
      if (GRADE_LABELS[slug]) gradeSelect.appendChild(option(slug, GRADE_LABELS[slug]));
    });
    var status = document.createElement("span");
    status.className = "guide-compare__status";
    status.setAttribute("role", "status");
    var controls = document.createElement("div");
    controls.className = "guide-compare__controls";
    controls.appendChild(labelled("按问题筛选：", problemSelect));
    controls.appendChild(labelled("按证据等级筛选：", gradeSelect));
    controls.appendChild(status);
    box.insertBefore(controls, box.firstChild);

    var sort = null;
    var headers = table.querySelectorAll("thead th[data-guide-sort]");
    headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "guide-compare__sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-guide-sort");
        sort = { key: key, direction: nextDirection(sort, key, key) };
        render();
      });
    });

    function render() {
      var filter = { problem: problemSelect.value, grade: gradeSelect.value };
      var shown = arrange(rows, filter, sort);
      var visible = {};
      shown.forEach(function (row) { visible[row.order] = true; tbody.appendChild(row.element); });
      rows.forEach(function (row) {
        if (!visible[row.order]) { row.element.hidden = true; tbody.appendChild(row.element); }
        else row.element.hidden = false;
      });
      headers.forEach(function (th) {
        if (sort && th.getAttribute("data-guide-sort") === sort.key) th.setAttribute("aria-sort", sort.direction);
        else th.removeAttribute("aria-sort");
      });
      status.textContent = "显示 " + shown.length + " 项，共 " + rows.length + " 项";
    }
    problemSelect.addEventListener("change", render);
    gradeSelect.addEventListener("change", render);
    render();
  }

  function startAll() {
    document.querySelectorAll("[data-guide-compare]").forEach(start);
  }
  if (root.document$ && typeof root.document$.subscribe === "function") {
    root.document$.subscribe(startAll);
  } else {
    root.addEventListener("load", startAll);
  }
})(typeof window !== "undefined" ? window : this);
