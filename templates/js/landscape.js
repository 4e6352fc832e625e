// The landscape view: the tiles the HTML already has, shown or hidden.
import { $$ } from "./dom.js";
import { sortItems } from "./facets.js";

// Logos gives every tile its logo, fetched only once the tile comes near
// the screen. The HTML keeps each logo in a <noscript> (so a page without
// script shows them all): the browser's own lazy loading fetches
// everything within a screen or two, and each SVG it fetches becomes a
// document of its own, which was most of the first load's work.
//
// It needs nothing but the HTML: made when the page is parsed, it gives
// every tile its <img> at once (the link's name), and watch, called once
// the page has loaded, starts the fetching; the data the rest of the
// script needs may fail to come without a tile losing its logo.
//
// The PNG drawn at build time (build/tiles.go; the <noscript>'s source
// when there is one) stands for the SVG of the same name up to zoom 2,
// the default "medium" (the class of #landscape says the zoom): the
// browser decodes it off the main thread.
export function Logos(root) {
  var self = this, tpl = document.createElement("template");
  this.root = root;
  this.io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      var img = e.target.querySelector("img");
      if (img && !img.getAttribute("src")) img.src = self.src(img);
      self.io.unobserve(e.target);
    });
  }, { rootMargin: "200px 0px" });
  // One parse of every <noscript>'s text, in a template (inert: nothing
  // is fetched), each holding one <img>: 2,400 parses were a long task.
  var nss = $$(".t > noscript", root);
  tpl.innerHTML = nss.map(function (ns) { return ns.textContent; }).join("");
  var froms = tpl.content.querySelectorAll("img");
  if (froms.length !== nss.length) return; // not the page this script knows: leave it as it is
  nss.forEach(function (ns, k) {
    var img = document.createElement("img");
    img.alt = froms[k].alt;
    img.decoding = "async";
    img.dataset.src = froms[k].getAttribute("src");
    ns.parentNode.replaceChild(img, ns);
  });
  $$(".t > img[src]", root).forEach(function (img) { img.dataset.src = img.getAttribute("src"); }); // the eager ones
  this.shown = true; // the eager logos of the HTML are the PNGs
}

Logos.prototype.zoom = function () {
  var m = /\bz(\d)\b/.exec(this.root.className);
  return m ? +m[1] : 2;
};

// src is the logo for the tile's size: the raster up to zoom 2.
Logos.prototype.src = function (img) {
  var s = img.dataset.src;
  return this.zoom() > 2 ? s.replace(/\.png$/, ".svg") : s;
};

// watch starts fetching the logos of the tiles near the screen.
Logos.prototype.watch = function () {
  var io = this.io;
  $$(".t > img:not([src])", this.root).forEach(function (img) { io.observe(img.parentNode); });
};

// rezoom follows a change of zoom across the PNG/SVG threshold: the
// tiles near the screen change their source; the others lose it and are
// watched again, rather than fetched all at once.
Logos.prototype.rezoom = function () {
  if ((this.zoom() <= 2) === this.shown) return;
  this.shown = !this.shown;
  var self = this, near = innerHeight + 200;
  $$(".t > img[src]", this.root).forEach(function (img) {
    var r = img.parentNode.getBoundingClientRect(), want = self.src(img);
    if (r.bottom < -200 || r.top > near) {
      img.removeAttribute("src");
      self.io.observe(img.parentNode);
    } else if (img.getAttribute("src") !== want) img.src = want;
  });
};

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
