// The landscape view: the tiles the HTML already has, shown or hidden.
import { $$ } from "./dom.js";
import { sortItems } from "./facets.js";

// showLogos gives every tile its logo, fetched only once the tile comes
// near the screen. The HTML keeps each logo in a <noscript> (so a page
// without script shows them all): the browser's own lazy loading fetches
// everything within a screen or two, and each SVG it fetches becomes a
// document of its own, which was most of the first load's work.
//
// The PNG drawn at build time (build/tiles.go) stands for the SVG up to
// the default zoom (zoom() <= 2): the browser decodes it off the main
// thread. showLogos returns the function that follows a zoom change.
export function showLogos(root, d, zoom) {
  function src(it) { return d.base + (it.raster && zoom() <= 2 ? it.raster : it.logo); }
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      var img = e.target.querySelector("img");
      if (img && !img.getAttribute("src")) img.src = src(d.list[+e.target.dataset.i]);
      io.unobserve(e.target);
    });
  }, { rootMargin: "200px 0px" });
  $$(".t > noscript", root).forEach(function (ns) {
    var t = ns.parentNode, it = d.list[+t.dataset.i], img = document.createElement("img");
    img.alt = it.name;
    img.decoding = "async";
    t.replaceChild(img, ns);
    io.observe(t);
  });
  var shown = true; // the eager logos of the HTML are the PNGs
  return function () {
    if ((zoom() <= 2) === shown) return;
    shown = !shown;
    $$(".t > img[src]", root).forEach(function (img) {
      var it = d.list[+img.parentNode.dataset.i], want = src(it);
      if (img.getAttribute("src") !== want) img.src = want;
    });
  };
}

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
