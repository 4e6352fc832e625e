// Sortable tables (projects.html): a click on a column's button sorts the
// rows by that column, again reverses it. The table is complete without
// the script; this only reorders rows the page already has.
import { $$ } from "./dom.js";

// key reads a cell's sort key: data-sort when given, else its text.
function key(cell) {
  return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
}

// compareBy orders keys as numbers or as text; empty cells go last
// whatever the direction, since an unknown value is neither small nor big.
export function compareBy(kind, dir) {
  return function (a, b) {
    if (a === "" || b === "") return (a === "") - (b === "");
    var c = kind === "number" ? Number(a) - Number(b) : a.localeCompare(b, undefined, { sensitivity: "base" });
    return dir * c;
  };
}

function sortable(table) {
  var heads = $$("thead th", table), body = table.tBodies[0];
  heads.forEach(function (th, col) {
    var btn = th.querySelector("button");
    if (!btn) return;
    btn.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      var cmp = compareBy(btn.dataset.kind, dir);
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { return cmp(key(a.cells[col]), key(b.cells[col])); });
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      var frag = document.createDocumentFragment();
      rows.forEach(function (r) { frag.appendChild(r); });
      body.appendChild(frag);
    });
  });
}

export function initTables() { $$("table.sortable").forEach(sortable); }
