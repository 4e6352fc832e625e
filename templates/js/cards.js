// The card view: a card per item, in sections by category, maturity, TAG,
// organization or licence (or none), sorted. The cards are written once per
// classification and order; a search or a filter only shows and hides
// them, which costs little. Text is escaped: it is untrusted.
import { esc, cap, compact, thousands } from "./dom.js";
import { sortItems } from "./facets.js";
import { FLAG_OSS, FLAG_ARCHIVED } from "./data.js";

// CLASSIFY are the ways to make sections: each gives an item's section
// (its rank, in the landscape's order; -1 for none) and names a rank.
var CLASSIFY = {
  "": function (d) { return { of: function (it) { return it.cat; }, name: function (k) { return d.categories[k]; } }; },
  maturity: function (d) { return last(d.maturity.map(cap), "Not a foundation project", function (it) { return it.mat; }); },
  tag: function (d) { return last(d.tags, "No TAG", function (it) { return it.tag; }); },
  org: function (d) { return last(d.orgs, "No organization", function (it) { return it.org; }); },
  license: function (d) {
    var names = d.licenses.concat(["Not open source", "Licence unknown"]);
    return {
      of: function (it) { return !(it.flags & FLAG_OSS) ? d.licenses.length : it.lic >= 0 ? it.lic : d.licenses.length + 1; },
      name: function (k) { return names[k]; }
    };
  },
  none: function () { return { of: function () { return 0; }, name: function () { return ""; } }; }
};

// last puts the items without a value in a section after the others.
function last(names, other, of) {
  return {
    of: function (it) { var v = of(it); return v >= 0 ? v : names.length; },
    name: function (k) { return k < names.length ? names[k] : other; }
  };
}

export function Cards(root, d) {
  this.root = root; this.d = d; this.key = null; this.sections = [];
}

// apply shows the items of sel (from select), writing the cards first
// when the classification or the order changed.
Cards.prototype.apply = function (sel, s) {
  var d = this.d, key = s.group + "|" + s.sort + "|" + s.dir;
  if (key !== this.key) {
    this.key = key;
    var c = (CLASSIFY[s.group] || CLASSIFY[""])(d), by = [];
    sortItems(d.list, s.sort, s.dir).forEach(function (it) {
      var k = c.of(it);
      if (k < 0) return;
      (by[k] = by[k] || []).push(it);
    });
    var secs = [];
    by.forEach(function (items, k) { if (items) secs.push({ name: c.name(k), items: items }); });
    this.root.innerHTML = secs.map(function (g) {
      var head = g.name ? "<h2>" + esc(g.name) + ' <span class="n"></span></h2>' : "";
      return "<section>" + head + '<div class="grid">' + g.items.map(function (it) { return card(d, it); }).join("") + "</div></section>";
    }).join("");
    var els = this.root.children;
    this.sections = secs.map(function (g, k) {
      var el = els[k];
      return { el: el, n: el.querySelector(".n"), items: g.items, cards: Array.prototype.slice.call(el.querySelectorAll(".card")), vis: g.items.map(function () { return true; }), shown: -1 };
    });
  }
  var show = new Uint8Array(d.list.length);
  sel.items.forEach(function (it) { show[it.i] = 1; });
  this.sections.forEach(function (x) {
    var n = 0;
    for (var k = 0; k < x.items.length; k++) {
      var v = show[x.items[k].i] === 1;
      if (v !== x.vis[k]) { x.cards[k].hidden = !v; x.vis[k] = v; }
      if (v) n++;
    }
    if (n !== x.shown) {
      x.shown = n;
      x.el.hidden = n === 0;
      if (x.n) x.n.textContent = thousands(n);
    }
  });
};

function card(d, it) {
  var logo = it.logo ? '<img src="' + esc(d.base + (it.raster || it.logo)) + '" alt="" loading="lazy" decoding="async">' : "<span>" + esc(it.name) + "</span>";
  var meta = [];
  if (it.mat >= 0) meta.push('<span class="badge m-' + esc(d.maturity[it.mat]) + '">' + esc(cap(d.maturity[it.mat])) + "</span>");
  if (it.stars) meta.push("<span>★ " + compact(it.stars) + "</span>");
  meta.push("<span>" + ((it.flags & FLAG_OSS) ? "Open source" : "Closed source") + "</span>");
  if (it.lic >= 0) meta.push("<span>" + esc(d.licenses[it.lic]) + "</span>");
  return '<a class="card' + ((it.flags & FLAG_ARCHIVED) ? " a" : "") + '" href="' + esc(d.base + "items/" + it.id + ".html") + '" data-i="' + it.i + '">' +
    '<span class="logo">' + logo + "</span>" +
    '<span class="name">' + esc(it.name) + "</span>" +
    '<span class="org">' + esc(it.orgName || "\u00a0") + "</span>" +
    '<span class="d">' + esc(it.desc || "\u00a0") + "</span>" +
    '<span class="meta">' + meta.join("") + "</span></a>";
}
