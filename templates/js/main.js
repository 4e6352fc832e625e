// The landscape page: wires the controls to the state and redraws. Each
// concern lives in its own module; this one only connects them.
import { $, $$, cap, compact, thousands } from "./dom.js";
import { KEYS, readState, writeState } from "./state.js";
import { loadData } from "./data.js";
import { compile, select, tally } from "./facets.js";
import { Landscape } from "./landscape.js";
import { renderCards } from "./cards.js";
import { Dialog } from "./dialog.js";

var ZOOMS = 5, ZOOM_DEFAULT = 2;
var FILTERS = [["category", "categories", "cat"], ["maturity", "maturity", "mat"], ["license", "licenses", "lic"],
  ["org", "orgs", "org"], ["lang", "languages", "lang"]];

function init() {
  var d = loadData();
  if (!d) return;
  var s = readState(), form = $("#filters"), search = $("#q");
  var land = new Landscape($("#landscape")), cards = $("#cards"), count = $("#count");
  var dialog = new Dialog(d.base, function () { s.item = ""; writeState(s); });
  fillMenus(d, form);
  $("#tools").hidden = false;

  function sync() {
    search.value = s.q;
    fillSubs(d, form, s.category);
    $$("select, input", form).forEach(function (el) { el.value = s[el.name] || ""; });
    $$(".tabs a").forEach(function (a) {
      if (a.dataset.tab === s.tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    $$("[data-view]").forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.view === (s.view || "landscape"))); });
    var z = s.zoom === "" ? ZOOM_DEFAULT : +s.zoom;
    $("#landscape").className = "landscape z" + Math.max(0, Math.min(ZOOMS - 1, z));
  }

  function update() {
    writeState(s);
    var f = compile(s, d), sel = select(d, f), cardView = s.view === "cards";
    $("#landscape").hidden = cardView;
    cards.hidden = !cardView;
    $("#zoom").hidden = cardView;
    $(".legend").hidden = cardView;
    if (cardView) renderCards(cards, d, sel.items, s);
    else { land.apply(sel, f); land.order(d, s.sort); }
    var stars = 0;
    sel.items.forEach(function (it) { stars += it.stars; });
    count.textContent = thousands(sel.items.length) + (sel.items.length === 1 ? " item" : " items") + (stars ? ", " + compact(stars) + " stars" : "");
    $("#empty").hidden = sel.items.length > 0;
  }

  search.form.addEventListener("submit", function (e) { e.preventDefault(); });
  search.addEventListener("input", function () { s.q = search.value; update(); });
  form.addEventListener("input", function (e) {
    var el = e.target;
    if (!el.name) return;
    s[el.name] = el.value;
    if (el.name === "category") { s.sub = ""; fillSubs(d, form, s.category); }
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-reset], [data-view], [data-zoom], .tabs a, #filters-toggle");
    if (!el) return openFromClick(e);
    e.preventDefault();
    if (el.hasAttribute("data-reset")) KEYS.forEach(function (k) { if (k !== "view" && k !== "zoom") s[k] = ""; });
    else if (el.dataset.view) s.view = el.dataset.view === "cards" ? "cards" : "";
    else if (el.dataset.zoom) s.zoom = String(Math.max(0, Math.min(ZOOMS - 1, (s.zoom === "" ? ZOOM_DEFAULT : +s.zoom) + +el.dataset.zoom)));
    else if (el.id === "filters-toggle") return toggleFilters();
    else s.tab = el.dataset.tab || "";
    if (s.zoom === String(ZOOM_DEFAULT)) s.zoom = "";
    sync(); update();
  });

  function openFromClick(e) {
    var t = e.target.closest("#landscape .t, #cards .card");
    if (!t || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var it = d.list[+t.dataset.i];
    s.item = it.id; writeState(s);
    dialog.open(it.id, t);
  }

  function toggleFilters(open) {
    var b = $("#filters-toggle"), show = open === undefined ? form.hidden : open;
    form.hidden = !show;
    b.setAttribute("aria-expanded", String(show));
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.dlg.open) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    e.preventDefault();
    search.focus();
    search.select();
  });
  $("#landscape").addEventListener("mouseover", function (e) {
    var t = e.target.closest(".t");
    if (t && !t.title) t.title = d.list[+t.dataset.i].name;
  });

  toggleFilters(FILTERS.some(function (x) { return s[x[0]]; }) || !!(s.sub || s.oss || s.stars || s.sort || s.group));
  sync(); update();
  if (s.item) dialog.open(s.item, search);
}

function fillMenus(d, form) {
  FILTERS.forEach(function (x) {
    var sel = form.elements[x[0]], n = x[2] === "cat" ? catCounts(d) : tally(d, x[2]);
    d[x[1]].forEach(function (v, i) {
      sel.add(new Option((x[0] === "maturity" ? cap(v) : v) + " (" + thousands(n[i] || 0) + ")", v));
    });
  });
}

function catCounts(d) {
  var n = {};
  d.list.forEach(function (it) { if (it.cat >= 0) n[it.cat] = (n[it.cat] || 0) + 1; });
  return n;
}

// fillSubs lists the subcategories of the chosen category, or all of them.
function fillSubs(d, form, category) {
  var sel = form.elements.sub, keep = sel.value;
  while (sel.options.length > 1) sel.remove(1);
  d.boxPath.forEach(function (p, i) {
    if (!category || d.categories[d.boxes[i].c] === category) sel.add(new Option(category ? d.boxes[i].n : p, p));
  });
  sel.value = keep;
  if (sel.value !== keep) sel.value = "";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
