package gh

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

// GitHub answers 202 while it computes the activity; it is asked again
// after a pause in the same run, and on the next run when still pending.
func TestActivityPending(t *testing.T) {
	tests := []struct {
		name         string
		pending      int
		wantActivity bool
		wantRequests int // GraphQL, contributors, first commit, and each activity request
		wantNotice   string
	}{
		{"ready", 0, true, 4, ""},
		{"pending once", 1, true, 5, ""},
		{"pending beyond the run", 5, false, 6, "still computing the commit activity of 1 repositories"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghtest.NewServer(t)
			k := kubernetes
			k.StatsPending = tt.pending
			s.Add(k)
			o := testOptions(t, s)
			clk := &clock{t0}
			o.Now = clk.Now
			var sl sleeps
			o.sleep = func(ctx context.Context, d time.Duration) error { sl.d = append(sl.d, d); return nil }
			ref := RepoRef{URL: "https://github.com/kubernetes/kubernetes"}
			res := mustFetch(t, o, ref)
			r := res.Repos[ref.URL]
			if got := r != nil && len(r.Activity) == 52; got != tt.wantActivity || res.Stats.Requests != tt.wantRequests {
				t.Errorf("got activity %v with %d requests, want %v with %d", got, res.Stats.Requests, tt.wantActivity, tt.wantRequests)
			}
			checkMentions(t, "notices", strings.Join(res.Notices, "\n"), tt.wantNotice)
			if tt.pending > 0 && (len(sl.d) == 0 || sl.d[0] != 5*time.Second) {
				t.Errorf("got pauses %v, want 5s before asking again", sl.d)
			}

			// The next run, within the lifetime, asks again only when the
			// activity is missing; the first commit is known by then.
			s.ResetRequests()
			s.Update("kubernetes/kubernetes", func(r *ghtest.Repo) { r.StatsPending = 0 })
			clk.t = t0.Add(time.Hour)
			res = mustFetch(t, o, ref)
			if want := map[bool]int{true: 0, false: 3}[tt.wantActivity]; res.Stats.Requests != want || len(res.Repos[ref.URL].Activity) != 52 {
				t.Errorf("next run: got %v, activity %v; want %d requests and the activity", res.Stats, res.Repos[ref.URL].Activity, want)
			}
		})
	}
}

// A batch that keeps failing is split until the repository that makes it
// fail is alone; the others are fetched.
func TestBatchSplit(t *testing.T) {
	s := ghtest.NewServer(t)
	var refs []RepoRef
	for i := range 8 {
		s.Add(ghtest.Repo{Owner: "o", Name: fmt.Sprintf("r%d", i), Stars: i, Heavy: i == 5})
		refs = append(refs, RepoRef{URL: fmt.Sprintf("https://github.com/o/r%d", i)})
	}
	o := testOptions(t, s)
	o.StarsOnly, o.CacheDir = true, ""
	res := mustFetch(t, o, refs...)
	if len(res.Repos) != 7 || res.Repos[refs[5].URL] != nil || res.Stats.Failed != 1 {
		t.Errorf("got %d repos, %v; want 7 fetched and r5 failed", len(res.Repos), res.Stats)
	}
	// 4 tries of the batch of 8, then 4+4, 2+2, 1+1 once each.
	if got := s.Count(); got != 10 {
		t.Errorf("got %d requests, want 10", got)
	}

	// When GitHub fails whatever the size, the splitting stops at once.
	s = ghtest.NewServer(t)
	s.Inject(with(ghtest.ServerError(), "graphql", -1))
	o.APIURL, o.HTTPClient = s.APIURL(), s.Client()
	res = mustFetch(t, o, refs...)
	if got := s.Count(); got != 6 || res.Stats.Failed != 8 {
		t.Errorf("outage: got %d requests, %v; want 6 (4 tries, 2 halves), 8 failed", got, res.Stats)
	}
}

// An entry of schema 1 is migrated: its values are kept, and refreshed at
// once to gain the new facts.
func TestCacheMigration(t *testing.T) {
	for _, failing := range []bool{false, true} {
		t.Run(fmt.Sprint("refresh failing: ", failing), func(t *testing.T) {
			s := ghtest.NewServer(t)
			s.Add(kubernetes)
			o := testOptions(t, s)
			o.MaxRetries = 0
			path := cache{o.CacheDir}.path(newRepoKey("kubernetes", "kubernetes", ""))
			os.MkdirAll(filepath.Dir(path), 0o755)
			old := `{"schema": 1, "key": "kubernetes/kubernetes", "fetched_at": "2026-08-01T00:00:00Z", "expires_at": "2100-01-01T00:00:00Z",
				"repo": {"url": "https://github.com/kubernetes/kubernetes", "owner": "kubernetes", "name": "kubernetes", "stars": 7, "contributors": 3, "fetched_at": "2026-08-01T00:00:00Z"}}`
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			if failing {
				s.Inject(with(ghtest.ServerError(), "graphql", -1))
			}
			ref := RepoRef{URL: "https://github.com/kubernetes/kubernetes"}
			res := mustFetch(t, o, ref)
			for _, n := range res.Notices {
				if strings.Contains(n, "unreadable") {
					t.Errorf("got notice %q: the old entry was dropped", n)
				}
			}
			r := res.Repos[ref.URL]
			switch {
			case r == nil:
				t.Fatal("no facts: the old entry was lost")
			case failing && (r.Stars != 7 || !r.Stale || !r.ContributorsFetchedAt.Equal(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC))):
				t.Errorf("got %+v, want the old values, stale", r)
			case !failing && (r.Stars != kubernetes.Stars || r.FirstCommit.IsZero() || len(r.Activity) != 52):
				t.Errorf("got %+v, want every new fact", r)
			}
		})
	}
}

// TestActivityCost measures the two ways of getting 52 weeks of commit
// activity by GitHub's GraphQL cost formula, for a batch of 50: REST
// stats/participation (one counted request per repository, no points) as
// the query gh sends, against 52 history(since:, until:) windows per
// repository in the GraphQL query.
func TestActivityCost(t *testing.T) {
	var jobs []*job
	for i := range 50 {
		jobs = append(jobs, &job{key: newRepoKey("o", fmt.Sprint("r", i), ""), owner: "o", name: fmt.Sprint("r", i)})
	}
	q, _ := buildQuery(jobs)
	var windows strings.Builder
	for w := range 52 {
		fmt.Fprintf(&windows, " w%d: history(since: $s%d, until: $u%d) { totalCount }", w, w, w+1)
	}
	withWindows := strings.Replace(q, "defaultBranchRef { target { ... on Commit { committedDate } } }",
		"defaultBranchRef { target { ... on Commit { committedDate"+windows.String()+" } } }", 1)
	rest, gql := ghtest.QueryCost(q), ghtest.QueryCost(withWindows)
	t.Logf("a batch of 50: %d points with REST activity (plus 50 counted requests), %d with history windows", rest, gql)
	if rest != 3 || gql != 29 {
		t.Errorf("got %d and %d points, want 3 and 29", rest, gql)
	}
}
