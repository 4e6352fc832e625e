package landscape

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
)

const header = "landscape:\n  - category:\n    name: Serverless\n    subcategories:\n      - subcategory:\n        name: Tools\n        items:\n"

func parseItems(t *testing.T, items string) (*Landscape, []string) {
	t.Helper()
	l, diags := Parse("landscape.yml", []byte(header+items))
	return l, lines(diags)
}

// lines formats problems as the CLI prints them.
func lines(diags diag.List) []string {
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	return got
}

func TestParseItemFields(t *testing.T) {
	l, diags := parseItems(t, `          - item:
            name: Knative
            homepage_url: https://knative.dev
            logo: ./knative.svg
            repo_url: https://github.com/knative/serving
            branch: main
            additional_repos:
              - repo_url: https://github.com/knative/eventing
            project: graduated
            crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
            second_path: Serverless / Tools
            open_source: true
            extra:
              accepted: '2022-03-02'
              slack_url: https://slack.knative.dev
              specification: false
              summary_tags: [a, b]
              other_links:
                - name: Docs
                  url: https://knative.dev/docs
`)
	if len(diags) != 0 {
		t.Fatalf("unexpected problems: %v", diags)
	}
	it := l.Items[0]
	open := true
	want := Item{
		Name: "Knative", HomepageURL: "https://knative.dev", Logo: "./knative.svg",
		RepoURL: "https://github.com/knative/serving", Branch: "main",
		AdditionalRepos: []Repo{{URL: "https://github.com/knative/eventing"}},
		Project:         "graduated", Crunchbase: "https://www.crunchbase.com/organization/cloud-native-computing-foundation",
		SecondPaths: []string{"Serverless / Tools"}, OpenSource: &open, Slug: "knative", EndLine: 27,
		Extra: Extra{
			Dates:      map[string]string{"accepted": "2022-03-02"},
			Links:      map[string]string{"slack_url": "https://slack.knative.dev"},
			Flags:      map[string]bool{"specification": false},
			Text:       map[string]string{"summary_tags": "a, b"},
			OtherLinks: []Link{{Name: "Docs", URL: "https://knative.dev/docs"}},
		},
	}
	ignore := cmp.FilterPath(func(p cmp.Path) bool {
		f := p.Last().String()
		return f == ".Subcategory" || f == ".Fields" || f == ".Pos"
	}, cmp.Ignore())
	if diff := cmp.Diff(want, *it, ignore); diff != "" {
		t.Errorf("item mismatch (-want +got):\n%s", diff)
	}
	if got, want := it.Path(), "Serverless / Tools"; got != want {
		t.Errorf("path: got %q, want %q", got, want)
	}
	if got := it.FieldPos("repo_url"); got != (Pos{Line: 12, Col: 23}) {
		t.Errorf("repo_url position: got %+v, want 12:23", got)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name  string
		items string
		want  []string
	}{
		{"missing required", "          - item:\n            name: A\n",
			[]string{`landscape.yml:8:13: error: item "A": homepage_url: missing (every item needs name, homepage_url and logo)`,
				`landscape.yml:8:13: error: item "A": logo: missing (every item needs name, homepage_url and logo)`}},
		{"javascript url", "          - name: A\n            homepage_url: javascript:alert(1)\n            logo: a.svg\n",
			[]string{`landscape.yml:9:27: error: item "A": homepage_url: "javascript:alert(1)" is not an http(s) URL (write an absolute https:// URL)`}},
		{"relative url", "          - name: A\n            homepage_url: example.com\n            logo: a.svg\n",
			[]string{`landscape.yml:9:27: error: item "A": homepage_url: "example.com" is not an http(s) URL (write an absolute https:// URL)`}},
		{"wrong type", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            open_source: yes please\n",
			[]string{`landscape.yml:11:26: error: item "A": open_source: expected true or false, found text`}},
		{"list for text", "          - name: A\n            homepage_url: https://a.io\n            logo: [a.svg]\n",
			[]string{`landscape.yml:10:19: error: item "A": logo: expected text, found a list`}},
		{"unknown field near miss", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            repo_ur: https://github.com/a/a\n",
			[]string{`landscape.yml:11:13: warning: item "A": repo_ur: unknown field, not shown on the site (did you mean "repo_url"?)`}},
		{"unknown extra near miss", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            extra:\n              documentation_ul: https://a.io/docs\n",
			[]string{`landscape.yml:12:15: warning: item "A": extra.documentation_ul: unknown key, not shown on the site (did you mean "documentation_url"?)`}},
		{"bad date", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            extra:\n              accepted: last year\n",
			[]string{`landscape.yml:12:25: error: item "A": extra.accepted: "last year" is not a date (write YYYY-MM-DD)`}},
		{"repeated key", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            logo: b.svg\n",
			[]string{`landscape.yml:11:13: error: item "A": key "logo" repeated (keep one)`}},
		{"empty optional", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            description:\n",
			[]string{`landscape.yml:11:25: warning: item "A": description: empty value, ignored (remove the key or give it a value)`}},
		{"not a mapping", "          - just text\n",
			[]string{`landscape.yml:8:13: error: items: expected an item ("- item:" with name, homepage_url and logo), found text`}},
		{"empty name", "          - name:\n            homepage_url: https://a.io\n            logo: a.svg\n",
			[]string{`landscape.yml:8:18: error: name: empty (every item needs name, homepage_url and logo)`}},
		{"empty list of text", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            extra:\n              summary_tags: []\n",
			[]string{`landscape.yml:12:29: warning: item "A": extra.summary_tags: empty value, ignored (remove the key or give it a value)`}},
		{"list entry not a mapping", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            additional_repos: [https://github.com/a/b]\n",
			[]string{`landscape.yml:11:32: error: item "A": additional_repos: expected {repo_url: ..., branch: ...}, found text`}},
		{"unknown nested key", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            extra:\n              other_links: [{name: Docs, ur: https://a.io}]\n",
			[]string{`landscape.yml:12:42: warning: item "A": extra.other_links.ur: unknown key, ignored (did you mean "url"?)`}},
		{"organization as text", "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            organization: Acme\n",
			[]string{`landscape.yml:11:27: warning: item "A": organization: expected a mapping (write organization: {name: Acme}), read as the name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseItems(t, tt.items)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseKeepsValidValues(t *testing.T) {
	l, _ := parseItems(t, "          - name: A\n            homepage_url: javascript:alert(1)\n            logo: a.svg\n            twitter: https://twitter.com/a\n")
	it := l.Items[0]
	if it.HomepageURL != "" {
		t.Errorf("unsafe homepage_url kept: %q", it.HomepageURL)
	}
	if it.Twitter != "https://twitter.com/a" {
		t.Errorf("valid twitter lost: got %q", it.Twitter)
	}
}

func TestParseSyntaxError(t *testing.T) {
	_, diags := Parse("landscape.yml", []byte("landscape:\n  - category:\n    name: [unclosed\n"))
	if len(diags) != 1 || diags[0].Line == 0 || !strings.Contains(diags[0].Message, "invalid YAML") {
		t.Fatalf("got %v, want one positioned YAML syntax error", diags)
	}
}

func TestParseNullItems(t *testing.T) {
	l, diags := Parse("l.yml", []byte("landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n"))
	if len(diags) != 0 || len(l.Categories[0].Subcategories) != 1 {
		t.Fatalf("null items: got %v diags, %d subcategories", diags, len(l.Categories[0].Subcategories))
	}
}

func TestSlugsStableAndUnique(t *testing.T) {
	l, _ := parseItems(t, "          - {name: Fn Project, homepage_url: 'https://fnproject.io', logo: a.svg}\n          - {name: Fn-Project, homepage_url: 'https://other.io', logo: b.svg}\n          - {name: OpenFaaS, homepage_url: 'https://openfaas.com', logo: c.svg}\n")
	got := []string{l.Items[0].Slug, l.Items[1].Slug, l.Items[2].Slug}
	if got[0] == got[1] || got[2] != "openfaas" || !strings.HasPrefix(got[0], "fn-project-") {
		t.Errorf("slugs: got %q", got)
	}
}

func corporaDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s: skipping the test on real data", dir)
	}
	return dir
}

func TestLoadCorpora(t *testing.T) {
	dir := corporaDir(t)
	tests := []struct {
		corpus     string
		items, cat int
		problems   int // all warnings about the data itself, none from the loader's limits
	}{{"serverless", 62, 1, 0}, {"cncf-full", 2413, 15, 14}}
	for _, tt := range tests {
		t.Run(tt.corpus, func(t *testing.T) {
			l, diags, err := Load(os.DirFS(filepath.Join(dir, tt.corpus)), "landscape.yml")
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Items) != tt.items || len(l.Categories) != tt.cat {
				t.Errorf("got %d items in %d categories, want %d in %d", len(l.Items), len(l.Categories), tt.items, tt.cat)
			}
			seen := map[string]bool{}
			for _, it := range l.Items {
				if seen[it.Slug] {
					t.Errorf("slug %q used twice", it.Slug)
				}
				seen[it.Slug] = true
			}
			for _, d := range diags {
				if d.Line == 0 || d.Severity == diag.Error {
					t.Errorf("problem without a line, or an error: %s", d)
				}
			}
			if len(diags) != tt.problems {
				t.Errorf("%d problems, want %d:\n%s", len(diags), tt.problems, strings.Join(lines(diags), "\n"))
			}
		})
	}
}

// FuzzParse checks that any file loads without a panic, keeps only safe
// links, reports every problem at a line and column, and stands for no more
// than its size allows, however it uses aliases and nesting.
func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "          - item:\n            name: A\n            homepage_url: https://a.io\n            logo: a.svg\n"))
	f.Add([]byte("landscape: [1, {category: x, subcategories: {}}]"))
	f.Add([]byte("a: &x [*x]"))
	f.Add([]byte("x:\n" + laughs("  ", 4, "{item: , name: A, homepage_url: 'https://a.example', logo: a.svg}") + header + "          - *l4\n"))
	f.Add([]byte(strings.Replace(header, "items:\n", "items: &i\n", 1) + item("A") + "      - {subcategory: , name: B, items: *i}\n"))
	f.Add([]byte("landscape: " + strings.Repeat("[", 200) + strings.Repeat("]", 200)))
	f.Add([]byte("landscape:\n" + strings.Repeat("- ", 300) + "x\n"))
	f.Add([]byte(header + item("\"a\\u202eb\"") + "            description: \"\\x00\\x1b[31m\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, diags := Parse("f.yml", data)
		if l == nil {
			t.Fatal("nil landscape")
		}
		text := 0
		for _, it := range l.Items {
			for _, u := range []string{it.HomepageURL, it.RepoURL, it.Twitter, it.Crunchbase} {
				if u != "" && CheckURL(u) != nil {
					t.Errorf("unsafe URL kept: %q", u)
				}
			}
			if len(it.Name) > maxShortText || len(it.Description) > maxLongText {
				t.Errorf("a name of %d bytes or a description of %d kept", len(it.Name), len(it.Description))
			}
			for _, v := range []string{it.Name, it.Description, it.Organization, it.License} {
				if strings.ContainsFunc(v, func(r rune) bool { return r != '\n' && r != '\t' && isControl(r) }) {
					t.Errorf("control or bidirectional character kept: %q", v)
				}
			}
			if strings.ContainsAny(it.Name+it.Organization, "\n\t") {
				t.Errorf("a name over several lines kept: %q, %q", it.Name, it.Organization)
			}
			text += len(it.Name) + len(it.Description) + len(it.Logo) + len(it.HomepageURL)
		}
		if len(l.Items) > len(data)+aliasNodeFloor || text > 2*len(data)+aliasByteFloor {
			t.Errorf("%d bytes stand for %d items with %d bytes of text", len(data), len(l.Items), text)
		}
		for _, d := range diags {
			if d.Line < 1 || d.Col < 1 {
				t.Errorf("problem without line and column: %s", d)
			}
		}
	})
}

func TestURLKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"https://github.com/o/r", "http://www.GitHub.com/o/R.git"},
		{"https://github.com/o/r", " https://github.com/o/r/ "},
		{"https://www.crunchbase.com/organization/acme", "https://crunchbase.com/organization/ACME/"},
	}
	for _, tt := range tests {
		if a, b := URLKey(tt.a), URLKey(tt.b); a != b {
			t.Errorf("URLKey(%q) = %q, URLKey(%q) = %q: want them equal", tt.a, a, tt.b, b)
		}
	}
	if URLKey("https://github.com/o/r") == URLKey("https://github.com/o/r2") {
		t.Error("different repositories got one key")
	}
}

func TestParseStructureProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"category without name", "landscape:\n  - category:\n    subcategories: []\n",
			[]string{`l.yml:2:5: error: category: missing name (add name: with the category's title)`}},
		{"subcategory without name", "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        items: []\n",
			[]string{`l.yml:5:9: error: subcategory: missing name (add name: with the subcategory's title)`}},
		{"key not plain", "landscape:\n  - category:\n    name: C\n    [a]: b\n",
			[]string{`l.yml:4:5: error: category: key is a list, not a plain name (write key: value)`}},
		{"no landscape", "categories: []\n",
			[]string{`l.yml:1:1: warning: categories: unknown top-level key, ignored (expected only "landscape")`,
				`l.yml:1:1: error: landscape: missing (the file must start with "landscape:" and a list of categories)`}},
		{"not a mapping", "- landscape\n",
			[]string{`l.yml:1:1: error: expected "landscape:" and a list of categories, found a list`}},
		{"empty landscape", "landscape: []\n",
			[]string{`l.yml:1:12: error: landscape: no categories (list them under "landscape:")`}},
		{"unknown category key", "landscape:\n  - category:\n    name: C\n    nmae: D\n",
			[]string{`l.yml:4:5: warning: category.nmae: unknown key, ignored (did you mean "name"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("l.yml", []byte(tt.src))
			got := lines(diags)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func BenchmarkParseCNCF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corporaDir(b), "cncf-full", "landscape.yml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse("landscape.yml", data)
	}
}
