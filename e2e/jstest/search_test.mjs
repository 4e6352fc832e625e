// Unit tests of the page's pure modules (search ranking, facet counts),
// run by Node's test runner from e2e/node_test.go against sites the Go test
// renders: SITES lists their folders (the test site first, cncf-full next
// when the corpora are present).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepare } from "./js/data.js";
import { Searcher, words, near } from "./js/search.js";
import { buildFacets, compile, select, sortItems, tabOf } from "./js/facets.js";
import { parseState, query } from "./js/state.js";

function load(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const m = html.match(/data-index="?\/(?:[^"\s>]*\/)?(assets\/landscape\.[0-9a-f]+\.json)/);
  const d = prepare(JSON.parse(readFileSync(join(dir, m[1]), "utf8")));
  const s = new Searcher(d);
  s.setIndex(JSON.parse(readFileSync(join(dir, d.search), "utf8")));
  return { d, s };
}

const [small, full] = (process.env.SITES || "").split(",").filter(Boolean);
const names = (items) => items.map((it) => it.name);

test("words split as the build splits", () => {
  assert.deepEqual(words("  Kube-Proxy  github.com/cncf/ (x) "), ["kube-proxy", "github.com/cncf", "x"]);
});

test("near allows one edit against a prefix", () => {
  assert.ok(near("kubernets", "kubernetes"));
  assert.ok(near("kubrenetes", "kubernetes") === false); // a swap is two edits
  assert.ok(near("prometheu", "prometheus"));
  assert.ok(near("promethues", "prometheus") === false);
  assert.ok(near("grafama", "grafana"));
  assert.ok(!near("linkerd", "envoy"));
});

test("test site: ranking and fields", { skip: !small }, () => {
  const { d, s } = load(small);
  assert.equal(s.run("trace").top[0].name, "Theta Trace");
  assert.deepEqual(names(s.run("example/iota").top), ["Iota Functions"]); // repository
  assert.deepEqual(names(s.run("delta foundation").top), ["Delta Store"]); // organization
  assert.deepEqual(names(s.run("github.com/example/gamma").top), ["Gamma"]); // the URL as typed
  assert.deepEqual(names(s.run("Runing containers").top), ["Alpha Runtime"]); // summary, one typo
  assert.deepEqual(names(s.run("e").top).slice(0, 2), ["Epsilon", "Eta Monitor"]); // name prefix first
  assert.equal(s.run("").match, null);
  assert.equal(d.list.length, 9);
});

test("test site: facet counts follow the other facets", { skip: !small }, () => {
  const { d } = load(small);
  const facets = buildFacets(d);
  const st = parseState("?category=Observability&maturity=incubating", "Example Foundation");
  const sel = select(d, facets, compile(st, d, facets, null));
  assert.deepEqual(names(sel.items), ["Theta Trace"]);
  const mat = facets.findIndex((f) => f.key === "maturity");
  const byValue = Object.fromEntries(facets[mat].opts.map((o, k) => [o.v, sel.counts[mat][k]]));
  assert.deepEqual(byValue, { graduated: 0, incubating: 1, sandbox: 1, archived: 0, none: 2 });
});

test("state: landscape2 and older parameters", () => {
  const st = parseState("?project=CNCF&view-mode=card&classify=maturity&sort-by=stars&sort-direction=asc&organization=Google&group=cncf", "CNCF");
  assert.deepEqual([st.f.maturity, st.view, st.group, st.sort, st.dir, st.f.org, st.tab],
    [["foundation"], "cards", "maturity", "stars", "asc", ["Google"], "cncf"]);
  const old = parseState("?oss=0&org=X&group=maturity&sub=A+%2F+B&stars=5000");
  assert.deepEqual([old.f.license, old.f.org, old.group, old.f.sub, old.f.stars], [["closed"], ["X"], "maturity", ["A / B"], ["5000"]]);
  assert.equal(query(old), "?sub=A+%2F+B&license=closed&org=X&stars=5000&group=maturity");
});

test("cncf-full: what people type", { skip: !full && "cncf-full not rendered (corpora absent)" }, () => {
  const { d, s } = load(full);
  assert.ok(d.list.length > 2000);
  for (const [q, want] of [["kubernetes", "Kubernetes"], ["kubernets", "Kubernetes"], ["Prometheus", "Prometheus"],
    ["promethus", "Prometheus"], ["envoy", "Envoy"], ["open telemetry", "OpenTelemetry"], ["opentelemetry", "OpenTelemetry"],
    ["argo", "Argo"], ["etcd", "etcd"]]) {
    assert.equal(s.run(q).top[0]?.name, want, q);
  }
  const cncf = s.run("github.com/cncf");
  assert.ok(cncf.top.length === 10, "github.com/cncf finds items");
  assert.ok(cncf.top.some((it) => it.repo.startsWith("cncf/")), "github.com/cncf: " + names(cncf.top));
  const k = s.run("k").top;
  assert.ok(k.every((it) => it.lname.startsWith("k")), "one letter: names starting with it first: " + names(k));
  for (let i = 1; i < k.length; i++) assert.ok(k[i - 1].stars >= k[i].stars, "ties by stars");
});

test("sort orders, either way", { skip: !small }, () => {
  const { d } = load(small);
  const byStars = names(sortItems(d.list, "stars", ""));
  assert.equal(byStars[0], "Theta Trace");
  assert.deepEqual(names(sortItems(d.list, "stars", "asc")).slice(0, 1), ["Iota Functions"]);
  assert.equal(names(sortItems(d.list, "", "desc"))[0], "Zeta Metrics");
  // The main repository's first commit (oldest first) and latest release
  // (newest first); items without the fact come last.
  assert.equal(names(sortItems(d.list, "first", ""))[0], "Delta Store");
  assert.deepEqual(names(sortItems(d.list, "release", "")).slice(0, 2), ["Alpha Runtime", "Delta Store"]);
  assert.deepEqual(names(sortItems(d.list, "release", "asc")).slice(0, 2), ["Delta Store", "Alpha Runtime"]);
});

test("the page opens with the first group's tab, as landscape2 does", { skip: !small }, () => {
  const { d } = load(small);
  assert.equal(tabOf("", d), d.groups[0].alias);
  assert.equal(tabOf("serverless", d), "serverless");
  const facets = buildFacets(d);
  const shown = (tab) => names(select(d, facets, compile(parseState(tab), d, facets, null)).items).sort();
  assert.ok(!shown("").includes("Iota Functions"), "the first tab shows a category of another group");
  assert.ok(shown("?tab=all").includes("Iota Functions"), "the All tab lacks a category");
  assert.deepEqual(shown("?group=serverless"), ["Iota Functions"]); // landscape2's parameter
});
