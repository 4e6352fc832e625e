// The repository selector of the item view. With several repositories the
// view lists them all, after a row of links to each; the script turns the
// links into a selector that shows one repository at a time. It runs on
// item pages and on the landscape page's dialog, whose content is the
// item page's article inserted later (hence the observer).
import { $, $$ } from "./dom.js";

// enhance readies every selector under root that is not ready yet.
export function enhance(root) {
  $$(".repo-nav:not([data-ready])", root).forEach(function (nav) {
    nav.setAttribute("data-ready", "");
    var art = nav.closest("article") || root, links = $$("a", nav);
    function show(id) {
      links.forEach(function (a) {
        if (a.getAttribute("href") === "#" + id) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
      $$(".repo", art).forEach(function (sec) { sec.hidden = sec.id !== id; });
    }
    links.forEach(function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        show(a.getAttribute("href").slice(1));
      });
    });
    if (links.length) show(links[0].getAttribute("href").slice(1));
  });
}

// initRepos readies the page's selectors, and those the dialog receives.
export function initRepos() {
  enhance(document);
  var body = $("#dialog-body");
  if (body && window.MutationObserver) {
    new MutationObserver(function () { enhance(body); }).observe(body, { childList: true });
  }
}
