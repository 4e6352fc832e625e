// Dialog shows an item's page inside the landscape page. The content is the
// item's own static page (items/ID.html), fetched and parsed, so the dialog
// and the page never disagree. Focus stays inside while it is open and
// returns to the tile that opened it. While it is open, the document's
// title names the item.
import { $, $$, esc } from "./dom.js";

export function Dialog(base, onClose) {
  var dlg = $("#item-dialog"), body = $("#dialog-body"), link = $("#dialog-page"), self = this;
  var title = document.title, silent = false;
  this.dlg = dlg; this.opener = null; this.id = "";
  // open shows the item id; name (when known) titles the document at once,
  // else the page's heading does when it arrives.
  this.open = function (id, opener, name) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return;
    self.id = id;
    if (name) document.title = name + " · " + title;
    self.opener = opener || self.opener;
    var url = base + "items/" + id + ".html";
    link.href = url;
    body.innerHTML = '<p class="loading">Loading…</p>';
    if (!dlg.open) dlg.showModal();
    $("#dialog-close").focus();
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      if (self.id !== id) return;
      var art = new DOMParser().parseFromString(html, "text/html").getElementById("item-detail");
      if (!art) throw new Error("no item");
      body.replaceChildren(document.adoptNode(art));
      var h = art.querySelector("h1");
      if (!name && h) document.title = h.textContent.trim() + " · " + title;
      dlg.scrollTop = 0;
    }).catch(function () {
      if (self.id !== id) return;
      body.innerHTML = '<p class="loading">This item could not be loaded. <a href="' + esc(url) + '">Open its page</a>.</p>';
    });
  };
  // close closes the dialog; quiet tells onClose that the state already
  // says so (Back was pressed).
  this.close = function (quiet) {
    if (!dlg.open) return;
    silent = !!quiet;
    if (quiet) self.id = ""; // at once, as the title: the close event comes in a later task, maybe after Forward reopened it
    document.title = title;
    dlg.close();
  };
  $("#dialog-close").addEventListener("click", function () { dlg.close(); });
  dlg.addEventListener("click", function (e) { if (e.target === dlg) dlg.close(); });
  dlg.addEventListener("close", function () {
    var id = self.id, quiet = silent;
    silent = false;
    if (dlg.open) return; // reopened before this event came
    self.id = "";
    document.title = title;
    onClose(id, quiet);
    var o = self.opener;
    self.opener = null;
    if (o && document.contains(o)) o.focus();
  });
  dlg.addEventListener("keydown", function (e) {
    if (e.key !== "Tab") return;
    var f = $$('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])', dlg).filter(function (el) {
      return !el.disabled && el.getClientRects().length;
    });
    if (!f.length) return;
    var first = f[0], last = f[f.length - 1];
    if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
    else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
  });
}
