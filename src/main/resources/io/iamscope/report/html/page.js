"use strict";
// The page's few behaviours, without any library: a hop's evidence on click, sortable and filterable tables,
// copy buttons. Everything shown is already in the page; this script only shows and hides it.
(function () {
  function showHop(index) {
    document.querySelectorAll(".hop-evidence").forEach(function (e) { e.hidden = e.id !== "hop-" + index; });
    document.querySelectorAll("svg .edge").forEach(function (e) {
      e.classList.toggle("selected", e.getAttribute("data-hop") === index);
    });
    var hint = document.getElementById("evidence-hint");
    if (hint) { hint.hidden = true; }
  }
  document.querySelectorAll("svg .edge").forEach(function (edge) {
    edge.addEventListener("click", function () { showHop(edge.getAttribute("data-hop")); });
    edge.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showHop(edge.getAttribute("data-hop")); }
    });
  });

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim().toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a, column), y = cellKey(b, column);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sort(); } });
    });
  });

  document.querySelectorAll("input.table-filter").forEach(function (input) {
    var id = input.getAttribute("data-table");
    var table = document.getElementById(id);
    var count = document.querySelector(".filter-count[data-table='" + id + "']");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !keep;
        if (keep) { shown++; }
      });
      count.hidden = words.length === 0;
      count.textContent = shown + " of " + rows.length + " rows match";
    });
  });

  function copied(button) {
    button.textContent = "Copied";
    button.classList.add("done");
    setTimeout(function () { button.textContent = "Copy"; button.classList.remove("done"); }, 1500);
  }
  function copyBySelection(text, button) {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) { copied(button); } } finally { document.body.removeChild(area); }
  }
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); },
          function () { copyBySelection(text, button); });
      } else {
        copyBySelection(text, button);
      }
    });
  });

  // A link to a folded finding unfolds it.
  function openTarget() {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Printed, every finding's details are open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  });
})();
