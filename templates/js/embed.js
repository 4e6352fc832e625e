// An embedded landscape (embed.html, embed/*.html): applies the options of
// its URL (embedopts.js) to the boxes the page already has, tells the page
// that frames it how tall it is, and opens items in a dialog inside the
// embed when asked to.
import { $, $$ } from "./dom.js";
import { parseOptions, shown, SIZES, HEIGHT_MESSAGE } from "./embedopts.js";
import { Dialog } from "./dialog.js";

var DIALOG_HEIGHT = 640; // what the embed asks for while a dialog is open

function init() {
  var o = parseOptions(location.search), main = $("#main"), body = document.body;
  $$(".band[data-cat]").forEach(function (band) {
    var any = false;
    $$(".box[data-sub]", band).forEach(function (box) {
      var on = shown(o, band.dataset.cat, box.dataset.sub);
      box.hidden = !on;
      any = any || on;
    });
    band.hidden = !any;
  });
  main.classList.add("z" + SIZES.indexOf(o.size));
  body.classList.add("style-" + o.style);
  if (!o.headers) body.classList.add("no-headers");
  if (o.names) body.classList.add("names");

  var dialogOpen = false;
  if (o.modal) {
    var dialog = new Dialog(body.dataset.base, function () { dialogOpen = false; post(); });
    main.addEventListener("click", function (e) {
      var a = e.target.closest("a.t[data-id]");
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      dialogOpen = true;
      dialog.open(a.dataset.id, a);
      post();
    });
  }

  // The height goes to whoever frames the embed; it says nothing secret.
  var last = -1;
  function post() {
    if (window.parent === window) return;
    var h = Math.ceil(document.documentElement.scrollHeight);
    if (dialogOpen) h = Math.max(h, DIALOG_HEIGHT);
    if (h === last) return;
    last = h;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: h }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(post).observe(main);
  window.addEventListener("load", post);
  post();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
