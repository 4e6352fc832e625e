// The card view: a card per selected item, grouped by category, by
// maturity or not at all. Text is escaped: it is untrusted.
import { esc, cap, compact, thousands } from "./dom.js";
import { sortItems } from "./facets.js";

// Sections come in the landscape's order whatever the sort: categories as
// the page shows them, maturity levels as the data lists them (most mature
// first), and items without one last.
export function renderCards(root, d, items, s) {
  var groups = [], byKey = {}, LAST = 1e9;
  function add(key, rank, label, it) {
    if (!byKey[key]) { byKey[key] = { rank: rank, label: label, items: [] }; groups.push(byKey[key]); }
    byKey[key].items.push(it);
  }
  sortItems(items, s.sort).forEach(function (it) {
    if (s.group === "none") add("", 0, "", it);
    else if (s.group === "maturity") add("m" + it.mat, it.mat >= 0 ? it.mat : LAST, it.mat >= 0 ? cap(d.maturity[it.mat]) : "No maturity", it);
    else add("c" + it.cat, it.cat >= 0 ? it.cat : LAST, it.cat >= 0 ? d.categories[it.cat] : "", it);
  });
  groups.sort(function (a, b) { return a.rank - b.rank; });
  root.innerHTML = groups.map(function (g) {
    var head = g.label ? "<h2>" + esc(g.label) + ' <span class="n">' + thousands(g.items.length) + "</span></h2>" : "";
    return "<section>" + head + '<div class="grid">' + g.items.map(function (it) { return card(d, it); }).join("") + "</div></section>";
  }).join("");
}

function card(d, it) {
  var logo = it.logo ? '<img src="' + esc(d.base + it.logo) + '" alt="" loading="lazy" decoding="async">' : "<span>" + esc(it.name) + "</span>";
  var meta = [];
  if (it.mat >= 0) meta.push('<span class="badge m-' + esc(d.maturity[it.mat]) + '">' + esc(cap(d.maturity[it.mat])) + "</span>");
  if (it.stars) meta.push("<span>★ " + compact(it.stars) + "</span>");
  meta.push("<span>" + ((it.flags & 1) ? "Open source" : "Closed source") + "</span>");
  if (it.lic >= 0) meta.push("<span>" + esc(d.licenses[it.lic]) + "</span>");
  return '<a class="card' + ((it.flags & 4) ? " a" : "") + '" href="' + esc(d.base + "items/" + it.id + ".html") + '" data-i="' + it.i + '">' +
    '<span class="logo">' + logo + "</span>" +
    '<span class="name">' + esc(it.name) + "</span>" +
    '<span class="org">' + esc(it.orgName || "\u00a0") + "</span>" +
    '<span class="d">' + esc(it.desc || "\u00a0") + "</span>" +
    '<span class="meta">' + meta.join("") + "</span></a>";
}
