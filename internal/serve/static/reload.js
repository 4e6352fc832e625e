// Development only: `landscape serve` adds this script to every HTML page it
// serves (never to a built site). It reloads the page when the site is
// rebuilt and lists the problems of the last build in an overlay. It is a
// file, not inline, so that it runs under a Content-Security-Policy of
// script-src 'self'; the overlay is built with the DOM and textContent, so
// no message can inject markup.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me && me.dataset.version ? Number(me.dataset.version) : -1;
  var root = me ? me.src.replace(/reload\.js(\?.*)?$/, "") : "/__landscape/";
  var box = null;

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = root + "reload.css";
  document.head.appendChild(css);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function hide() {
    if (box) box.remove();
    box = null;
  }

  function show(st) {
    if (!st.problems || st.problems.length === 0) return hide();
    if (!box) {
      box = el("aside");
      box.id = "landscape-dev-overlay";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    var title = st.failed
      ? "The last change could not be built; this is the last good site."
      : "The site was built, but the data has errors.";
    var head = el("header");
    head.appendChild(el("strong", "", title));
    var close = el("button", "", "Hide");
    close.type = "button";
    close.addEventListener("click", hide);
    head.appendChild(close);
    var list = el("ol");
    st.problems.forEach(function (p) {
      var li = el("li");
      li.appendChild(el("code", "where", p.where));
      li.appendChild(el("span", "msg", p.message));
      list.appendChild(li);
    });
    box.replaceChildren(head, list);
  }

  var events = new EventSource(root + "events");
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("status", function (e) {
    var st = JSON.parse(e.data);
    if (version >= 0 && st.version !== version) {
      location.reload(); // rebuilt while this page was loading, or the server restarted
      return;
    }
    show(st);
  });
})();
