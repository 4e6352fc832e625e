package build

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/templates"
)

// Every fact items.json carries comes back as it was fetched: a fact added
// to gh.Repo and exported but not read back fails here.
func TestFactsRoundTrip(t *testing.T) {
	day := time.Date(2026, 8, 7, 0, 0, 0, 0, time.UTC)
	r := &gh.Repo{URL: "https://github.com/acme/a", Owner: "acme", Name: "a", Stars: 5, Forks: 2,
		Description: "d", Homepage: "https://a.example", License: "MIT", Language: "Go",
		Languages: map[string]int{"Go": 10}, CreatedAt: day, LatestCommit: day,
		LatestRelease: &gh.Release{Tag: "v1", Date: day}, Contributors: 3, Archived: true,
		Topics: []string{"x"}, OpenIssues: 4, OpenPRs: 5, Releases: 6,
		Profile:     &gh.Owner{Login: "acme", Organization: true, Name: "ACME", Description: "o", Location: "Paris", Website: "https://acme.example"},
		FirstCommit: day, Activity: []int{1, 2}, FetchedAt: day, ContributorsFetchedAt: day.Add(time.Hour),
		ActivityFetchedAt: day.Add(2 * time.Hour), FirstCommitFetchedAt: day.Add(3 * time.Hour), Stale: true}
	// RenamedTo and NotFound are the cache's own: they are not exported.
	v := reflect.ValueOf(*r)
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; v.Field(i).IsZero() && name != "RenamedTo" && name != "NotFound" {
			t.Fatalf("the sample leaves %s unset: set it, so that the test covers it", name)
		}
	}
	if diff := cmp.Diff(r, repoFromFacts(r.URL, r.Owner, r.Name, repoFacts(r))); diff != "" {
		t.Errorf("facts lost on the way through items.json (-want +got):\n%s", diff)
	}
}

func TestSeedFactsPrefersTheFresher(t *testing.T) {
	old, recent := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	o := New(Options{FactsFrom: "x"})
	o.seeded = map[string]*gh.Repo{
		"https://github.com/a/missing": {Stars: 1, FetchedAt: old},
		"https://github.com/a/older":   {Stars: 2, FetchedAt: recent},
		"https://github.com/a/newer":   {Stars: 3, FetchedAt: old},
		"https://github.com/a/unasked": {Stars: 4, FetchedAt: recent},
	}
	facts := map[string]*gh.Repo{
		"https://github.com/a/older": {Stars: 20, FetchedAt: old},
		"https://github.com/a/newer": {Stars: 30, FetchedAt: recent},
	}
	l := &landscape.Landscape{Items: []*landscape.Item{{RepoURL: "https://github.com/a/missing"},
		{RepoURL: "https://github.com/a/older"}, {RepoURL: "https://github.com/a/newer"}}}
	var diags diag.List
	got := map[string]int{}
	for u, r := range o.seedFacts(context.Background(), &site.Site{}, l, facts, &diags) {
		got[u] = r.Stars
	}
	wantStars := map[string]int{"https://github.com/a/missing": 1, "https://github.com/a/older": 2, "https://github.com/a/newer": 30}
	if diff := cmp.Diff(wantStars, got); diff != "" {
		t.Errorf("stars (-want +got):\n%s", diff)
	}
}

// factsLandscape writes a landscape of two GitHub repositories and an
// items.json that knows the first.
func factsLandscape(t *testing.T) (dir string, itemsJSON []byte) {
	dir = t.TempDir()
	data := "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n" +
		"          - item:\n            name: A\n            homepage_url: https://a.example\n            logo: a.svg\n            repo_url: https://github.com/acme/a\n" +
		"          - item:\n            name: B\n            homepage_url: https://b.example\n            logo: a.svg\n            repo_url: https://github.com/acme/b\n"
	logo := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>`
	if err := os.WriteFile(filepath.Join(dir, "landscape.yml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "logos"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logos", "a.svg"), []byte(logo), 0o644); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 8, 7, 0, 0, 0, 0, time.UTC)
	items := []site.Item{{Name: "A", Repos: []site.Repo{{URL: "https://github.com/acme/a", Primary: true,
		GitHub: &site.RepoFacts{Stars: 4321, Language: "Go", Fetched: site.FetchDates{Facts: &day}}}}}}
	itemsJSON, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	return dir, itemsJSON
}

func factsOptions(dir, from string) Options {
	return Options{DataFile: filepath.Join(dir, "landscape.yml"), LogosDir: filepath.Join(dir, "logos"),
		OutDir: filepath.Join(dir, "public"), Offline: true, NoPoster: true, Templates: templates.FS, FactsFrom: from}
}

// builtStars reads the stars of each item from the built items.json.
func builtStars(t *testing.T, dir string) map[string]int {
	data, err := os.ReadFile(filepath.Join(dir, "public", "data", "items.json"))
	if err != nil {
		t.Fatal(err)
	}
	var items []struct {
		Name  string `json:"name"`
		Stars int    `json:"stars"`
	}
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	stars := map[string]int{}
	for _, it := range items {
		stars[it.Name] = it.Stars
	}
	return stars
}

func TestBuildFactsFromFile(t *testing.T) {
	dir, itemsJSON := factsLandscape(t)
	from := filepath.Join(dir, "items.json")
	if err := os.WriteFile(from, itemsJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), factsOptions(dir, from)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"A": 4321, "B": 0}, builtStars(t, dir)); diff != "" {
		t.Errorf("stars (-want +got):\n%s", diff)
	}
}

// viaTransport hides the transport's type, so the download client keeps it
// and reaches the test server on loopback.
type viaTransport struct{ http.RoundTripper }

func TestBuildFactsFromURL(t *testing.T) {
	dir, itemsJSON := factsLandscape(t)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/data/items.json" {
			http.NotFound(w, r)
			return
		}
		w.Write(itemsJSON)
	}))
	defer srv.Close()
	o := factsOptions(dir, srv.URL+"/data/items.json")
	o.Offline = false
	o.Client = &http.Client{Transport: viaTransport{srv.Client().Transport}}
	o.GitHub = gh.Options{Offline: true}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if got := builtStars(t, dir)["A"]; got != 4321 {
		t.Errorf("stars of A: got %d, want 4321 from the deployed site", got)
	}
}

// A source that cannot be used is a warning that names it and why; the
// site is built without its facts.
func TestBuildFactsFromBadSource(t *testing.T) {
	dir, _ := factsLandscape(t)
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"not": "items"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ from, want string }{
		{bad, "not the data/items.json of a landscape site"},
		{filepath.Join(dir, "absent.json"), "no such file"},
		{dir, "not a regular file"},
		{"http://example.com/data/items.json", "not an https URL"},
		{"https://example.com/data/items.json", "offline"},
		{FactsSite, "settings have no url"},
	}
	for _, tt := range tests {
		res, err := Build(context.Background(), factsOptions(dir, tt.from))
		if err != nil {
			t.Fatalf("%s: the build failed: %v", tt.from, err)
		}
		found := false
		for _, d := range res.Diags {
			if d.Severity == diag.Warning && strings.Contains(d.Message, "facts-from") && strings.Contains(d.Message, tt.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no warning saying %q in %v", tt.from, tt.want, res.Diags)
		}
		if got := builtStars(t, dir)["A"]; got != 0 {
			t.Errorf("%s: stars of A %d, want none", tt.from, got)
		}
	}
}
