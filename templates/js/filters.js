// The filter sheet: a group of check boxes per facet, each with the count
// of items it would add given the other facets; options with none are
// hidden unless chosen. Long facets (organizations) show their largest
// options and a box to find the others. The elements are made once and
// updated in place, so that focus stays where it is while counts change.
import { $, esc, thousands } from "./dom.js";

var LONG = 12, SHOWN = 10;

export function Filters(root, facets, onChange) {
  var self = this;
  this.facets = facets;
  this.root = root;
  this.counts = null;
  root.innerHTML = facets.map(function (x) {
    var long = x.opts.length > LONG;
    return '<fieldset class="facet" data-k="' + esc(x.key) + '"><legend>' + esc(x.label) + "</legend>" +
      (long ? '<input type="search" class="find" aria-label="Find ' + esc(x.label.toLowerCase()) + '" placeholder="Find…" autocomplete="off">' : "") +
      '<div class="opts">' + x.opts.map(function (o, k) {
        return '<label class="opt"><input type="checkbox" value="' + esc(o.v) + '" data-o="' + k + '"><span class="l">' + esc(o.label) +
          '</span><span class="n"></span></label>';
      }).join("") + '</div><p class="more" hidden></p></fieldset>';
  }).join("");
  this.sets = facets.map(function (x) {
    var el = root.querySelector('[data-k="' + x.key + '"]');
    return {
      el: el, find: $(".find", el), more: $(".more", el), long: x.opts.length > LONG,
      labels: Array.prototype.slice.call(el.querySelectorAll(".opt")),
      boxes: Array.prototype.slice.call(el.querySelectorAll("input[type=checkbox]")),
      nums: Array.prototype.slice.call(el.querySelectorAll(".n"))
    };
  });
  root.addEventListener("change", function (e) {
    var cb = e.target;
    if (cb.type !== "checkbox") return;
    var key = cb.closest(".facet").dataset.k;
    onChange(key, cb.value, cb.checked);
  });
  root.addEventListener("input", function (e) {
    if (!e.target.classList.contains("find")) return;
    var k = self.facets.findIndex(function (x) { return x.key === e.target.closest(".facet").dataset.k; });
    if (self.counts) self.show(k);
  });
}

// update sets the check boxes from the state and the counts from select.
Filters.prototype.update = function (s, counts) {
  this.counts = counts;
  this.state = s;
  for (var k = 0; k < this.facets.length; k++) this.show(k);
};

Filters.prototype.show = function (k) {
  var x = this.facets[k], set = this.sets[k], c = this.counts[k], chosen = this.state.f[x.key] || [];
  var find = set.find ? set.find.value.trim().toLowerCase() : "", order = [], visible = 0;
  for (var o = 0; o < x.opts.length; o++) {
    var on = chosen.indexOf(x.opts[o].v) >= 0;
    if (set.boxes[o].checked !== on) set.boxes[o].checked = on;
    var txt = thousands(c[o]);
    if (set.nums[o].textContent !== txt) set.nums[o].textContent = txt;
    var ok = on || (c[o] > 0 && (!find || x.opts[o].label.toLowerCase().indexOf(find) >= 0));
    if (ok && set.long && !on) { order.push(o); ok = false; }
    if (set.labels[o].hidden === ok) set.labels[o].hidden = !ok;
    if (ok) visible++;
  }
  if (set.long) { // the largest options, or those found
    order.sort(function (a, b) { return c[b] - c[a] || a - b; });
    order.forEach(function (o, r) {
      var ok = r < SHOWN;
      if (set.labels[o].hidden === ok) set.labels[o].hidden = !ok;
    });
    var rest = order.length - SHOWN;
    set.more.hidden = rest <= 0;
    if (rest > 0) set.more.textContent = thousands(rest) + " more: type to find them";
    visible += Math.min(order.length, SHOWN);
  }
  set.el.hidden = visible === 0;
};
