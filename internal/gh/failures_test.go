package gh

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

var etcd = ghtest.Repo{Owner: "etcd-io", Name: "etcd", Stars: 48000, Contributors: 900}

// TestFailures warms the cache, lets it expire, and refreshes through each
// failure GitHub produces: none may fail the run or lose cached values.
func TestFailures(t *testing.T) {
	k8s := "https://github.com/kubernetes/kubernetes"
	far := time.Now().Add(time.Hour)
	tests := []struct {
		name         string
		faults       []ghtest.Fault
		change       func(*ghtest.Server)
		opts         func(*Options)
		wantStars    int // of kubernetes: 1 more than cached when refreshed
		wantStale    bool
		wantFailed   int
		wantRequests int
		wantProblem  string
		wantNotice   string
	}{
		{name: "5xx every time", faults: []ghtest.Fault{with(ghtest.ServerError(), "graphql", -1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 6, wantProblem: "502"},
		{name: "5xx once", faults: []ghtest.Fault{with(ghtest.ServerError(), "graphql", 1)},
			wantStars: 110001, wantRequests: 6},
		{name: "timeout once", faults: []ghtest.Fault{with(ghtest.Hang(5*time.Second), "graphql", 1)},
			opts:      func(o *Options) { o.RequestTimeout = 100 * time.Millisecond },
			wantStars: 110001, wantRequests: 6},
		{name: "timeout every time", faults: []ghtest.Fault{with(ghtest.Hang(5*time.Second), "graphql", -1)},
			opts:      func(o *Options) { o.RequestTimeout = 20 * time.Millisecond; o.MaxRetries = 1 },
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 4, wantProblem: "deadline"},
		{name: "malformed JSON", faults: []ghtest.Fault{with(ghtest.MalformedJSON(), "graphql", 1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantProblem: "unexpected EOF"},
		{name: "primary rate limit 403", faults: []ghtest.Fault{with(ghtest.PrimaryRateLimit(http.StatusForbidden, far), "", -1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantNotice: "rate limit exhausted until"},
		{name: "primary rate limit 429", faults: []ghtest.Fault{with(ghtest.PrimaryRateLimit(http.StatusTooManyRequests, far), "", -1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantNotice: "rate limit exhausted until"},
		{name: "graphql RATE_LIMITED", faults: []ghtest.Fault{with(ghtest.GraphQLRateLimited(far), "", -1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantNotice: "rate limit exhausted until"},
		{name: "secondary rate limit longer than MaxRateWait", faults: []ghtest.Fault{with(ghtest.SecondaryRateLimit(time.Hour), "", -1)},
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantNotice: "rate limit exhausted until"},
		{name: "contributors 5xx every time", faults: []ghtest.Fault{with(ghtest.ServerError(), "kubernetes/contributors", -1)},
			wantStars: 110001, wantStale: true, wantFailed: 1, wantRequests: 8, wantProblem: "contributors"},
		{name: "token rejected", change: func(s *ghtest.Server) { s.Token = "another" },
			wantStars: 110000, wantStale: true, wantFailed: 2, wantRequests: 1, wantNotice: "rejected the token"},
		{name: "partial graphql error", change: func(s *ghtest.Server) {
			s.Update("kubernetes/kubernetes", func(r *ghtest.Repo) { r.GraphQLError = "Repository access blocked" })
		}, wantStars: 110000, wantStale: true, wantFailed: 1, wantRequests: 3, wantProblem: "Repository access blocked"},
		{name: "renamed", change: func(s *ghtest.Server) { s.Rename("kubernetes/kubernetes", "k8s/kube") },
			wantStars: 110001, wantRequests: 5, wantProblem: "moved to https://github.com/k8s/kube"},
		{name: "deleted", change: func(s *ghtest.Server) { s.Delete("kubernetes/kubernetes") },
			wantStars: 110000, wantRequests: 3, wantProblem: "not found"},
		{name: "too many contributors", change: func(s *ghtest.Server) {
			s.Update("kubernetes/kubernetes", func(r *ghtest.Repo) { r.TooManyContributors = true })
		}, wantStars: 110001, wantRequests: 5, wantProblem: "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghtest.NewServer(t)
			s.Add(kubernetes, etcd)
			o := testOptions(t, s)
			clk := &clock{time.Now()}
			o.Now = clk.Now
			refs := []RepoRef{{URL: k8s}, {URL: "https://github.com/etcd-io/etcd"}}
			mustFetch(t, o, refs...)

			s.Update("kubernetes/kubernetes", func(r *ghtest.Repo) { r.Stars++ })
			if tt.change != nil {
				tt.change(s)
			}
			for _, f := range tt.faults {
				s.Inject(f)
			}
			if tt.opts != nil {
				tt.opts(&o)
			}
			s.ResetRequests()
			clk.t = clk.t.Add(48 * time.Hour)
			res := mustFetch(t, o, refs...)

			r := res.Repos[k8s]
			if r == nil {
				t.Fatalf("no facts for %s: cached values lost", k8s)
			}
			if r.Stars != tt.wantStars || r.Stale != tt.wantStale {
				t.Errorf("got stars %d, stale %v; want %d, %v", r.Stars, r.Stale, tt.wantStars, tt.wantStale)
			}
			if res.Stats.Failed != tt.wantFailed || res.Stats.Requests != tt.wantRequests {
				t.Errorf("got %v (failed %d), want %d failed, %d requests", res.Stats, res.Stats.Failed, tt.wantFailed, tt.wantRequests)
			}
			checkMentions(t, "problems", problemText(res), tt.wantProblem)
			checkMentions(t, "notices", strings.Join(res.Notices, "\n"), tt.wantNotice)
		})
	}
}

func with(f ghtest.Fault, path string, times int) ghtest.Fault {
	f.Path, f.Times = path, times
	return f
}

func problemText(res Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func checkMentions(t *testing.T, what, got, want string) {
	t.Helper()
	if want == "" && got != "" {
		t.Errorf("got %s %q, want none", what, got)
	}
	if want != "" && !strings.Contains(got, want) {
		t.Errorf("got %s %q, want one mentioning %q", what, got, want)
	}
}

// TestProblemsForEverySpelling checks that a problem with a repository
// reaches every URL that names it, however spelled, so that each item
// naming it is told.
func TestProblemsForEverySpelling(t *testing.T) {
	s := ghtest.NewServer(t)
	s.Add(kubernetes)
	s.Inject(with(ghtest.ServerError(), "graphql", -1))
	o := testOptions(t, s)
	o.MaxRetries = 1
	refs := []RepoRef{{URL: "https://github.com/kubernetes/kubernetes"}, {URL: "https://github.com/Kubernetes/Kubernetes/"}}
	res := mustFetch(t, o, refs...)
	got := map[string]bool{}
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "refresh failed") {
			got[p.URL] = true
		}
	}
	for _, r := range refs {
		if !got[r.URL] {
			t.Errorf("no problem for %s: got %q", r.URL, problemText(res))
		}
	}
}

func TestSafeLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://kubernetes.io", "https://kubernetes.io"},
		{"http://example.com/a?b", "http://example.com/a?b"},
		{"kubernetes.io", "kubernetes.io"},
		{"", ""},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"\x01javascript:alert(1)", ""},
		{"data:text/html,<script>", ""},
	}
	for _, tt := range tests {
		if got := safeLink(tt.in); got != tt.want {
			t.Errorf("safeLink(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBadNameWithOwner checks that an answer naming no valid repository is
// a failed refresh, not a rename to "https://github.com/".
func TestBadNameWithOwner(t *testing.T) {
	for _, name := range []string{"", "no-slash", "o/../x"} {
		t.Run(name, func(t *testing.T) {
			s, o, clk, ref := warmCache(t)
			s.Inject(ghtest.Fault{Path: "graphql", Status: http.StatusOK,
				Body: `{"data":{"r0":{"nameWithOwner":"` + name + `","stargazerCount":1}}}`})
			clk.t = t0.Add(48 * time.Hour)
			res := mustFetch(t, o, ref)
			r := res.Repos[ref.URL]
			if r == nil || r.RenamedTo != "" || r.Stars != kubernetes.Stars || !r.Stale {
				t.Errorf("got %+v, want the stale cached facts", r)
			}
			checkMentions(t, "problems", problemText(res), "graphql: answer names the repository")
		})
	}
}
