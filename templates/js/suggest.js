// The results list under the search box: the best items for what is typed,
// with logo, name and box, as an ARIA combobox. Arrows move, Enter opens
// the item, Esc closes the list; the page behind is filtered all along.
import { esc } from "./dom.js";

export function Suggest(input, d, onPick) {
  var list = document.createElement("ul"), self = this;
  list.id = "q-results";
  list.className = "results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Best matches");
  list.hidden = true;
  input.insertAdjacentElement("afterend", list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  this.input = input; this.list = list; this.items = []; this.active = -1; this.d = d;

  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!self.items.length) return;
      e.preventDefault();
      if (list.hidden) self.open();
      var n = self.items.length;
      self.move(e.key === "ArrowDown" ? (self.active + 1) % n : (self.active - 1 + n) % n);
    } else if (e.key === "Enter") {
      if (self.active >= 0 && !list.hidden) { e.preventDefault(); var it = self.items[self.active]; self.close(); onPick(it); }
      else self.close();
    } else if (e.key === "Escape") {
      if (!list.hidden) { e.preventDefault(); self.close(); }
    }
  });
  list.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep focus in the box
  list.addEventListener("click", function (e) {
    var li = e.target.closest("[data-i]");
    if (!li) return;
    self.close();
    onPick(d.list[+li.dataset.i]);
  });
  input.addEventListener("blur", function () { self.close(); });
}

// show lists items (best first); an empty list closes.
Suggest.prototype.show = function (items) {
  var d = this.d, same = items.length === this.items.length && items.every(function (it, k) { return it === this.items[k]; }, this);
  this.items = items;
  if (!same) {
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.list.innerHTML = items.map(function (it, k) {
      var logo = it.logo ? '<img src="' + esc(d.base + (it.raster || it.logo)) + '" alt="" decoding="async">' : "<span></span>";
      var box = it.boxes.length ? d.boxPath[it.boxes[0]] : "";
      return '<li role="option" id="q-r' + k + '" data-i="' + it.i + '" aria-selected="false">' + logo +
        '<span class="rn">' + esc(it.name) + '</span><span class="rb">' + esc(box) + "</span></li>";
    }).join("");
  }
  if (items.length && document.activeElement === this.input) this.open(); else this.close();
};

Suggest.prototype.open = function () {
  this.list.hidden = false;
  this.input.setAttribute("aria-expanded", "true");
};

Suggest.prototype.close = function () {
  this.list.hidden = true;
  this.input.setAttribute("aria-expanded", "false");
  this.move(-1);
};

Suggest.prototype.move = function (k) {
  var lis = this.list.children;
  if (this.active >= 0 && lis[this.active]) lis[this.active].setAttribute("aria-selected", "false");
  this.active = k;
  if (k >= 0 && lis[k]) {
    lis[k].setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", lis[k].id);
    lis[k].scrollIntoView({ block: "nearest" });
  } else this.input.removeAttribute("aria-activedescendant");
};
