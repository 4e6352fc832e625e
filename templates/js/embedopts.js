// Options of an embedded landscape, read from and written to its URL: pure
// functions shared by the embedded pages (embed.js) and the set-up page
// (embed-setup.js). The names follow landscape2's embed where it has one
// (style, size, headers, item-name, item-modal); show picks the boxes, by
// category slug or CATEGORY/SUBCATEGORY slugs. Without options an embed
// looks as embeds always did.
import { esc } from "./dom.js";

export var STYLES = ["plain", "bordered", "shadowed", "cards"];
export var SIZES = ["xs", "sm", "md", "lg", "xl"];
export var DEFAULTS = { style: "bordered", size: "md", headers: true, names: false, modal: false };
var ALIASES = { clean: "plain", card: "cards" }; // landscape2's names
var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/;
var MAX_SHOW = 1000;

// parseOptions reads an embed's options from its query string; values it
// does not know fall back to the defaults.
export function parseOptions(search) {
  var q = new URLSearchParams(search), o = Object.assign({}, DEFAULTS);
  var look = q.get("style");
  look = ALIASES[look] || look;
  if (STYLES.indexOf(look) >= 0) o.style = look;
  if (SIZES.indexOf(q.get("size")) >= 0) o.size = q.get("size");
  if (q.get("headers") === "false") o.headers = false;
  if (q.get("item-name") === "true") o.names = true;
  if (q.get("item-modal") === "true") o.modal = true;
  o.show = q.getAll("show").filter(function (v) { return v.length <= 200 && SLUG.test(v); }).slice(0, MAX_SHOW);
  return o;
}

// shown says whether the options show the box sub of category cat.
export function shown(o, cat, sub) {
  return !o.show.length || o.show.indexOf(cat) >= 0 || o.show.indexOf(cat + "/" + sub) >= 0;
}

// embedPath is the page (under the site's base path) and query that show
// the chosen boxes with the options: the smallest page that holds them.
// chosen lists, in page order, {cat, all, subs}: a category's slug, whether
// every box of it is chosen, and the slugs of the chosen boxes. It is ""
// when nothing is chosen.
export function embedPath(chosen, o) {
  chosen = chosen.filter(function (c) { return c.all || c.subs.length; });
  if (!chosen.length) return "";
  var page, show = [];
  if (chosen.length === 1) {
    var c = chosen[0];
    if (c.all) page = "embed/" + c.cat + ".html";
    else if (c.subs.length === 1) page = "embed/" + c.cat + "/" + c.subs[0] + ".html";
    else {
      page = "embed/" + c.cat + ".html";
      show = c.subs.map(function (s) { return c.cat + "/" + s; });
    }
  } else {
    page = "embed.html";
    chosen.forEach(function (c) {
      if (c.all) show.push(c.cat);
      else c.subs.forEach(function (s) { show.push(c.cat + "/" + s); });
    });
  }
  var q = new URLSearchParams();
  show.forEach(function (v) { q.append("show", v); });
  if (o.style !== DEFAULTS.style) q.set("style", o.style);
  if (o.size !== DEFAULTS.size) q.set("size", o.size);
  if (!o.headers) q.set("headers", "false");
  if (o.names) q.set("item-name", "true");
  if (o.modal) q.set("item-modal", "true");
  var s = q.toString();
  return s ? page + "?" + s : page;
}

// snippet is the HTML a host page pastes: an iframe sized to the preview's
// height, so that it shows everything even without the height listener.
export function snippet(url, title, height) {
  return '<iframe src="' + esc(url) + '" title="' + esc(title) + '" width="100%" height="' + Math.max(80, Math.ceil(height || 0)) +
    '" frameborder="0" loading="lazy"></iframe>'; // frameborder: no style attribute for the host's policy to block
}

// HEIGHT_MESSAGE is the type of the message an embed posts to its parent
// with its height.
export var HEIGHT_MESSAGE = "landscape-embed-height";
