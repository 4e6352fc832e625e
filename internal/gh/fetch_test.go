package gh

import (
	"bytes"
	"context"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

const testToken = "ghp_testtoken0123456789"

var t0 = time.Date(2026, 8, 7, 12, 0, 0, 0, time.UTC)

// clock is a settable Now for cache lifetime tests.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

func testOptions(t *testing.T, s *ghtest.Server) Options {
	t.Helper()
	return Options{
		Tokens:     []string{testToken},
		APIURL:     s.APIURL(),
		HTTPClient: s.Client(),
		CacheDir:   t.TempDir(),
		sleep:      func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	}
}

// warmCache returns a fake GitHub that knows kubernetes, and options whose
// cache holds it as fetched at t0, with the clock to move past its lifetime.
func warmCache(t *testing.T) (*ghtest.Server, Options, *clock, RepoRef) {
	t.Helper()
	s := ghtest.NewServer(t)
	s.Add(kubernetes)
	o := testOptions(t, s)
	clk := &clock{t0}
	o.Now = clk.Now
	ref := RepoRef{URL: "https://github.com/kubernetes/kubernetes"}
	mustFetch(t, o, ref)
	s.ResetRequests()
	return s, o, clk, ref
}

func mustFetch(t *testing.T, o Options, refs ...RepoRef) Result {
	t.Helper()
	res, err := Fetch(context.Background(), o, refs)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	return res
}

var kubernetes = ghtest.Repo{
	Owner: "kubernetes", Name: "kubernetes", Stars: 110000, Forks: 40000,
	Description: "Production-Grade Container Scheduling and Management", Homepage: "https://kubernetes.io",
	License: "Apache-2.0", Language: "Go", Languages: map[string]int{"Go": 1000, "Shell": 10},
	CreatedAt: time.Date(2014, 6, 6, 22, 56, 4, 0, time.UTC), LatestCommit: time.Date(2026, 8, 6, 1, 2, 3, 0, time.UTC),
	Branches:     map[string]time.Time{"release-1.30": time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)},
	Release:      &ghtest.Release{Tag: "v1.34.0", Date: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)},
	Contributors: 3900, Topics: []string{"containers", "kubernetes"},
	OpenIssues: 2400, OpenPRs: 750, Releases: 900, Commits: 130000,
	FirstCommit: time.Date(2014, 6, 6, 20, 39, 56, 0, time.UTC),
	Weekly:      weeks(52, func(i int) int { return 100 + i }),
	Profile: ghtest.Owner{Type: "Organization", Name: "Kubernetes", Description: "Production-Grade Container Orchestration",
		Website: "https://kubernetes.io", Location: "Worldwide"},
}

// weeks makes n weekly counts, oldest first.
func weeks(n int, f func(int) int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func TestFetchFacts(t *testing.T) {
	s := ghtest.NewServer(t)
	s.Token = testToken
	s.Add(kubernetes)
	o := testOptions(t, s)
	o.Now = (&clock{t0}).Now
	res := mustFetch(t, o, RepoRef{URL: "https://github.com/Kubernetes/kubernetes/"})

	want := &Repo{
		URL: "https://github.com/Kubernetes/kubernetes/", Owner: "kubernetes", Name: "kubernetes",
		Stars: 110000, Forks: 40000, Description: kubernetes.Description, Homepage: "https://kubernetes.io",
		License: "Apache-2.0", Language: "Go", Languages: map[string]int{"Go": 1000, "Shell": 10},
		CreatedAt: kubernetes.CreatedAt, LatestCommit: kubernetes.LatestCommit,
		LatestRelease: &Release{Tag: "v1.34.0", Date: kubernetes.Release.Date},
		Contributors:  3900, Topics: []string{"containers", "kubernetes"},
		OpenIssues: 2400, OpenPRs: 750, Releases: 900,
		Profile: &Owner{Login: "kubernetes", Organization: true, Name: "Kubernetes",
			Description: "Production-Grade Container Orchestration", Location: "Worldwide", Website: "https://kubernetes.io"},
		FirstCommit: kubernetes.FirstCommit, Activity: kubernetes.Weekly,
		FetchedAt: t0, ContributorsFetchedAt: t0, ActivityFetchedAt: t0, FirstCommitFetchedAt: t0,
	}
	if diff := cmp.Diff(map[string]*Repo{want.URL: want}, res.Repos); diff != "" {
		t.Errorf("Repos mismatch (-want +got):\n%s", diff)
	}
	if len(res.Problems) != 0 || len(res.Notices) != 0 {
		t.Errorf("got problems %v, notices %v, want none", res.Problems, res.Notices)
	}
	wantStats := Stats{Repos: 1, Requests: 4, GraphQLPoints: 1, Fetched: 1}
	if diff := cmp.Diff(wantStats, res.Stats); diff != "" {
		t.Errorf("Stats mismatch (-want +got):\n%s", diff)
	}

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("got %d requests, want 4", len(reqs))
	}
	for _, r := range reqs {
		testHeader(t, r, "Authorization", "Bearer "+testToken)
		testHeader(t, r, "If-None-Match", "")
	}
	testMethod(t, reqs[0], "POST", "/graphql")
	testHeader(t, reqs[0], "Content-Type", "application/json")
	if !strings.Contains(reqs[0].Body, `"o0":"Kubernetes"`) || !strings.Contains(reqs[0].Body, "r0: repository(owner: $o0, name: $n0)") {
		t.Errorf("graphql body %s does not ask for Kubernetes/kubernetes as r0", reqs[0].Body)
	}
	if !strings.Contains(reqs[0].Body, "commits: defaultBranchRef") {
		t.Errorf("graphql body %s does not ask for the commit count", reqs[0].Body)
	}
	testMethod(t, reqs[1], "GET", "/repos/kubernetes/kubernetes/contributors")
	testQuery(t, reqs[1], "per_page=1&anon=true")
	testMethod(t, reqs[2], "GET", "/repos/kubernetes/kubernetes/stats/participation")
	testMethod(t, reqs[3], "GET", "/repos/kubernetes/kubernetes/commits")
	testQuery(t, reqs[3], "per_page=1&page=130000")
}

func testMethod(t *testing.T, r ghtest.Request, method, path string) {
	t.Helper()
	if r.Method != method || r.Path != path {
		t.Errorf("got %s %s, want %s %s", r.Method, r.Path, method, path)
	}
}

func testHeader(t *testing.T, r ghtest.Request, name, want string) {
	t.Helper()
	if got := r.Header.Get(name); got != want {
		t.Errorf("%s %s: header %s: got %q, want %q", r.Method, r.Path, name, got, want)
	}
}

func testQuery(t *testing.T, r ghtest.Request, want string) {
	t.Helper()
	wantQ, _ := url.ParseQuery(want)
	if diff := cmp.Diff(wantQ, r.Query); diff != "" {
		t.Errorf("%s %s: query mismatch (-want +got):\n%s", r.Method, r.Path, diff)
	}
}

func logTo(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
