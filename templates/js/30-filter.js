// compile turns the state into lookups, so that testing an item is cheap.
function compile(s, d) {
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
function matches(it, f) {
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
function select(d, f) {
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

function sortItems(items, key) {
  var byName = function (a, b) { return a.name.localeCompare(b.name); };
  var by = SORTS[key];
  return items.slice().sort(by ? function (a, b) { return by(a, b) || byName(a, b); } : byName);
}

// Landscape keeps the tiles of the page and shows or hides them, touching
// only those that change so a keystroke costs little layout.
function Landscape(root) {
  this.boxes = $$(".box", root).map(function (el) {
    return { el: el, b: +el.dataset.b, tiles: $$(".t", el), shown: true };
  });
  this.bands = $$(".band", root).map(function (el) { return { el: el, boxes: $$(".box", el) }; });
  this.boxes.forEach(function (x) { x.idx = x.tiles.map(function (t) { return +t.dataset.i; }); x.vis = x.tiles.map(function () { return true; }); });
  this.sorted = "";
}

Landscape.prototype.apply = function (sel, f) {
  var shownBoxes = new Set();
  this.boxes.forEach(function (x) {
    var any = false, boxOK = f.box[x.b];
    for (var k = 0; k < x.tiles.length; k++) {
      var v = boxOK && sel.ok[x.idx[k]] === 1;
      if (v !== x.vis[k]) { x.tiles[k].hidden = !v; x.vis[k] = v; }
      any = any || v;
    }
    if (any !== x.shown) { x.el.hidden = !any; x.shown = any; }
    if (any) shownBoxes.add(x.el);
  });
  this.bands.forEach(function (band) {
    var any = band.boxes.some(function (b) { return shownBoxes.has(b); });
    if (band.el.hidden === any) band.el.hidden = !any;
  });
};

// order sorts tiles inside their boxes through the CSS order property.
Landscape.prototype.order = function (d, key) {
  if (key === this.sorted) return;
  this.sorted = key;
  var rank = new Int32Array(d.list.length);
  if (key) sortItems(d.list, key).forEach(function (it, r) { rank[it.i] = r; });
  this.boxes.forEach(function (x) {
    x.tiles.forEach(function (t, k) { t.style.order = key ? rank[x.idx[k]] : ""; });
  });
};
