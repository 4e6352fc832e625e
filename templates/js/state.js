// State of the landscape page. Every filter, the search, the view and the
// open item live in the URL, so that a link restores exactly this view.
export var KEYS = ["q", "category", "sub", "maturity", "license", "org", "lang", "oss", "stars",
  "sort", "group", "tab", "view", "zoom", "item"];

export function readState() {
  var p = new URLSearchParams(location.search), s = {};
  KEYS.forEach(function (k) { s[k] = p.get(k) || ""; });
  return s;
}

export function writeState(s) {
  var p = new URLSearchParams();
  KEYS.forEach(function (k) { if (s[k]) p.set(k, s[k]); });
  var q = p.toString(), url = location.pathname + (q ? "?" + q : "");
  if (url !== location.pathname + location.search) history.replaceState(null, "", url + location.hash);
}
