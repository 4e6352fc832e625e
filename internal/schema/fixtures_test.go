package schema

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const fixtureHead = "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n            name: A\n            homepage_url: https://a.example\n            logo: a.svg\n"

// TestFixturesAgree holds the rule on small files, each with one kind of
// problem (or of value the loader only warns about, which the schema must
// accept), shaped like what real landscapes hold.
func TestFixturesAgree(t *testing.T) {
	item := func(lines ...string) string {
		return fixtureHead + "            " + strings.Join(lines, "\n            ") + "\n"
	}
	tests := []struct {
		kind, name, data string
	}{
		{"landscape", "clean", item("description: An item")},
		{"landscape", "lfenergy topics and refs", item("extra:", "  topics: [grid]", "  refs: [x]")},
		{"landscape", "finos annotations", item("extra:", "  annotations: {stage: 2, owner: Acme}")},
		{"landscape", "annotations as a list", item("extra:", "  annotations: [a]")},
		{"landscape", "annotation null", item("extra:", "  annotations: {a: }")},
		{"landscape", "empty values are warnings", item("description:", "repo_url: ''", "open_source:", "extra:", "  specification: ''", "  accepted:", "  blog_url: ' '")},
		{"landscape", "bad url", item("repo_url: github.com/a/b")},
		{"landscape", "javascript url", item("twitter: javascript:alert(1)")},
		{"landscape", "number as url", item("crunchbase: 12")},
		{"landscape", "loose link", item("extra:", "  summary_intro_url: 'Part 1: https://youtu.be/a'", "  helm_chart_url: helm")},
		{"landscape", "bad date", item("extra:", "  accepted: last year", "  graduated: 2020-01-01")},
		{"landscape", "bool as text", item("description: true", "license: [MIT]")},
		{"landscape", "text for bool", item("open_source: yes please", "enduser: 'true'")},
		{"landscape", "organization", item("organization: Acme")},
		{"landscape", "organization mapping", item("organization: {name: Acme, url: x}")},
		{"landscape", "organization number", item("organization: 5")},
		{"landscape", "second paths", item("second_path: [C / S, true]")},
		{"landscape", "additional repos", item("additional_repos:", "  - repo_url: https://github.com/a/b", "  - {repo_url: '', branch: main}", "  - {repo_name: x}", "  - text")},
		{"landscape", "other links and audits", item("extra:", "  other_links: [{name: Docs, ur: https://x.example}, {name: , url: https://x.example}]", "  audits: [{date: 2020-01-01, type: security, url: nope, vendor: V}]")},
		{"landscape", "extra blank", item("extra: ''")},
		{"landscape", "extra item field", item("extra:", "  project: sandbox")},
		{"landscape", "missing required", fixtureHead + "          - item:\n            name: B\n            logo: ''\n"},
		{"landscape", "unknown item key", item("repo_ur: https://github.com/a/b")},
		{"landscape", "unknown keys in boxes", strings.Replace(fixtureHead, "        name: S\n", "        name: S\n        note: x\n", 1)},
		{"landscape", "top-level key", fixtureHead + "version: 2\n"},
		{"landscape", "no categories", "landscape: []\n"},
		{"landscape", "category without a name", "landscape:\n  - category:\n    subcategories: []\n"},
		{"settings", "clean", "name: X\nfoundation: F\nurl: https://x.example\nmaturity: [a, b]\n"},
		{"settings", "unknown top-level", "colour: red\nfooter: {anything: [goes]}\n"},
		{"settings", "nested unknown", "rules:\n  min_star: 100\n  one_box: {exceptions: [{organization: A, reason: r, reasn: x}]}\n"},
		{"settings", "featured exclude", "featured_items:\n  - field: maturity\n    options: [{value: graduated, order: 1, label: G}]\n    exclude: {groups: [G]}\n"},
		{"settings", "bad url", "url: landscape.example\n"},
		{"settings", "base path", "base_path: landscape\n"},
		{"settings", "base path dots", "base_path: /a/../b\n"},
		{"settings", "base path host", "base_path: //evil.example/\nname: x\n"},
		{"settings", "base path escapes", "base_path: \"/\\t/evil.example\"\nname: x\n"},
		{"settings", "base path percent", "base_path: /%2e%2e/x\nname: x\n"},
		{"settings", "base path dot", "base_path: /a/./b/\nname: x\n"},
		{"settings", "base path good", "base_path: /a.b/c_d~e-f/\nname: x\n"},
		{"settings", "url user", "url: https://landscape.example@evil.example/\nname: x\n"},
		{"settings", "url query", "url: https://landscape.example/?a=b\nname: x\n"},
		{"settings", "colours", "colors:\n  color1: rgba(0, 1, 2, 1)\n  color2: 'red; background: url(x)'\n"},
		{"settings", "alias", "groups:\n  - {name: All, alias: All Items, categories: [C]}\n"},
		{"settings", "min stars", "rules:\n  min_stars: -1\n"},
		{"settings", "min stars text", "rules:\n  min_stars: many\n"},
		{"settings", "reasons", "rules:\n  star_exemptions:\n    - {item: A}\n    - {item: B, reason: ''}\n    - {item: C, reason: small}\n"},
		{"settings", "list for text", "name: [a]\nmaturity: sandbox\n"},
		{"guide", "clean", "categories:\n  - category: C\n    content: x\n    keywords: [k]\n    subcategories:\n      - {subcategory: S, content: y}\n"},
		{"guide", "unknown keys", "title: T\ncategories:\n  - category: C\n    contents: x\n"},
		{"guide", "content as a list", "categories:\n  - category: C\n    content: [x]\n"},
	}
	schemas := map[string]*jsonschema.Schema{}
	for _, n := range Names {
		schemas[n] = compile(t, n)
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.name, func(t *testing.T) {
			agree(t, schemas[tt.kind], tt.kind, tt.kind+".yml", []byte(tt.data))
		})
	}
}
