// State of the landscape page. Every filter, the search, the view and the
// open item live in the URL, so that a link restores exactly this view.
var KEYS = ["q", "category", "sub", "maturity", "license", "org", "lang", "oss", "stars",
  "sort", "group", "tab", "view", "zoom", "item"];

function readState() {
  var p = new URLSearchParams(location.search), s = {};
  KEYS.forEach(function (k) { s[k] = p.get(k) || ""; });
  return s;
}

function writeState(s) {
  var p = new URLSearchParams();
  KEYS.forEach(function (k) { if (s[k]) p.set(k, s[k]); });
  var q = p.toString(), url = location.pathname + (q ? "?" + q : "");
  if (url !== location.pathname + location.search) history.replaceState(null, "", url + location.hash);
}

function $(sel, root) { return (root || document).querySelector(sel); }
function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

// esc makes untrusted text safe inside HTML text and quoted attributes.
function esc(s) {
  return String(s).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function compact(n) {
  if (n < 1000) return String(n);
  if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, "") + "k";
  if (n < 1e6) return Math.round(n / 1000) + "k";
  return (n / 1e6).toFixed(1).replace(/\.0$/, "") + "M";
}

function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
