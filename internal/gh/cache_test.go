package gh

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

func TestCacheLifetime(t *testing.T) {
	s, o, clk, ref := warmCache(t)

	tests := []struct {
		name         string
		at           time.Duration
		wantRequests int
	}{
		{"within lifetime", 21 * time.Hour, 0},
		{"past lifetime and jitter", 27 * time.Hour, 3}, // GraphQL, and two 304s
		{"again within the new lifetime", 28 * time.Hour, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.ResetRequests()
			clk.t = t0.Add(tt.at)
			res := mustFetch(t, o, ref)
			if res.Stats.Requests != tt.wantRequests || s.Count() != tt.wantRequests {
				t.Errorf("got %d requests (server saw %d), want %d", res.Stats.Requests, s.Count(), tt.wantRequests)
			}
			if r := res.Repos[ref.URL]; r == nil || r.Stars != kubernetes.Stars || r.Stale {
				t.Errorf("got %+v, want fresh facts", r)
			}
		})
	}
}

// An expired entry is refreshed with a conditional contributors request,
// which GitHub answers 304 without charging the rate limit.
func TestCacheConditionalRequest(t *testing.T) {
	s, o, clk, ref := warmCache(t)
	e, err := cache{o.CacheDir}.load(newRepoKey("kubernetes", "kubernetes", ""))
	if err != nil || e.ContributorsETag == "" {
		t.Fatalf("cache entry %+v, %v: want one with an ETag", e, err)
	}

	s.Update("kubernetes/kubernetes", func(r *ghtest.Repo) { r.Stars++ })
	clk.t = t0.Add(48 * time.Hour)
	res := mustFetch(t, o, ref)
	reqs := s.Requests()
	if len(reqs) != 3 {
		t.Fatalf("got %d requests, want 3: the first commit is known", len(reqs))
	}
	testHeader(t, reqs[1], "If-None-Match", e.ContributorsETag)
	testHeader(t, reqs[2], "If-None-Match", e.StatsETag)
	if strings.Contains(reqs[0].Body, "history") {
		t.Errorf("graphql asks for the commit count again: %s", reqs[0].Body)
	}
	if res.Stats.Counted() != 1 || res.Stats.NotModified != 2 {
		t.Errorf("got %v, want 1 counted request and 2 not modified", res.Stats)
	}
	r := res.Repos[ref.URL]
	if r.Contributors != kubernetes.Contributors || r.Stars != kubernetes.Stars+1 {
		t.Errorf("got %d contributors, %d stars; want %d, %d", r.Contributors, r.Stars, kubernetes.Contributors, kubernetes.Stars+1)
	}
}

func TestCacheUnreadable(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"truncated", `{"schema": 1, "key": "kuber`},
		{"old schema", `{"schema": 0, "key": "kubernetes/kubernetes", "repo": {"stars": 1}}`},
		{"another repository", `{"schema": 1, "key": "kubernetes/other", "expires_at": "2100-01-01T00:00:00Z", "repo": {"stars": 1}}`},
		{"empty", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghtest.NewServer(t)
			s.Add(kubernetes)
			o := testOptions(t, s)
			path := cache{o.CacheDir}.path(newRepoKey("kubernetes", "kubernetes", ""))
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			ref := RepoRef{URL: "https://github.com/kubernetes/kubernetes"}
			res := mustFetch(t, o, ref)
			if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "unreadable") {
				t.Errorf("got notices %q, want one about the unreadable entry", res.Notices)
			}
			if r := res.Repos[ref.URL]; r == nil || r.Stars != kubernetes.Stars {
				t.Errorf("got %+v, want refetched facts", r)
			}
			if _, err := (cache{o.CacheDir}).load(newRepoKey("kubernetes", "kubernetes", "")); err != nil {
				t.Errorf("entry not rebuilt: %v", err)
			}
		})
	}
}

// Runs sharing a cache directory at the same time leave every entry whole.
func TestCacheConcurrentRuns(t *testing.T) {
	s := ghtest.NewServer(t)
	var refs []RepoRef
	for i := range 200 {
		s.Add(ghtest.Repo{Owner: "org", Name: fmt.Sprintf("repo%d", i), Stars: i, Contributors: i})
		refs = append(refs, RepoRef{URL: fmt.Sprintf("https://github.com/org/repo%d", i)})
	}
	o := testOptions(t, s)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { // not mustFetch: t.Fatal belongs to the test's goroutine
			if _, err := Fetch(t.Context(), o, refs); err != nil {
				t.Errorf("Fetch: %v", err)
			}
		})
	}
	wg.Wait()

	s.ResetRequests()
	res := mustFetch(t, o, refs...)
	if s.Count() != 0 || len(res.Notices) != 0 || len(res.Repos) != len(refs) {
		t.Errorf("warm run after concurrent runs: %d requests, notices %q, %d repos; want 0, none, %d",
			s.Count(), res.Notices, len(res.Repos), len(refs))
	}
	leftovers, _ := filepath.Glob(filepath.Join(o.CacheDir, "github", "org", ".tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}
}

func TestCacheExpiryJitter(t *testing.T) {
	seen := map[time.Time]bool{}
	for range 100 {
		e := expiry(t0, 24*time.Hour)
		if e.Before(t0.Add(21*time.Hour+36*time.Minute)) || e.After(t0.Add(26*time.Hour+24*time.Minute)) {
			t.Fatalf("got expiry %v after fetch, want 24h ± 10%%", e.Sub(t0))
		}
		seen[e] = true
	}
	if len(seen) < 50 {
		t.Errorf("got %d distinct expiries in 100, want them spread", len(seen))
	}
}

func TestCachePathBranch(t *testing.T) {
	c := cache{"dir"}
	tests := []struct {
		key  repoKey
		want string
	}{
		{newRepoKey("Org", "Repo", ""), filepath.Join("dir", "github", "org", "repo.json")},
		{newRepoKey("org", "repo", "release/1.0"), filepath.Join("dir", "github", "org", "repo@release%2F1.0.json")},
		{newRepoKey("org", "repo", "../../x"), filepath.Join("dir", "github", "org", "repo@..%2F..%2Fx.json")},
	}
	for _, tt := range tests {
		if got := c.path(tt.key); got != tt.want {
			t.Errorf("path(%v): got %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestCacheSweep(t *testing.T) {
	c := cache{t.TempDir()}
	dir := filepath.Join(c.dir, "github", "org")
	os.MkdirAll(dir, 0o755)
	files := map[string]time.Duration{".tmp-old": 2 * time.Hour, ".tmp-new": time.Minute, "repo.json": 48 * time.Hour}
	for name, age := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o644)
		os.Chtimes(p, time.Now().Add(-age), time.Now().Add(-age))
	}
	c.sweep(time.Now())
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{".tmp-new", "repo.json"}; strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("got %q left, want %q", left, want)
	}
}
