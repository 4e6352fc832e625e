package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

func load(t *testing.T, yml string) *landscape.Landscape {
	t.Helper()
	l, diags := landscape.Parse("landscape.yml", []byte(yml))
	if diags.HasErrors() {
		t.Fatalf("fixture does not load: %v", diags)
	}
	return l
}

func texts(l diag.List) []string {
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

const twoBoxes = `landscape:
  - category:
    name: Serverless
    subcategories:
      - subcategory:
        name: Framework
        items:
%s
      - subcategory:
        name: Tools
        items:
%s
`

func item(name, extra string) string {
	s := "          - item:\n            name: " + name + "\n            homepage_url: https://" + strings.ToLower(name) + ".example\n            logo: a.svg\n"
	for _, line := range strings.Split(extra, "\n") {
		if line != "" {
			s += "            " + line + "\n"
		}
	}
	return s
}

func TestData(t *testing.T) {
	tests := []struct {
		name      string
		framework string
		tools     string
		want      []string
	}{
		{"clean", item("A", ""), item("B", ""), nil},
		{"duplicate in box", item("A", "") + item("a", ""), item("B", ""),
			[]string{`landscape.yml:13:19: error: item "a": name: duplicate of the item at line 8 in the same subcategory (remove one or rename it)`}},
		{"duplicate across boxes", item("A", ""), item("A", ""),
			[]string{`landscape.yml:17:19: warning: item "A": name: same name as the item at line 8 in "Serverless / Framework" (rename one if they are different things)`}},
		{"shared repo", item("A", "repo_url: https://github.com/o/r"), item("B", "repo_url: https://github.com/O/r.git"),
			[]string{`landscape.yml:21:23: warning: item "B": repo_url: same repository as the item(s) at line 8 (set allow_duplicate_repo: true on each if intended)`}},
		{"shared repo allowed", item("A", "repo_url: https://github.com/o/r\nallow_duplicate_repo: true"), item("B", "repo_url: https://github.com/o/r\nallow_duplicate_repo: true"), nil},
		{"github organization", item("A", "repo_url: https://github.com/o\nadditional_repos: [{repo_url: https://github.com/o/r/tree/main}, {repo_url: https://gitlab.com/o/r}]"), item("B", ""),
			[]string{`landscape.yml:12:23: warning: item "A": repo_url: "https://github.com/o" is not a GitHub repository URL, so it has no stars or other facts (write https://github.com/owner/name)`,
				`landscape.yml:13:43: warning: item "A": additional_repos.repo_url: "https://github.com/o/r/tree/main" is not a GitHub repository URL, so it has no stars or other facts (write https://github.com/owner/name)`}},
		{"second path ok", item("A", "second_path: [Serverless/Tools]"), item("B", ""), nil},
		{"second path wrong case", item("A", "second_path: serverless / tools"), item("B", ""),
			[]string{`landscape.yml:12:26: warning: item "A": second_path: "serverless / tools" is not a subcategory of this landscape (did you mean "Serverless / Tools"?)`}},
		{"second of two second paths", item("A", "second_path:\n  - Serverless / Tools\n  - Serverless / Toolz"), item("B", ""),
			[]string{`landscape.yml:14:17: warning: item "A": second_path: "Serverless / Toolz" is not a subcategory of this landscape (write an existing "Category / Subcategory")`}},
		{"second path own box", item("A", "second_path: Serverless / Framework"), item("B", ""),
			[]string{`landscape.yml:12:26: warning: item "A": second_path: "Serverless / Framework" is the item's own subcategory (remove it)`}},
		{"maturity of its own", item("A", "project: sandboxed"), item("B", ""), nil},
		{"repeated box", item("A", ""), item("B", "") + "      - subcategory:\n        name: tools\n        items:\n" + item("C", ""),
			[]string{`landscape.yml:20:9: error: subcategory: "tools" repeats the subcategory "Tools" at line 13 in "Serverless" (merge them or rename one)`}},
		{"empty box", item("A", ""), "",
			[]string{`landscape.yml:13:9: warning: subcategory: "Tools" in "Serverless" has no items (add items or remove the subcategory)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tools := tt.tools
			if tools == "" {
				tools = "          []"
			}
			l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", tt.framework, 1), "%s", tools, 1))
			got := texts(Data(Input{Landscape: l, Settings: landscape.DefaultSettings()}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLogoRefs(t *testing.T) {
	logos := fstest.MapFS{"a.svg": {Data: []byte("<svg/>")}, "b c (1).svg": {Data: []byte("<svg/>")}}
	tests := []struct {
		logo string
		want string
	}{
		{"a.svg", ""},
		{"./a.svg", ""},
		{"b c (1).svg", ""},
		{"https://cdn.example/x.svg", ""},
		{"missing.svg", `"missing.svg" not found in hosted_logos (add the file or fix the name)`},
		{"../etc/passwd", `"../etc/passwd" leaves the logos folder (name a file inside it)`},
		{"sub/../../x.svg", `"sub/../../x.svg" leaves the logos folder (name a file inside it)`},
		{"/etc/passwd", `absolute path "/etc/passwd" (name a file inside the logos folder)`},
		{"http://cdn.example/x.svg", "logo URLs must be https:// (or name a file in the logos folder)"},
		{"data:image/svg+xml,<svg/>", "logo URLs must be https:// (or name a file in the logos folder)"},
	}
	for _, tt := range tests {
		t.Run(tt.logo, func(t *testing.T) {
			l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", ""), 1), "%s", item("B", ""), 1))
			l.Items[0].Logo = tt.logo
			var diags diag.List
			LogoRefs(l, logos, "hosted_logos", &diags)
			got := ""
			if len(diags) > 0 {
				got = diags[0].Message
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// loadCNCF loads the whole CNCF landscape of the shared corpora, and says
// where it is; tests and benchmarks skip without it.
func loadCNCF(tb testing.TB) (*landscape.Landscape, string) {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared corpora not found at %s: skipping the test on real data", dir)
	}
	l, _, err := landscape.Load(os.DirFS(dir), "landscape.yml")
	if err != nil {
		tb.Fatal(err)
	}
	return l, dir
}

func TestCorporaData(t *testing.T) {
	l, dir := loadCNCF(t)
	var diags diag.List
	LogoRefs(l, os.DirFS(filepath.Join(dir, "hosted_logos")), "hosted_logos", &diags)
	diags = append(diags, Data(Input{Landscape: l, Settings: landscape.DefaultSettings()})...)
	// The corpus README lists the real problems a validator must find.
	found := strings.Join(texts(diags), "\n")
	for _, want := range []string{`"mcp-gateway-registry.svg" not found in hosted_logos`, "same repository as", "is not a subcategory of this landscape", "same name as the item", `"https://github.com/tensorflow" is not a GitHub repository URL`} {
		if !strings.Contains(found, want) {
			t.Errorf("cncf-full: no problem saying %q", want)
		}
	}
}

// TestSettingsRefs checks that a setting naming what the landscape lacks is
// reported at the name in settings.yml.
func TestSettingsRefs(t *testing.T) {
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", ""), 1), "%s", item("B", ""), 1))
	s, diags := landscape.ParseSettings("settings.yml", []byte(`groups:
  - name: All
    categories: [Serverless, Servrless]
rules:
  star_exemptions:
    - {item: A, reason: small}
    - {item: Gone, reason: small}
`))
	if len(diags) != 0 {
		t.Fatalf("settings fixture: %v", diags)
	}
	want := []string{
		`settings.yml:3:30: warning: groups.categories: group "All" names category "Servrless", which landscape.yml does not have (fix the name or remove it)`,
		`settings.yml:7:14: warning: rules.star_exemptions: exempts "Gone", which landscape.yml does not have (remove the exemption)`,
	}
	if diff := cmp.Diff(want, texts(Data(Input{Landscape: l, Settings: s}))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestNormalizePath(t *testing.T) {
	tests := map[string]string{
		"Serverless/Tools":                  "Serverless / Tools",
		" Serverless /  Tools ":             "Serverless / Tools",
		"Platform / PaaS/Container Service": "Platform / PaaS/Container Service",
		"CI/CD / Tools":                     "CI/CD / Tools",
	}
	for in, want := range tests {
		if got := normalizePath(in); got != want {
			t.Errorf("normalizePath(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestLogoRefsNoFolder(t *testing.T) {
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", ""), 1), "%s", item("B", ""), 1))
	l.Items[1].Logo = "https://cdn.example/b.svg" // fetched, needs no folder
	var diags diag.List
	LogoRefs(l, nil, "hosted_logos", &diags)
	want := []string{`landscape.yml:11:19: error: item "A": logo: "a.svg" needs the logos folder hosted_logos, which does not exist (create it and add the file)`}
	if diff := cmp.Diff(want, texts(diags)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
