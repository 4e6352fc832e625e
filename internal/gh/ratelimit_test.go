package gh

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

// sleeps records the waits Fetch asks for and really waits, since go-github
// itself refuses requests until a known reset time has passed.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return sleepContext(ctx, d)
}

// A rate limit that lifts within MaxRateWait is waited out.
func TestRateLimitWait(t *testing.T) {
	tests := []struct {
		name  string
		fault ghtest.Fault
	}{
		{"primary, reset now", ghtest.PrimaryRateLimit(http.StatusForbidden, time.Now())},
		{"primary 429, reset now", ghtest.PrimaryRateLimit(http.StatusTooManyRequests, time.Now())},
		{"secondary, retry after 1s", ghtest.SecondaryRateLimit(time.Second)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghtest.NewServer(t)
			s.Add(kubernetes)
			s.Inject(tt.fault)
			o := testOptions(t, s)
			var sl sleeps
			o.sleep = sl.sleep
			res := mustFetch(t, o, RepoRef{URL: "https://github.com/kubernetes/kubernetes"})
			if res.Stats.Fetched != 1 || res.Stats.Requests != 5 {
				t.Errorf("got %v, want 1 fetched with 5 requests: the refused one, GraphQL, contributors, activity, first commit", res.Stats)
			}
			if len(sl.d) != 1 || sl.d[0] <= 0 || sl.d[0] > 3*time.Second {
				t.Errorf("got waits %v, want one of a few seconds", sl.d)
			}
		})
	}
}

// With several tokens the work is spread, and a token out of budget leaves
// the others to finish.
func TestTokens(t *testing.T) {
	limited := ghtest.PrimaryRateLimit(http.StatusForbidden, time.Now().Add(time.Hour))
	tests := []struct {
		name        string
		faults      []ghtest.Fault
		serverToken string
		wantUsed    int // requests per token at least, from how many tokens
		tokens      int
	}{
		{"spread", nil, "", 80, 3},
		{"one token limited", []ghtest.Fault{limited}, "", 80, 2},
		{"two tokens rejected", nil, "tok-b", 250, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghtest.NewServer(t)
			refs := fakeLandscape(s, 300)
			s.Token = tt.serverToken
			for _, f := range tt.faults {
				s.Inject(f)
			}
			o := testOptions(t, s)
			o.Tokens = []string{"tok-a", "tok-b", "tok-c"}
			res := mustFetch(t, o, refs...)
			if res.Stats.Fetched != 300 || res.Stats.Failed != 0 {
				t.Errorf("got %v, want all 300 fetched", res.Stats)
			}
			used := map[string]int{}
			for _, r := range s.Requests() {
				used[r.Header.Get("Authorization")]++
			}
			busy := 0
			for _, n := range used {
				if n >= tt.wantUsed {
					busy++
				}
			}
			if busy != tt.tokens {
				t.Errorf("got requests per token %v, want %d tokens with at least %d", used, tt.tokens, tt.wantUsed)
			}
		})
	}
}

func TestNoToken(t *testing.T) {
	s, o, clk, cached := warmCache(t)
	uncached := RepoRef{URL: "https://github.com/etcd-io/etcd"}
	o.Tokens = nil
	clk.t = t0.Add(48 * time.Hour)
	res := mustFetch(t, o, cached, uncached)
	if s.Count() != 0 {
		t.Errorf("got %d requests, want none without a token", s.Count())
	}
	want := []string{"no GitHub token (set GITHUB_TOKEN): using cached data only"}
	if fmt.Sprint(res.Notices) != fmt.Sprint(want) {
		t.Errorf("got notices %q, want %q", res.Notices, want)
	}
	if r := res.Repos[cached.URL]; r == nil || !r.Stale || r.Stars != kubernetes.Stars {
		t.Errorf("got %+v, want the stale cached facts", r)
	}
	if res.Repos[uncached.URL] != nil || res.Stats.Missing != 1 || res.Stats.FromCache != 1 {
		t.Errorf("got %v, want 1 from cache and 1 missing", res.Stats)
	}
}

func TestOffline(t *testing.T) {
	s := ghtest.NewServer(t)
	s.Add(kubernetes)
	o := testOptions(t, s)
	o.Offline = true
	res := mustFetch(t, o, RepoRef{URL: "https://github.com/kubernetes/kubernetes"})
	if s.Count() != 0 || res.Stats.Missing != 1 || len(res.Notices) != 0 {
		t.Errorf("offline: got %d requests, %v, notices %q; want none, 1 missing", s.Count(), res.Stats, res.Notices)
	}
}

// A token never shows in problems, notices, logs or stats, even when a
// server quotes it back.
func TestTokenNeverShown(t *testing.T) {
	s := ghtest.NewServer(t)
	s.Add(kubernetes)
	s.Inject(ghtest.Fault{Path: "graphql", Status: 500, EchoAuthorization: true,
		Body: `{"message":"failed for $AUTH"}`})
	s.Inject(ghtest.Fault{Path: "graphql", Times: -1, Status: 400, EchoAuthorization: true,
		Body: `{"message":"bad request from $AUTH"}`})
	o := testOptions(t, s)
	var logs, prog bytes.Buffer
	o.Logger = logTo(&logs)
	o.Progress = &prog
	res := mustFetch(t, o, RepoRef{URL: "https://github.com/kubernetes/kubernetes"})
	all := problemText(res) + strings.Join(res.Notices, "\n") + logs.String() + prog.String() + res.Stats.String()
	if strings.Contains(all, testToken) {
		t.Errorf("token shown in output:\n%s", all)
	}
	if !strings.Contains(problemText(res), "bad request from Bearer [redacted]") {
		t.Errorf("got problems %q, want the server's message with the token redacted", problemText(res))
	}
	if !strings.Contains(logs.String(), "failed for Bearer [redacted]") {
		t.Errorf("got logs %q, want the retried answer logged with the token redacted", logs.String())
	}
}

// The token goes only to the configured GitHub origins, not to a host a
// redirect points at, nor over plain http.
func TestAuthTransportHosts(t *testing.T) {
	var got []string
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.URL.Host+" "+r.Header.Get("Authorization"))
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})
	tr := &authTransport{token: "tok", origins: map[string]bool{"https://api.github.com": true}, base: base}
	for _, u := range []string{"https://api.github.com/x", "https://API.github.com/x", "https://evil.example/x", "http://api.github.com/x"} {
		req, _ := http.NewRequest("GET", u, nil)
		tr.RoundTrip(req)
		if req.Header.Get("Authorization") != "" {
			t.Errorf("RoundTrip modified the caller's request for %s", u)
		}
	}
	want := []string{"api.github.com Bearer tok", "API.github.com Bearer tok", "evil.example ", "api.github.com "}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
