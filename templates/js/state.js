// State of the landscape page. Every filter, the search, the view and the
// open item live in the URL, so that a link restores exactly this view.
// Facets hold several choices each (a repeated parameter); the rest hold
// one value. Links into a site migrated from landscape2 keep working: its
// parameters are read and mapped (docs/site.md lists them), and so are this
// page's older single-value ones.

// FACETS are the multiple-choice filters, by URL parameter, in the order
// the filter sheet shows them.
export var FACETS = ["category", "sub", "maturity", "tag", "license", "org", "lang", "stars", "activity",
  "enduser", "spec", "archived"];

// SCALARS hold one value each.
export var SCALARS = ["q", "sort", "dir", "group", "tab", "view", "zoom", "box", "item"];

// VIEW are the parameters Reset keeps: how the items are shown, not which.
export var VIEW = ["sort", "dir", "group", "tab", "view", "zoom", "box", "item"];

// ALIASES maps landscape2's parameter names (and ours of before) to ours.
var ALIASES = {
  organization: "org", language: "lang", subcategory: "sub", specification: "spec",
  group: "tab", "view-mode": "view", classify: "group", "sort-by": "sort", "sort-direction": "dir"
};

export function emptyState() {
  var s = { f: {} };
  SCALARS.forEach(function (k) { s[k] = ""; });
  FACETS.forEach(function (k) { s.f[k] = []; });
  return s;
}

// parseState reads a query string. foundation is the landscape2
// `project=FOUNDATION` value that means "every maturity".
export function parseState(search, foundation) {
  var p = new URLSearchParams(search), s = emptyState(), landscape2 = p.has("view-mode") || p.has("classify") ||
    p.has("sort-by") || p.has("project") || p.has("organization");
  function add(k, v) {
    if (v && s.f[k].indexOf(v) < 0) s.f[k].push(v);
  }
  p.forEach(function (v, k) {
    v = v.trim();
    if (k === "group" && !landscape2 && /^(maturity|none|tag|org|license)$/.test(v)) k = "classify"; // ours: how cards group
    var name = ALIASES[k] || k;
    if (k === "project") {
      if (foundation && v.toLowerCase() === foundation.toLowerCase()) v = "foundation";
      return add("maturity", v);
    }
    if (k === "oss") return add("license", v === "0" ? "closed" : "oss");
    if (k === "enduser" || k === "specification" || k === "spec" || k === "archived") {
      if (k === "archived" && v === "false") return add("archived", "false");
      return v === "true" || v === "1" ? add(name, "true") : undefined;
    }
    if (s.f[name]) return add(name, v);
    if (SCALARS.indexOf(name) >= 0 && !s[name]) s[name] = v;
  });
  // "" is the view settings view_mode opens with; a link names the other.
  if (s.view === "card") s.view = "cards";
  if (s.view === "grid") s.view = "landscape";
  if (s.view !== "cards" && s.view !== "landscape") s.view = "";
  if (s.group === "category") s.group = "";
  if (s.sort === "name") s.sort = "";
  if (s.dir !== "asc" && s.dir !== "desc") s.dir = "";
  return s;
}

export function readState(foundation) { return parseState(location.search, foundation); }

// query writes the state as this page's own parameters.
export function query(s) {
  var p = new URLSearchParams();
  SCALARS.forEach(function (k) {
    if (k === "item") return;
    if (s[k]) p.set(k, s[k]);
    if (k === "q") FACETS.forEach(function (f) { s.f[f].forEach(function (v) { p.append(f, v); }); });
  });
  if (s.item) p.set("item", s.item);
  var q = p.toString();
  return q ? "?" + q : "";
}

// writeState puts the state in the URL. push ("item" when an item opens,
// "tab" when the tab changes, "box" when a box is zoomed) adds a history
// entry, so that Back undoes it; filters and search replace the entry
// instead, not to fill the history with keystrokes. The entry remembers
// whether it was pushed for the open item or the zoomed box: closing
// them then goes back rather than forward.
export function writeState(s, push) {
  var url = location.pathname + query(s), cur = history.state || {};
  if (!push && url === location.pathname + location.search) return;
  var st = { item: s.item, opened: push ? push === "item" : !!(cur.opened && cur.item === s.item),
    box: push === "box" ? s.box : (!push && cur.box === s.box ? s.box : ""),
    from: push ? location.search : cur.from };
  if (push) history.pushState(st, "", url + location.hash);
  else history.replaceState(st, "", url + location.hash);
}

// zoomedHere tells whether the current history entry is the one pushed
// when box was zoomed from the page whose query is from: Back then leaves
// the zoom and loses nothing chosen since.
export function zoomedHere(box, from) {
  var cur = history.state || {};
  return !!box && cur.box === box && cur.from === from;
}

// openedHere tells whether the current history entry is the one pushed
// when item was opened, so that closing it should go back.
export function openedHere(item) {
  var cur = history.state || {};
  return !!(cur.opened && cur.item === item);
}

// resetFilters clears the facets and the search, keeping the view.
export function resetFilters(s) {
  s.q = "";
  FACETS.forEach(function (k) { s.f[k] = []; });
}

export function hasFilters(s) {
  return FACETS.some(function (k) { return s.f[k].length > 0; });
}
