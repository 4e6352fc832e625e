package landscape

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestParseSettings(t *testing.T) {
	s, diags := ParseSettings("settings.yml", []byte(`
foundation: CNCF
url: https://landscape.example
base_path: /sub
colors:
  color1: "rgba(0, 107, 204, 1)"
  color2: "red;}body{background:url(https://evil.example)"
groups:
  - name: Projects and products
    categories: [Serverless]
rules:
  min_stars: 500
  star_exemptions:
    - item: A
analytics: {gtm: {container_id: X}}
colours: {}
`))
	got := lines(diags)
	want := []string{
		`settings.yml:16:1: warning: colours: unknown setting, ignored (did you mean "colors"?)`,
		`settings.yml:15:1: warning: landscape2 settings without effect here: analytics (it loads a third-party script, which the site's policy (script-src 'self') forbids by design)`,
		`settings.yml:7:11: error: colors.color2: "red;}body{background:url(https://evil.example)" is not a CSS colour (write #rrggbb or rgba(r, g, b, a))`,
		`settings.yml:14:7: error: rules.star_exemptions: exemption for "A" has no reason (say why, reviewers see it)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if s.Name != "CNCF Landscape" || s.BasePath != "/sub/" || s.Rules.MinStars != 500 || s.Groups[0].Alias != "projects-and-products" {
		t.Errorf("got name %q, base path %q, min stars %d, alias %q", s.Name, s.BasePath, s.Rules.MinStars, s.Groups[0].Alias)
	}
	if _, ok := s.Colors["color2"]; ok {
		t.Error("unsafe colour kept")
	}
	if d := DefaultSettings(); d.Name != "Landscape" || d.Rules.MinStars != 300 || len(d.Maturity) != 4 {
		t.Errorf("defaults: %+v", d)
	}
}

func TestSettingsBasePath(t *testing.T) {
	bad := []string{"sub", "/a/../b", "/x\"y", "/a b", "", "//evil.example/", "//evil.example",
		"/\\evil.example/", "\\\\evil.example/", "/\t/evil.example/", "/\n/evil.example", "/a\x00b/",
		"https://evil.example/", "/https://evil.example/", "/%2e%2e/x/", "/%2f%2fevil.example/", "/a//b/",
		"/a?x=1", "/a#x", "/\u202eoxe/", "/caf\u00e9/", "/a:b/", "/./", "/a/."}
	for _, bp := range bad {
		s, diags := ParseSettings("settings.yml", []byte("name: x\nbase_path: "+strconv.Quote(bp)+"\n"))
		if !diags.HasErrors() || s.BasePath != "/" {
			t.Errorf("base_path %q: got %q with %v, want an error and /", bp, s.BasePath, diags)
			continue
		}
		if d := diags[0]; d.Line != 2 || d.Field != "base_path" {
			t.Errorf("base_path %q: reported at line %d field %q, want line 2, base_path", bp, d.Line, d.Field)
		}
	}
	good := map[string]string{"/": "/", "/sub": "/sub/", "/a/b.c/": "/a/b.c/", "/l_1~x-y/": "/l_1~x-y/"}
	for bp, want := range good {
		s, diags := ParseSettings("settings.yml", []byte("base_path: "+strconv.Quote(bp)+"\n"))
		if len(diags) != 0 || s.BasePath != want {
			t.Errorf("base_path %q: got %q with %v, want %q", bp, s.BasePath, diags, want)
		}
	}
}

func TestSettingsSiteURL(t *testing.T) {
	for _, u := range []string{"//evil.example", "https://landscape.example@evil.example/", "https://evil.example\\@landscape.example/",
		"https://landscape.example/?x=<b>", "https://landscape.example/#x", "javascript:alert(1)", "https://land\u202escape.example/"} {
		s, diags := ParseSettings("settings.yml", []byte("url: "+strconv.Quote(u)+"\n"))
		if !diags.HasErrors() || s.URL != "" {
			t.Errorf("url %q: got %q with %v, want an error and no url", u, s.URL, diags)
		}
	}
	if s, diags := ParseSettings("settings.yml", []byte("url: https://landscape.cncf.io\n")); len(diags) != 0 || s.URL != "https://landscape.cncf.io" {
		t.Errorf("got %q with %v", s.URL, diags)
	}
}

func TestLoadCorporaSettingsAndGuide(t *testing.T) {
	dir := corporaDir(t)
	for _, corpus := range []string{"serverless", "cncf-full"} {
		sites := os.DirFS(filepath.Join(dir, corpus, "landscape2-sites"))
		s, diags, err := LoadSettings(sites, "settings.yml")
		// one notice lists the landscape2 keys without effect, and why
		if err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "analytics (it loads a third-party script") ||
			!strings.Contains(diags[0].Message, "osano (") || strings.Contains(diags[0].Message, "footer") {
			t.Errorf("%s settings: %v %v, want one notice naming analytics and osano", corpus, err, diags)
			continue
		}
		if len(s.Groups) == 0 || s.URL == "" || !strings.HasPrefix(s.Colors["color1"], "rgba(") {
			t.Errorf("%s settings: groups %d, url %q, color1 %q", corpus, len(s.Groups), s.URL, s.Colors["color1"])
		}
		g, diags, err := LoadGuide(sites, "guide.yml")
		if err != nil || len(diags) != 0 || len(g.Categories) == 0 || g.Categories[0].Content == "" {
			t.Errorf("%s guide: %v %v, %d chapters", corpus, err, diags, len(g.Categories))
		}
	}
}

// TestSettingsProblemPositions checks that each problem points at the value
// it is about, including values that only fail to decode.
func TestSettingsProblemPositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"not a number", "name: x\nrules:\n  min_stars: many\n",
			[]string{`settings.yml:3:14: error: rules.min_stars: expected a number, found text (see docs/settings.md)`}},
		{"every decode error", "maturity: {a: b}\ngroups: [{name: A, categories: x}]\n",
			[]string{`settings.yml:1:11: error: maturity: expected a list, found a mapping (see docs/settings.md)`,
				`settings.yml:2:32: error: groups.categories: expected a list, found text (see docs/settings.md)`}},
		{"second group's alias", "groups:\n  - name: A\n  - name: B\n    alias: Bad Alias\n",
			[]string{`settings.yml:4:12: error: groups.alias: "Bad Alias" is not a valid alias (use lower-case letters, digits and dashes)`}},
		{"repeated alias", "groups:\n  - name: All\n  - name: all\n  - {name: Other, alias: all}\n",
			[]string{`settings.yml:3:5: error: groups.alias: group "all" has the alias "all" of group "All" (give one an alias of its own)`,
				`settings.yml:4:26: error: groups.alias: group "Other" has the alias "all" of group "All" (give one an alias of its own)`}},
		{"negative min stars", "rules: {min_stars: -1}\n",
			[]string{`settings.yml:1:20: error: rules.min_stars: -1 is negative (write 0 to turn the star rule off)`}},
		{"second exemption", "rules:\n  star_exemptions:\n    - {item: A, reason: ok}\n    - item: B\n",
			[]string{`settings.yml:4:7: error: rules.star_exemptions: exemption for "B" has no reason (say why, reviewers see it)`}},
		{"one-box exception", "rules:\n  one_box:\n    exceptions:\n      - organization: Acme\n",
			[]string{`settings.yml:4:9: error: rules.one_box.exceptions: exception for "Acme" has no reason (say why, reviewers see it)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseSettings("settings.yml", []byte(tt.src))
			got := lines(diags)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSettingsPos(t *testing.T) {
	s, _ := ParseSettings("settings.yml", []byte("groups:\n  - name: A\n    categories: [X, Y]\n"))
	tests := []struct {
		path []string
		want Pos
	}{
		{[]string{"groups", "0", "categories", "1"}, Pos{3, 21}},
		{[]string{"groups", "0", "name"}, Pos{2, 11}},
		{[]string{"groups", "5"}, Pos{2, 3}}, // no such group: the list
		{[]string{"rules"}, Pos{1, 1}},       // not in the file: the document
	}
	for _, tt := range tests {
		if got := s.Pos(tt.path...); got != tt.want {
			t.Errorf("Pos(%q): got %+v, want %+v", tt.path, got, tt.want)
		}
	}
	if got := DefaultSettings().Pos("groups"); got != (Pos{}) {
		t.Errorf("default settings: got %+v, want no position", got)
	}
}

func TestGuideProblemPositions(t *testing.T) {
	fsys := fstest.MapFS{"guide.yml": {Data: []byte("categories:\n  - category: A\n    content: [x]\n")}}
	_, diags, err := LoadGuide(fsys, "guide.yml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`guide.yml:3:14: error: categories.content: expected text, found a list (expected categories: [{category, content, subcategories}])`}
	got := lines(diags)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// FuzzParseSettings checks that any settings file loads without a panic and
// leaves only values that are safe to write into the site.
func FuzzParseSettings(f *testing.F) {
	f.Add([]byte("name: x\nbase_path: /a\ncolors: {c: red}\ngroups: [{name: A, alias: a}]\n"))
	f.Add([]byte("rules:\n  min_stars: many\n  star_exemptions: [{item: A}]\n"))
	f.Add([]byte("maturity: &m {a: *m}\ngroups: [{name: x, categories: x}]\n"))
	f.Add([]byte("name: a\nname: b\ncolors: {a: red, a: blue}\norganization_names: {x: \"\\u202eX\", y: Y}\n"))
	f.Add([]byte(orgNames(maxMappingKeys+3, false)))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := ParseSettings("settings.yml", data)
		if len(s.OrganizationNames) > maxMappingKeys || len(s.Colors) > maxMappingKeys {
			t.Errorf("%d organization names and %d colours kept, more than one mapping may hold", len(s.OrganizationNames), len(s.Colors))
		}
		for _, g := range s.Groups {
			if strings.ContainsAny(g.Name, "\n\t") || hasControl(g.Name) {
				t.Errorf("a group name over several lines or with a control character kept: %q", g.Name)
			}
		}
		if hasControl(s.Name) || strings.ContainsFunc(s.Description, func(r rune) bool { return r != '\n' && r != '\t' && isControl(r) }) {
			t.Errorf("control or bidirectional character kept: %q, %q", s.Name, s.Description)
		}
		if !strings.HasPrefix(s.BasePath, "/") || !strings.HasSuffix(s.BasePath, "/") || strings.Contains(s.BasePath, "..") {
			t.Errorf("unsafe base path kept: %q", s.BasePath)
		}
		for k, c := range s.Colors {
			if !cssColor.MatchString(strings.TrimSpace(c)) {
				t.Errorf("unsafe colour %s kept: %q", k, c)
			}
		}
		for _, g := range s.Groups {
			if !aliasRe.MatchString(g.Alias) {
				t.Errorf("unsafe alias kept: %q", g.Alias)
			}
		}
		if s.URL != "" && CheckURL(s.URL) != nil {
			t.Errorf("unsafe url kept: %q", s.URL)
		}
	})
}

func TestSettingsNotAMapping(t *testing.T) {
	s, diags := ParseSettings("settings.yml", []byte("- name: x\n"))
	want := []string{`settings.yml:1:1: error: expected a mapping of settings (see docs/settings.md), found a list`}
	got := lines(diags)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if s.Name != "Landscape" || s.BasePath != "/" {
		t.Errorf("got name %q, base path %q; want the defaults", s.Name, s.BasePath)
	}
}

func TestSettingsOrganizationNames(t *testing.T) {
	s, diags := ParseSettings("settings.yml", []byte(`
organization_names:
  ntt-data: NTT DATA
  https://www.crunchbase.com/organization/acme-cloud/: " ACME Cloud "
  "bad slug": Bad
  empty: ""
`))
	want := []string{
		`settings.yml:5:15: error: organization_names: "bad slug" is not a crunchbase slug (write the last part of the organization's crunchbase URL, such as ntt-data)`,
		`settings.yml:6:10: error: organization_names: "empty" has an empty name (write the organization's name, or remove the entry)`,
	}
	got := lines(diags)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"ntt-data": "NTT DATA", "acme-cloud": "ACME Cloud"}, s.OrganizationNames); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}
