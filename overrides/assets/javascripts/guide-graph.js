// The overview picture (hooks/guidekit/picture.py) as a way in: selecting a node (click,
// or Enter on a focused node) highlights the chain it belongs to, upstream and downstream
// (问题 → 成因 → 创新举措 → 实践案例), and dims the rest; activating the selected node
// again follows its link. Esc clears. Started from <figure data-guide-graph>.
(function () {
  "use strict";
  var TYPES = [["problems", "问题"], ["causes", "成因"], ["measures", "创新举措"], ["cases", "实践案例"]];

  function start(figure) {
    if (figure.getAttribute("data-started") !== null) return;
    figure.setAttribute("data-started", "");
    var picture = figure.querySelector("svg");
    var status = figure.querySelector(".guide-graph__selection");
    var nodes = {};
    picture.querySelectorAll(".guide-graph__node").forEach(function (node) { nodes[node.getAttribute("data-id")] = node; });
    var edges = Array.prototype.slice.call(picture.querySelectorAll(".guide-graph__edge"));
    var down = {}, up = {};
    edges.forEach(function (edge) {
      var a = edge.getAttribute("data-up"), b = edge.getAttribute("data-down");
      (down[a] = down[a] || []).push(b);
      (up[b] = up[b] || []).push(a);
    });

    function reach(from, next) {
      var seen = {}, queue = [from];
      while (queue.length) {
        var id = queue.pop();
        (next[id] || []).forEach(function (n) { if (!seen[n]) { seen[n] = true; queue.push(n); } });
      }
      return seen;
    }

    function clear() {
      figure.classList.remove("guide-graph--focus");
      picture.querySelectorAll(".is-selected, .is-linked").forEach(function (n) {
        n.classList.remove("is-selected", "is-linked");
      });
      Object.keys(nodes).forEach(function (id) { nodes[id].removeAttribute("aria-current"); });
      status.replaceChildren();
    }

    function select(id) {
      clear();
      var linked = reach(id, down);
      var above = reach(id, up);
      Object.keys(above).forEach(function (k) { linked[k] = true; });
      delete linked[id];
      figure.classList.add("guide-graph--focus");
      nodes[id].classList.add("is-selected");
      nodes[id].setAttribute("aria-current", "true");
      Object.keys(linked).forEach(function (k) { if (nodes[k]) nodes[k].classList.add("is-linked"); });
      var chain = {};
      chain[id] = true;
      Object.keys(linked).forEach(function (k) { chain[k] = true; });
      edges.forEach(function (edge) {
        if (chain[edge.getAttribute("data-up")] && chain[edge.getAttribute("data-down")]) edge.classList.add("is-linked");
      });
      var title = nodes[id].querySelector("title").textContent;
      var open = document.createElement("a");
      open.href = nodes[id].getAttribute("href");
      open.textContent = "打开“" + title + "”";
      var parts = [document.createTextNode("已选：" + title + "。相连的条目："), document.createElement("ul")];
      TYPES.forEach(function (type) {
        var here = Object.keys(linked).filter(function (k) { return nodes[k] && nodes[k].classList.contains("guide-graph__node--" + type[0]); });
        if (!here.length) return;
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(type[1] + "："));
        here.forEach(function (k, index) {
          if (index) li.appendChild(document.createTextNode("、"));
          var a = document.createElement("a");
          a.href = nodes[k].getAttribute("href");
          a.textContent = nodes[k].querySelector("title").textContent;
          li.appendChild(a);
        });
        parts[1].appendChild(li);
      });
      var reset = document.createElement("button");
      reset.type = "button";
      reset.className = "md-button";
      reset.textContent = "取消选择";
      reset.addEventListener("click", function () { clear(); nodes[id].focus(); });
      status.replaceChildren(parts[0], parts[1], open, " ", reset);
    }

    picture.addEventListener("click", function (event) {
      var node = event.target.closest(".guide-graph__node");
      if (!node || node.classList.contains("is-selected")) return; // a second activation opens the page
      event.preventDefault();
      select(node.getAttribute("data-id"));
    });
    figure.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && figure.classList.contains("guide-graph--focus")) clear();
    });
  }

  function boot() { document.querySelectorAll("[data-guide-graph]").forEach(start); }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(boot);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
