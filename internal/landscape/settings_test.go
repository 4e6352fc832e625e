package landscape

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`settings.yml:16:1: warning: colours: unknown setting, ignored (did you mean "colors"?)`,
		`settings.yml:7:11: error: colors.color2: "red;}body{background:url(https://evil.example)" is not a CSS colour (write #rrggbb or rgba(r, g, b, a))`,
		`settings.yml:14:5: error: rules.star_exemptions: exemption for "A" has no reason (say why, reviewers see it)`,
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
	for _, bp := range []string{"sub", "/a/../b", "/x\"y", "/a b"} {
		s, diags := ParseSettings("settings.yml", []byte("base_path: '"+bp+"'\n"))
		if !diags.HasErrors() || s.BasePath != "/" {
			t.Errorf("base_path %q: got %q with %v, want an error and /", bp, s.BasePath, diags)
		}
	}
}

func TestLoadCorporaSettingsAndGuide(t *testing.T) {
	dir := corporaDir(t)
	for _, corpus := range []string{"serverless", "cncf-full"} {
		sites := os.DirFS(filepath.Join(dir, corpus, "landscape2-sites"))
		s, diags, err := LoadSettings(sites, "settings.yml")
		if err != nil || len(diags) != 0 {
			t.Errorf("%s settings: %v %v", corpus, err, diags)
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
