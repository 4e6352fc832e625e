// loadData reads the item data embedded in the page (see internal/render
// index.go for its shape) and prepares what filtering needs.
export function loadData() {
  var el = document.getElementById("landscape-data");
  if (!el) return null;
  var d = JSON.parse(el.textContent), F = {};
  d.fields.forEach(function (f, i) { F[f] = i; });
  d.list = d.items.map(function (a, i) {
    var it = {
      i: i, id: a[F.id], name: a[F.name], logo: a[F.logo], boxes: a[F.boxes], mat: a[F.maturity],
      lic: a[F.license], org: a[F.org], lang: a[F.language], flags: a[F.flags], stars: a[F.stars],
      commit: a[F.commit_day], contributors: a[F.contributors], desc: a[F.description], repo: a[F.repo]
    };
    it.orgName = it.org >= 0 ? d.orgs[it.org] : "";
    it.text = (it.name + "\n" + it.desc + "\n" + it.orgName + "\n" + it.repo).toLowerCase();
    it.cat = it.boxes.length ? d.boxes[it.boxes[0]].c : -1;
    return it;
  });
  d.boxPath = d.boxes.map(function (b) { return d.categories[b.c] + " / " + b.n; });
  return d;
}
