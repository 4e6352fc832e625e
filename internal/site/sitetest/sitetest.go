// Package sitetest loads a hand-made site fixture for the tests of the
// renderer and the browser: a folder with landscape.yml, settings.yml,
// guide.yml and facts.json, the logos and GitHub facts a build would add.
package sitetest

import (
	"encoding/json"
	"io/fs"
	"os"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Load assembles the fixture in dir, failing the test on any error in it.
func Load(tb testing.TB, dir string) *site.Site {
	tb.Helper()
	fsys := os.DirFS(dir)
	l, diags, err := landscape.Load(fsys, "landscape.yml")
	if err != nil || diags.HasErrors() {
		tb.Fatalf("load %s: %v %v", dir, err, diags)
	}
	set, _, err := landscape.LoadSettings(fsys, "settings.yml")
	if err != nil {
		tb.Fatal(err)
	}
	g, _, err := landscape.LoadGuide(fsys, "guide.yml")
	if err != nil {
		tb.Fatal(err)
	}
	s := site.Assemble(l, set, g)
	addFacts(tb, fsys, s)
	return s
}

// addFacts sets each item's logo and GitHub facts from facts.json, keyed by
// item ID, as the build's logo and GitHub stages would.
func addFacts(tb testing.TB, fsys fs.FS, s *site.Site) {
	var facts map[string]struct {
		Logo  string            `json:"logo"`
		Repos []*site.RepoFacts `json:"repos"`
	}
	data, err := fs.ReadFile(fsys, "facts.json")
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(data, &facts); err != nil {
		tb.Fatal(err)
	}
	for _, it := range s.Items {
		f := facts[it.ID]
		it.Logo = f.Logo
		for i := range it.Repos {
			if i < len(f.Repos) {
				it.Repos[i].GitHub = f.Repos[i]
				it.Stars += f.Repos[i].Stars
				if o := f.Repos[i].Owner; i == 0 && o != nil && o.Organization {
					it.OrgProfile = o
				}
			}
		}
	}
}
