package gh

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

// TestStarsOnly checks the pull-request check's way of asking: one GraphQL
// request per batch and nothing per repository, whatever the cache holds
// (no CacheDir), and nothing written.
func TestStarsOnly(t *testing.T) {
	s := ghtest.NewServer(t)
	refs := fakeLandscape(s, 120)
	o := testOptions(t, s)
	cache := o.CacheDir
	o.CacheDir, o.StarsOnly = "", true
	res := mustFetch(t, o, refs...)
	if got, want := s.Count(), 3; got != want || res.Stats.Requests != want {
		t.Errorf("got %d requests (stats say %d), want %d: one per batch of 50", got, res.Stats.Requests, want)
	}
	for _, r := range s.Requests() {
		if r.Path != "/graphql" {
			t.Errorf("got a request for %s, want GraphQL only", r.Path)
		}
	}
	if r := res.Repos[refs[119].URL]; r == nil || r.Stars != 119*3 || r.Stale {
		t.Errorf("got %+v for %s, want 357 fresh stars", r, refs[119].URL)
	}
	if res.Stats.Fetched != 120 || len(res.Problems) != 0 {
		t.Errorf("got %v, problems %v; want 120 fetched", res.Stats, res.Problems)
	}

	// With a cache folder, StarsOnly still writes nothing: the entries would
	// lack the contributor counts a build shows.
	o.CacheDir = cache
	mustFetch(t, o, refs[:3]...)
	if _, err := os.Stat(filepath.Join(cache, "github")); !os.IsNotExist(err) {
		t.Errorf("StarsOnly wrote to the cache: %v", err)
	}
}

// TestNoTokenNoCacheNotice checks that the notice says what happens when
// there is neither a token nor a cache: no facts at all.
func TestNoTokenNoCacheNotice(t *testing.T) {
	res := mustFetch(t, Options{}, RepoRef{URL: "https://github.com/a/b"})
	if len(res.Notices) != 1 || res.Notices[0] != "no GitHub token (set GITHUB_TOKEN): no facts fetched" {
		t.Errorf("got notices %q", res.Notices)
	}
	if len(res.Repos) != 0 || res.Stats.Missing != 1 {
		t.Errorf("got %v, %d repos; want 1 missing", res.Stats, len(res.Repos))
	}
}
