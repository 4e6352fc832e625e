// The tile popover: on hover (with a mouse) and on keyboard focus, a tile
// shows its item's name, the first line of its description, its stars and
// maturity. Not on touch, where a tap opens the dialog. Text is set with
// textContent: it is untrusted.
import { cap, compact } from "./dom.js";

export function Popover(root, d) {
  var pop = document.createElement("div"), shown = null;
  pop.id = "tile-pop";
  pop.className = "pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);

  function show(t) {
    if (t === shown) return;
    var it = d.list[+t.dataset.i], facts = [];
    if (!it) return;
    if (it.mat >= 0) facts.push(cap(d.maturity[it.mat]));
    if (it.stars) facts.push("★ " + compact(it.stars));
    pop.replaceChildren();
    [["pn", it.name], ["pd", (it.desc || "").split("\n")[0]], ["pf", facts.join(" · ")]].forEach(function (x) {
      if (!x[1]) return;
      var el = document.createElement("span");
      el.className = x[0];
      el.textContent = x[1];
      pop.appendChild(el);
    });
    hide();
    shown = t;
    t.setAttribute("aria-describedby", "tile-pop");
    pop.hidden = false;
    var r = t.getBoundingClientRect(), w = pop.offsetWidth;
    pop.style.left = Math.max(4, Math.min(window.scrollX + r.left + r.width / 2 - w / 2, window.scrollX + document.documentElement.clientWidth - w - 4)) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() {
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
    pop.hidden = true;
  }
  this.hide = hide;
  // A mouse's pointer only: a touch also fires pointerover, before the tap.
  root.addEventListener("pointerover", function (e) { var t = e.pointerType === "mouse" && e.target.closest(".t"); if (t) show(t); });
  root.addEventListener("pointerleave", hide);
  root.addEventListener("focusin", function (e) { var t = e.target.closest(".t"); if (t && t.matches(":focus-visible")) show(t); });
  root.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", hide, { passive: true });
}
