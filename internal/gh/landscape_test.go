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
			Stars: i * 3, Contributors: i % 500, LatestCommit: t0.Add(-time.Duration(i) * time.Hour)}
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

// The request budget of the issue: at most 1.5 requests per repository
// cold, none warm.
func TestLandscapeRequestCount(t *testing.T) {
	s := ghtest.NewServer(t)
	refs := fakeLandscape(s, 1000)
	o := testOptions(t, s)
	clk := &clock{t0}
	o.Now = clk.Now
	var prog strings.Builder
	o.Progress = &prog

	cold := mustFetch(t, o, refs...)
	if !strings.HasSuffix(prog.String(), "github: 1,000/1,000 repositories\n") {
		t.Errorf("got progress %q, want it to end with the final count", prog.String())
	}
	if got, limit := cold.Stats.Requests, 1500; got > limit || got != s.Count() {
		t.Errorf("cold: got %d requests (server saw %d), want at most %d", got, s.Count(), limit)
	}
	if cold.Stats.Fetched != 1000 || len(cold.Repos) != 1000 || len(cold.Problems) != 0 {
		t.Errorf("cold: got %v, %d repos, problems %v; want 1000 fetched", cold.Stats, len(cold.Repos), cold.Problems)
	}
	if r := cold.Repos[refs[999].URL]; r == nil || r.Stars != 999*3 || r.Contributors != 499 {
		t.Errorf("cold: got %+v for %s, want 2997 stars and 499 contributors", r, refs[999].URL)
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

	// Past the lifetime, unchanged contributor counts come back as free 304s.
	clk.t = t0.Add(72 * time.Hour)
	expired := mustFetch(t, o, refs...)
	// Two repositories have no contributors: GitHub answers 204 without an ETag.
	if st := expired.Stats; st.Requests > 1500 || st.NotModified != 998 || st.Fetched != 1000 {
		t.Errorf("expired: got %d requests, %d not modified, %d fetched; want at most 1500, 998, 1000",
			st.Requests, st.NotModified, st.Fetched)
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
