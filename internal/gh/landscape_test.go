package gh

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

// fakeLandscape registers n repositories, a few of them with a branch, and
// returns the refs a landscape of that size would ask for.
func fakeLandscape(s *ghtest.Server, n int) []RepoRef {
	var refs []RepoRef
	for i := range n {
		r := ghtest.Repo{Owner: fmt.Sprintf("org%d", i%97), Name: fmt.Sprintf("project-%d", i),
			Stars: i * 3, Contributors: i % 500, LatestCommit: t0.Add(-time.Duration(i) * time.Hour),
			Commits: 1 + i*7, FirstCommit: t0.AddDate(-1-i%10, 0, 0), Weekly: weeks(52, func(w int) int { return (i + w) % 9 }),
			OpenIssues: i % 40, OpenPRs: i % 11, Releases: i % 30}
		ref := RepoRef{URL: "https://github.com/" + r.Owner + "/" + r.Name}
		if i%50 == 0 {
			r.Branches = map[string]time.Time{"develop": t0}
			ref.Branch = "develop"
		}
		s.Add(r)
		refs = append(refs, ref)
	}
	return refs
}

// The request budget of the issue, in requests charged to the REST rate
// limit (a 304 is free): at most 4 per repository cold (landscape2 sends 8),
// none within the cache lifetime, at most 1.1 past it; and under 1 GraphQL
// point per repository.
func TestLandscapeRequestCount(t *testing.T) {
	s := ghtest.NewServer(t)
	refs := fakeLandscape(s, 1000)
	o := testOptions(t, s)
	clk := &clock{t0}
	o.Now = clk.Now
	var prog strings.Builder
	o.Progress = &prog

	cold := mustFetch(t, o, refs...)
	t.Logf("cold: %v; %.2f counted requests and %.3f GraphQL points per repository", cold.Stats,
		float64(s.Counted())/1000, float64(s.Points())/1000)
	if !strings.HasSuffix(prog.String(), "github: 1,000/1,000 repositories\n") {
		t.Errorf("got progress %q, want it to end with the final count", prog.String())
	}
	if got, limit := s.Counted(), 4000; got > limit || got != cold.Stats.Counted() {
		t.Errorf("cold: got %d counted requests (stats say %d), want at most %d", got, cold.Stats.Counted(), limit)
	}
	if got := cold.Stats.GraphQLPoints; got >= 1000 || got != s.Points() {
		t.Errorf("cold: got %d GraphQL points (server charged %d), want under 1,000", got, s.Points())
	}
	if cold.Stats.Fetched != 1000 || len(cold.Repos) != 1000 || len(cold.Problems) != 0 {
		t.Errorf("cold: got %v, %d repos, problems %v; want 1000 fetched", cold.Stats, len(cold.Repos), cold.Problems)
	}
	r := cold.Repos[refs[999].URL]
	if r == nil || r.Stars != 999*3 || r.Contributors != 499 || r.OpenIssues != 999%40 || r.Releases != 999%30 ||
		!r.FirstCommit.Equal(t0.AddDate(-10, 0, 0)) || len(r.Activity) != 52 || r.Activity[51] != (999+51)%9 {
		t.Errorf("cold: got %+v for %s, want every fact of project-999", r, refs[999].URL)
	}
	if r := cold.Repos[refs[50].URL]; r == nil || !r.LatestCommit.Equal(t0) {
		t.Errorf("cold: got %+v for %s, want the develop branch's commit", r, refs[50].URL)
	}

	s.ResetRequests()
	clk.t = t0.Add(time.Hour)
	warm := mustFetch(t, o, refs...)
	if warm.Stats.Requests != 0 || s.Count() != 0 || warm.Stats.FromCache != 1000 {
		t.Errorf("warm: got %v (server saw %d requests), want 0 requests, 1000 from cache", warm.Stats, s.Count())
	}

	// Past the lifetime, a new week has changed every repository's activity;
	// unchanged contributor counts come back as free 304s, and the first
	// commits are not asked for again.
	for i := range 1000 {
		s.Update(fmt.Sprintf("org%d/project-%d", i%97, i), func(r *ghtest.Repo) { r.Weekly = append(r.Weekly[1:], 5) })
	}
	s.ResetRequests()
	clk.t = t0.Add(72 * time.Hour)
	expired := mustFetch(t, o, refs...)
	t.Logf("expired: %v; %.2f counted requests and %.3f GraphQL points per repository", expired.Stats,
		float64(s.Counted())/1000, float64(s.Points())/1000)
	// Two repositories have no contributors: GitHub answers 204 without an ETag.
	if st := expired.Stats; s.Counted() > 1100 || st.NotModified != 998 || st.Fetched != 1000 {
		t.Errorf("expired: got %d counted requests, %d not modified, %d fetched; want at most 1,100, 998, 1000",
			s.Counted(), st.NotModified, st.Fetched)
	}
	if r := expired.Repos[refs[999].URL]; r == nil || r.Activity[51] != 5 || !r.FirstCommit.Equal(t0.AddDate(-10, 0, 0)) {
		t.Errorf("expired: got %+v, want the new week and the first commit kept", r)
	}
}

func BenchmarkFetchCold(b *testing.B) {
	for b.Loop() {
		s := ghtest.NewServer(b)
		refs := fakeLandscape(s, 1000)
		o := Options{Tokens: []string{testToken}, APIURL: s.APIURL(), HTTPClient: s.Client(), CacheDir: b.TempDir()}
		if _, err := Fetch(b.Context(), o, refs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFetchWarm(b *testing.B) {
	s := ghtest.NewServer(b)
	refs := fakeLandscape(s, 1000)
	o := Options{Tokens: []string{testToken}, APIURL: s.APIURL(), HTTPClient: s.Client(), CacheDir: b.TempDir()}
	if _, err := Fetch(b.Context(), o, refs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if res, _ := Fetch(b.Context(), o, refs); res.Stats.Requests != 0 {
			b.Fatalf("warm fetch sent %d requests", res.Stats.Requests)
		}
	}
}
