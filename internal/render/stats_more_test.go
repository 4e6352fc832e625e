package render

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func project(name, maturity string, dates map[string]string, repos ...site.Repo) *site.Item {
	return &site.Item{Name: name, Maturity: maturity, Category: "C", Extra: landscape.Extra{Dates: dates},
		Source: &landscape.Item{Project: maturity}, Repos: repos}
}

func barValues(c chart) []string {
	var out []string
	for _, b := range c.Bars {
		out = append(out, b.Label+"="+b.ValueLabel)
	}
	return out
}

func TestStatsMaturityCharts(t *testing.T) {
	items := []*site.Item{
		project("a", "graduated", map[string]string{"accepted": "2018-01-01", "incubating": "2018-06-01", "graduated": "2021-07-01"}),
		project("b", "incubating", map[string]string{"accepted": "2018-05-05", "incubating": "2018-05-05"}), // entered at incubation
		project("c", "sandbox", map[string]string{"accepted": "2020-02-02"}),
		project("d", "sandbox", map[string]string{"accepted": "bad"}),
	}
	c, ok := acceptedPerYear(items)
	if diff := cmp.Diff([]string{"2018=2 (2)", "2020=1 (3)"}, barValues(c)); !ok || diff != "" {
		t.Errorf("accepted per year (-want +got):\n%s", diff)
	}
	c, ok = timeBetween(items, "x", "x", "accepted", "incubating")
	if diff := cmp.Diff([]string{"Under 1 year=1", "1 to 2 years=0", "2 to 3 years=0", "3 to 4 years=0", "4 years or more=0"}, barValues(c)); !ok || diff != "" {
		t.Errorf("to incubating (-want +got):\n%s", diff)
	}
	c, _ = timeBetween(items, "x", "x", "incubating", "graduated")
	if got := barValues(c)[3]; got != "3 to 4 years=1" {
		t.Errorf("to graduated: got %q, want 3 to 4 years=1", got)
	}
	if _, ok := timeBetween(items[2:], "x", "x", "incubating", "graduated"); ok {
		t.Error("a chart without any project that took the step")
	}
}

func TestRepoStats(t *testing.T) {
	day := func(s string) *time.Time { d, _ := time.Parse("2006-01-02", s); return &d }
	asOf := day("2026-08-01")
	weeks := func(n int) []int {
		w := make([]int, 52)
		w[51] = n
		return w
	}
	shared := site.Repo{URL: "https://github.com/o/shared", GitHub: &site.RepoFacts{Stars: 10, Forks: 1, Contributors: 5,
		Activity: weeks(3), CommitsLastYear: 3, Language: "Go", Languages: map[string]int{"Go": 2000},
		LatestCommit: day("2026-07-01"), Fetched: site.FetchDates{Facts: asOf}}}
	old := site.Repo{URL: "https://github.com/o/old", GitHub: &site.RepoFacts{Stars: 1, Activity: weeks(0), Language: "C",
		Languages: map[string]int{"C": 500, "Go": 1500}, LatestCommit: day("2025-01-01"), Fetched: site.FetchDates{Facts: asOf}}}
	gone := site.Repo{URL: "https://github.com/o/gone", GitHub: &site.RepoFacts{Archived: true, LatestCommit: day("2020-01-01")}}
	items := []*site.Item{project("a", "graduated", nil, shared, old), project("b", "sandbox", nil, shared, gone)}
	st := newRepoStats(items)
	if st.Repos != 3 || st.Stars != 11 || st.Forks != 1 || st.Contributors != 5 || st.Weekly.Total != 3 {
		t.Errorf("got %+v, want the shared repository counted once", st)
	}
	if len(st.Archived) != 1 || st.Archived[0].Name != "b" {
		t.Errorf("got archived %v, want b", st.Archived)
	}
	c, _ := bytesByLanguage(items)
	if diff := cmp.Diff([]string{"Go=3.5 kB", "C=500 B"}, barValues(c)); diff != "" {
		t.Errorf("bytes by language (-want +got):\n%s", diff)
	}
	c, _ = mostActive(items)
	if diff := cmp.Diff([]string{"a=3", "b=3"}, barValues(c)); diff != "" {
		t.Errorf("most active (-want +got):\n%s", diff)
	}
	s := &site.Site{Items: items, Categories: []*site.Category{{Name: "C"}}}
	c, _ = staleByCategory(s, 6)
	if diff := cmp.Diff([]string{"C=1"}, barValues(c)); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 B", 999: "999 B", 1000: "1 kB", 1_234_567: "1.2 MB", 3e9: "3 GB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d): got %q, want %q", n, got, want)
		}
	}
}
