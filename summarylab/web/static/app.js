// summarylab local page: drag and drop, sortable and filterable tables, the reviewer's name.
// Served by the app itself (the Content-Security-Policy allows no other script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // --- upload: drop files on the zone, or pick them -------------------------------
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("file-input");
  var chosen = document.getElementById("chosen");
  var form = document.getElementById("upload-form");
  function showChosen() {
    if (!chosen || !input) return;
    var names = [];
    for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
    chosen.textContent = names.length ? "已选择：" + names.join("，") : "";
  }
  if (zone && input && form) {
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      input.files = e.dataTransfer.files;
      showChosen();
      form.submit();
    });
  }

  // --- tables: click a header to sort -----------------------------------------------
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        var asc = !th.classList.contains("sorted-asc");
        heads.forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
        th.classList.add(asc ? "sorted-asc" : "sorted-desc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a.cells[col]), y = cellKey(b.cells[col]);
          var r = (typeof x === "number" && typeof y === "number") ? x - y
                : String(x).localeCompare(String(y), "zh-CN");
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  function cellKey(cell) {
    if (!cell) return "";
    var raw = cell.getAttribute("data-value");
    if (raw === "") return -Infinity;  // a missing number sorts before every number
    var text = raw !== null ? raw : cell.textContent.trim().replace(/,/g, "");
    var n = parseFloat(text);
    return (text !== "" && !isNaN(n) && /^-?[\d.]+(e[-+]?\d+)?$/i.test(text)) ? n : cell.textContent.trim();
  }

  // --- tables: filter rows by the value of a column ------------------------------------
  var filters = document.querySelectorAll("select[data-filter-table]");
  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (!table) return;
    var active = [];
    filters.forEach(function (sel) {
      if (sel.getAttribute("data-filter-table") === tableId && sel.value) {
        active.push([parseInt(sel.getAttribute("data-filter-column"), 10), sel.value]);
      }
    });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var keep = active.every(function (f) { return row.cells[f[0]].textContent.trim() === f[1]; });
      row.hidden = !keep;
    });
  }
  filters.forEach(function (sel) {
    sel.addEventListener("change", function () { applyFilters(sel.getAttribute("data-filter-table")); });
  });

  // --- reviews: every row's form carries the name typed once at the top ----------------
  var name = document.getElementById("reviewer-name");
  document.querySelectorAll("form.review-form").forEach(function (f) {
    f.addEventListener("submit", function () {
      var field = f.querySelector(".reviewer-field");
      if (name && field) field.value = name.value;
    });
  });
});
