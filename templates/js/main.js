// The landscape page: wires the controls to the state and redraws. Each
// concern lives in its own module; this one only connects them.
import { $, $$, compact, thousands } from "./dom.js";
import { FACETS, readState, writeState, query, openedHere, zoomedHere, resetFilters, hasFilters } from "./state.js";
import { loadData } from "./data.js";
import { buildFacets, compile, select } from "./facets.js";
import { Searcher } from "./search.js";
import { Landscape, Logos } from "./landscape.js";
import { Cards } from "./cards.js";
import { Filters } from "./filters.js";
import { Suggest } from "./suggest.js";
import { Dialog } from "./dialog.js";
import { Popover } from "./popover.js";
import { initTables } from "./tables.js";
import { initRepos } from "./repos.js";

var ZOOMS = 5, ZOOM_DEFAULT = 2; // the default comes from settings grid_items_size (d.zoom)
var VIEW_DEFAULT = "landscape"; // or "cards", from settings view_mode (d.view)

// phone tells whether the filters are a full-screen sheet (see 20-landscape.css).
function phone() { return window.matchMedia("(max-width: 640px)").matches; }

function init(d) {
  if (d.zoom >= 0 && d.zoom < ZOOMS) ZOOM_DEFAULT = d.zoom;
  if (d.view === "cards") VIEW_DEFAULT = "cards";
  var s = canonical(readState(d.foundation)), form = $("#filters"), search = $("#q");
  var facets = buildFacets(d, s.f.stars), searcher = new Searcher(d);
  var land = new Landscape($("#landscape")), cards = new Cards($("#cards"), d), count = $("#count");
  var dialog = new Dialog(d.base, function (id, quiet) {
    if (quiet) return;
    if (openedHere(id)) history.back(); // the entry Back would have closed
    else { s.item = ""; writeState(s); }
  });
  var filters = new Filters($("#facets"), facets, function (key, v, on) {
    var list = s.f[key], k = list.indexOf(v);
    if (on && k < 0) list.push(v);
    if (!on && k >= 0) list.splice(k, 1);
    update();
  });
  var suggest = new Suggest(search, d, function (it) { openItem(it, null); });
  $("#tools").hidden = false;

  // The search index loads when the page is idle, or at the first
  // keystroke; until then search looks inside the embedded texts.
  var loading = null;
  function loadIndex() {
    if (loading || !d.search) return;
    loading = fetch(d.base + d.search).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (x) {
      searcher.setIndex(x);
      if (s.q) update();
    }).catch(function () { loading = null; });
  }
  if (window.requestIdleCallback) requestIdleCallback(loadIndex, { timeout: 3000 });
  else setTimeout(loadIndex, 1500);
  search.addEventListener("focus", loadIndex);

  // canonical writes the first group's tab and the default view as "",
  // the page's own URL.
  function canonical(st) {
    if (d.groups && d.groups.length && st.tab === d.groups[0].alias) st.tab = "";
    if (st.box && !st.view) st.view = "landscape"; // a box's link shows it on the landscape, whatever view_mode says
    if (st.view === VIEW_DEFAULT) st.view = "";
    if (st.box && (d.boxPath.indexOf(st.box) < 0 || (st.view || VIEW_DEFAULT) === "cards")) st.box = ""; // boxes zoom on the landscape only
    return st;
  }

  function sync() {
    if (search.value !== s.q) search.value = s.q;
    $$("select", form).forEach(function (el) { el.value = s[el.name] || ""; });
    $$(".tabs a").forEach(function (a) {
      if (a.dataset.tab === s.tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    $$("[data-view]").forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.view === view())); });
    // A zoomed box (landscape2's zoom view) is shown alone at the largest
    // tile size, under a bar that names it and leads back.
    var z = zoom(), zoomed = !!s.box;
    $("#landscape").className = "landscape z" + (zoomed ? ZOOMS - 1 : z) + (zoomed ? " zoomed" : "");
    $('[data-zoom="-1"]').disabled = zoomed || z <= 0;
    $('[data-zoom="1"]').disabled = zoomed || z >= ZOOMS - 1;
    $("#zoom-bar").hidden = !zoomed;
    logos.rezoom();
    $("#zoom-title").textContent = s.box;
  }

  function view() { return s.view || VIEW_DEFAULT; }

  function zoom() { return Math.max(0, Math.min(ZOOMS - 1, s.zoom === "" ? ZOOM_DEFAULT : +s.zoom || 0)); }

  function update(push) {
    writeState(s, push);
    var res = searcher.run(s.q, 10), f = compile(s, d, facets, res.match), sel = select(d, facets, f), cardView = view() === "cards";
    $("#landscape").hidden = cardView;
    $("#cards").hidden = !cardView;
    $("#zoom").hidden = cardView;
    $(".legend").hidden = cardView;
    if (cardView) cards.apply(sel, s);
    else { land.apply(sel, f); land.order(d, s.sort, s.dir); }
    if (!form.hidden) filters.update(s, sel.counts);
    else filters.pending = sel.counts;
    suggest.show(res.top);
    var stars = 0;
    sel.items.forEach(function (it) { stars += it.stars; });
    var label = thousands(sel.items.length) + (sel.items.length === 1 ? " item" : " items");
    count.textContent = label + (stars ? ", " + compact(stars) + " stars" : "");
    $("#filters-done").textContent = "Show " + label;
    var n = FACETS.reduce(function (a, k) { return a + s.f[k].length; }, 0);
    $("#filters-toggle").textContent = n ? "Filters (" + n + ")" : "Filters";
    $("#empty").hidden = sel.items.length > 0;
  }

  search.form.addEventListener("submit", function (e) { e.preventDefault(); });
  search.addEventListener("input", function () { loadIndex(); s.q = search.value; update(); });
  form.addEventListener("change", function (e) {
    var el = e.target;
    if (el.tagName !== "SELECT") return;
    s[el.name] = el.value;
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-reset], [data-view], [data-zoom], [data-unbox], .zoom-link, .tabs a, #filters-toggle, #filters-done");
    if (!el) return openFromClick(e);
    if (el.classList.contains("zoom-link") && (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) return; // a new tab gets the link
    e.preventDefault();
    var push;
    if (el.hasAttribute("data-reset")) resetFilters(s);
    else if (el.dataset.view) {
      s.view = el.dataset.view === "cards" ? "cards" : "landscape";
      if (s.view === "cards") s.box = "";
    } else if (el.classList.contains("zoom-link")) {
      var box = d.boxPath[+el.dataset.box] || "";
      if (box === s.box) return; // the zoomed box's own title
      s.box = box;
      if (s.view === "" && VIEW_DEFAULT === "cards") s.view = "landscape";
      push = "box";
      window.scrollTo(0, 0);
    } else if (el.hasAttribute("data-unbox")) return unbox();
    else if (el.dataset.zoom) s.zoom = String(Math.max(0, Math.min(ZOOMS - 1, zoom() + +el.dataset.zoom)));
    else if (el.id === "filters-toggle") return toggleFilters();
    else if (el.id === "filters-done") return toggleFilters(false);
    else {
      var tab = el.dataset.tab || "";
      if (tab === s.tab && !s.box) return;
      s.tab = tab;
      s.box = ""; // a tab shows its boxes, not the zoomed one
      push = "tab";
    }
    if (s.zoom === String(ZOOM_DEFAULT)) s.zoom = "";
    if (s.view === VIEW_DEFAULT) s.view = "";
    sync(); update(push);
  });

  // unbox leaves the zoomed box: Back when its entry was pushed here and
  // nothing else changed since, so that Forward zooms it again.
  function unbox() {
    var box = s.box, i = d.boxPath.indexOf(box);
    if (!box) return;
    s.box = "";
    var title = $('#landscape .box[data-b="' + i + '"] .zoom-link');
    if (zoomedHere(box, query(s))) history.back();
    else { sync(); update(); }
    if (title) title.focus(); // the bar's button, which had the focus, is gone
  }

  function openFromClick(e) {
    var t = e.target.closest("#landscape .t, #cards .card");
    if (!t || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    openItem(d.list[+t.dataset.i], t);
  }

  function openItem(it, opener) {
    pop.hide();
    if (s.item === it.id && dialog.dlg.open) return;
    s.item = it.id;
    writeState(s, "item");
    dialog.open(it.id, opener || search, it.name);
  }

  function toggleFilters(open) {
    var b = $("#filters-toggle"), show = open === undefined ? form.hidden : open;
    form.hidden = !show;
    b.setAttribute("aria-expanded", String(show));
    document.body.classList.toggle("sheet-open", show);
    if (show && filters.pending) { filters.update(s, filters.pending); filters.pending = null; }
    if (!show && open === false) b.focus();
  }

  // Back and Forward: the state comes from the URL again; the dialog
  // follows the item it names.
  window.addEventListener("popstate", function () {
    var n = canonical(readState(d.foundation));
    Object.keys(n).forEach(function (k) { s[k] = n[k]; });
    sync(); update();
    if (s.item && (dialog.id !== s.item || !dialog.dlg.open)) {
      var it = d.list.find(function (x) { return x.id === s.item; });
      dialog.open(s.item, null, it && it.name);
    } else if (!s.item) dialog.close(true);
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !form.hidden && !dialog.dlg.open && phone()) return toggleFilters(false);
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((document.activeElement && document.activeElement.tagName) || "");
    if (e.key === "Escape" && s.box && !dialog.dlg.open && !typing) return unbox();
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.dlg.open) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    e.preventDefault();
    search.focus();
    search.select();
  });
  var pop = new Popover($("#landscape"), d);

  toggleFilters(!phone() && (hasFilters(s) || !!(s.sort || s.group || s.dir)));
  sync(); update();
  if (s.item) {
    var it = d.list.find(function (x) { return x.id === s.item; });
    dialog.open(s.item, search, it && it.name);
  }
}

// The tiles' logos need only the HTML (Logos), so they are the first
// thing made, and the data is fetched once the page has loaded (its first
// tiles' logos are in its HTML): the tiles the HTML has are the page until
// then, and the first screen needs their logos from the network before the
// data. A first-screen logo that hangs must not hold the rest back: after
// 3 s the rest goes on.
var logos = null;
function start() {
  var root = document.getElementById("landscape");
  if (!root || !root.dataset.index) return;
  logos = new Logos(root);
  var started = false;
  function go() {
    if (started) return;
    started = true;
    logos.watch();
    loadData(init);
  }
  if (document.readyState === "complete") return go();
  addEventListener("load", go, { once: true });
  setTimeout(go, 3000);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

// Sortable tables (projects.html) and repository selectors (item views).
function initOthers() { initTables(); initRepos(); }
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initOthers);
else initOthers();
