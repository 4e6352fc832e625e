// Facets: the multiple-choice filters, their options and each item's
// values, the selection of the items shown, their order, and the counts of
// every option given the other facets (faceted search). Choices within a
// facet are alternatives (graduated or incubating); facets combine (and).
// Pure: no DOM, so that Node's test runner checks it.
import { FLAG_OSS, FLAG_ARCHIVED, FLAG_ENDUSER, FLAG_SPEC } from "./data.js";

var STARS = [100, 1000, 10000, 50000];
var ACTIVITY = [["3m", "Commit within 3 months", 91], ["12m", "Commit within 12 months", 365], ["old", "No commit for 12 months", -1]];

function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

function opts(values, label) {
  return values.map(function (v) { return { v: v, label: label ? label(v) : v }; });
}

// buildFacets lists the facets with their options and, per item, the
// indexes of the options it has. Star thresholds in the URL that are not
// among the usual ones (an older link's ?stars=5000) become options too.
export function buildFacets(d, extraStars) {
  var n = d.list.length, stars = STARS.slice();
  (extraStars || []).forEach(function (v) {
    var x = parseInt(v, 10);
    if (x > 0 && String(x) === v && stars.indexOf(x) < 0) stars.push(x);
  });
  stars.sort(function (a, b) { return a - b; });
  function facet(key, label, options, of) {
    var vals = new Array(n);
    for (var i = 0; i < n; i++) vals[i] = of(d.list[i]);
    return { key: key, label: label, opts: options, vals: vals };
  }
  var none = d.maturity.length, closed = d.licenses.length;
  return [
    facet("category", "Category", opts(d.categories), function (it) {
      var out = [];
      it.boxes.forEach(function (b) { if (out.indexOf(d.boxes[b].c) < 0) out.push(d.boxes[b].c); });
      return out;
    }),
    facet("sub", "Subcategory", d.boxes.map(function (b, i) { return { v: d.boxPath[i], label: b.n, group: b.c }; }),
      function (it) { return it.boxes; }),
    facet("maturity", "Maturity", opts(d.maturity, cap).concat([{ v: "none", label: "Not a foundation project" }]),
      function (it) { return [it.mat >= 0 ? it.mat : none]; }),
    facet("tag", "TAG", opts(d.tags), function (it) { return it.tag >= 0 ? [it.tag] : []; }),
    facet("license", "License", opts(d.licenses).concat([{ v: "closed", label: "Not open source" }]), function (it) {
      return !(it.flags & FLAG_OSS) ? [closed] : it.lic >= 0 ? [it.lic] : [];
    }),
    facet("org", "Organization", opts(d.orgs), function (it) { return it.org >= 0 ? [it.org] : []; }),
    facet("lang", "Language", opts(d.languages), function (it) { return it.lang >= 0 ? [it.lang] : []; }),
    facet("stars", "Stars", stars.map(function (x) { return { v: String(x), label: "≥ " + x.toLocaleString("en-US") }; }), function (it) {
      var out = [];
      stars.forEach(function (x, k) { if (it.stars >= x) out.push(k); });
      return out;
    }),
    facet("activity", "Activity", ACTIVITY.map(function (a) { return { v: a[0], label: a[1] }; }), function (it) {
      if (!it.commit || !d.today) return [];
      var age = d.today - it.commit, out = [];
      ACTIVITY.forEach(function (a, k) { if (a[2] < 0 ? age > 365 : age <= a[2]) out.push(k); });
      return out;
    }),
    facet("enduser", "End user", [{ v: "true", label: "End user" }], function (it) { return it.flags & FLAG_ENDUSER ? [0] : []; }),
    facet("spec", "Specification", [{ v: "true", label: "Specification" }], function (it) { return it.flags & FLAG_SPEC ? [0] : []; }),
    facet("archived", "Archived", [{ v: "true", label: "Archived" }, { v: "false", label: "Not archived" }],
      function (it) { return [it.flags & FLAG_ARCHIVED ? 0 : 1]; })
  ];
}

// chosen turns a facet's URL values into a lookup by option, null when
// nothing is chosen. "foundation" (maturity) and "oss" (license) are
// landscape2's shorthands for every maturity and every open-source licence.
function chosen(facet, values, d) {
  if (!values.length) return null;
  var sel = new Uint8Array(facet.opts.length), any = false;
  values.forEach(function (v) {
    if (facet.key === "maturity" && v === "foundation") { for (var m = 0; m < d.maturity.length; m++) sel[m] = 1; any = true; return; }
    if (facet.key === "license" && v === "oss") { for (var l = 0; l < d.licenses.length; l++) sel[l] = 1; any = true; return; }
    for (var k = 0; k < facet.opts.length; k++) {
      if (facet.opts[k].v === v || (facet.key === "sub" && facet.opts[k].label === v)) { sel[k] = 1; any = true; }
    }
  });
  return any ? sel : new Uint8Array(facet.opts.length); // only unknown values: nothing matches
}

// compile turns the state into lookups, so that testing an item is cheap.
// match is the search's set of items (null: no search).
export function compile(s, d, facets, match) {
  var f = { sel: facets.map(function (x) { return chosen(x, s.f[x.key] || [], d); }), match: match || null };
  var group = null, tab = tabOf(s.tab, d);
  d.groups && d.groups.forEach(function (g) { if (g.alias === tab) group = g.categories; });
  var cat = f.sel[0], sub = f.sel[1];
  f.tab = d.boxes.map(function (b) { return !group || group.indexOf(b.c) >= 0; });
  f.box = d.boxes.map(function (b, i) { return f.tab[i] && (!cat || cat[b.c] === 1) && (!sub || sub[i] === 1); });
  // A zoomed box is shown alone, whatever the tab and the box filters say;
  // the other facets still filter its tiles.
  var zoomed = s.box ? d.boxPath.indexOf(s.box) : -1;
  if (zoomed >= 0) f.tab = f.box = d.boxes.map(function (b, i) { return i === zoomed; });
  return f;
}

// tabOf names the group a tab value shows: "" is the first group, the tab
// the page opens with (as in landscape2); "all" and unknown aliases show
// every category.
export function tabOf(tab, d) {
  return tab || (d.groups && d.groups.length ? d.groups[0].alias : "");
}

function has(vals, sel) {
  for (var k = 0; k < vals.length; k++) if (sel[vals[k]] === 1) return true;
  return false;
}

// select returns the items that match (ok, by item index), those that sit
// in at least one shown box (items), and per facet the count of each
// option among the items that every other facet lets through.
export function select(d, facets, f) {
  var n = d.list.length, ok = new Uint8Array(n), out = [], nf = facets.length;
  var counts = facets.map(function (x) { return new Int32Array(x.opts.length); });
  for (var i = 0; i < n; i++) {
    var it = d.list[i];
    if (f.match && !f.match[i]) continue;
    var inTab = false;
    for (var b = 0; b < it.boxes.length; b++) if (f.tab[it.boxes[b]]) { inTab = true; break; }
    if (!inTab) continue;
    var fails = 0, failed = -1;
    for (var k = 0; k < nf && fails < 2; k++) {
      if (f.sel[k] && !has(facets[k].vals[i], f.sel[k])) { fails++; failed = k; }
    }
    if (fails === 1) { tally(counts[failed], facets[failed].vals[i]); continue; }
    if (fails > 1) continue;
    for (k = 0; k < nf; k++) tally(counts[k], facets[k].vals[i]);
    ok[i] = 1;
    for (b = 0; b < it.boxes.length; b++) if (f.box[it.boxes[b]]) { out.push(it); break; }
  }
  return { ok: ok, items: out, counts: counts };
}

function tally(c, vals) { for (var k = 0; k < vals.length; k++) c[vals[k]]++; }

// SORTS are the orders of cards and tiles, each with its natural direction.
export var SORTS = {
  "": { label: "Name", key: function (it) { return it.lname; }, dir: "asc" },
  stars: { label: "Stars", key: function (it) { return it.stars; }, dir: "desc" },
  added: { label: "Date added", key: function (it) { return it.added; }, dir: "desc" },
  contributors: { label: "Contributors", key: function (it) { return it.contributors; }, dir: "desc" },
  commit: { label: "Latest commit", key: function (it) { return it.commit; }, dir: "desc" },
  first: { label: "First commit", key: function (it) { return it.first; }, dir: "asc" },
  release: { label: "Latest release", key: function (it) { return it.release; }, dir: "desc" }
};

// sortItems orders items by key in dir ("" for the key's natural one);
// ties, and items without the value (0), come after, by name.
export function sortItems(items, key, dir) {
  var sort = SORTS[key] || SORTS[""], desc = (dir || sort.dir) === "desc", by = sort.key;
  var byName = function (a, b) { return a.lname < b.lname ? -1 : a.lname > b.lname ? 1 : 0; };
  return items.slice().sort(function (a, b) {
    if (!SORTS[key] || key === "") return desc ? byName(b, a) : byName(a, b);
    var x = by(a), y = by(b);
    if (x !== y) {
      if (!x) return 1;
      if (!y) return -1;
      return desc ? y - x : x - y;
    }
    return byName(a, b);
  });
}
