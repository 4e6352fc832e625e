// The embed set-up page (embed-setup.html): the visitor ticks boxes and
// picks a look; the page shows the embed live and the <iframe> to copy.
// The preview posts its height (embed.js), which sizes the preview and the
// snippet's height attribute.
import { $, $$ } from "./dom.js";
import { embedPath, snippet, HEIGHT_MESSAGE } from "./embedopts.js";

function init() {
  var form = $("#embed-form"), frame = $("#embed-preview"), code = $("#embed-code"), empty = $("#embed-empty");
  var base = document.body.dataset.base, title = document.body.dataset.name, height = 0, url = "";

  function options() {
    var v = function (name) { var el = form.elements[name]; return el.value; };
    return {
      style: v("style"), size: v("size"), headers: form.elements.headers.checked,
      names: form.elements["item-name"].checked, modal: v("click") === "dialog",
    };
  }

  function chosen() {
    return $$(".setup-cat", form).map(function (c) {
      var subs = $$('input[name="sub"]', c), on = subs.filter(function (el) { return el.checked; });
      return { cat: c.dataset.cat, all: on.length === subs.length, subs: on.map(function (el) { return el.value; }) };
    }).filter(function (c) { return c.subs.length; });
  }

  // A category's box mirrors its subcategories: ticked when all are,
  // mixed when some are.
  function syncCategories() {
    $$(".setup-cat", form).forEach(function (c) {
      var subs = $$('input[name="sub"]', c), n = subs.filter(function (el) { return el.checked; }).length;
      var box = $('input[name="category"]', c);
      box.checked = n === subs.length;
      box.indeterminate = n > 0 && n < subs.length;
    });
  }

  function update() {
    syncCategories();
    var path = embedPath(chosen(), options());
    empty.hidden = !!path;
    frame.hidden = !path;
    code.value = "";
    if (!path) { url = ""; frame.removeAttribute("src"); return; }
    var next = new URL(base + path, location.href).href;
    if (next !== url) { url = next; height = 0; frame.src = url; }
    write();
  }

  function write() { code.value = url ? snippet(url, title, height || frame.clientHeight) : ""; }

  form.addEventListener("change", function (e) {
    var el = e.target;
    if (el.name === "category") {
      $$('input[name="sub"]', el.closest(".setup-cat")).forEach(function (s) { s.checked = el.checked; });
    }
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  window.addEventListener("message", function (e) {
    if (e.source !== frame.contentWindow || e.origin !== location.origin) return;
    var d = e.data;
    if (!d || d.type !== HEIGHT_MESSAGE || typeof d.height !== "number" || !(d.height > 0)) return;
    height = Math.min(Math.ceil(d.height), 100000);
    frame.style.height = height + "px";
    write();
  });

  $("#embed-copy").addEventListener("click", function () {
    var status = $("#embed-status");
    if (!code.value) return;
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(done, function () { code.select(); status.textContent = "Press Ctrl+C to copy."; });
    } else { code.select(); status.textContent = "Press Ctrl+C to copy."; }
  });
  update();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
