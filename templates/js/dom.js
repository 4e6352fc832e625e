// Small DOM and formatting helpers shared by the page's modules.

export function $(sel, root) { return (root || document).querySelector(sel); }
export function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

// esc makes untrusted text safe inside HTML text and quoted attributes.
export function esc(s) {
  return String(s).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

export function compact(n) {
  if (n < 1000) return String(n);
  if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, "") + "k";
  if (n < 1e6) return Math.round(n / 1000) + "k";
  return (n / 1e6).toFixed(1).replace(/\.0$/, "") + "M";
}

export function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

export function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
