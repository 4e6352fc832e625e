package gh

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestStatsString(t *testing.T) {
	tests := []struct {
		s    Stats
		want string
	}{
		{Stats{Repos: 1013, Requests: 14, Failed: 3}, "github: 1,013 repositories, 14 requests, 3 failed: kept cached values"},
		{Stats{Repos: 2, Requests: 0, FromCache: 2}, "github: 2 repositories, 0 requests"},
		{Stats{Repos: 1000000, Requests: 1020, Missing: 7}, "github: 1,000,000 repositories, 1,020 requests, 7 without data"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestRepoJSON(t *testing.T) {
	r := Repo{URL: "https://github.com/o/r", Owner: "o", Name: "r", Stars: 3,
		LatestRelease: &Release{Tag: "v1", Date: t0}, FetchedAt: t0}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"url":"https://github.com/o/r","owner":"o","name":"r","stars":3,"forks":0,` +
		`"latest_release":{"tag":"v1","date":"2026-08-07T12:00:00Z"},"contributors":0,"open_issues":0,"open_pull_requests":0,"releases":0,"fetched_at":"2026-08-07T12:00:00Z"}`
	if string(data) != want {
		t.Errorf("got %s, want %s", data, want)
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		want     string
	}{
		{"terminal", true, "\rgithub: 1/4 repositories, about 30s left\x1b[K" +
			"\rgithub: 2/4 repositories, about 20s left\x1b[K" +
			"\rgithub: 3/4 repositories, about 10s left\x1b[K" +
			"\rgithub: 4/4 repositories\x1b[K\n"},
		{"log", false, "github: 2/4 repositories, about 20s left\n" +
			"github: 4/4 repositories\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			clk := &clock{t0}
			p := newProgress(Options{Progress: &buf, ProgressTerminal: tt.terminal, ProgressInterval: 15 * time.Second, Now: clk.Now}, 4)
			for range 4 {
				clk.t = clk.t.Add(10 * time.Second)
				p.add(1)
			}
			p.finish()
			if got := buf.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Names travel as GraphQL variables, so a hostile one cannot change the query.
func TestBuildQuery(t *testing.T) {
	jobs := []*job{
		{key: newRepoKey("o", "r", ""), owner: "o", name: "r"},
		{key: newRepoKey("a", "b", `x") { __typename }`), owner: "a", name: "b"},
	}
	q, vars := buildQuery(jobs)
	for _, want := range []string{
		"query($o0: String!, $n0: String!, $o1: String!, $n1: String!, $b1: String!) {",
		"  r0: repository(owner: $o0, name: $n0) { ...repo }\n",
		"  r1: repository(owner: $o1, name: $n1) { ...repo branch: ref(qualifiedName: $b1)",
		"fragment repo on Repository {",
	} {
		if !strings.Contains(q, want) {
			t.Errorf("query lacks %q:\n%s", want, q)
		}
	}
	if strings.Contains(q, `x")`) {
		t.Errorf("branch name spliced into the query:\n%s", q)
	}
	if vars["b1"] != `refs/heads/x") { __typename }` || vars["o0"] != "o" || vars["n1"] != "b" {
		t.Errorf("got variables %v", vars)
	}
}

func TestFetchBadOptions(t *testing.T) {
	_, err := Fetch(t.Context(), Options{APIURL: "not a url"}, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "github api url: ") {
		t.Errorf("got error %v, want one about the api url", err)
	}
}
