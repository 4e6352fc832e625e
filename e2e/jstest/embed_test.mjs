// Unit tests of the embed options (templates/js/embedopts.js), which the
// embedded pages read and the set-up page writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOptions, shown, embedPath, snippet, DEFAULTS } from "./js/embedopts.js";

test("no options: embeds look as they always did", () => {
  assert.deepEqual(parseOptions(""), Object.assign({}, DEFAULTS, { show: [] }));
});

test("options and landscape2's names are read; unknown values fall back", () => {
  const o = parseOptions("?style=card&size=xl&headers=false&item-name=true&item-modal=true&show=a&show=a%2Fb&show=Bad!&show=x/y/z");
  assert.deepEqual(o, { style: "cards", size: "xl", headers: false, names: true, modal: true, show: ["a", "a/b"] });
  assert.equal(parseOptions("?style=clean").style, "plain");
  assert.equal(parseOptions("?style=neon&size=huge").style, "bordered");
  assert.equal(parseOptions("?size=huge").size, "md");
});

test("shown picks whole categories and single boxes", () => {
  const o = parseOptions("?show=a&show=b/c");
  assert.ok(shown(o, "a", "x"));
  assert.ok(shown(o, "b", "c"));
  assert.ok(!shown(o, "b", "d"));
  assert.ok(shown(parseOptions(""), "z", "z"));
});

test("embedPath uses the smallest page that holds the boxes", () => {
  const o = Object.assign({}, DEFAULTS);
  assert.equal(embedPath([], o), "");
  assert.equal(embedPath([{ cat: "a", all: true, subs: ["x", "y"] }], o), "embed/a.html");
  assert.equal(embedPath([{ cat: "a", all: false, subs: ["x"] }], o), "embed/a/x.html");
  assert.equal(embedPath([{ cat: "a", all: false, subs: ["x", "y"] }], o), "embed/a.html?show=a%2Fx&show=a%2Fy");
  assert.equal(embedPath([{ cat: "a", all: true, subs: ["x"] }, { cat: "b", all: false, subs: ["y"] }], Object.assign({}, o, { style: "plain", modal: true })),
    "embed.html?show=a&show=b%2Fy&style=plain&item-modal=true");
});

test("snippet escapes and keeps a height", () => {
  assert.equal(snippet('https://x.example/embed.html?a=1&b="2"', "A <b>", 0),
    '<iframe src="https://x.example/embed.html?a=1&amp;b=&quot;2&quot;" title="A &lt;b&gt;" width="100%" height="80" frameborder="0" loading="lazy"></iframe>');
});
