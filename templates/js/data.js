// The item data the landscape page fetches (see internal/render index.go for its
// shape), read and prepared for filtering, sorting and searching.

// loadData fetches the data the landscape page names (in its #landscape
// element's data-index) and calls done with it, prepared; on a page
// without it, or when it cannot be had, the page stays as its HTML made it.
export function loadData(done) {
  var el = document.getElementById("landscape");
  if (!el || !el.dataset.index) return;
  fetch(el.dataset.index).then(function (r) {
    if (!r.ok) throw new Error(el.dataset.index + ": " + r.status);
    return r.json();
  }).then(function (d) { done(prepare(d)); }).catch(function (e) {
    console.error("the landscape's data could not be loaded, so the page stays as its HTML made it:", e);
  });
}

export var FLAG_OSS = 1, FLAG_FEATURED = 2, FLAG_ARCHIVED = 4, FLAG_ENDUSER = 8, FLAG_SPEC = 16, FLAG_RASTER = 32;

// prepare turns the item arrays into objects. It touches no DOM, so that
// tests run it in Node.
export function prepare(d) {
  var F = {};
  d.fields.forEach(function (f, i) { F[f] = i; });
  function at(a, f, dflt) { return F[f] === undefined || a[F[f]] === undefined ? dflt : a[F[f]]; }
  d.tags = d.tags || [];
  d.list = d.items.map(function (a, i) {
    var it = {
      i: i, id: a[F.id], name: a[F.name], logo: a[F.logo], boxes: a[F.boxes], mat: a[F.maturity],
      lic: a[F.license], org: a[F.org], lang: a[F.language], flags: a[F.flags], stars: a[F.stars] || 0,
      commit: a[F.commit_day] || 0, contributors: a[F.contributors] || 0, desc: a[F.description] || "",
      repo: a[F.repo] || "", tag: at(a, "tag", -1), added: at(a, "added_day", 0),
      first: at(a, "first_commit_day", 0), release: at(a, "release_day", 0)
    };
    it.orgName = it.org >= 0 ? d.orgs[it.org] : "";
    it.raster = it.flags & FLAG_RASTER ? it.logo.replace(/\.svg$/, ".png") : "";
    it.lname = it.name.toLowerCase();
    it.text = (it.name + "\n" + it.desc + "\n" + it.orgName + "\n" + it.repo).toLowerCase();
    it.cat = it.boxes.length ? d.boxes[it.boxes[0]].c : -1;
    return it;
  });
  d.boxPath = d.boxes.map(function (b) { return d.categories[b.c] + " / " + b.n; });
  return d;
}
