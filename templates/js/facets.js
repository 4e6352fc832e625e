// Filters: the state compiled into lookups, the test of one item, the
// selection of the items shown, their order, and the counts of the menus.

// compile turns the state into lookups, so that testing an item is cheap.
export function compile(s, d) {
  var f = { words: s.q.trim().toLowerCase().split(/\s+/).filter(Boolean) };
  function pick(list, v) { return v ? list.indexOf(v) : -1; }
  f.mat = pick(d.maturity, s.maturity); f.lic = pick(d.licenses, s.license);
  f.org = pick(d.orgs, s.org); f.lang = pick(d.languages, s.lang);
  f.any = { mat: !s.maturity, lic: !s.license, org: !s.org, lang: !s.lang };
  f.oss = s.oss === "1" ? 1 : s.oss === "0" ? 0 : -1;
  f.stars = parseInt(s.stars, 10) || 0;
  var cat = pick(d.categories, s.category), group = null;
  d.groups && d.groups.forEach(function (g) { if (g.alias === s.tab) group = g.categories; });
  f.box = d.boxes.map(function (b, i) {
    return (!s.category || b.c === cat) && (!s.sub || d.boxPath[i] === s.sub) &&
      (!group || group.indexOf(b.c) >= 0);
  });
  return f;
}

// matches tests everything but the box, which each tile checks on its own.
export function matches(it, f) {
  if (!f.any.mat && it.mat !== f.mat) return false;
  if (!f.any.lic && it.lic !== f.lic) return false;
  if (!f.any.org && it.org !== f.org) return false;
  if (!f.any.lang && it.lang !== f.lang) return false;
  if (f.oss >= 0 && (it.flags & 1) !== f.oss) return false;
  if (it.stars < f.stars) return false;
  for (var w = 0; w < f.words.length; w++) if (it.text.indexOf(f.words[w]) < 0) return false;
  return true;
}

// select returns the items that match and sit in at least one shown box.
export function select(d, f) {
  var ok = new Uint8Array(d.list.length), out = [];
  d.list.forEach(function (it) {
    if (!matches(it, f)) return;
    ok[it.i] = 1;
    for (var b = 0; b < it.boxes.length; b++) if (f.box[it.boxes[b]]) { out.push(it); return; }
  });
  return { ok: ok, items: out };
}

var SORTS = {
  stars: function (a, b) { return b.stars - a.stars; },
  commit: function (a, b) { return b.commit - a.commit; },
  contributors: function (a, b) { return b.contributors - a.contributors; }
};

export function sortItems(items, key) {
  var byName = function (a, b) { return a.name.localeCompare(b.name); };
  var by = SORTS[key];
  return items.slice().sort(by ? function (a, b) { return by(a, b) || byName(a, b); } : byName);
}

// tally counts items per value of a field, for the filter menus.
export function tally(d, field) {
  var n = {};
  d.list.forEach(function (it) { var v = it[field]; if (v >= 0) n[v] = (n[v] || 0) + 1; });
  return n;
}
