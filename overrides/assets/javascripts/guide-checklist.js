// Printable checklists (docs/guide/checklist-*.md): the task-list boxes become clickable,
// ticks stay in this browser (localStorage), a count shows progress, and the print
// stylesheet shows the ticks. Started from <div data-guide-checklist="name"> on the page;
// each tick is keyed by a hash of its item's text, so an edited item starts unticked.
(function () {
  "use strict";

  function hash(text) { // FNV-1a, 32 bit: a short stable key, not a secret
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  function itemText(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("ul, ol, sup").forEach(function (nested) { nested.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function start(marker) {
    if (marker.getAttribute("data-started") !== null) return;
    marker.setAttribute("data-started", "");
    var name = marker.getAttribute("data-guide-checklist");
    var store = "dangjian-guide/checklist/" + name;
    var scope = marker.closest("section.print-page") || marker.closest("article") || document;
    var boxes = Array.prototype.slice.call(scope.querySelectorAll("li.task-list-item input[type=checkbox]"));
    if (!boxes.length) return;
    var keys = boxes.map(function (box) { return hash(itemText(box.closest("li"))); });
    var ticks = {};
    try { ticks = JSON.parse(window.localStorage.getItem(store) || "{}") || {}; } catch (error) { ticks = {}; }

    var count = document.createElement("span");
    count.setAttribute("role", "status");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button guide-screen-only";
    reset.textContent = "清除勾选";
    marker.replaceChildren(count, " ", reset);
    marker.classList.add("guide-checklist-progress");

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      count.textContent = "已勾选 " + done + " / " + boxes.length + " 项";
    }

    function save() {
      var kept = {};
      boxes.forEach(function (box, index) { if (box.checked) kept[keys[index]] = 1; });
      try { window.localStorage.setItem(store, JSON.stringify(kept)); } catch (error) { /* ticks stay for this visit */ }
    }

    boxes.forEach(function (box, index) {
      box.disabled = false;
      box.removeAttribute("disabled");
      box.checked = Boolean(ticks[keys[index]]);
      box.addEventListener("change", function () { save(); update(); });
    });
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      update();
    });
    update();
  }

  function boot() { document.querySelectorAll("[data-guide-checklist]").forEach(start); }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(boot);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
