package site

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

const data = `landscape:
  - category:
    name: Tools
    subcategories:
      - subcategory:
        name: Security
        items:
          - {name: Guard, homepage_url: 'https://guard.example', logo: g.svg, crunchbase: 'https://www.crunchbase.com/organization/acme-cloud-co', second_path: [Platforms/Hosted, 'Platforms / Hosted', Nowhere / Box]}
  - category:
    name: Platforms
    subcategories:
      - subcategory:
        name: Installable
        items:
          - {name: Kn, homepage_url: 'https://kn.example', logo: k.svg, repo_url: 'https://github.com/kn/kn', project: graduated}
      - subcategory:
        name: Hosted
        items:
          - {name: Fx, homepage_url: 'https://fx.example', logo: f.svg, organization: {name: Fx Inc}, open_source: false, project: archived}
`

func TestAssemble(t *testing.T) {
	l, diags := landscape.Parse("landscape.yml", []byte(data))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, _ := landscape.ParseSettings("settings.yml", []byte(`
categories:
  - name: Platforms
    subcategories: [Hosted]
featured_items:
  - field: maturity
    options: [{value: graduated}]
tags:
  platforms: [{category: Platforms, subcategories: [Hosted]}]
enduser:
  - category: Tools
`))
	st := Assemble(l, s, nil)

	// Categories in file order; settings `categories` lists the subcategories
	// Platforms shows, and in which order: Installable is left out (landscape2).
	var boxes []string
	for _, c := range st.Categories {
		for _, b := range c.Subcategories {
			var names []string
			for _, it := range b.Items {
				names = append(names, it.Name)
			}
			boxes = append(boxes, c.Slug+"/"+b.Slug+": "+strings.Join(names, " "))
		}
	}
	want := []string{"tools/security: Guard", "platforms/hosted: Guard Fx"}
	if diff := cmp.Diff(want, boxes); diff != "" {
		t.Errorf("boxes (-want +got):\n%s", diff)
	}

	guard, kn, fx := st.Items[0], st.Items[1], st.Items[2]
	if diff := cmp.Diff([]string{"Tools / Security", "Platforms / Hosted", "Nowhere / Box"}, guard.Paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if guard.Organization != "Acme Cloud Co." || fx.Organization != "Fx Inc" {
		t.Errorf("organizations: got %q and %q", guard.Organization, fx.Organization)
	}
	if !kn.Featured || guard.Featured || !kn.OpenSource || fx.OpenSource || !fx.Archived || kn.Archived {
		t.Errorf("flags: kn featured %v open %v archived %v; guard featured %v; fx open %v archived %v",
			kn.Featured, kn.OpenSource, kn.Archived, guard.Featured, fx.OpenSource, fx.Archived)
	}
	if guard.Tag != "" || fx.Tag != "platforms" || kn.Tag != "" || !guard.EndUser || fx.EndUser {
		t.Errorf("settings tags and enduser: guard %q %v, fx %q %v, kn %q", guard.Tag, guard.EndUser, fx.Tag, fx.EndUser, kn.Tag)
	}
	if len(kn.Repos) != 1 || !kn.Repos[0].Primary || kn.ID != "kn" {
		t.Errorf("kn: repos %+v, id %q", kn.Repos, kn.ID)
	}
}

func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{"A/B": "A / B", " A  /  B ": "A / B", "A": "A"} {
		if got := NormalizePath(in); got != want {
			t.Errorf("NormalizePath(%q): got %q, want %q", in, got, want)
		}
	}
}
