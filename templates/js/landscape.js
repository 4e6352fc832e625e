// The landscape view: the tiles the HTML already has, shown or hidden.
import { $$ } from "./dom.js";
import { sortItems } from "./facets.js";

// Landscape keeps the tiles of the page and shows or hides them, touching
// only those that change so a keystroke costs little layout.
export function Landscape(root) {
  this.boxes = $$(".box", root).map(function (el) {
    return { el: el, b: +el.dataset.b, tiles: $$(".t", el), shown: true };
  });
  this.bands = $$(".band", root).map(function (el) { return { el: el, boxes: $$(".box", el) }; });
  this.boxes.forEach(function (x) { x.idx = x.tiles.map(function (t) { return +t.dataset.i; }); x.vis = x.tiles.map(function () { return true; }); });
  this.sorted = "|";
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
Landscape.prototype.order = function (d, key, dir) {
  var id = key + "|" + dir;
  if (id === this.sorted) return;
  this.sorted = id;
  var sorted = !!(key || dir), rank = new Int32Array(d.list.length);
  if (sorted) sortItems(d.list, key, dir).forEach(function (it, r) { rank[it.i] = r; });
  this.boxes.forEach(function (x) {
    x.tiles.forEach(function (t, k) { t.style.order = sorted ? rank[x.idx[k]] : ""; });
  });
};
