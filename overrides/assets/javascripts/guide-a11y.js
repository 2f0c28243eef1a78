// Accessibility touches Material leaves out: a name for the search dialog, and keyboard
// access to tables and code blocks that scroll sideways on a narrow screen. Runs on every
// page Material shows (its document$ fires after it has wrapped the tables, on the first
// load and after each instant navigation); plain `load` only where document$ is missing.
(function () {
  function enhance() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "站内搜索");
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "表格，可左右滚动");
    });
    document.querySelectorAll(".md-typeset pre > code").forEach(function (code) {
      code.tabIndex = 0;
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    window.addEventListener("load", enhance);
  }
})();
